"""The embedder: cache behaviour without the model, and the real model end to end."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from claimcmp import Statement, load_releases
from claimcmp.embed import Embedder, EmbeddingCache
from claimcmp.errors import ConfigurationError

from ..conftest import SEED, python_output


def test_cached_vectors_are_served_without_loading_the_model(tmp_path: Path) -> None:
    embedder = Embedder(cache_dir=tmp_path)
    vectors = {t: np.full(4, i + 1, dtype=np.float32) for i, t in enumerate(["a", "b"])}
    from claimcmp.embed import text_key

    EmbeddingCache(tmp_path).put_many(embedder.identity, {text_key(t): v for t, v in vectors.items()})
    out = embedder.encode(["b", "a", "b"])
    assert out.shape == (3, 4)
    np.testing.assert_array_equal(out[0], vectors["b"])
    assert not embedder.is_loaded
    assert (embedder.stats.texts, embedder.stats.hits, embedder.stats.encoded) == (3, 2, 0)
    single = embedder.encode("a")
    assert single.shape == (4,)


def test_encode_rejects_non_strings(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="item 1"):
        Embedder(cache_dir=tmp_path).encode(["ok", 3])  # type: ignore[list-item]


def test_bad_batch_size() -> None:
    with pytest.raises(ConfigurationError, match="batch_size"):
        Embedder(batch_size=0)


def test_fully_cached_run_never_imports_sentence_transformers(tmp_path: Path) -> None:
    from claimcmp.embed import text_key

    embedder = Embedder(cache_dir=tmp_path)
    EmbeddingCache(tmp_path).put_many(embedder.identity, {text_key("x"): np.ones(3, dtype=np.float32)})
    code = (
        "import sys; from claimcmp.embed import Embedder;"
        f"e = Embedder(cache_dir={str(tmp_path)!r}); v = e.encode(['x']);"
        "assert v.shape == (1, 3);"
        "print('sentence_transformers' in sys.modules, 'torch' in sys.modules)"
    )
    assert python_output(code) == "False False"


@pytest.mark.slow
def test_real_model_end_to_end(tmp_path: Path) -> None:
    """The bundled all-MiniLM-L6-v2: normalised 384-d vectors, sensible similarities, cache reuse."""
    embedder = Embedder(cache_dir=tmp_path)
    texts = [
        "The two ministers discussed energy security.",
        "Energy security was discussed by the two ministers.",
        "The football match ended in a draw.",
    ]
    first = embedder.encode(texts)
    assert first.shape == (3, 384) and first.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(first, axis=1), 1.0, atol=1e-5)
    sims = first @ first.T
    assert sims[0, 1] > 0.8 > sims[0, 2]
    assert embedder.stats.encoded == 3

    again = Embedder(cache_dir=tmp_path)
    second = again.encode(texts)
    np.testing.assert_array_equal(first, second)
    assert again.stats.encoded == 0 and again.stats.hits == 3
    assert not again.is_loaded

    # one new text: only it is embedded
    third = again.encode(texts + ["A new release about fisheries."])
    assert again.stats.encoded == 1
    np.testing.assert_array_equal(third[:3], first)


@pytest.mark.slow
def test_real_model_embeds_statements_of_the_seed(tmp_path: Path) -> None:
    (release,) = load_releases(SEED)
    statements = [Statement.from_span(release, 0, 200), Statement.from_span(release, 200, 400)]
    vectors = Embedder(cache_dir=tmp_path).embed_statements(statements)
    assert vectors.shape == (2, 384)
    assert np.isfinite(vectors).all()
