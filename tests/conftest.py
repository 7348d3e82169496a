"""Shared test fixtures: paths, a temporary cache, and a deterministic fake embedder."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
SHARED = Path(os.environ.get("CLAIMCMP_SHARED", ROOT.parent / "shared"))
SEED = FIXTURES / "opcw_seed.txt"


def python_output(code: str, env: dict[str, str] | None = None) -> str:
    """Run ``code`` in a fresh interpreter (same environment) and return its stripped stdout.

    For checks about what a fresh process imports or prints (``env``: its environment, default this
    one). Fails the test if the code raises.
    """
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    return out.stdout.strip()


@pytest.fixture(scope="session", autouse=True)
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Tests never read or write the user's embedding cache."""
    folder = tmp_path_factory.mktemp("claimcmp-cache")
    previous = os.environ.get("CLAIMCMP_CACHE_DIR")
    os.environ["CLAIMCMP_CACHE_DIR"] = str(folder)
    yield
    if previous is None:
        os.environ.pop("CLAIMCMP_CACHE_DIR", None)
    else:
        os.environ["CLAIMCMP_CACHE_DIR"] = previous


@pytest.fixture
def shared_datasets() -> Path:
    """The shared data sets folder (present here and on CI)."""
    path = SHARED / "datasets"
    assert path.is_dir(), f"shared data sets not found at {path}; set CLAIMCMP_SHARED"
    return path


class FakeEmbedder:
    """Deterministic bag-of-words vectors: texts sharing words are similar.

    Each word is hashed (BLAKE2b, so stable across processes) to a fixed random
    vector; a text is the normalised sum. Enough for unit tests of everything
    after embedding.

    Parameters
    ----------
    dim : int, default=64
    token_pattern : str, optional
        Regex finding words in the lower-cased text; default: whitespace split
        with surrounding punctuation stripped.
    min_word_length : int, default=1
    stop_words : iterable of str, default=()
    synonyms : mapping, optional
        Words replaced before hashing, so paraphrases share vectors.

    Attributes
    ----------
    calls : int
        Calls of :meth:`encode`.
    texts_seen : int
        Texts passed to :meth:`encode`.
    """

    def __init__(
        self,
        dim: int = 64,
        *,
        token_pattern: str | None = None,
        min_word_length: int = 1,
        stop_words: Iterable[str] = (),
        synonyms: Mapping[str, str] | None = None,
    ) -> None:
        self.dim = dim
        self.token_pattern = re.compile(token_pattern) if token_pattern else None
        self.min_word_length = min_word_length
        self.stop_words = frozenset(stop_words)
        self.synonyms = dict(synonyms or {})
        self.calls = 0
        self.texts_seen = 0

    def _word(self, word: str) -> np.ndarray:
        seed = int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "little")
        return np.random.default_rng(seed).standard_normal(self.dim)

    def _words(self, text: str) -> list[str]:
        if self.token_pattern is not None:
            words = self.token_pattern.findall(text.lower())
        else:
            words = [w.strip(".,;:!?“”\"'()").lower() for w in text.split()]
        return [
            self.synonyms.get(w, w)
            for w in words
            if w and len(w) >= self.min_word_length and w not in self.stop_words
        ]

    def encode(self, texts: str | Sequence[str]) -> np.ndarray:
        single = isinstance(texts, str)
        items = [texts] if single else list(texts)
        self.calls += 1
        self.texts_seen += len(items)
        out = np.zeros((len(items), self.dim), dtype=np.float32)
        for i, text in enumerate(items):
            vec = sum((self._word(w) for w in self._words(text)), np.zeros(self.dim))
            norm = np.linalg.norm(vec)
            out[i] = vec / norm if norm else vec
        return out[0] if single else out

    def embed_statements(self, statements: Sequence[object]) -> np.ndarray:
        return self.encode([s.text for s in statements])  # type: ignore[attr-defined]


@pytest.fixture
def fake_embedder() -> FakeEmbedder:
    return FakeEmbedder()
