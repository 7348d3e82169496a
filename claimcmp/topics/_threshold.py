"""The automatic cut: how many topics, when neither a count nor a threshold is given.

The average-linkage tree is cut where the clustering's mean **silhouette**
(cosine) is highest: each statement's average distance to the other members
of its topic is compared with its average distance to the closest other
topic. Candidate cuts are about 40 numbers of topics spaced geometrically
from 2 to ``min(4 * sqrt(n), n_cells - 1)``; ties go to fewer topics. Cuts
whose largest topic holds more than a third of the statements are passed over
when any candidate avoids that: a catch-all topic says nothing (on one
homogeneous release the silhouette alone tends to pick two topics, one of
them holding most statements).

It is computed exactly from sums: for unit vectors the average similarity
of ``x`` to a group is ``<x, mean(group)>``. Silhouettes are averaged over a
sample of at most 1,000 statements (drawn with ``random_state``); a
statement alone in its topic scores 0. The similarities of the sample to
every cell are computed once; each candidate cut then only adds them up per
cluster, so trying 40 cuts costs little more than trying one.
"""

from __future__ import annotations

import numpy as np

from ._linkage import LinkageTree

__all__ = ["choose_n_clusters", "silhouette_of_cut"]

_SAMPLE = 1000
_CANDIDATES = 40
#: Largest share of statements one topic may hold in an automatic cut, when avoidable.
MAX_TOPIC_SHARE = 1 / 3


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


def choose_n_clusters(
    tree: LinkageTree,
    vectors: np.ndarray,
    cells: np.ndarray | None = None,
    *,
    random_state: int = 0,
) -> int:
    """The number of clusters whose cut of ``tree`` has the best silhouette.

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
    from scipy import sparse

    n = vectors.shape[0]
    if cells is None:
        cells = np.arange(n)
    max_k = min(int(4 * np.sqrt(n)), tree.n_cells - 1)
    if max_k < 2:
        return 1 if tree.n_cells < 3 else 2
    cell_counts = np.bincount(cells, minlength=tree.n_cells).astype(np.float64)
    onehot = sparse.csr_matrix((np.ones(n), (cells, np.arange(n))), shape=(tree.n_cells, n))
    cell_sums = np.asarray(onehot @ vectors.astype(np.float64))
    if n > _SAMPLE:
        idx = np.sort(np.random.default_rng(random_state).choice(n, _SAMPLE, replace=False))
    else:
        idx = np.arange(n)
    sample = vectors[idx].astype(np.float64)
    sample_cell_sims = sample @ cell_sums.T
    self_sims = np.einsum("ij,ij->i", sample, sample)
    candidates = np.unique(np.round(np.geomspace(2, max_k, _CANDIDATES)).astype(int))
    best: dict[bool, tuple[float, int]] = {}
    cuts = tree.cuts(candidates.tolist())
    for k in candidates.tolist():
        clusters = cuts[k]
        largest = np.bincount(clusters, weights=cell_counts).max() / n
        score = silhouette_of_cut(sample_cell_sims, self_sims, cell_counts, clusters, cells[idx])
        ok = bool(largest <= MAX_TOPIC_SHARE + 1e-12)
        if ok not in best or score > best[ok][0] + 1e-12:
            best[ok] = (score, k)
    return best[True][1] if True in best else best[False][1]
