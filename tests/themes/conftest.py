"""Fixtures for theme tracking: the fixture series, a topical fake embedder, a sentence extractor."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from claimcmp.ingest import load_releases
from claimcmp.model import Release, Statement
from claimcmp.themes._statements import sentence_spans

SERIES = Path(__file__).resolve().parents[2] / "fixtures" / "series"

_STOP = frozenset(
    "a an the of to in on and or for with by from at as is are was were be been that this its it their his her "
    "he she they them both two new will would must may until again also said says asked called keep".split()
)
# paraphrase pairs of the fixture's repeated claim map to one concept
_SAME = {"stays": "remains", "resolving": "resolution", "peacefully": "peaceful"}
_WORD = re.compile(r"[a-z]+")


class TopicalEmbedder:
    """Deterministic content-word vectors: stop words dropped, a few synonyms merged.

    Texts about the same things (shared content words) are close, so the
    fixture's themes cluster as a sentence model would cluster them.
    ``texts_seen`` counts every text passed to :meth:`encode`.
    """

    def __init__(self, dim: int = 96) -> None:
        self.dim = dim
        self.texts_seen = 0

    def _word(self, word: str) -> np.ndarray:
        seed = int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "little")
        return np.random.default_rng(seed).standard_normal(self.dim)

    def encode(self, texts: str | Sequence[str]) -> np.ndarray:
        single = isinstance(texts, str)
        items = [texts] if single else list(texts)
        self.texts_seen += len(items)
        out = np.zeros((len(items), self.dim), dtype=np.float32)
        for i, text in enumerate(items):
            words = [_SAME.get(w, w) for w in _WORD.findall(text.lower()) if w not in _STOP]
            vec = sum((self._word(w) for w in words), np.zeros(self.dim))
            norm = np.linalg.norm(vec)
            out[i] = vec / norm if norm else vec
        return out[0] if single else out


def sentence_extractor(release: Release, sides: object = None) -> list[Statement]:
    """One narration statement per sentence: extraction-independent unit tests."""
    return [Statement.from_span(release, s, e) for s, e in sentence_spans(release.text)]


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
