"""ThemeTracker on the fixture series: themes, trends, the repeated claim, stable ids."""

from __future__ import annotations

import json

import numpy as np
import pytest

from claimcmp.errors import ConfigurationError, NotFittedError
from claimcmp.model import Release
from claimcmp.themes import ThemeSeries, ThemeTracker, Trend, track_themes
from claimcmp.topics import TopicModel

from .conftest import TopicalEmbedder, sentence_extractor, side_by_issuer

CLAIM = "Atlantis remains committed to a peaceful resolution of the maritime boundary dispute through dialogue."


def make(embedder: TopicalEmbedder, **kwargs: object) -> ThemeTracker:
    return ThemeTracker(
        embedder=embedder,
        side_of=side_by_issuer,
        extractor=sentence_extractor,
        topic_model=TopicModel(distance_threshold=0.7),
        **kwargs,
    )


def theme_with(result: ThemeSeries, word: str):  # noqa: ANN201
    matches = [t for t in result.themes if any(word in k.split() for k in t.keywords[:3])]
    assert matches, f"no theme with keyword {word!r}: {[t.keywords for t in result.themes]}"
    return matches[0]


@pytest.fixture
def fitted(series: list[Release], topical_embedder: TopicalEmbedder) -> ThemeTracker:
    return make(topical_embedder).fit(series)


def test_known_themes_and_trends(fitted: ThemeTracker) -> None:
    result = fitted.result()
    assert result.period == "month" and (result.first_date, result.last_date) == ("2024-01-10", "2024-06-26")
    maritime = theme_with(result, "maritime")
    assert maritime.trend is Trend.RECURRING and len(maritime.release_ids) == 8
    assert set(maritime.side_totals) == {"Atlantis", "Borealis"}
    assert theme_with(result, "climate").trend is Trend.EMERGING
    assert theme_with(result, "climate").first_seen == "2024-05-08"
    assert theme_with(result, "steel").trend is Trend.FADING
    assert theme_with(result, "steel").last_seen == "2024-03-06"
    festival = theme_with(result, "festival")
    assert festival.trend is Trend.ONE_OFF and festival.release_ids == ("series-04-borealis",)
    assert result.themes[0] is maritime  # most releases first


def test_counts_per_side_per_period(fitted: ThemeTracker) -> None:
    result = fitted.result()
    climate = theme_with(result, "climate")
    assert dict(climate.counts["2024-06"]) == {"Atlantis": 1, "Borealis": 2}
    rows = [r for r in result.timeline if r.theme_id == climate.id]
    assert {(r.period, r.side, r.statements, r.releases) for r in rows} == {
        ("2024-05", "Borealis", 2, 1),
        ("2024-06", "Atlantis", 1, 1),
        ("2024-06", "Borealis", 2, 1),
    }
    weekly = fitted.result(period="quarter")
    assert set(theme_with(weekly, "climate").counts) == {"2024-Q2"}


def test_repeated_claim_in_paraphrase(fitted: ThemeTracker) -> None:
    claims = [c for c in fitted.result().claims if c.text == CLAIM]
    assert len(claims) == 1
    claim = claims[0]
    assert claim.release_ids == ("series-01-atlantis", "series-05-atlantis", "series-07-atlantis")
    assert claim.first.date == "2024-01-10" and claim.sides == ("Atlantis",)
    assert "stays committed" in claim.occurrences[-1].text
    assert claim.id == f"c-{__import__('hashlib').blake2b(claim.occurrences[0].statement_id.encode(), digest_size=6).hexdigest()}"


def test_refit_gives_the_same_ids(series: list[Release]) -> None:
    a = make(TopicalEmbedder()).fit(series).result()
    b = make(TopicalEmbedder()).fit(list(reversed(series))).result()
    assert a.to_dict() == b.to_dict()


def test_partial_fit_keeps_ids_and_embeds_only_new_statements(series: list[Release]) -> None:
    embedder = TopicalEmbedder()
    tracker = make(embedder).fit(series[:5])
    before = tracker.result()
    old_themes = tracker.theme_ids_.copy()
    old_claims = list(tracker.claim_ids_)
    seen = embedder.texts_seen
    tracker.partial_fit(series[5:])
    new_statements = len(tracker.statements_) - len(old_themes)
    assert embedder.texts_seen - seen == new_statements
    assert np.array_equal(tracker.theme_ids_[: len(old_themes)], old_themes)
    assert tracker.claim_ids_[: len(old_claims)] == old_claims
    after = tracker.result()
    for theme in before.themes:
        kept = after.theme(theme.id)
        assert kept.label == theme.label and set(theme.release_ids) <= set(kept.release_ids)
    # claims: same as a fit on everything at once (releases added in date order)
    full = make(TopicalEmbedder()).fit(series)
    assert tracker.claim_ids_ == full.claim_ids_
    claim = next(c for c in after.claims if c.text == CLAIM)
    assert len(claim.occurrences) == 3
    # the emerging climate theme is new, with a fresh id
    assert theme_with(after, "climate").id >= len(before.themes) or theme_with(after, "climate").id not in {
        t.id for t in before.themes
    }


def test_partial_fit_skips_releases_already_tracked(fitted: ThemeTracker, series: list[Release]) -> None:
    n = len(fitted.statements_)
    fitted.partial_fit(series[:2])
    assert len(fitted.statements_) == n


def test_partial_fit_on_unfitted_tracker_fits(series: list[Release], topical_embedder: TopicalEmbedder) -> None:
    tracker = make(topical_embedder).partial_fit(series)
    assert len(tracker.releases_) == 8


def test_round_trip_and_partial_fit_after_loading(series: list[Release]) -> None:
    tracker = make(TopicalEmbedder()).fit(series[:5])
    for include in (True, False):
        data = json.loads(json.dumps(tracker.to_dict(include_embeddings=include)))
        loaded = ThemeTracker.from_dict(data, embedder=TopicalEmbedder(), side_of=side_by_issuer)
        loaded.extractor = sentence_extractor
        assert loaded.result().to_dict() == tracker.result().to_dict()
        loaded.partial_fit(series[5:])
        reference = make(TopicalEmbedder()).fit(series[:5]).partial_fit(series[5:])
        assert loaded.result().to_dict() == reference.result().to_dict()


def test_merge_keeps_own_ids_and_adds_the_others(series: list[Release]) -> None:
    left = make(TopicalEmbedder()).fit(series[:5])
    right = make(TopicalEmbedder()).fit(series[3:])
    merged = left.merge(right)
    assert set(merged.releases_) == {r.id for r in series}
    assert np.array_equal(merged.theme_ids_[: len(left.theme_ids_)], left.theme_ids_)
    assert merged.claim_ids_[: len(left.claim_ids_)] == left.claim_ids_
    assert len(merged.statements_) == len(make(TopicalEmbedder()).fit(series).statements_)
    assert len(left.releases_) == 5  # left itself is unchanged


def test_precomputed_statements_and_embeddings(series: list[Release]) -> None:
    statements = [s for r in series for s in sentence_extractor(r)]
    vectors = TopicalEmbedder().encode([s.text for s in statements])
    embedder = TopicalEmbedder()
    tracker = ThemeTracker(
        embedder=embedder, side_of=side_by_issuer, topic_model=TopicModel(distance_threshold=0.7)
    ).fit(series, statements=statements, embeddings=vectors)
    assert embedder.texts_seen == 0
    reference = make(TopicalEmbedder()).fit(series)
    assert tracker.result().to_dict() == reference.result().to_dict()
    with pytest.raises(ConfigurationError):
        ThemeTracker(embedder=embedder).fit(series, statements=statements, embeddings=vectors[:3])
    with pytest.raises(ConfigurationError):
        ThemeTracker(embedder=embedder).fit(series, embeddings=vectors)


def test_side_of_mapping_by_issuer(series: list[Release], topical_embedder: TopicalEmbedder) -> None:
    sides = {"Government of Borealis": "B", "Ministry of Foreign Affairs of Atlantis": "A"}
    tracker = ThemeTracker(embedder=topical_embedder, side_of=sides, extractor=sentence_extractor).fit(series)
    assert {s.side for s in tracker.statements_} == {"A", "B"}


def test_track_themes_one_liner(series: list[Release]) -> None:
    result = track_themes(
        series,
        embedder=TopicalEmbedder(),
        side_of=side_by_issuer,
        extractor=sentence_extractor,
        topic_model=TopicModel(distance_threshold=0.7),
    )
    assert result.to_dict() == make(TopicalEmbedder()).fit(series).result().to_dict()
    assert ThemeSeries.from_dict(json.loads(json.dumps(result.to_dict()))) == result


def test_errors(series: list[Release], topical_embedder: TopicalEmbedder) -> None:
    with pytest.raises(NotFittedError):
        ThemeTracker().result()
    with pytest.raises(NotFittedError):
        ThemeTracker().to_dict()
    with pytest.raises(ConfigurationError):
        ThemeTracker(claim_threshold=1.5).fit(series)
    with pytest.raises(ConfigurationError):
        ThemeTracker(embedder=topical_embedder).fit(["not a release"])  # type: ignore[list-item]
    with pytest.raises(ConfigurationError):
        ThemeTracker(embedder=topical_embedder, extractor=lambda r, sides=None: []).fit([Release("x", "   ")])


def test_default_extraction_path_runs(series: list[Release], topical_embedder: TopicalEmbedder) -> None:
    result = ThemeTracker(embedder=topical_embedder, side_of=side_by_issuer).fit(series).result()
    assert result.n_releases == 8 and result.n_statements >= 20
    assert result.themes


def test_same_day_releases_are_ordered_by_id_whatever_the_input_order(topical_embedder: TopicalEmbedder) -> None:
    text = "Atlantis remains committed to a peaceful resolution of the maritime boundary dispute through dialogue."
    a, b = Release("b-second", text, date="2024-01-01"), Release("a-first", text, date="2024-01-01")
    one = ThemeTracker(embedder=TopicalEmbedder(), extractor=sentence_extractor).fit([a, b]).result()
    two = ThemeTracker(embedder=TopicalEmbedder(), extractor=sentence_extractor).fit([b, a]).result()
    assert one.to_dict() == two.to_dict()
    assert one.claims[0].occurrences[0].release_id == "a-first"
