"""The cross-side similarity matrix: statements for small inputs, topics for large ones."""

from __future__ import annotations

import numpy as np

from claimcmp.analysis import SimilarityMatrix, cross_side_similarity
from claimcmp.model import Release, Statement


def _statements(sides: list[str]) -> list[Statement]:
    release = Release(id="r", text="x" * len(sides))
    return [Statement.from_span(release, i, i + 1, side=side) for i, side in enumerate(sides)]


def test_small_inputs_compare_statements() -> None:
    stmts = _statements(["A", "B", "A", "joint"])
    emb = np.eye(4, dtype=np.float32)
    emb[2] = emb[1]
    m = cross_side_similarity(stmts, emb, [0, 0, 1, 2], {0: "t0", 1: "t1"}, ("A", "B"))
    assert m is not None and m.kind == "statements"
    assert m.row_ids == ("r@0-1", "r@2-3") and m.col_ids == ("r@1-2",)
    assert m.values == ((0.0,), (1.0,))


def test_large_inputs_compare_topic_centres() -> None:
    stmts = _statements(["A", "A", "B", "B", "A"])
    emb = np.array([[1, 0], [1, 0], [1, 0], [0, 1], [0, 1]], dtype=np.float32)
    m = cross_side_similarity(stmts, emb, [0, 0, 0, 1, 1], {0: "zero", 1: "one"}, ("A", "B"), max_statements=1)
    assert m is not None and m.kind == "topics"
    assert m.row_ids == ("0", "1") and m.col_ids == ("0", "1")
    assert m.row_labels == ("zero", "one")
    assert m.values == ((1.0, 0.0), (0.0, 1.0))
    assert SimilarityMatrix.from_dict(m.to_dict()) == m


def test_topics_are_capped_with_totals_kept() -> None:
    stmts = _statements(["A"] * 6 + ["B"] * 2)
    emb = np.tile(np.array([[1.0, 0.0]], dtype=np.float32), (8, 1))
    m = cross_side_similarity(stmts, emb, [0, 0, 1, 2, 3, 4, 0, 1], {}, ("A", "B"), max_statements=1, max_topics=2)
    assert m is not None and len(m.row_ids) == 2 and m.n_rows_total == 5 and m.row_ids[0] == "0"


def test_missing_side_gives_none() -> None:
    stmts = _statements(["A", "A"])
    assert cross_side_similarity(stmts, np.eye(2), [0, 1], {}, ("A", "B")) is None
