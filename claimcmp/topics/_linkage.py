"""Exact average linkage on cosine similarity over weighted cells.

For unit vectors the average pairwise cosine similarity between two groups A
and B equals the dot product of their (unnormalised) mean vectors::

    mean_{a in A, b in B} <a, b> = <mean(A), mean(B)>

so average linkage over *points* can be run over *cells* (groups of points,
e.g. k-means cells) given each cell's mean vector and size, with the same
result as if every point were present. With one point per cell it is plain
average ("UPGMA") linkage on cosine distance.

The tree is built with the nearest-neighbour chain algorithm (exact for
average linkage, O(m^2) time and memory for m cells).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = ["LinkageTree", "average_linkage", "similarity_linkage"]


@dataclass(frozen=True)
class LinkageTree:
    """Merges of an agglomerative clustering, in increasing distance.

    Attributes
    ----------
    left, right : ndarray of shape (m - 1,)
        The two *cells* (indices into the input) each merge joins: any member
        of either side (representatives, enough for a union-find replay).
    distance : ndarray of shape (m - 1,)
        Cosine distance (1 - average similarity) at which each merge happens,
        non-decreasing.
    n_cells : int
    """

    left: np.ndarray
    right: np.ndarray
    distance: np.ndarray
    n_cells: int

    def cut(self, *, n_clusters: int | None = None, threshold: float | None = None) -> np.ndarray:
        """Flat cell labels, numbered 0.. by each cluster's lowest cell index.

        Parameters
        ----------
        n_clusters : int, optional
            Stop merging when this many clusters are left.
        threshold : float, optional
            Apply only the merges at cosine distance strictly below it.

        Returns
        -------
        ndarray of shape (n_cells,) of int
        """
        if (n_clusters is None) == (threshold is None):
            raise ValueError("give exactly one of n_clusters and threshold")
        if n_clusters is not None:
            n_merges = max(0, self.n_cells - max(1, int(n_clusters)))
        else:
            n_merges = int(np.searchsorted(self.distance, float(threshold or 0.0), side="left"))
        parent = np.arange(self.n_cells)

        def find(i: int) -> int:
            root = i
            while parent[root] != root:
                root = parent[root]
            while parent[i] != root:
                parent[i], i = root, parent[i]
            return root

        for a, b in zip(self.left[:n_merges].tolist(), self.right[:n_merges].tolist(), strict=True):
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
        roots = np.array([find(i) for i in range(self.n_cells)])
        _, labels = np.unique(roots, return_inverse=True)
        return labels.astype(np.intp)

    def cuts(self, counts: list[int]) -> dict[int, np.ndarray]:
        """Flat cell labels for several numbers of clusters, in one replay of the merges.

        Same labels as :meth:`cut` with ``n_clusters=k`` for each ``k`` in
        ``counts``; cheaper than separate cuts when there are many.
        """
        wanted: dict[int, list[int]] = {}
        for k in counts:
            wanted.setdefault(max(0, self.n_cells - max(1, int(k))), []).append(int(k))
        label = np.arange(self.n_cells)
        result: dict[int, np.ndarray] = {}
        for done in range(max(wanted, default=0) + 1):
            if done in wanted:
                # renumber by lowest cell index, as cut() does
                _, inverse = np.unique(label, return_inverse=True)
                for k in wanted[done]:
                    result[k] = inverse.astype(np.intp)
            if done < len(self.left):
                ra, rb = label[self.left[done]], label[self.right[done]]
                if ra != rb:
                    label[label == max(ra, rb)] = min(ra, rb)
        return result

    def n_clusters_at(self, threshold: float) -> int:
        """How many clusters a cut at ``threshold`` leaves."""
        return self.n_cells - int(np.searchsorted(self.distance, threshold, side="left"))


def average_linkage(means: np.ndarray, counts: np.ndarray | None = None) -> LinkageTree:
    """Average linkage on cosine similarity over weighted cells.

    Parameters
    ----------
    means : ndarray of shape (m, dim)
        Each cell's mean of L2-normalised vectors (not renormalised).
    counts : ndarray of shape (m,), optional
        Points per cell; default one each.

    Returns
    -------
    LinkageTree
    """
    means = np.asarray(means, dtype=np.float64)
    weights = np.ones(means.shape[0]) if counts is None else np.asarray(counts, dtype=np.float64).copy()
    return _linkage_of(means @ means.T, weights)


def similarity_linkage(similarity: np.ndarray) -> LinkageTree:
    """Average linkage over points given their pairwise similarity (e.g. a probability of belonging together).

    Parameters
    ----------
    similarity : ndarray of shape (m, m)
        Symmetric; the diagonal is ignored. Distances in the tree are ``1 - similarity``.

    Returns
    -------
    LinkageTree
    """
    similarity = np.array(similarity, dtype=np.float64)
    return _linkage_of(similarity, np.ones(similarity.shape[0]))


def _linkage_of(sim: np.ndarray, weights: np.ndarray) -> LinkageTree:
    """Nearest-neighbour-chain average linkage on a similarity matrix (overwritten) with cell weights."""
    m = sim.shape[0]
    if m <= 1:
        empty = np.zeros(0, dtype=np.intp)
        return LinkageTree(empty, empty, np.zeros(0), m)
    np.fill_diagonal(sim, -np.inf)
    active = np.ones(m, dtype=bool)
    merges: list[tuple[float, int, int]] = []
    chain: list[int] = []
    while len(merges) < m - 1:
        if not chain:
            chain.append(int(np.argmax(active)))
        while True:
            top = chain[-1]
            row = sim[top]
            # most similar active cluster; ties broken towards the chain's previous element
            best = int(np.argmax(row))
            if len(chain) > 1 and row[chain[-2]] >= row[best]:
                best = chain[-2]
            if len(chain) > 1 and best == chain[-2]:
                break
            chain.append(best)
        b = chain.pop()
        a = chain.pop()
        a, b = min(a, b), max(a, b)
        merges.append((1.0 - float(sim[a, b]), a, b))
        wa, wb = weights[a], weights[b]
        merged = (wa * sim[a] + wb * sim[b]) / (wa + wb)
        merged[~active] = -np.inf
        sim[a, :] = merged
        sim[:, a] = merged
        sim[a, a] = -np.inf
        sim[b, :] = -np.inf
        sim[:, b] = -np.inf
        active[b] = False
        weights[a] = wa + wb
    order = sorted(range(len(merges)), key=lambda i: (merges[i][0], i))
    distance = np.array([merges[i][0] for i in order])
    distance = np.maximum.accumulate(np.maximum(distance, 0.0))  # float noise only
    left = np.array([merges[i][1] for i in order], dtype=np.intp)
    right = np.array([merges[i][2] for i in order], dtype=np.intp)
    return LinkageTree(left, right, distance, m)
