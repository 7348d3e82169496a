import json

import numpy as np
import pytest
from sklearn.cluster import DBSCAN, KMeans
from sklearn.metrics import adjusted_rand_score

from claimcmp.errors import ConfigurationError, NotFittedError
from claimcmp.topics import Topic, TopicModel

from .conftest import WordHashEmbedder, make_statements

THEME_OF = np.repeat([0, 1, 2], 6)


def test_init_only_stores_arguments(embedder):
    model = TopicModel(5, distance_threshold=None, embedder=embedder, random_state=7)
    assert model.get_params()["n_topics"] == 5
    assert model.get_params()["random_state"] == 7
    assert not hasattr(model, "labels_") and embedder.calls == 0


def test_unfitted_model_raises():
    with pytest.raises(NotFittedError):
        TopicModel().transform(["anything"])
    with pytest.raises(NotFittedError):
        TopicModel().to_dict()


def test_fit_returns_self_and_places_every_statement(statements, embedder):
    model = TopicModel(3, embedder=embedder)
    assert model.fit(statements) is model
    assert model.labels_.shape == (len(statements),)
    assert adjusted_rand_score(THEME_OF, model.labels_) == pytest.approx(1.0)
    assert [t.id for t in model.topics_] == list(range(3))
    assert sum(t.size for t in model.topics_) == len(statements)
    assert model.centroids_.shape == (3, embedder.dim)


def test_topic_description(statements, embedder):
    model = TopicModel(3, embedder=embedder).fit(statements)
    by_theme = {model.labels_[i]: theme for i, theme in zip((0, 6, 12), ("chemical", "trade", "climate"), strict=False)}
    for topic in model.topics_:
        assert any(by_theme[topic.id] in k.split() for k in topic.keywords)  # alone or in a bigram
        assert by_theme[topic.id] in topic.label
        assert not {"minister", "discussed"} & {w for k in topic.keywords for w in k.split()}  # title, reporting verb
        assert "the" not in topic.keywords and "and" not in topic.keywords
        assert dict(topic.side_counts) == {"east": 3, "west": 3}
        members = {s.id for s, label in zip(statements, model.labels_, strict=False) if label == topic.id}
        assert set(topic.representative_ids) <= members
        assert len(topic.representatives) == 3
        assert not topic.is_singleton


def test_ids_follow_size_then_first_statement(embedder):
    statements = make_statements(per_theme=6)
    # drop two trade statements: trade becomes the smallest topic and gets the last id
    kept = [s for i, s in enumerate(statements) if i not in (6, 7)]
    model = TopicModel(3, embedder=embedder).fit(kept)
    sizes = [t.size for t in model.topics_]
    assert sizes == sorted(sizes, reverse=True)
    assert "trade" in model.topics_[2].keywords
    assert model.labels_[0] == 0  # chemical: size 6, earliest


def test_refit_gives_identical_ids_and_labels(statements):
    first = TopicModel(embedder=WordHashEmbedder()).fit(statements).to_dict()
    second = TopicModel(embedder=WordHashEmbedder()).fit(statements).to_dict()
    assert first == second


def test_precomputed_embeddings_skip_the_embedder(statements, embedder):
    vectors = WordHashEmbedder().encode([s.text for s in statements])
    model = TopicModel(3, embedder=embedder).fit(statements, embeddings=vectors)
    assert embedder.calls == 0
    assert adjusted_rand_score(THEME_OF, model.labels_) == pytest.approx(1.0)


def test_vectors_alone_give_unlabelled_topics(statements):
    vectors = WordHashEmbedder().encode([s.text for s in statements])
    model = TopicModel(3).fit(vectors)
    assert all(t.keywords == () for t in model.topics_)
    assert model.topics_[0].label == "topic 0"
    assert model.topics_[0].representative_ids[0].isdigit()


def test_plain_strings(embedder):
    texts = [s.text for s in make_statements()]
    model = TopicModel(3, embedder=embedder).fit(texts)
    assert adjusted_rand_score(THEME_OF, model.labels_) == pytest.approx(1.0)
    assert all(dict(t.side_counts) == {} for t in model.topics_)


def test_far_statement_is_a_singleton(embedder):
    statements = make_statements()
    texts = [s.text for s in statements] + ["Football supporters celebrated the surprising league victory."]
    model = TopicModel(embedder=embedder, distance_threshold=0.7).fit(texts)
    odd = model.topics_[model.labels_[-1]]
    assert odd.is_singleton and odd.size == 1
    assert odd.to_dict()["is_singleton"] is True
    assert odd.id == len(model.topics_) - 1 or model.topics_[-1].is_singleton


def test_transform_assigns_near_and_marks_far_without_changing_the_model(statements, embedder):
    model = TopicModel(3, embedder=embedder).fit(statements)
    before = model.to_dict()
    near = "The minister discussed chemical weapons and nerve agent regarding chemical matters."
    far = "Football supporters celebrated the surprising league victory downtown."
    ids = model.transform([near, far, far])
    assert ids.tolist() == [model.labels_[0], -1, -1]
    assert model.to_dict() == before  # pure: topics, labels, centroids, thresholds unchanged
    assert model.predict([near]).tolist() == [model.labels_[0]]


def test_partial_fit_adds_topics_for_far_statements(statements, embedder):
    model = TopicModel(3, embedder=embedder).fit(statements)
    before = [t.to_dict() for t in model.topics_]
    near = "The minister discussed chemical weapons and nerve agent regarding chemical matters."
    far = "Football supporters celebrated the surprising league victory downtown."
    model.partial_fit([near, far, far], describe=False)
    assert model.labels_[-3:].tolist() == [model.labels_[0], 3, 3]
    assert len(model.topics_) == 4 and model.topics_[3].size == 2
    assert "football" in model.topics_[3].keywords
    assert [t.to_dict() for t in model.topics_[1:3]] == before[1:3]  # topics not joined are untouched
    assert model.transform([far]).tolist() == [3]  # the new topic now exists


def test_partial_fit_folds_statements_in(statements, embedder):
    model = TopicModel(3, embedder=embedder).fit(statements)
    extra = ["The minister discussed trade tariffs and customs union regarding trade matters again."]
    trade_id = model.labels_[6]
    model.partial_fit(extra)
    assert model.labels_.shape == (len(statements) + 1,)
    assert model.labels_[-1] == trade_id
    assert model.topics_[trade_id].size == 7
    assert [t.id for t in model.topics_] == list(range(3))


def test_partial_fit_on_unfitted_model_fits(statements, embedder):
    model = TopicModel(3, embedder=embedder).partial_fit(statements)
    assert len(model.topics_) == 3


def test_custom_clusterer(statements, embedder):
    model = TopicModel(clusterer=KMeans(3, n_init=1, random_state=0), embedder=embedder).fit(statements)
    assert model.backend_ == "custom"
    assert adjusted_rand_score(THEME_OF, model.labels_) == pytest.approx(1.0)
    with pytest.raises(ConfigurationError):
        TopicModel(3, clusterer=KMeans(3), embedder=embedder).fit(statements)


def test_noise_from_a_custom_clusterer_is_placed(statements, embedder):
    # eps so small that DBSCAN calls nearly everything noise (-1)
    model = TopicModel(clusterer=DBSCAN(eps=1e-6, min_samples=3, metric="cosine"), embedder=embedder)
    model.fit(statements)
    assert (model.labels_ >= 0).all()
    assert sum(t.size for t in model.topics_) == len(statements)


def test_large_corpus_path_is_chosen_by_size(statements, embedder):
    many = make_statements(per_theme=40)
    model = TopicModel(distance_threshold=0.5, embedder=embedder, large_corpus_threshold=100, n_centres=20).fit(many)
    assert model.backend_ == "centroid-agglomerative"
    assert adjusted_rand_score(np.repeat([0, 1, 2], 40), model.labels_) == pytest.approx(1.0)
    assert TopicModel(distance_threshold=0.5, embedder=embedder).fit(statements).backend_ == "agglomerative"


def test_a_given_count_uses_kmeans_at_any_size(statements, embedder):
    many = make_statements(per_theme=40)
    model = TopicModel(3, embedder=embedder, large_corpus_threshold=100).fit(many)
    assert model.backend_ == "kmeans"
    assert adjusted_rand_score(np.repeat([0, 1, 2], 40), model.labels_) == pytest.approx(1.0)
    assert TopicModel(3, embedder=embedder).fit(statements).backend_ == "kmeans"


def test_model_round_trips_through_json(statements, embedder):
    model = TopicModel(3, embedder=embedder).fit(statements)
    loaded = TopicModel.from_dict(json.loads(json.dumps(model.to_dict())), embedder=embedder)
    assert loaded.to_dict() == model.to_dict()
    probe = ["Customs union and export quotas regarding trade matters.", "A song about rivers and mountains."]
    assert loaded.transform(probe).tolist() == model.transform(probe).tolist()
    with pytest.raises(ConfigurationError):
        loaded.partial_fit(probe)
    with pytest.raises(ConfigurationError):
        loaded.describe()


def test_topic_round_trip_and_frozen():
    topic = Topic(2, "a, b", ("a", "b"), 4, {"west": 1, "east": 3}, ("x@0-1",), ("x",))
    assert Topic.from_dict(json.loads(json.dumps(topic.to_dict()))) == topic
    assert list(topic.side_counts) == ["east", "west"]
    with pytest.raises(AttributeError):
        topic.size = 3  # type: ignore[misc]


@pytest.mark.parametrize(
    "X, embeddings",
    [([], None), (["a", "b"], np.zeros((3, 4))), ([1, 2], None), (np.ones((2, 3)), np.ones((2, 3)))],
)
def test_bad_input_raises(X, embeddings, embedder):
    with pytest.raises(ConfigurationError):
        TopicModel(embedder=embedder).fit(X, embeddings=embeddings)


def test_one_statement(embedder):
    model = TopicModel(embedder=embedder).fit(["Only one statement here about trade."])
    assert model.labels_.tolist() == [0] and model.topics_[0].is_singleton
