"""Helpers for the compare tests: statements built by hand and a tiny random head."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np
import pytest

from claimcmp.compare.cues import RELATIONS
from claimcmp.compare.features import feature_width
from claimcmp.compare.head import RelationHead
from claimcmp.model import Release, Statement

SEED_A = (
    "In this regard, the Director-General touched on the report of the latest OPCW Technical Assistance "
    "Visit (TAV) to Ukraine and reiterated his grave concern over the findings in the report."
)
SEED_B = (
    "The Deputy Minister said: “I would like to draw your attention to the information provided by the "
    "Russian Federation to the Technical Secretariat regarding the use of toxic chemicals by the Ukrainian "
    "armed forces.”"
)


def make_statements(items: Sequence[tuple[str, str]], release_id: str = "r1") -> list[Statement]:
    """Statements (side, text) laid end to end in one release."""
    text = ""
    spans = []
    for _, sentence in items:
        start = len(text)
        text += sentence + " "
        spans.append((start, start + len(sentence)))
    release = Release(id=release_id, text=text)
    return [
        Statement.from_span(release, s, e, side=side, speaker=side)
        for (side, _), (s, e) in zip(items, spans, strict=True)
    ]


def random_head(dim: int, seed: int = 0, hidden: int = 8, word_dim: int = 384) -> RelationHead:
    """A two-component head with random weights, for feature rows of embeddings of size ``dim``."""
    rng = np.random.default_rng(seed)
    width = feature_width(dim, word_dim)

    def mlp(t: float, name: str) -> RelationHead:
        return RelationHead(
            mean=np.zeros(width, dtype=np.float32),
            scale=np.ones(width, dtype=np.float32),
            weights=(rng.standard_normal((width, hidden)).astype(np.float32) * 0.1,
                     rng.standard_normal((hidden, 3)).astype(np.float32)),
            biases=(np.zeros(hidden, dtype=np.float32), np.zeros(3, dtype=np.float32)),
            temperature=t,
            classes=RELATIONS,
            name=name,
        )

    primary = mlp(1.5, "nli")
    return replace(
        primary,
        others={"argument": mlp(1.0, "argument")},
        mix={"nli": 0.6, "argument": 0.4},
        match_coef=rng.standard_normal(width).astype(np.float32) * 0.1,
        card='{"name": "test"}',
    )


@pytest.fixture
def small_head() -> RelationHead:
    return random_head(64)
