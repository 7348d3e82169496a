import numpy as np
import pytest
from scipy.cluster.hierarchy import fcluster, linkage
from sklearn.metrics import adjusted_rand_score

from claimcmp.topics._linkage import average_linkage


def _unit(rng: np.random.Generator, n: int, dim: int) -> np.ndarray:
    x = rng.standard_normal((n, dim))
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def test_matches_scipy_average_linkage_on_cosine():
    x = _unit(np.random.default_rng(1), 120, 8)
    tree = average_linkage(x)
    reference = linkage(x, "average", metric="cosine")
    assert np.allclose(tree.distance, np.sort(reference[:, 2]))
    for k in (2, 7, 40):
        ours = tree.cut(n_clusters=k)
        assert ours.max() + 1 == k
        assert adjusted_rand_score(fcluster(reference, k, "maxclust"), ours) == pytest.approx(1.0)


def test_weighted_cells_equal_repeated_points():
    rng = np.random.default_rng(2)
    x = _unit(rng, 30, 6)
    counts = rng.integers(1, 5, size=30)
    weighted = average_linkage(x, counts)
    repeated = average_linkage(np.repeat(x, counts, axis=0))
    # repeated points merge at distance 0 first; the remaining merges are the cells'
    assert np.allclose(weighted.distance, repeated.distance[-29:])


def test_cut_by_threshold_agrees_with_cluster_count():
    tree = average_linkage(_unit(np.random.default_rng(3), 50, 5))
    for threshold in (0.2, 0.6, 1.0):
        labels = tree.cut(threshold=threshold)
        assert labels.max() + 1 == tree.n_clusters_at(threshold)
        assert labels[0] == 0  # numbered by lowest member


def test_single_cell_and_exclusive_arguments():
    tree = average_linkage(np.ones((1, 3)) / np.sqrt(3))
    assert tree.cut(n_clusters=1).tolist() == [0]
    with pytest.raises(ValueError):
        tree.cut(n_clusters=1, threshold=0.5)


def test_many_cuts_in_one_replay_equal_single_cuts():
    tree = average_linkage(_unit(np.random.default_rng(5), 80, 6))
    counts = [1, 2, 3, 9, 40, 79, 80, 200]
    many = tree.cuts(counts)
    assert sorted(many) == sorted(counts)
    for k in counts:
        assert np.array_equal(many[k], tree.cut(n_clusters=k))
