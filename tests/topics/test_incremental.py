"""transform / partial_fit with describe=False, and updates of a loaded model."""

import json

import numpy as np
import pytest

from claimcmp.errors import ConfigurationError
from claimcmp.topics import TopicModel

from .conftest import WordHashEmbedder, make_statements

NEAR_TRADE = "The minister discussed trade tariffs and customs union regarding trade matters again."
FAR = [
    "Football supporters celebrated the surprising league victory downtown.",
    "Football supporters cheered the league victory parade downtown.",
]


def _fitted(embedder):
    return TopicModel(3, embedder=embedder).fit(make_statements())


def test_partial_fit_without_describe_describes_new_topics_from_the_batch(embedder):
    model = _fitted(embedder)
    before = [t.to_dict() for t in model.topics_]
    model.partial_fit([NEAR_TRADE, *FAR], describe=False)
    ids = model.labels_[-3:]
    assert ids[1] == ids[2] == 3 and ids[0] == model.labels_[6]
    new = model.topics_[3]
    assert new.size == 2 and "football" in new.keywords and "football" in new.label
    assert set(new.representatives) == set(FAR)
    trade = int(ids[0])
    untouched = [i for i in range(3) if i != trade]
    assert [model.topics_[i].to_dict() for i in untouched] == [before[i] for i in untouched]
    assert model.topics_[trade].keywords == tuple(before[trade]["keywords"])  # kept, not recomputed


def test_partial_fit_without_describe_never_reads_the_fitted_texts(embedder):
    model = _fitted(embedder)
    model._corpus.texts = None  # the fitted texts are not looked at: keywords still come from the batch
    model.partial_fit(FAR, describe=False)
    assert "football" in model.topics_[3].keywords


def test_transform_is_pure(embedder):
    model = _fitted(embedder)
    state = json.dumps(model.to_dict())
    n_corpus = len(model._corpus)
    ids = model.transform([NEAR_TRADE, *FAR])
    assert ids.tolist() == [model.labels_[6], -1, -1]
    assert json.dumps(model.to_dict()) == state and len(model._corpus) == n_corpus


def test_partial_fit_without_describe_keeps_geometry_exact(embedder):
    statements = make_statements()
    extra = [NEAR_TRADE, *FAR]
    cheap = _fitted(embedder).partial_fit(extra, describe=False)
    full = _fitted(embedder).partial_fit(extra)
    assert cheap.labels_.tolist() == full.labels_.tolist()
    assert np.allclose(cheap.centroids_, full.centroids_, atol=1e-5)
    assert np.allclose(cheap.cohesion_, full.cohesion_, atol=1e-6)
    for a, b in zip(cheap.topics_, full.topics_, strict=False):
        assert (a.id, a.size, dict(a.side_counts)) == (b.id, b.size, dict(b.side_counts))
    trade = cheap.labels_[6]
    assert cheap.topics_[trade].size == 7
    assert cheap.topics_[trade].keywords == _fitted(embedder).topics_[trade].keywords  # kept as they were
    assert len(cheap.labels_) == len(statements) + 3


def test_describe_catches_up_with_a_full_partial_fit(embedder):
    extra = [NEAR_TRADE, *FAR]
    cheap = _fitted(embedder).partial_fit(extra, describe=False).describe()
    full = _fitted(embedder).partial_fit(extra)
    assert [t.to_dict() for t in cheap.topics_] == [t.to_dict() for t in full.topics_]


def test_loaded_model_can_continue_without_describe(embedder):
    model = _fitted(embedder)
    loaded = TopicModel.from_dict(json.loads(json.dumps(model.to_dict())), embedder=WordHashEmbedder())
    loaded.partial_fit([NEAR_TRADE, *FAR], describe=False)
    model.partial_fit([NEAR_TRADE, *FAR], describe=False)
    assert loaded.labels_.tolist() == model.labels_.tolist()
    assert [t.to_dict() for t in loaded.topics_] == [t.to_dict() for t in model.topics_]
    assert np.allclose(loaded.centroids_, model.centroids_, atol=1e-5)
    # and it still round-trips after the update
    again = TopicModel.from_dict(json.loads(json.dumps(loaded.to_dict())))
    assert again.to_dict() == loaded.to_dict()


def test_loaded_model_refuses_a_full_redescription(embedder):
    loaded = TopicModel.from_dict(_fitted(embedder).to_dict(), embedder=embedder)
    with pytest.raises(ConfigurationError, match="describe=False"):
        loaded.partial_fit([NEAR_TRADE])
