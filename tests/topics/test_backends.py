import numpy as np
import pytest

from claimcmp.errors import ConfigurationError
from claimcmp.topics import CentroidAgglomerative, CosineAgglomerative


def blobs(n_per: int, n_blobs: int = 3, dim: int = 32, spread: float = 0.15, seed: int = 0):
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((n_blobs, dim))
    x = np.repeat(centres, n_per, axis=0) + spread * np.sqrt(dim) * rng.standard_normal((n_blobs * n_per, dim)) / 4
    truth = np.repeat(np.arange(n_blobs), n_per)
    return x / np.linalg.norm(x, axis=1, keepdims=True), truth


def test_agglomerative_finds_separated_groups_without_a_count():
    x, truth = blobs(15)
    model = CosineAgglomerative().fit(x)
    assert model.labels_.max() + 1 == 3
    assert len(set(zip(model.labels_.tolist(), truth.tolist(), strict=False))) == 3
    assert 0 < model.distance_threshold_ < 1.5


def test_centroid_backend_finds_groups_and_respects_count():
    x, truth = blobs(800, n_blobs=4)
    auto = CentroidAgglomerative(n_centres=100).fit(x)
    assert auto.labels_.max() + 1 == 4
    assert len(set(zip(auto.labels_.tolist(), truth.tolist(), strict=False))) == 4
    fixed = CentroidAgglomerative(6, n_centres=100).fit(x)
    assert fixed.labels_.max() + 1 == 6
    assert fixed.cell_labels_.max() + 1 <= 100


def test_centroid_backend_is_deterministic():
    x, _ = blobs(400)
    a = CentroidAgglomerative(n_centres=50, random_state=3).fit(x).labels_
    b = CentroidAgglomerative(n_centres=50, random_state=3).fit(x).labels_
    assert np.array_equal(a, b)


def test_count_and_threshold_are_exclusive():
    x, _ = blobs(5)
    with pytest.raises(ConfigurationError):
        CosineAgglomerative(3, distance_threshold=0.5).fit(x)
    with pytest.raises(ConfigurationError):
        CosineAgglomerative(0).fit(x)


def test_automatic_cut_has_the_best_silhouette_among_counts():
    from sklearn.metrics import silhouette_score

    x, _ = blobs(12, n_blobs=5, spread=0.4, seed=4)
    model = CosineAgglomerative().fit(x)
    chosen = silhouette_score(x, model.labels_, metric="cosine")
    for k in range(2, 14):
        other = model.tree_.cut(n_clusters=k)
        assert silhouette_score(x, other, metric="cosine") <= chosen + 1e-9


def test_small_topics_join_the_topic_they_are_most_similar_to():
    from claimcmp.topics._threshold import absorb_small_topics

    # rows 0-2 and 3-5: two groups; row 6 alone, closer to the second group; row 7 alone, closer to the first
    x = np.array([[1, 0, 0], [1, 0.1, 0], [1, 0, 0.1], [0, 1, 0], [0.1, 1, 0], [0, 1, 0.1], [0.3, 1, 0.2],
                  [1, 0.2, 0.3]], dtype=float)
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    labels = np.array([0, 0, 0, 1, 1, 1, 2, 3])
    merged, lowest = absorb_small_topics(x, labels, max_share=1.0)
    assert merged.tolist() == [0, 0, 0, 1, 1, 1, 1, 0]
    assert 0.5 < lowest < 1
    # a merge that would give one topic more than half the rows is not made: with nowhere to go a row stays alone
    assert absorb_small_topics(x[:7], labels[:7], max_share=0.5)[0].tolist() == [0, 0, 0, 1, 1, 1, 2]
    # nothing to do when every topic is big enough
    unchanged, lowest = absorb_small_topics(x, np.array([0, 0, 0, 1, 1, 1, 1, 1]))
    assert (unchanged.tolist(), lowest) == ([0, 0, 0, 1, 1, 1, 1, 1], 2.0)


def test_automatic_cut_leaves_no_statement_alone_when_a_topic_can_take_it():
    x, _ = blobs(6, n_blobs=4)
    outlier = np.random.default_rng(1).standard_normal((1, 32))
    x = np.vstack([x, outlier / np.linalg.norm(outlier)])
    labels = CosineAgglomerative().fit(x).labels_
    assert np.bincount(labels).min() >= 2
    # with a count the cut is exact: no merging
    assert CosineAgglomerative(n_clusters=5).fit(x).labels_.max() + 1 == 5
