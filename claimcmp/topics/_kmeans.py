"""The k-given backend: spherical k-means on neighbour-smoothed unit vectors.

With the number of topics known, the partition that best fits k centres is
what users expect (scikit-learn's ``KMeans``). Two things make it fit short
texts better than plain k-means on the raw embeddings:

* **Neighbour smoothing.** Each unit vector is replaced by itself plus the
  mean of its ``n_neighbours`` most similar rows, normalised. Short texts
  are noisy samples of their topic; averaging a point with its nearest
  neighbours pulls it towards the dense part of its topic, so the centres
  see cleaner groups. Exact neighbours: O(n^2 * dim) time in float32
  matrix blocks, O(block * n) memory.
* **Spherical k-means, k-means++ seeding, ``n_init`` restarts.** Cosine
  similarity to unit centres; greedy k-means++ seeding (a few candidates
  per centre, the one that lowers the cost most is kept); Lloyd rounds
  until no row moves; the restart with the highest total similarity wins.
  Every random draw comes from one generator seeded with ``random_state``.

Smoothing is used only for the assignment: topic centroids are computed
later from the original vectors.
"""

from __future__ import annotations

import numpy as np

from ..errors import ConfigurationError
from ._backends import normalise_rows
from .estimators import apply_params, params_of
from .quantise import group_sums, nearest_centre

__all__ = ["SphericalKMeans", "largest_columns", "neighbour_means", "spherical_kmeans"]

_BLOCK = 1024


def neighbour_means(vectors: np.ndarray, n_neighbours: int) -> np.ndarray:
    """Each unit row plus the mean of its ``n_neighbours`` most similar other rows, normalised again.

    The row keeps half the weight, its neighbours share the other half. Among
    equally similar rows the one listed first is the neighbour.

    Parameters
    ----------
    vectors : ndarray of shape (n, dim)
        Unit rows.
    n_neighbours : int
        Neighbours averaged in; 0 returns a copy.

    Returns
    -------
    ndarray of shape (n, dim), float32
    """
    vectors = np.asarray(vectors, dtype=np.float32)
    n = vectors.shape[0]
    m = min(int(n_neighbours), n - 1)
    if m <= 0:
        return vectors.copy()
    out = np.empty_like(vectors)
    for start in range(0, n, _BLOCK):
        block = vectors[start : start + _BLOCK]
        sims = block @ vectors.T
        sims[np.arange(len(block)), np.arange(start, start + len(block))] = -np.inf  # not its own neighbour
        out[start : start + len(block)] = block + vectors[largest_columns(sims, m)].mean(axis=1)
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return out / np.where(norms > 0, norms, 1.0)


def largest_columns(sims: np.ndarray, m: int) -> np.ndarray:
    """Columns of the ``m`` largest entries of each row, largest first, ties to the lower column.

    Exact, without a partition of every full row: the columns are cut into
    runs, and only entries at least as large as the ``m``-th largest run
    maximum can be among the ``m`` largest (the ``m`` runs with the largest
    maxima already hold ``m`` entries that large).

    Parameters
    ----------
    sims : ndarray of shape (rows, n)
        Finite or ``-inf`` entries; every row holds at least ``m`` finite ones.
    m : int
        Columns per row, 1 <= m <= n.

    Returns
    -------
    ndarray of shape (rows, m) of int
    """
    rows, n = sims.shape
    width = max(1, n // max(4 * m, 256))
    whole = n // width * width
    run_max = sims[:, :whole].reshape(rows, -1, width).max(axis=2)
    if whole < n:
        run_max = np.concatenate([run_max, sims[:, whole:].max(axis=1, keepdims=True)], axis=1)
    n_runs = run_max.shape[1]
    bar = np.partition(run_max, n_runs - m, axis=1)[:, n_runs - m]
    row, column = np.nonzero(sims >= bar[:, None])
    order = np.lexsort((column, -sims[row, column], row))
    row, column = row[order], column[order]
    first = np.searchsorted(row, np.arange(rows))
    chosen: np.ndarray = column[first[:, None] + np.arange(m)]
    return chosen


def _seed_centres(vectors: np.ndarray, k: int, rng: np.random.Generator) -> np.ndarray:
    """Greedy k-means++ on cosine distance: each new centre the best of a few cost-weighted draws."""
    n = vectors.shape[0]
    n_candidates = 2 + int(np.log(k))
    centres = np.empty((k, vectors.shape[1]), dtype=np.float32)
    centres[0] = vectors[rng.integers(n)]
    cost = np.maximum(1.0 - vectors @ centres[0], 0.0).astype(np.float64)
    for j in range(1, k):
        total = cost.sum()
        weights = cost / total if total > 0 else None
        draws = rng.choice(n, n_candidates, p=weights)
        trial = np.minimum(cost[:, None], np.maximum(1.0 - vectors @ vectors[draws].T, 0.0))
        best = int(np.argmin(trial.sum(axis=0)))
        centres[j] = vectors[draws[best]]
        cost = trial[:, best]
    return centres


def _lloyd(vectors: np.ndarray, centres: np.ndarray, max_iter: int) -> tuple[np.ndarray, float]:
    """Lloyd rounds from ``centres`` until no row moves; labels and total similarity to own centre."""
    k = centres.shape[0]
    labels = nearest_centre(vectors, centres)
    for _ in range(max_iter):
        sums = group_sums(vectors, labels, k)
        norms = np.linalg.norm(sums, axis=1)
        filled = norms > 0
        centres[filled] = sums[filled] / norms[filled, None]
        if not filled.all():
            # an empty centre moves to the rows worst served by theirs
            own = np.einsum("ij,ij->i", vectors, centres[labels])
            worst = np.argsort(own, kind="stable")[: int((~filled).sum())]
            centres[~filled] = vectors[worst]
        moved = nearest_centre(vectors, centres)
        if np.array_equal(moved, labels):
            break
        labels = moved
    objective = float(np.einsum("ij,ij->i", vectors, centres[labels]).sum())
    return labels, objective


def spherical_kmeans(
    vectors: np.ndarray, k: int, *, n_init: int = 10, max_iter: int = 100, random_state: int = 0
) -> np.ndarray:
    """Cluster of each unit row: the best of ``n_init`` seeded spherical k-means runs.

    Parameters
    ----------
    vectors : ndarray of shape (n, dim)
        Unit rows.
    k : int
        Clusters, at most n.
    n_init : int, default=10
    max_iter : int, default=100
    random_state : int, default=0

    Returns
    -------
    ndarray of shape (n,) of int
    """
    vectors = np.asarray(vectors, dtype=np.float32)
    k = max(1, min(int(k), vectors.shape[0]))
    rng = np.random.default_rng(random_state)
    best: tuple[float, np.ndarray] | None = None
    for _ in range(max(1, int(n_init))):
        labels, objective = _lloyd(vectors, _seed_centres(vectors, k, rng), max_iter)
        if best is None or objective > best[0] + 1e-9:
            best = (objective, labels)
    assert best is not None
    return best[1]


_PARAMS = ("n_clusters", "n_neighbours", "n_init", "max_iter", "random_state")


class SphericalKMeans:
    """Spherical k-means on neighbour-smoothed unit vectors (exactly ``n_clusters`` clusters).

    Parameters
    ----------
    n_clusters : int, default=8
    n_neighbours : int, default=10
        Neighbours each row is averaged with before clustering; capped at
        ``n // (2 * n_clusters)`` so small clusters are not smoothed away;
        0 turns smoothing off.
    n_init : int, default=10
        Seeded restarts; the one with the highest total cosine similarity to its centres wins.
    max_iter : int, default=100
    random_state : int, default=0

    Attributes
    ----------
    labels_ : ndarray of shape (n,)
    n_neighbours_ : int
        Neighbours actually averaged in.
    """

    def __init__(
        self,
        n_clusters: int = 8,
        *,
        n_neighbours: int = 10,
        n_init: int = 10,
        max_iter: int = 100,
        random_state: int = 0,
    ) -> None:
        self.n_clusters = n_clusters
        self.n_neighbours = n_neighbours
        self.n_init = n_init
        self.max_iter = max_iter
        self.random_state = random_state

    def get_params(self, deep: bool = True) -> dict[str, object]:
        """Constructor arguments."""
        return params_of(self, _PARAMS, deep=deep)

    def set_params(self, **params: object) -> SphericalKMeans:
        """Set constructor arguments; returns self."""
        apply_params(self, _PARAMS, params)
        return self

    def fit(self, X: np.ndarray, y: object = None) -> SphericalKMeans:
        """Cluster the rows of ``X`` (n, dim); returns self."""
        if int(self.n_clusters) < 1:
            raise ConfigurationError(
                f"n_clusters must be at least 1, got {self.n_clusters}.", fix="Pass a positive number."
            )
        vectors = normalise_rows(X)
        n = vectors.shape[0]
        k = min(int(self.n_clusters), n)
        self.n_neighbours_ = max(0, min(int(self.n_neighbours), n // (2 * k)))
        smoothed = neighbour_means(vectors, self.n_neighbours_)
        self.labels_ = spherical_kmeans(
            smoothed, k, n_init=self.n_init, max_iter=self.max_iter, random_state=self.random_state
        )
        return self
