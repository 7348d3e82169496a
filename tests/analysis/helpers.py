"""Builders shared by the analysis and report tests: a tiny random relation head, hostile releases."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from claimcmp.compare.cues import RELATIONS
from claimcmp.compare.features import LEXICAL_FEATURES
from claimcmp.compare.head import RelationHead
from claimcmp.model import Release
from tests.conftest import SEED, FakeEmbedder

#: Script that would leave a trace in the page title if it ever ran.
PWNED = "document.title='pwned'"


def random_head(dim: int = 64, seed: int = 0, hidden: int = 8) -> RelationHead:
    """A small random relation head for feature rows of a ``dim``-dimensional embedder."""
    rng = np.random.default_rng(seed)
    try:  # the feature layout belongs to claimcmp.compare: ask it
        from claimcmp.compare.features import feature_width

        width = feature_width(dim)
    except ImportError:  # pragma: no cover - older layout
        width = 4 * dim + len(LEXICAL_FEATURES)
    return RelationHead(
        mean=np.zeros(width, dtype=np.float32),
        scale=np.ones(width, dtype=np.float32),
        weights=(rng.standard_normal((width, hidden)).astype(np.float32) * 0.1,
                 rng.standard_normal((hidden, 3)).astype(np.float32)),
        # leaning to agreement, so that fake inputs give agreements as well as cue-driven counter-claims
        biases=(np.zeros(hidden, dtype=np.float32), np.array([2.0, 0.0, -2.0], dtype=np.float32)),
        temperature=1.5,
        classes=RELATIONS,
        match_coef=rng.standard_normal(width).astype(np.float32) * 0.01,
        card='{"name": "test"}',
    )


def fast_options() -> dict[str, Any]:
    """analyze() options for unit tests: fake embedder, random head, every pair a candidate and
    every labelled pair reported (long lists for the reports to cut)."""
    return {
        "embedder": FakeEmbedder(),
        "compare_options": {"head": random_head(64), "min_cosine": -1.0, "one_to_one": False},
    }


def seed_path() -> Path:
    return SEED


HOSTILE_TEXT = (
    "The Director-General of the OPCW, Fernando Arias, met the Deputy Minister of the Russian Federation, "
    "Kirill Lysogorsky.\n"
    f"The Director-General said: “<script>{PWNED}</script> Chemical weapons must never be used | ever.”\n"
    f"The Deputy Minister said: “<img src=x onerror=\"{PWNED}\"> Chemical weapons were used by "
    f"<a href=\"javascript:{PWNED}\">others</a> and $5 of *bold* claims.”\n"
    "He stressed: “</div></section></main><style>body{display:none}</style><!-- broken "
    "<svg onload=alert(1)><iframe src=http://example.com/x></iframe> chemical weapons reports are wrong.”\n"
)


def hostile_releases() -> list[Release]:
    """Releases whose title, source and text try to inject markup and script."""
    return [
        Release(
            id="evil<1>",
            text=HOSTILE_TEXT,
            title=f"Meeting </title><script>{PWNED}</script>",
            date="2024-11-29",
            issuer="OPCW",
            source=f"javascript:{PWNED}",
        ),
        Release(
            id="plain-2",
            text="The Deputy Minister of the Russian Federation said: “Chemical weapons were used by others.”\n",
            title="Second <b>release</b>",
            date="2024-12-02",
            issuer="OPCW",
            source="https://example.org/release?a=1&b=<2>",
        ),
    ]
