"""The topic hierarchy: average linkage over fitted topics, and cuts of it.

For unit vectors the average similarity between the members of two topics
is the dot product of their mean vectors (``cohesion * centroid``), so the
linkage over topics, weighted by their sizes, makes exactly the merges that
average linkage over their statements would make once the topics are fixed
(:mod:`._linkage`). It needs the topics' geometry only: no statement is
embedded or compared again.

The hierarchy is returned in SciPy's linkage format, so
``scipy.cluster.hierarchy.dendrogram(model.hierarchy_)`` draws it.
"""

from __future__ import annotations

import numpy as np

from ._linkage import average_linkage

__all__ = ["cut_hierarchy", "topic_hierarchy"]


def topic_hierarchy(centroids: np.ndarray, cohesion: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """Average-linkage merges of topics, in SciPy's linkage format.

    Parameters
    ----------
    centroids : ndarray of shape (k, dim)
        Unit centroid of each topic.
    cohesion : ndarray of shape (k,)
        Norm of each topic's mean vector.
    sizes : ndarray of shape (k,)
        Statements per topic.

    Returns
    -------
    ndarray of shape (k - 1, 4)
        Row ``i``: the two nodes merged (a topic id below k, else ``k + j``
        for the node made by row ``j``), the cosine distance of the merge
        (1 - average similarity between their statements) and the number of
        topics under the new node. Rows in increasing distance.
    """
    k = len(centroids)
    if k < 2:
        return np.zeros((0, 4))
    means = np.asarray(centroids, dtype=np.float64) * np.asarray(cohesion, dtype=np.float64)[:, None]
    tree = average_linkage(means, np.maximum(np.asarray(sizes, dtype=np.float64), 1e-12))
    root = np.arange(k)
    node = np.arange(k)
    leaves = np.ones(k)
    rows = np.zeros((k - 1, 4))
    merges = zip(tree.left.tolist(), tree.right.tolist(), tree.distance.tolist(), strict=True)
    for i, (a, b, distance) in enumerate(merges):
        ra, rb = _find(root, a), _find(root, b)
        rows[i] = (min(node[ra], node[rb]), max(node[ra], node[rb]), distance, leaves[ra] + leaves[rb])
        root[rb] = ra
        node[ra] = k + i
        leaves[ra] += leaves[rb]
    return rows


def cut_hierarchy(hierarchy: np.ndarray, n_topics: int, n_groups: int) -> np.ndarray:
    """Group of each of ``n_topics`` topics after the first ``n_topics - n_groups`` merges, numbered 0..

    Groups are numbered by their lowest topic id.
    """
    n_merges = max(0, min(len(hierarchy), n_topics - max(1, int(n_groups))))
    group = np.arange(2 * n_topics - 1)
    members: dict[int, list[int]] = {t: [t] for t in range(n_topics)}
    for i in range(n_merges):
        left, right = int(hierarchy[i, 0]), int(hierarchy[i, 1])
        members[n_topics + i] = members.pop(left) + members.pop(right)
    for topics in members.values():
        group[topics] = min(topics)
    _, labels = np.unique(group[:n_topics], return_inverse=True)
    return labels.astype(np.intp)


def _find(root: np.ndarray, i: int) -> int:
    while root[i] != i:
        root[i] = root[root[i]]
        i = int(root[i])
    return i
