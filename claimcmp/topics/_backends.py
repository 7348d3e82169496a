"""Clustering backends with scikit-learn's ``fit`` / ``labels_`` contract.

* :class:`CosineAgglomerative` — exact average linkage on cosine distance over
  all statements: O(n^2) memory, for small corpora.
* :class:`CentroidAgglomerative` — spherical k-means to at most ``n_centres``
  cells (:mod:`.quantise`), then exact *weighted* average linkage over the
  cells (the same criterion as over all points, see :mod:`._linkage`):
  O(n * n_centres) time, O(n + n_centres^2) memory, for large corpora.

Both stop at ``n_clusters`` clusters, or at ``distance_threshold``, or (when
neither is given) automatically: the exact backend at the cut with the
highest neighbour-graph modularity (:mod:`._threshold`), the large-corpus one
at the cut with the lowest von Mises-Fisher BIC (:mod:`._bic`), after which
every statement moves to its topic's nearest centre for a few Lloyd rounds.
"""

from __future__ import annotations

import numpy as np

from ..errors import ConfigurationError
from ._bic import MAX_BIC_SHARE, choose_n_clusters_bic, penalty_for
from ._linkage import LinkageTree, average_linkage
from ._threshold import absorb_small_topics, choose_n_clusters
from .quantise import group_sums, nearest_centre, spherical_cells

__all__ = ["CentroidAgglomerative", "CosineAgglomerative", "normalise_rows", "nearest_centre_rounds"]

#: Lloyd rounds after the automatic cut of the large-corpus backend.
REFINE_ROUNDS = 3


def normalise_rows(vectors: np.ndarray) -> np.ndarray:
    """Rows scaled to unit L2 norm (zero rows stay zero), as float32."""
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms > 0, norms, 1.0)


def cell_means(vectors: np.ndarray, cells: np.ndarray, n_cells: int) -> np.ndarray:
    """Sum of the rows of each cell, shape (n_cells, dim), float64 (despite the name: divide by counts)."""
    from scipy import sparse

    onehot = sparse.csr_matrix(
        (np.ones(len(cells)), (cells, np.arange(len(cells)))), shape=(n_cells, len(cells))
    )
    return np.asarray(onehot @ vectors.astype(np.float64))


def nearest_centre_rounds(vectors: np.ndarray, labels: np.ndarray, n_rounds: int) -> np.ndarray:
    """Lloyd rounds from a partition: each unit row moves to the nearest normalised topic mean.

    Stops early when no row moves; labels renumbered 0..k-1 in order of first
    label value (a topic left empty disappears).
    """
    labels = np.asarray(labels, dtype=np.intp)
    for _ in range(max(0, int(n_rounds))):
        sums = group_sums(vectors, labels, int(labels.max()) + 1)
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        moved = nearest_centre(vectors, sums / np.where(norms > 0, norms, 1.0))
        if np.array_equal(moved, labels):
            break
        labels = moved
    return np.unique(labels, return_inverse=True)[1].astype(np.intp)


class _TreeCut:
    """Shared: validate the stopping rule and cut a tree."""

    n_clusters: int | None
    distance_threshold: float | None
    random_state: int

    def _check(self) -> None:
        if self.n_clusters is not None and self.distance_threshold is not None:
            raise ConfigurationError(
                "n_clusters and distance_threshold were both given.",
                fix="Give one of them, or neither for an automatic threshold.",
            )
        if self.n_clusters is not None and int(self.n_clusters) < 1:
            raise ConfigurationError(
                f"n_clusters must be at least 1, got {self.n_clusters}.", fix="Pass a positive number."
            )

    def _cut(self, tree: LinkageTree, vectors: np.ndarray, cells: np.ndarray | None = None) -> np.ndarray:
        if self.distance_threshold is not None:
            self.distance_threshold_ = float(self.distance_threshold)
            return tree.cut(threshold=self.distance_threshold_)
        if self.n_clusters is not None:
            n_clusters = int(self.n_clusters)
        else:
            n_clusters = self._automatic_count(tree, vectors, cells)
        done = max(0, tree.n_cells - n_clusters)
        # the implied threshold: the distance of the first merge not made
        self.distance_threshold_ = float(tree.distance[done]) if done < len(tree.distance) else 2.0
        return tree.cut(n_clusters=n_clusters)

    def _automatic_count(self, tree: LinkageTree, vectors: np.ndarray, cells: np.ndarray | None) -> int:
        return choose_n_clusters(tree, vectors, cells, random_state=self.random_state)


class CosineAgglomerative(_TreeCut):
    """Average-linkage agglomerative clustering on cosine distance.

    Parameters
    ----------
    n_clusters : int, optional
        Number of clusters to stop at.
    distance_threshold : float, optional
        Cosine distance (1 - average similarity) below which groups merge.
        Neither given: the cut with the highest modularity (see :mod:`._threshold`).
    random_state : int, default=0

    Attributes
    ----------
    labels_ : ndarray of shape (n,)
    distance_threshold_ : float
        The threshold used (with a count, or automatic: the distance of the first merge not made).
    tree_ : LinkageTree
    """

    def __init__(
        self,
        n_clusters: int | None = None,
        *,
        distance_threshold: float | None = None,
        random_state: int = 0,
    ) -> None:
        self.n_clusters = n_clusters
        self.distance_threshold = distance_threshold
        self.random_state = random_state

    def fit(self, X: np.ndarray, y: object = None) -> CosineAgglomerative:
        """Cluster the rows of ``X`` (n, dim); returns self."""
        self._check()
        vectors = normalise_rows(X)
        self.tree_ = average_linkage(vectors)
        self.labels_ = self._cut(self.tree_, vectors)
        if self.n_clusters is None and self.distance_threshold is None:
            # the automatic cut: statements left alone join their most similar topic where one can take them
            self.labels_, lowest = absorb_small_topics(vectors, self.labels_)
            self.distance_threshold_ = max(self.distance_threshold_, 1.0 - lowest)
        return self


class CentroidAgglomerative(_TreeCut):
    """Spherical k-means cells, then weighted average linkage over the cells.

    Parameters
    ----------
    n_clusters, distance_threshold : see :class:`CosineAgglomerative`
    n_centres : int, default=1000
        Most k-means cells; the corpus size over 5 when smaller.
    n_iter : int, default=4
        Lloyd rounds of the k-means quantiser (centres start at random rows).
    random_state : int, default=0

    Without a count or threshold the tree is cut at the lowest von
    Mises-Fisher BIC (:func:`._bic.choose_n_clusters_bic`), then every row
    moves to the nearest normalised topic mean for ``REFINE_ROUNDS`` Lloyd
    rounds (the cells' borders are coarse; the rounds also even out the
    topics that average linkage leaves lopsided).

    Attributes
    ----------
    labels_ : ndarray of shape (n,)
    cell_labels_ : ndarray of shape (n,)
        The k-means cell of each row.
    distance_threshold_ : float
    tree_ : LinkageTree
    """

    def __init__(
        self,
        n_clusters: int | None = None,
        *,
        distance_threshold: float | None = None,
        n_centres: int = 1000,
        n_iter: int = 4,
        random_state: int = 0,
    ) -> None:
        self.n_clusters = n_clusters
        self.distance_threshold = distance_threshold
        self.n_centres = n_centres
        self.n_iter = n_iter
        self.random_state = random_state

    def fit(self, X: np.ndarray, y: object = None) -> CentroidAgglomerative:
        """Cluster the rows of ``X`` (n, dim); returns self."""
        self._check()
        vectors = normalise_rows(X)
        n = vectors.shape[0]
        n_cells = max(1, min(int(self.n_centres), n // 5 or 1))
        if self.n_clusters is not None:
            n_cells = min(n, max(n_cells, int(self.n_clusters)))
        cells = spherical_cells(vectors, n_cells, n_iter=self.n_iter, random_state=self.random_state)
        counts = np.bincount(cells).astype(np.float64)
        means = cell_means(vectors, cells, counts.size) / counts[:, None]
        self.cell_labels_ = cells
        self.tree_ = average_linkage(means, counts)
        self.labels_ = self._cut(self.tree_, vectors, cells)[cells]
        if self.n_clusters is None and self.distance_threshold is None:
            self.labels_ = nearest_centre_rounds(vectors, self.labels_, REFINE_ROUNDS)
        return self

    def _automatic_count(self, tree: LinkageTree, vectors: np.ndarray, cells: np.ndarray | None) -> int:
        if cells is None:
            cells = np.arange(vectors.shape[0])
        max_k = min(int(4 * np.sqrt(vectors.shape[0])), tree.n_cells - 1)
        sums = cell_means(vectors, cells, tree.n_cells)
        counts = np.bincount(cells, minlength=tree.n_cells)
        return choose_n_clusters_bic(tree, sums, counts, max_k, penalty=penalty_for(vectors), max_share=MAX_BIC_SHARE)
