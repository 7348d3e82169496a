"""Shared fixtures: a deterministic fake embedder and small topical corpora."""

from __future__ import annotations

import hashlib

import numpy as np
import pytest

from claimcmp.model import Release, Statement


class WordHashEmbedder:
    """Bag of hashed words: texts sharing words get similar unit vectors.

    Deterministic across runs and processes (uses blake2b, not ``hash``).
    """

    def __init__(self, dim: int = 64) -> None:
        self.dim = dim
        self.calls = 0

    def _word(self, word: str) -> np.ndarray:
        seed = int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "little")
        return np.random.default_rng(seed).standard_normal(self.dim)

    def encode(self, texts: list[str]) -> np.ndarray:
        self.calls += 1
        rows = []
        for text in texts:
            words = [w.strip(".,;:!?\"'").lower() for w in text.split()]
            vec = sum((self._word(w) for w in words if len(w) > 3), np.zeros(self.dim))
            norm = np.linalg.norm(vec)
            rows.append(vec / norm if norm else vec)
        return np.asarray(rows, dtype=np.float32)


THEMES = {
    "chemical": ["chemical weapons", "inspection team", "destruction stockpile", "nerve agent"],
    "trade": ["trade tariffs", "export quotas", "market access", "customs union"],
    "climate": ["climate emissions", "carbon neutrality", "renewable energy", "paris agreement"],
}


def make_statements(per_theme: int = 6, sides: tuple[str, ...] = ("east", "west")) -> list[Statement]:
    """Statements on three themes, alternating sides, built as spans of one release."""
    sentences = []
    for theme, phrases in THEMES.items():
        for i in range(per_theme):
            a, b = phrases[i % len(phrases)], phrases[(i + 1) % len(phrases)]
            sentences.append(f"The minister discussed {a} and {b} regarding {theme} matters number{i}.")
    text = " ".join(sentences)
    release = Release(id="r1", text=text)
    statements, start = [], 0
    for i, sentence in enumerate(sentences):
        s = text.index(sentence, start)
        statements.append(
            Statement.from_span(release, s, s + len(sentence), speaker="X", side=sides[i % len(sides)])
        )
        start = s + len(sentence)
    return statements


@pytest.fixture
def embedder() -> WordHashEmbedder:
    return WordHashEmbedder()


@pytest.fixture
def statements() -> list[Statement]:
    return make_statements()
