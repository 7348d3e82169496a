"""Shared test fixtures: paths, a temporary cache, and a deterministic fake embedder."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
SHARED = Path(os.environ.get("CLAIMCMP_SHARED", ROOT.parent / "shared"))
SEED = FIXTURES / "opcw_seed.txt"


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

    Each lower-cased word is hashed to a fixed random unit vector; a text is the
    normalised sum. Enough for unit tests of everything after embedding.
    """

    def __init__(self, dim: int = 64) -> None:
        self.dim = dim
        self.calls = 0

    def _word(self, word: str) -> np.ndarray:
        seed = int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "little")
        return np.random.default_rng(seed).standard_normal(self.dim)

    def encode(self, texts: str | Sequence[str]) -> np.ndarray:
        single = isinstance(texts, str)
        items = [texts] if single else list(texts)
        self.calls += 1
        out = np.zeros((len(items), self.dim), dtype=np.float32)
        for i, text in enumerate(items):
            words = [w.strip(".,;:!?“”\"'()").lower() for w in text.split()]
            vec = sum((self._word(w) for w in words if w), np.zeros(self.dim))
            norm = np.linalg.norm(vec)
            out[i] = vec / norm if norm else vec
        return out[0] if single else out

    def embed_statements(self, statements: Sequence[object]) -> np.ndarray:
        return self.encode([s.text for s in statements])  # type: ignore[attr-defined]


@pytest.fixture
def fake_embedder() -> FakeEmbedder:
    return FakeEmbedder()
