"""Quantise unit vectors into cells: a few rounds of spherical k-means.

The cells only summarise the corpus for the linkage of :mod:`._linkage`
(which is exact over them), so a coarse quantiser is enough: centres start
at random rows (drawn with ``random_state``), are refined by ``n_iter``
Lloyd rounds on at most ``fit_sample`` rows, and every row then goes to its
most similar centre. Cost O(min(n, fit_sample) * n_cells * dim * n_iter +
n * n_cells * dim), all in float32 matrix products over row blocks, so
memory stays O(block * n_cells + n).
"""

from __future__ import annotations

import numpy as np

__all__ = ["group_sums", "nearest_centre", "spherical_cells"]

_BLOCK = 8192


def nearest_centre(vectors: np.ndarray, centres: np.ndarray) -> np.ndarray:
    """Index of the most similar centre (largest dot product) of each row, shape (n,)."""
    labels = np.empty(vectors.shape[0], dtype=np.intp)
    centres_t = np.ascontiguousarray(centres.T, dtype=np.float32)
    for start in range(0, vectors.shape[0], _BLOCK):
        block = vectors[start : start + _BLOCK]
        labels[start : start + len(block)] = np.argmax(block @ centres_t, axis=1)
    return labels


def group_sums(vectors: np.ndarray, labels: np.ndarray, n_groups: int) -> np.ndarray:
    """Sum of the rows of each group, shape (n_groups, dim); ``labels[i]`` is the group of row ``i``."""
    from scipy import sparse

    onehot = sparse.csr_matrix(
        (np.ones(len(labels), dtype=np.float32), (labels, np.arange(len(labels)))),
        shape=(n_groups, len(labels)),
    )
    return np.asarray(onehot @ vectors, dtype=np.float32)


def spherical_cells(
    vectors: np.ndarray,
    n_cells: int,
    *,
    n_iter: int = 3,
    fit_sample: int = 30_000,
    random_state: int = 0,
) -> np.ndarray:
    """Cell of each unit row, numbered 0.. with no empty cell.

    Parameters
    ----------
    vectors : ndarray of shape (n, dim)
        Unit rows, float32.
    n_cells : int
        Most cells (fewer when some end up empty); at most n.
    n_iter : int, default=3
        Lloyd rounds refining the centres.
    fit_sample : int, default=30000
        Rows the centres are refined on (a random subset when n is larger).
    random_state : int, default=0

    Returns
    -------
    ndarray of shape (n,) of int
    """
    vectors = np.asarray(vectors, dtype=np.float32)
    n = vectors.shape[0]
    n_cells = max(1, min(int(n_cells), n))
    rng = np.random.default_rng(random_state)
    fit_rows = vectors
    if n > fit_sample:
        fit_rows = vectors[np.sort(rng.choice(n, fit_sample, replace=False))]
    centres = fit_rows[np.sort(rng.choice(len(fit_rows), n_cells, replace=False))].copy()
    for _ in range(n_iter):
        labels = nearest_centre(fit_rows, centres)
        sums = group_sums(fit_rows, labels, n_cells)
        norms = np.linalg.norm(sums, axis=1)
        filled = norms > 0
        # an empty cell keeps its centre (it may still catch rows of the full corpus)
        centres[filled] = sums[filled] / norms[filled, None]
    labels = nearest_centre(vectors, centres)
    _, labels = np.unique(labels, return_inverse=True)  # drop empty cells
    return labels.astype(np.intp)
