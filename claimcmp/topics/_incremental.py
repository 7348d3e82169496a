"""Cheap updates of fitted topics from a batch alone, without the fitted statements.

A topic's geometry is kept exactly by its size and the sum of its members'
unit vectors (``size * cohesion * centroid``), and its side counts add up, so
a batch can be folded in at a cost that depends on the batch only.
"""

from __future__ import annotations

import dataclasses
from collections import Counter

import numpy as np

from ._result import Topic

__all__ = ["fold_geometry", "fold_members"]


def fold_geometry(
    centroids: np.ndarray,
    cohesion: np.ndarray,
    sizes: np.ndarray,
    vectors: np.ndarray,
    ids: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """Centroids and cohesion after adding ``vectors`` to topics ``ids``.

    Parameters
    ----------
    centroids : ndarray of shape (n_topics, dim)
        Unit centroids before the batch.
    cohesion : ndarray of shape (n_topics,)
    sizes : ndarray of shape (n_topics,)
        Members before the batch (0 for a topic made of batch rows only).
    vectors : ndarray of shape (m, dim)
        Unit vectors of the batch.
    ids : ndarray of shape (m,)
        Topic of each batch row.

    Returns
    -------
    centroids : ndarray of shape (n_topics, dim), float32
    cohesion : ndarray of shape (n_topics,)
    """
    from scipy import sparse

    n_topics = len(centroids)
    sums = centroids.astype(np.float64) * (cohesion * sizes)[:, None]
    onehot = sparse.csr_matrix((np.ones(len(ids)), (ids, np.arange(len(ids)))), shape=(n_topics, len(ids)))
    sums += np.asarray(onehot @ vectors.astype(np.float64))
    totals = sizes + np.bincount(ids, minlength=n_topics)
    means = sums / np.maximum(totals, 1)[:, None]
    new_cohesion = np.linalg.norm(means, axis=1)
    new_centroids = means / np.where(new_cohesion > 0, new_cohesion, 1.0)[:, None]
    empty = totals == 0
    new_centroids[empty] = centroids[empty]
    new_cohesion[empty] = cohesion[empty]
    return new_centroids.astype(np.float32), new_cohesion


def fold_members(topics: list[Topic], ids: np.ndarray, sides: list[str | None]) -> list[Topic]:
    """Topics with the batch's members added to their size and side counts.

    Keywords, label and representatives are left as they were.
    """
    added: dict[int, Counter[str | None]] = {}
    for topic_id, side in zip(ids.tolist(), sides, strict=True):
        added.setdefault(topic_id, Counter())[side] += 1
    result = list(topics)
    for topic_id, counts in added.items():
        topic = result[topic_id]
        side_counts = Counter(dict(topic.side_counts))
        side_counts.update({side: n for side, n in counts.items() if side is not None})
        result[topic_id] = dataclasses.replace(
            topic, size=topic.size + sum(counts.values()), side_counts=dict(side_counts)
        )
    return result
