"""The topic hierarchy and reduce_topics (issue #21, point 1)."""

import numpy as np
import pytest
from sklearn.metrics import adjusted_rand_score

from claimcmp.errors import ConfigurationError
from claimcmp.topics import TopicModel
from claimcmp.topics._hierarchy import cut_hierarchy, topic_hierarchy

from .conftest import make_statements


def nested_blobs(seed: int = 0):
    """Two far-apart groups, each of three close sub-groups of 20 unit vectors."""
    rng = np.random.default_rng(seed)
    coarse = rng.standard_normal((2, 32)) * 3
    fine = np.repeat(coarse, 3, axis=0) + rng.standard_normal((6, 32))
    truth_fine = np.repeat(np.arange(6), 20)
    x = fine[truth_fine] + 0.15 * rng.standard_normal((120, 32))
    return x / np.linalg.norm(x, axis=1, keepdims=True), truth_fine, truth_fine // 3


def test_hierarchy_is_scipy_linkage_of_the_topics():
    from scipy.cluster.hierarchy import fcluster, is_valid_linkage

    x, fine, coarse = nested_blobs()
    model = TopicModel(6).fit(x)
    tree = model.hierarchy_
    assert tree.shape == (5, 4) and is_valid_linkage(tree)
    assert np.all(np.diff(tree[:, 2]) >= 0)
    assert tree[-1, 3] == 6
    # cutting the topic tree in two gives the two coarse groups
    two = fcluster(tree, 2, criterion="maxclust")[model.labels_]
    assert adjusted_rand_score(coarse, two) == pytest.approx(1.0)


def test_reduce_topics_merges_the_closest_topics_and_leaves_the_model_alone():
    x, fine, coarse = nested_blobs()
    model = TopicModel(6).fit(x)
    before = model.to_dict()
    reduced = model.reduce_topics(2)
    assert model.to_dict() == before
    assert len(reduced.topics_) == 2 and reduced.n_topics == 2
    assert adjusted_rand_score(coarse, reduced.labels_) == pytest.approx(1.0)
    assert sum(t.size for t in reduced.topics_) == len(x)
    # each reduced topic is a union of original topics
    for topic_id in range(6):
        assert len(set(reduced.labels_[model.labels_ == topic_id].tolist())) == 1


def test_reduce_topics_finer_reclusters_the_held_vectors():
    x, fine, coarse = nested_blobs()
    model = TopicModel(2).fit(x)
    finer = model.reduce_topics(6)
    assert len(finer.topics_) == 6
    assert adjusted_rand_score(fine, finer.labels_) == pytest.approx(1.0)


def test_reduced_topics_are_described_again(embedder):
    statements = make_statements()
    model = TopicModel(3, embedder=embedder).fit(statements)
    one = model.reduce_topics(1)
    assert len(one.topics_) == 1 and one.topics_[0].size == len(statements)
    assert {"east", "west"} == set(one.topics_[0].side_counts)
    assert one.transform([statements[0].text]).tolist() == [0]


def test_reduce_topics_checks_its_argument(embedder):
    model = TopicModel(3, embedder=embedder).fit(make_statements())
    with pytest.raises(ConfigurationError):
        model.reduce_topics(0)
    loaded = TopicModel.from_dict(model.to_dict(), embedder=embedder)
    with pytest.raises(ConfigurationError):
        loaded.reduce_topics(2)


def test_cut_hierarchy_numbers_groups_by_lowest_topic():
    centroids = np.array([[1, 0], [0, 1], [0.99, 0.14], [0.1, 0.99]], dtype=np.float32)
    centroids /= np.linalg.norm(centroids, axis=1, keepdims=True)
    tree = topic_hierarchy(centroids, np.ones(4), np.ones(4))
    assert cut_hierarchy(tree, 4, 2).tolist() == [0, 1, 0, 1]
    assert cut_hierarchy(tree, 4, 4).tolist() == [0, 1, 2, 3]
    assert cut_hierarchy(tree, 4, 1).tolist() == [0, 0, 0, 0]


def test_modularity_of_two_linked_triangles():
    from scipy import sparse

    from claimcmp.topics._threshold import modularity_of_cut

    edges = [(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5), (2, 3)]
    rows = [a for a, b in edges] + [b for a, b in edges]
    cols = [b for a, b in edges] + [a for a, b in edges]
    graph = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(6, 6))
    degrees = np.asarray(graph.sum(axis=1)).ravel()
    assert modularity_of_cut(graph, degrees, np.array([0, 0, 0, 1, 1, 1])) == pytest.approx(5 / 14)
    assert modularity_of_cut(graph, degrees, np.zeros(6, dtype=int)) == pytest.approx(0.0)


def test_automatic_count_does_not_over_split_noisy_groups():
    """Six noisy groups of 300: the count stays near six (the silhouette cut used to go to the largest candidate)."""
    rng = np.random.default_rng(0)
    centres = rng.standard_normal((6, 48))
    truth = np.repeat(np.arange(6), 300)
    x = centres[truth] + 1.2 * rng.standard_normal((len(truth), 48))
    x = (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float32)
    model = TopicModel().fit(x)
    assert 3 <= len(model.topics_) <= 18
    assert adjusted_rand_score(truth, model.labels_) > 0.8
    assert TopicModel().fit(x).labels_.tolist() == model.labels_.tolist()
