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


def test_transform_without_describe_uses_the_batch_only(embedder):
    model = _fitted(embedder)
    before = [t.to_dict() for t in model.topics_]
    ids = model.transform([NEAR_TRADE, *FAR], describe=False)
    assert ids[1] == ids[2] == 3 and ids[0] == model.labels_[6]
    new = model.topics_[3]
    assert new.size == 2 and "football" in new.keywords and "football" in new.label
    assert set(new.representatives) == set(FAR)
    assert [t.to_dict() for t in model.topics_[:3]] == before


def test_transform_without_describe_never_reads_the_fitted_texts(embedder):
    model = _fitted(embedder)
    model._corpus.texts = None  # the fitted texts are not looked at: keywords still come from the batch
    model.transform(FAR, describe=False)
    assert "football" in model.topics_[3].keywords


def test_partial_fit_without_describe_keeps_geometry_exact(embedder):
    statements = make_statements()
    extra = [NEAR_TRADE, *FAR]
    cheap = _fitted(embedder).partial_fit(extra, describe=False)
    full = _fitted(embedder).partial_fit(extra)
    assert cheap.labels_.tolist() == full.labels_.tolist()
    assert np.allclose(cheap.centroids_, full.centroids_, atol=1e-5)
    assert np.allclose(cheap.cohesion_, full.cohesion_, atol=1e-6)
    for a, b in zip(cheap.topics_, full.topics_):
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
