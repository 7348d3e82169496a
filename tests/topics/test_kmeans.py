"""The k-given backend: spherical k-means on neighbour-smoothed vectors (issue #21, point 2)."""

import numpy as np
import pytest
from sklearn.cluster import KMeans
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

from claimcmp.errors import ConfigurationError
from claimcmp.topics import SphericalKMeans, TopicModel
from claimcmp.topics._kmeans import largest_columns, neighbour_means, spherical_kmeans


def noisy_topics(n_per: int = 60, n_topics: int = 8, dim: int = 48, noise: float = 1.6, seed: int = 0):
    """Unit vectors around random directions, noisy enough that clusterings disagree with the truth."""
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((n_topics, dim))
    sizes = rng.integers(n_per // 2, 2 * n_per, n_topics)
    truth = np.repeat(np.arange(n_topics), sizes)
    x = centres[truth] + noise * rng.standard_normal((len(truth), dim))
    return (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float32), truth


@pytest.mark.slow
def test_at_least_as_good_as_sklearn_kmeans_on_real_short_texts(shared_datasets):
    """Tweet (2,472 tweets, 89 events), real model: the smoothing is what lifts it above plain k-means."""
    from claimcmp.embed import Embedder

    rows = (shared_datasets / "short_text_clustering" / "Tweet.tsv").read_text(encoding="utf-8-sig").splitlines()
    pairs = [line.partition("\t") for line in rows if line.strip()]
    truth = np.array([int(label) for label, _, _ in pairs])
    x = Embedder().encode([text for _, _, text in pairs])
    k = len(np.unique(truth))
    ours = TopicModel(k).fit(x).labels_
    theirs = KMeans(n_clusters=k, n_init=10, random_state=0).fit(x).labels_
    assert normalized_mutual_info_score(truth, ours) >= normalized_mutual_info_score(truth, theirs)
    assert adjusted_rand_score(truth, ours) >= adjusted_rand_score(truth, theirs)


def test_separated_topics_are_found_exactly():
    x, truth = noisy_topics(noise=0.3, seed=2)
    labels = SphericalKMeans(8).fit(x).labels_
    assert adjusted_rand_score(truth, labels) == pytest.approx(1.0)


def test_gives_exactly_k_clusters_and_is_deterministic():
    x, _ = noisy_topics(seed=3)
    a = SphericalKMeans(11, random_state=5).fit(x)
    b = SphericalKMeans(11, random_state=5).fit(x)
    assert np.array_equal(a.labels_, b.labels_)
    assert len(np.unique(a.labels_)) == 11


def test_row_order_does_not_change_the_partition():
    x, _ = noisy_topics(seed=4)
    order = np.random.default_rng(0).permutation(len(x))
    a = SphericalKMeans(8).fit(x).labels_
    b = np.empty_like(a)
    b[order] = SphericalKMeans(8).fit(x[order]).labels_
    # the seeding draws rows by position, so ids may differ; the smoothing and the best restart agree closely
    assert adjusted_rand_score(a, b) > 0.9


def test_smoothing_averages_each_row_with_its_nearest_rows():
    x = np.array([[1, 0], [0.99, 0.141], [0, 1], [0.141, 0.99]], dtype=np.float32)
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    smoothed = neighbour_means(x, 1)
    expected = (x[0] + x[1]) / np.linalg.norm(x[0] + x[1])
    assert np.allclose(smoothed[0], expected, atol=1e-6) and np.allclose(smoothed[1], expected, atol=1e-6)
    halfway = x[2] + (x[1] + x[3]) / 2
    assert np.allclose(neighbour_means(x, 2)[2], halfway / np.linalg.norm(halfway), atol=1e-6)
    assert np.allclose(neighbour_means(x, 0), x)


@pytest.mark.parametrize("n, m", [(1, 1), (7, 3), (300, 10), (2_000, 10), (2_000, 37), (513, 1)])
def test_largest_columns_match_a_full_sort(n, m):
    """The run-maximum shortcut gives the m largest entries of every row, ties to the lower column."""
    rng = np.random.default_rng(n + m)
    # coarse values make many ties; a few -inf entries stand for the rows' own columns
    sims = rng.integers(0, 40, size=(50, n)).astype(np.float32) / 40
    sims[rng.random(sims.shape) < 0.01] = -np.inf
    sims[:, : min(m, n)] = np.maximum(sims[:, : min(m, n)], 0)  # at least m finite entries per row
    expected = np.lexsort((np.broadcast_to(np.arange(n), sims.shape), -sims), axis=1)[:, :m]
    assert np.array_equal(largest_columns(sims, m), expected)


def test_smoothing_neighbours_do_not_depend_on_the_block_size(monkeypatch):
    """Rows are read in blocks; the same neighbours come out whatever the block."""
    import claimcmp.topics._kmeans as kmeans

    x, _ = noisy_topics(n_per=40, seed=3)
    whole = neighbour_means(x, 5)
    monkeypatch.setattr(kmeans, "_BLOCK", 7)
    assert np.allclose(neighbour_means(x, 5), whole, atol=1e-6)


def test_smoothing_is_capped_for_small_clusters():
    x, _ = noisy_topics(n_per=4, n_topics=5, seed=1)
    model = SphericalKMeans(len(x) // 4, n_neighbours=10).fit(x)
    assert model.n_neighbours_ == 2


def test_more_clusters_than_rows_gives_one_per_row():
    x, _ = noisy_topics(n_per=2, n_topics=2)
    assert len(np.unique(spherical_kmeans(x, len(x) + 5))) == len(x)


def test_invalid_count_is_a_configuration_error():
    with pytest.raises(ConfigurationError):
        SphericalKMeans(0).fit(np.eye(3))


def test_topic_model_with_a_count_uses_it():
    x, truth = noisy_topics(noise=0.3, seed=6)
    model = TopicModel(8).fit(x)
    assert model.backend_ == "kmeans" and len(model.topics_) == 8
    assert adjusted_rand_score(truth, model.labels_) == pytest.approx(1.0)
    assert 0.0 < model.min_similarity_new_ < 1.0
