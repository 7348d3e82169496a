"""Shared fixtures: a deterministic fake embedder and small topical corpora."""

from __future__ import annotations

import pytest

from claimcmp.model import Release, Statement

from ..conftest import FakeEmbedder


class WordHashEmbedder(FakeEmbedder):
    """Bag of hashed words of four letters or more: texts sharing words get similar unit vectors."""

    def __init__(self, dim: int = 64) -> None:
        super().__init__(dim, min_word_length=4)


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
