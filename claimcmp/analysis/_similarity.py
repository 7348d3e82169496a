"""The cross-side similarity matrix drawn as the report's heatmap.

Small inputs compare statements with statements; larger ones compare topics
with topics (the mean embedding of each side's statements in a topic), so the
matrix stays readable and its size bounded.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

__all__ = ["SimilarityMatrix", "cross_side_similarity"]

#: Up to this many statements per side, the matrix is statements x statements.
MAX_STATEMENTS = 30
#: Topics per side kept in a topics x topics matrix (the largest).
MAX_TOPICS = 25


@dataclass(frozen=True)
class SimilarityMatrix:
    """Cosine similarity between what one side and the other said.

    Parameters
    ----------
    kind : {"statements", "topics"}
        What rows and columns are.
    sides : (str, str)
        Side of the rows, side of the columns.
    row_ids, col_ids : tuple of str
        Statement ids, or topic ids as strings.
    row_labels, col_labels : tuple of str
        Short readable labels, same order.
    values : tuple of tuple of float
        Shape (n_rows, n_cols), cosine similarity in [-1, 1].
    n_rows_total, n_cols_total : int
        Rows and columns before the largest were kept.
    """

    kind: str
    sides: tuple[str, str]
    row_ids: tuple[str, ...]
    col_ids: tuple[str, ...]
    row_labels: tuple[str, ...]
    col_labels: tuple[str, ...]
    values: tuple[tuple[float, ...], ...]
    n_rows_total: int
    n_cols_total: int

    def to_dict(self) -> dict[str, Any]:
        """A JSON-compatible dict."""
        return {
            "kind": self.kind,
            "sides": list(self.sides),
            "row_ids": list(self.row_ids),
            "col_ids": list(self.col_ids),
            "row_labels": list(self.row_labels),
            "col_labels": list(self.col_labels),
            "values": [list(row) for row in self.values],
            "n_rows_total": self.n_rows_total,
            "n_cols_total": self.n_cols_total,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SimilarityMatrix:
        """Inverse of :meth:`to_dict`."""
        return cls(
            kind=str(data["kind"]),
            sides=(str(data["sides"][0]), str(data["sides"][1])),
            row_ids=tuple(data["row_ids"]),
            col_ids=tuple(data["col_ids"]),
            row_labels=tuple(data["row_labels"]),
            col_labels=tuple(data["col_labels"]),
            values=tuple(tuple(float(v) for v in row) for row in data["values"]),
            n_rows_total=int(data["n_rows_total"]),
            n_cols_total=int(data["n_cols_total"]),
        )


def _short(text: str, width: int = 48) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _rounded(matrix: np.ndarray) -> tuple[tuple[float, ...], ...]:
    return tuple(tuple(round(float(v), 4) for v in row) for row in matrix)


def cross_side_similarity(
    statements: Sequence[Any],
    embeddings: np.ndarray,
    topic_ids: Sequence[int | None],
    topic_labels: Mapping[int, str],
    sides: tuple[str, str],
    *,
    max_statements: int = MAX_STATEMENTS,
    max_topics: int = MAX_TOPICS,
) -> SimilarityMatrix | None:
    """Similarity of side ``sides[0]``'s statements (rows) to ``sides[1]``'s (columns).

    Parameters
    ----------
    statements : sequence of Statement
    embeddings : ndarray of shape (n_statements, dim)
        L2-normalised.
    topic_ids : sequence of int or None
        Topic of each statement.
    topic_labels : mapping of int to str
    sides : (str, str)
    max_statements : int, default=30
        Statements x statements when both sides have at most this many.
    max_topics : int, default=25
        Otherwise topics x topics, keeping each side's largest topics.

    Returns
    -------
    SimilarityMatrix or None
        None when a side has no statement.
    """
    emb = np.asarray(embeddings, dtype=np.float64)
    idx = [[i for i, s in enumerate(statements) if s.side == side] for side in sides]
    if not idx[0] or not idx[1]:
        return None
    if len(idx[0]) <= max_statements and len(idx[1]) <= max_statements:
        return _statement_matrix(statements, emb, (idx[0], idx[1]), sides)
    (centres_a, total_a), (centres_b, total_b) = (_topic_centres(part, topic_ids, emb, max_topics) for part in idx)
    if not centres_a or not centres_b:
        return None
    a = np.stack([c for _, c in centres_a])
    b = np.stack([c for _, c in centres_b])
    ids = [tuple(str(t) for t, _ in part) for part in (centres_a, centres_b)]
    labels = [tuple(_short(topic_labels.get(t, str(t)), 36) for t, _ in part) for part in (centres_a, centres_b)]
    return SimilarityMatrix("topics", sides, ids[0], ids[1], labels[0], labels[1], _rounded(a @ b.T), total_a, total_b)


def _statement_matrix(
    statements: Sequence[Any], emb: np.ndarray, idx: tuple[list[int], list[int]], sides: tuple[str, str]
) -> SimilarityMatrix:
    """Statements x statements: rows ``idx[0]``, columns ``idx[1]``."""
    values = emb[idx[0]] @ emb[idx[1]].T
    ids = [tuple(statements[i].id for i in part) for part in idx]
    labels = [tuple(_short(statements[i].text) for i in part) for part in idx]
    return SimilarityMatrix(
        "statements", sides, ids[0], ids[1], labels[0], labels[1], _rounded(values), len(idx[0]), len(idx[1])
    )


def _topic_centres(
    part: Sequence[int], topic_ids: Sequence[int | None], emb: np.ndarray, max_topics: int
) -> tuple[list[tuple[int, np.ndarray]], int]:
    """(topic, normalised mean embedding) of the side's ``max_topics`` largest topics, and its number of topics."""
    members: dict[int, list[int]] = {}
    for i in part:
        topic = topic_ids[i]
        if topic is not None:
            members.setdefault(int(topic), []).append(i)
    largest = sorted(members.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:max_topics]
    centres = []
    for topic, rows in largest:
        centre = emb[rows].mean(axis=0)
        norm = np.linalg.norm(centre)
        centres.append((topic, centre / norm if norm > 0 else centre))
    return centres, len(members)
