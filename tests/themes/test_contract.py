"""The scikit-learn contract of ThemeTracker (issue #21, point 4)."""

from __future__ import annotations

import json

import numpy as np
import pytest
from sklearn.base import clone

from claimcmp.errors import ConfigurationError
from claimcmp.model import Release
from claimcmp.themes import ThemeTracker
from claimcmp.topics import TopicModel

from .conftest import TopicalEmbedder, sentence_extractor, side_by_issuer


def make(**kwargs: object) -> ThemeTracker:
    return ThemeTracker(
        embedder=TopicalEmbedder(),
        side_of=side_by_issuer,
        extractor=sentence_extractor,
        topic_model=TopicModel(distance_threshold=0.7),
        **kwargs,
    )


def test_clone_gives_an_unfitted_tracker_with_equal_params(series: list[Release]) -> None:
    tracker = make(period="month").fit(series)
    copy_ = clone(tracker)
    assert not hasattr(copy_, "releases_")
    assert copy_.period == "month" and copy_.side_of is side_by_issuer
    assert copy_.topic_model.get_params() == tracker.topic_model.get_params()
    assert clone(ThemeTracker()).get_params(deep=False).keys() == ThemeTracker().get_params(deep=False).keys()


def test_get_and_set_params_including_the_topic_model() -> None:
    tracker = make()
    assert tracker.get_params()["topic_model__distance_threshold"] == 0.7
    assert tracker.set_params(claim_threshold=0.9, topic_model__distance_threshold=0.5) is tracker
    assert tracker.claim_threshold == 0.9 and tracker.topic_model.distance_threshold == 0.5
    with pytest.raises(ConfigurationError):
        tracker.set_params(threshold=0.9)


def test_transform_is_pure_and_matches_the_fit(series: list[Release]) -> None:
    tracker = make().fit(series)
    state = json.dumps(tracker.to_dict())
    ids = tracker.transform(series)
    assert json.dumps(tracker.to_dict()) == state
    assert ids.shape == tracker.theme_ids_.shape
    # the fitted statements mostly fall in their own theme again (the pure rule: closest theme or -1)
    assert (ids == tracker.theme_ids_).mean() > 0.8


def test_fit_transform_returns_the_theme_ids(series: list[Release]) -> None:
    ids = make().fit_transform(series)
    assert ids.tolist() == make().fit(series).theme_ids_.tolist()


def test_partial_fit_changes_the_tracker_and_update_is_a_deprecated_alias(series: list[Release]) -> None:
    reference = make().fit(series[:5]).partial_fit(series[5:])
    tracker = make().fit(series[:5])
    with pytest.warns(FutureWarning, match="partial_fit"):
        tracker.update(series[5:])
    assert tracker.to_dict() == reference.to_dict()
    assert len(reference.releases_) == len(series)


def test_fitted_attributes_end_in_underscore(series: list[Release]) -> None:
    tracker = make()
    params = set(vars(tracker))
    tracker.fit(series)
    learned = set(vars(tracker)) - params
    assert learned and all(name.endswith("_") or name.startswith("_") for name in learned)
    assert {"releases_", "statements_", "theme_ids_", "claim_ids_", "topic_model_"} <= learned
    assert isinstance(tracker.theme_ids_, np.ndarray)
