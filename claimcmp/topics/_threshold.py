"""The automatic cut of the exact backend: how many topics, when neither a count nor a threshold is given.

(The large-corpus backend cuts its tree by a von Mises-Fisher BIC instead: :mod:`._bic`.)

The average-linkage tree is cut where the **modularity** of the cut is
highest on the statements' nearest-neighbour graph (each statement linked to
its most similar statements): the share of links that stay inside topics,
minus the share expected if links were drawn at random with the same
degrees. Unlike the silhouette (used before, which kept rising up to the
largest candidate: several hundred topics for 8 classes), modularity falls
again once topics are cut below the scale at which statements link to each
other, so tiny topics are not rewarded.

Candidate cuts are about 40 numbers of topics spaced geometrically from 2
to ``min(4 * sqrt(n), n_cells - 1)``. The graph is built on a sample of at
most 4,000 statements (drawn with ``random_state``), with ``10 * sample / n``
neighbours each (at least 4; fewer for tiny corpora), so that a sample
neighbourhood spans about as many statements as 10 neighbours in the whole
corpus: O(sample^2 * dim) to build, then each candidate costs one sparse
product. Cuts whose largest topic holds more than a third of the
statements are passed over when any candidate avoids that (a catch-all topic
says nothing). Ties go to fewer topics.

:func:`silhouette_of_cut` (the previous criterion) is kept for comparison.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ._linkage import LinkageTree

__all__ = ["absorb_small_topics", "choose_n_clusters", "knn_graph", "modularity_of_cut", "silhouette_of_cut"]

_CANDIDATES = 40
_BLOCK = 1024
#: Statements the neighbour graph of the automatic cut is built on (a seeded sample above this).
GRAPH_SAMPLE = 4000
#: Neighbours per statement at the scale of the whole corpus.
NEIGHBOURS = 10
#: Largest share of statements one topic may hold in an automatic cut, when avoidable.
MAX_TOPIC_SHARE = 1 / 3
#: Smallest topic an automatic cut keeps: smaller ones join the topic they are most similar to.
MIN_TOPIC_SIZE = 2


def silhouette_of_cut(
    sample_cell_sims: np.ndarray,
    self_sims: np.ndarray,
    cell_counts: np.ndarray,
    cell_clusters: np.ndarray,
    sample_cells: np.ndarray,
) -> float:
    """Mean cosine silhouette of the sample rows for one cut.

    Parameters
    ----------
    sample_cell_sims : ndarray of shape (m, n_cells)
        Sum of the similarities of each sample row to the members of each
        cell (``sample @ cell_sums.T``), computed once for all cuts.
    self_sims : ndarray of shape (m,)
        Each sample row's similarity to itself (1 for unit rows).
    cell_counts : ndarray of shape (n_cells,)
    cell_clusters : ndarray of shape (n_cells,)
        Cluster of each cell, 0..k-1.
    sample_cells : ndarray of shape (m,)
        The cell of each sample row.
    """
    from scipy import sparse

    k = int(cell_clusters.max()) + 1
    n_cells = len(cell_clusters)
    to_cluster = sparse.csr_matrix((np.ones(n_cells), (np.arange(n_cells), cell_clusters)), shape=(n_cells, k))
    counts = np.bincount(cell_clusters, weights=cell_counts, minlength=k)
    # average similarity to each cluster (self included): (m, k)
    sims = np.asarray((to_cluster.T @ sample_cell_sims.T).T) / counts[None, :]
    rows = np.arange(len(sample_cells))
    own = cell_clusters[sample_cells]
    n_own = counts[own]
    with np.errstate(invalid="ignore", divide="ignore"):
        own_sim = (sims[rows, own] * n_own - self_sims) / (n_own - 1)
    sims[rows, own] = -np.inf
    within = 1.0 - own_sim
    between = 1.0 - sims.max(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        scores = (between - within) / np.maximum(within, between)
    scores = np.where((n_own > 1) & np.isfinite(scores), scores, 0.0)
    return float(scores.mean())


def knn_graph(vectors: np.ndarray, n_neighbours: int) -> Any:
    """Symmetric nearest-neighbour graph of unit rows (scipy CSR, n x n): i-j linked when either is a neighbour."""
    from scipy import sparse

    n = vectors.shape[0]
    m = max(1, min(int(n_neighbours), n - 1))
    rows, cols = [], []
    for start in range(0, n, _BLOCK):
        sims = vectors[start : start + _BLOCK] @ vectors.T
        sims[np.arange(len(sims)), np.arange(start, start + len(sims))] = -np.inf
        nearest = np.argpartition(-sims, m - 1, axis=1)[:, :m]
        rows.append(np.repeat(np.arange(start, start + len(sims)), m))
        cols.append(nearest.ravel())
    r, c = np.concatenate(rows), np.concatenate(cols)
    graph = sparse.csr_matrix((np.ones(len(r)), (r, c)), shape=(n, n))
    return (graph + graph.T).tocsr()


def modularity_of_cut(graph: Any, degrees: np.ndarray, labels: np.ndarray) -> float:
    """Newman modularity of a partition of the graph's nodes (labels 0..k-1)."""
    from scipy import sparse

    n, k = len(labels), int(labels.max()) + 1
    member = sparse.csr_matrix((np.ones(n), (np.arange(n), labels)), shape=(n, k))
    inside = float((member.T @ graph @ member).diagonal().sum())
    total = float(degrees.sum())
    per_topic = np.bincount(labels, weights=degrees, minlength=k)
    return inside / total - float(((per_topic / total) ** 2).sum())


def choose_n_clusters(
    tree: LinkageTree,
    vectors: np.ndarray,
    cells: np.ndarray | None = None,
    *,
    random_state: int = 0,
) -> int:
    """The number of clusters whose cut of ``tree`` has the highest modularity on the neighbour graph.

    Parameters
    ----------
    tree : LinkageTree
        Built over the cells of ``vectors``.
    vectors : ndarray of shape (n, dim)
        Unit vectors.
    cells : ndarray of shape (n,), optional
        Cell of each vector; default each vector its own cell.
    random_state : int, default=0
    """
    n = vectors.shape[0]
    if cells is None:
        cells = np.arange(n)
    max_k = min(int(4 * np.sqrt(n)), tree.n_cells - 1)
    if max_k < 2:
        return 1 if tree.n_cells < 3 else 2
    cell_counts = np.bincount(cells, minlength=tree.n_cells).astype(np.float64)
    idx = np.arange(n)
    if n > GRAPH_SAMPLE:
        idx = np.sort(np.random.default_rng(random_state).choice(n, GRAPH_SAMPLE, replace=False))
    n_neighbours = max(4, round(NEIGHBOURS * len(idx) / n)) if n > 4 * NEIGHBOURS else max(2, n // 10)
    graph = knn_graph(np.asarray(vectors[idx], dtype=np.float32), n_neighbours)
    degrees = np.asarray(graph.sum(axis=1)).ravel()
    candidates = np.unique(np.round(np.geomspace(2, max_k, _CANDIDATES)).astype(int))
    best: dict[bool, tuple[float, int]] = {}
    cuts = tree.cuts(candidates.tolist())
    for k in candidates.tolist():
        clusters = cuts[k]
        largest = np.bincount(clusters, weights=cell_counts).max() / n
        _, sample_labels = np.unique(clusters[cells[idx]], return_inverse=True)
        score = modularity_of_cut(graph, degrees, sample_labels)
        ok = bool(largest <= MAX_TOPIC_SHARE + 1e-12)
        if ok not in best or score > best[ok][0] + 1e-12:
            best[ok] = (score, k)
    return best[True][1] if True in best else best[False][1]


def absorb_small_topics(
    vectors: np.ndarray, labels: np.ndarray, min_size: int = MIN_TOPIC_SIZE, max_share: float = MAX_TOPIC_SHARE
) -> tuple[np.ndarray, float]:
    """Merge every topic smaller than ``min_size`` into the topic it is most similar to, on average.

    The smallest topic goes first (ties: the lowest label) and joins the topic
    whose members have the highest average cosine similarity to its own (for
    unit rows, the dot product of the two mean vectors); repeated until every
    topic holds ``min_size``. A merge that would make a topic hold more than
    ``max_share`` of the rows is not made (the small topic tries the next most
    similar one, and stays alone if none is left): one more round of average
    linkage restricted to the small topics. Last, each moved statement takes
    the topic it is most similar to on average (the rule that places new
    statements, so refitting and placing agree). Returns labels 0..k-1 and the
    lowest average similarity at which a merge was made (2.0 when none was),
    so the caller can lower its bar for new statements to match.

    Parameters
    ----------
    vectors : ndarray of shape (n, dim)
        Unit rows.
    labels : ndarray of shape (n,)
        Topic of each row, 0..k-1.
    min_size : int, default=MIN_TOPIC_SIZE
    max_share : float, default=MAX_TOPIC_SHARE
    """
    original = np.asarray(labels, dtype=np.intp)
    labels = original.copy()
    sizes = np.bincount(labels).astype(np.float64)
    sums = np.zeros((len(sizes), vectors.shape[1]))
    np.add.at(sums, labels, np.asarray(vectors, dtype=np.float64))
    alive, pending = sizes > 0, sizes < min_size
    lowest, limit = 2.0, max_share * len(labels) + 1e-9
    while (alive & pending).any():
        small = np.flatnonzero(alive & pending)
        c = int(small[np.argmin(sizes[small])])
        sims = (sums @ sums[c]) / np.maximum(sizes, 1.0) / sizes[c]
        sims[~alive | (sizes + sizes[c] > limit)] = -np.inf
        sims[c] = -np.inf
        target = int(np.argmax(sims))
        pending[c] = False
        if np.isfinite(sims[target]):  # else nowhere to go without a catch-all topic: it stays
            labels[labels == c] = target
            sums[target] += sums[c]
            sizes[target] += sizes[c]
            sizes[c], alive[c] = 0.0, False
            lowest = min(lowest, float(sims[target]))
    moved = np.flatnonzero(labels != original)
    if len(moved):  # each moved statement ends in the topic new statements like it would join
        avg = (np.asarray(vectors[moved], dtype=np.float64) @ sums.T) / np.maximum(sizes, 1.0)[None, :]
        avg[:, ~alive] = -np.inf
        labels[moved] = np.argmax(avg, axis=1)
        lowest = min(lowest, float(avg.max(axis=1).min()))
    return np.unique(labels, return_inverse=True)[1].astype(np.intp), lowest
