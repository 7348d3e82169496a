"""Fixtures for theme tracking: the fixture series, a topical fake embedder, a sentence extractor."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from claimcmp.ingest import load_releases
from claimcmp.model import Release, Statement, StatementKind
from claimcmp.themes._statements import sentence_spans

from ..conftest import FakeEmbedder

SERIES = Path(__file__).resolve().parents[2] / "fixtures" / "series"

_STOP = frozenset(
    ["a", "an", "the", "of", "to", "in", "on", "and", "or", "for", "with", "by", "from", "at", "as", "is", "are", "was", "were", "be", "been", "that", "this", "its", "it", "their", "his", "her", "he", "she", "they", "them", "both", "two", "new", "will", "would", "must", "may", "until", "again", "also", "said", "says", "asked", "called", "keep"]
)
# paraphrase pairs of the fixture's repeated claim map to one concept
_SAME = {"stays": "remains", "resolving": "resolution", "peacefully": "peaceful"}


class TopicalEmbedder(FakeEmbedder):
    """Deterministic content-word vectors: stop words dropped, a few synonyms merged.

    Texts about the same things (shared content words) are close, so the
    fixture's themes cluster as a sentence model would cluster them.
    """

    def __init__(self, dim: int = 96) -> None:
        super().__init__(dim, token_pattern=r"[a-z]+", stop_words=_STOP, synonyms=_SAME)


def sentence_extractor(release: Release, sides: object = None) -> list[Statement]:
    """One narration statement per sentence: extraction-independent unit tests."""
    return [Statement.from_span(release, s, e) for s, e in sentence_spans(release.text)]


def dated_release(day: int, body: str) -> Release:
    """A release ``day`` days after 2024-01-01, its id ``r<day>``."""
    return Release(id=f"r{day}", text=body, date=(dt.date(2024, 1, 1) + dt.timedelta(days=day)).isoformat())


def narration_extractor(release: Release, sides: object = None) -> list[Statement]:
    """One statement of kind narration per sentence (scene-setting tests: quotes are never scene-setting)."""
    return [
        Statement.from_span(release, s, e, kind=StatementKind.NARRATION) for s, e in sentence_spans(release.text)
    ]


def side_by_issuer(release: Release) -> str:
    return "Atlantis" if "Atlantis" in (release.issuer or "") else "Borealis"


@pytest.fixture
def series() -> list[Release]:
    """The 8 fixture releases, in date order."""
    releases = list(load_releases(SERIES))
    assert len(releases) == 8
    return sorted(releases, key=lambda r: r.date or "")


@pytest.fixture
def topical_embedder() -> TopicalEmbedder:
    return TopicalEmbedder()
