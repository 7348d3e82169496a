"""Candidate blocking: which cross-side pairs the classifier looks at.

Small comparisons (up to ``exhaustive_up_to`` pairs, n_a x n_b; off by
default) take every cross-side pair, with no cosine gate: a meeting holds tens
of statements a side, and a counter-claim or an agreement in other words can
sit far below any cosine bar. Beyond that, for each statement the ``top_k``
most similar statements of the other side (cosine, in blocks of rows so memory stays bounded), kept when
the cosine reaches ``min_cosine``. With topic labels, pairs inside one topic
get a ``topic_bonus`` in the ranking; pairs across topics may be made to need
``min_cosine + cross_topic_margin``, which is 0 by default: a counter-claim
often frames the same events in other words (the act blamed on another
actor), so its two statements easily land in different topics.

Up to ``max_exact_pairs`` (n_a x n_b) the search is exact, in blocks of rows.
Above it, an inverted-file search keeps the cost near-linear: the other
side's statements are quantised into cells of about ``cell_size`` by
spherical k-means, each statement compares itself with the centres, and then
only with the members of its ``n_probe`` nearest cells. Cost
O(n_a * (n_b / cell_size + n_probe * cell_size) * dim) instead of
O(n_a * n_b * dim); the neighbours found are approximate (recall measured in
``tests/compare/test_blocking.py`` and ``docs/relations.md``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..errors import ConfigurationError

__all__ = ["candidate_pairs"]


@dataclass(frozen=True)
class _Search:
    """What one top-k search keeps: ``k`` neighbours a row, at ``threshold`` cosine (plus
    ``cross_topic_margin`` across topics), ranked with ``topic_bonus`` inside one topic; ``block`` rows at
    a time; the inverted-file search's ``cell_size`` and ``n_probe``."""

    k: int
    threshold: float
    topic_bonus: float
    cross_topic_margin: float
    block: int
    cell_size: int = 64
    n_probe: int = 16


def _rank_and_need(
    sims: np.ndarray, topics_rows: np.ndarray | None, topics_cols: np.ndarray | None, search: _Search
) -> tuple[np.ndarray, np.ndarray]:
    """Ranking scores (cosine, plus ``topic_bonus`` inside one topic) and the cosine each pair needs."""
    if topics_rows is None or topics_cols is None:
        return sims, np.full(sims.shape, search.threshold, dtype=np.float32)
    same = (topics_rows[:, None] == topics_cols[None, :]) & (topics_rows[:, None] >= 0)
    need = np.where(same, search.threshold, search.threshold + search.cross_topic_margin)
    return sims + search.topic_bonus * same, need


def _top_k_rows(
    emb: tuple[np.ndarray, np.ndarray], topics: tuple[np.ndarray | None, np.ndarray | None], search: _Search
) -> set[tuple[int, int]]:
    """Exact search: each row of ``emb[0]``'s ``k`` best columns of ``emb[1]`` that reach the threshold."""
    (emb_a, emb_b), (topics_a, topics_b) = emb, topics
    pairs: set[tuple[int, int]] = set()
    k = min(search.k, emb_b.shape[0])
    for start in range(0, emb_a.shape[0], search.block):
        sims = emb_a[start : start + search.block] @ emb_b.T
        rows_topics = None if topics_a is None else topics_a[start : start + search.block]
        rank, need = _rank_and_need(sims, rows_topics, topics_b, search)
        idx = np.argpartition(-rank, k - 1, axis=1)[:, :k]
        rows = np.arange(idx.shape[0])[:, None]
        ok = sims[rows, idx] >= need[rows, idx]
        for r, c in zip(*np.nonzero(ok), strict=True):
            pairs.add((start + int(r), int(idx[r, c])))
    return pairs


def _top_k_rows_ivf(
    emb: tuple[np.ndarray, np.ndarray], topics: tuple[np.ndarray | None, np.ndarray | None], search: _Search
) -> set[tuple[int, int]]:
    """Approximate :func:`_top_k_rows`: search only the members of each row's nearest cells of ``emb[1]``."""
    from ..topics.quantise import group_sums, spherical_cells

    emb_a, emb_b = emb
    n_b = emb_b.shape[0]
    cells = spherical_cells(emb_b, max(1, n_b // search.cell_size), random_state=0)
    n_cells = int(cells.max()) + 1
    sums = group_sums(emb_b, cells, n_cells)
    centres = sums / np.maximum(np.linalg.norm(sums, axis=1, keepdims=True), 1e-12)
    probing_rows, row_bounds = _probes(emb_a, centres, min(search.n_probe, n_cells), search.block)
    member_order = np.argsort(cells, kind="stable")
    member_bounds = np.searchsorted(cells[member_order], np.arange(n_cells + 1))
    found: list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = []
    for c in range(n_cells):
        rows = probing_rows[row_bounds[c] : row_bounds[c + 1]]
        members = member_order[member_bounds[c] : member_bounds[c + 1]]
        if len(rows) and len(members):
            found.append(_cell_best(emb, topics, rows, members, search))
    return _k_best_per_row(found, search.k)


def _probes(emb_a: np.ndarray, centres: np.ndarray, n_probe: int, block: int) -> tuple[np.ndarray, np.ndarray]:
    """For each cell, the rows that probe it (each row probes its ``n_probe`` nearest cells): rows, bounds."""
    probe = np.empty((emb_a.shape[0], n_probe), dtype=np.intp)
    for start in range(0, emb_a.shape[0], block):
        near = emb_a[start : start + block] @ centres.T
        probe[start : start + block] = np.argpartition(-near, n_probe - 1, axis=1)[:, :n_probe]
    flat_cells = probe.ravel()
    order = np.argsort(flat_cells, kind="stable")
    probing_rows = (order // n_probe).astype(np.intp)
    row_bounds = np.searchsorted(flat_cells[order], np.arange(centres.shape[0] + 1))
    return probing_rows, row_bounds


def _cell_best(
    emb: tuple[np.ndarray, np.ndarray],
    topics: tuple[np.ndarray | None, np.ndarray | None],
    rows: np.ndarray,
    members: np.ndarray,
    search: _Search,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The ``k`` best members of one cell for each row probing it: rows, columns, rank, threshold reached."""
    (emb_a, emb_b), (topics_a, topics_b) = emb, topics
    sims = emb_a[rows] @ emb_b[members].T
    rank, need = _rank_and_need(
        sims, None if topics_a is None else topics_a[rows], None if topics_b is None else topics_b[members], search
    )
    kk = min(search.k, len(members))
    idx = np.argpartition(-rank, kk - 1, axis=1)[:, :kk]
    r = np.arange(len(rows))[:, None]
    return np.repeat(rows, kk), members[idx].ravel(), rank[r, idx].ravel(), (sims[r, idx] >= need[r, idx]).ravel()


def _k_best_per_row(found: list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]], k: int) -> set[tuple[int, int]]:
    """Of the cells' best members, each row's ``k`` best overall (ties by column) that reach the threshold."""
    if not found:
        return set()
    rows_all, cols_all, rank_all, ok_all = (np.concatenate(part) for part in zip(*found, strict=True))
    order = np.lexsort((cols_all, -rank_all, rows_all))  # per row: best rank first, ties by column
    rows_all, cols_all, ok_all = rows_all[order], cols_all[order], ok_all[order]
    first = np.searchsorted(rows_all, rows_all, side="left")
    keep = (np.arange(len(rows_all)) - first < k) & ok_all
    return set(zip(rows_all[keep].tolist(), cols_all[keep].tolist(), strict=True))


def candidate_pairs(
    emb_a: np.ndarray,
    emb_b: np.ndarray,
    *,
    top_k: int = 5,
    min_cosine: float = 0.3,
    topics_a: np.ndarray | None = None,
    topics_b: np.ndarray | None = None,
    topic_bonus: float = 0.1,
    cross_topic_margin: float = 0.0,
    block: int = 1024,
    max_exact_pairs: int = 100_000_000,
    cell_size: int = 64,
    n_probe: int = 16,
    exhaustive_up_to: int = 0,
) -> np.ndarray:
    """Cross-side candidate pairs, top-k in both directions.

    Parameters
    ----------
    emb_a : ndarray of shape (n_a, dim)
    emb_b : ndarray of shape (n_b, dim)
        L2-normalised embeddings of the two sides' statements.
    top_k : int, default=5
        Neighbours kept per statement, in each direction.
    min_cosine : float, default=0.3
    topics_a, topics_b : ndarray of shape (n_a,), (n_b,), optional
        Topic ids (-1 = outlier, never counts as shared).
    topic_bonus : float, default=0.1
    cross_topic_margin : float, default=0.0
    block : int, default=1024
        Rows of the similarity matrix held in memory at once.
    max_exact_pairs : int, default=100_000_000
        Above this many n_a x n_b pairs (e.g. 10,000 statements a side) the
        neighbours come from the approximate inverted-file search.
    cell_size : int, default=64
        Statements per cell of that search.
    n_probe : int, default=16
        Nearest cells each statement searches.
    exhaustive_up_to : int, default=0
        Up to this many n_a x n_b pairs, every pair is a candidate (no top-k,
        no cosine gate); 0: never.

    Returns
    -------
    ndarray of shape (n_pairs, 2), int64
        ``(i, j)`` rows: statement i of side A, statement j of side B; sorted.
    """
    if top_k < 1:
        raise ConfigurationError(f"top_k must be >= 1, got {top_k}.", fix="Pass top_k=5.")
    emb_a = np.asarray(emb_a, dtype=np.float32)
    emb_b = np.asarray(emb_b, dtype=np.float32)
    if emb_a.shape[0] == 0 or emb_b.shape[0] == 0:
        return np.zeros((0, 2), dtype=np.int64)
    if (topics_a is None) != (topics_b is None):
        raise ConfigurationError("Pass topic ids for both sides or for neither.", fix="Pass topics_a and topics_b.")
    if emb_a.shape[0] * emb_b.shape[0] <= exhaustive_up_to:
        rows, cols = np.meshgrid(np.arange(emb_a.shape[0]), np.arange(emb_b.shape[0]), indexing="ij")
        return np.stack([rows.ravel(), cols.ravel()], axis=1).astype(np.int64)
    ta = None if topics_a is None else np.asarray(topics_a)
    tb = None if topics_b is None else np.asarray(topics_b)
    search = _Search(top_k, float(min_cosine), topic_bonus, cross_topic_margin, block, cell_size, n_probe)
    top_k_rows = _top_k_rows_ivf if emb_a.shape[0] * emb_b.shape[0] > max_exact_pairs else _top_k_rows
    forward = top_k_rows((emb_a, emb_b), (ta, tb), search)
    backward = top_k_rows((emb_b, emb_a), (tb, ta), search)
    pairs = forward | {(i, j) for j, i in backward}
    if not pairs:
        return np.zeros((0, 2), dtype=np.int64)
    return np.asarray(sorted(pairs), dtype=np.int64)
