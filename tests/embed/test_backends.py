"""Embedding backends: choice, cache identity, and ONNX vectors against torch."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from claimcmp.embed import Embedder, EmbeddingCache, resolve_model, text_key
from claimcmp.embed import embedder as embedder_module
from claimcmp.embed import onnx_backend
from claimcmp.embed.onnx_backend import max_seq_length, onnx_model_path, supports_onnx
from claimcmp.errors import ConfigurationError, UnsupportedModelError

from ..conftest import python_output

ROOT = Path(__file__).resolve().parents[2]

TEXTS = [
    "The two ministers discussed energy security.",
    "Energy security was discussed by the two ministers.",
    "The football match ended in a draw.",
    "Short.",
    " ".join(["The delegation reaffirmed its commitment to the agreement."] * 40),  # over 256 tokens
]


def _model_folder(tmp_path: Path, pooling: dict[str, bool]) -> Path:
    folder = tmp_path / "model"
    (folder / "1_Pooling").mkdir(parents=True)
    modules = [{"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
               {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"}]
    (folder / "modules.json").write_text(json.dumps(modules))
    (folder / "1_Pooling" / "config.json").write_text(json.dumps(pooling))
    (folder / "tokenizer.json").write_text("{}")
    return folder


def test_unknown_backend_is_rejected() -> None:
    with pytest.raises(ConfigurationError, match="Unknown embedding backend 'gpu'") as info:
        Embedder(backend="gpu")
    assert "auto, torch, onnx" in info.value.fix


def test_backends_share_the_cache(tmp_path: Path) -> None:
    torch_embedder = Embedder(cache_dir=tmp_path, backend="torch")
    assert Embedder(cache_dir=tmp_path, backend="onnx").identity == torch_embedder.identity
    EmbeddingCache(tmp_path).put_many(torch_embedder.identity, {text_key("x"): np.ones(3, dtype=np.float32)})
    assert Embedder(cache_dir=tmp_path, backend="onnx").encode(["x"]).shape == (1, 3)


def test_int8_backend_is_a_deprecated_alias_of_onnx(tmp_path: Path) -> None:
    with pytest.warns(FutureWarning, match="onnx-int8.*deprecated.*'onnx'"):
        embedder = Embedder(cache_dir=tmp_path, backend="onnx-int8")
    assert embedder.backend == "onnx" and embedder.active_backend == "onnx"
    assert embedder.identity == Embedder(cache_dir=tmp_path, backend="torch").identity


def test_auto_picks_onnx_when_installed_else_torch(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert Embedder(cache_dir=tmp_path).active_backend == embedder_module.AUTO_ONNX
    assert Embedder(cache_dir=tmp_path, device="cuda").active_backend == "torch"
    monkeypatch.setattr(onnx_backend, "onnx_available", lambda: False)
    assert Embedder(cache_dir=tmp_path).active_backend == "torch"


def test_only_mean_pooling_models_run_on_onnx(tmp_path: Path) -> None:
    cls_model = _model_folder(tmp_path, {"pooling_mode_cls_token": True, "pooling_mode_mean_tokens": False})
    assert not supports_onnx(cls_model)
    assert Embedder(cls_model, cache_dir=tmp_path).active_backend == "torch"
    with pytest.raises(UnsupportedModelError, match="mean-pooling"):
        onnx_backend.export_onnx(resolve_model(cls_model), tmp_path / "x-fp32.onnx", "fp32")
    assert supports_onnx(Path(resolve_model(None).path))


def test_truncation_length_follows_sentence_transformers() -> None:
    assert max_seq_length(Path(resolve_model(None).path)) == 256


def test_export_file_is_keyed_by_fingerprint_and_variant(tmp_path: Path) -> None:
    resolved = resolve_model(None)
    path = onnx_model_path(resolved, tmp_path, "int8")
    assert path.parent == tmp_path / "onnx"
    assert resolved.identity.rsplit("@", 1)[-1] in path.name and path.name.endswith("-int8.onnx")
    assert onnx_model_path(resolved, tmp_path, "fp32") != path
    with pytest.raises(ConfigurationError, match="variant"):
        onnx_model_path(resolved, tmp_path, "fp16")


@pytest.fixture(scope="module")
def torch_vectors() -> np.ndarray:
    return Embedder(use_cache=False, backend="torch").encode(TEXTS)


@pytest.mark.slow
def test_onnx_fp32_gives_the_torch_vectors(torch_vectors: np.ndarray) -> None:
    embedder = Embedder(use_cache=False, backend="onnx", batch_size=2)
    vectors = embedder.encode(TEXTS)
    assert vectors.shape == (len(TEXTS), 384) and vectors.dtype == np.float32
    np.testing.assert_allclose(vectors, torch_vectors, atol=2e-5)
    assert embedder.get_dimension() == 384
    assert embedder.encode("Short.").shape == (384,)


def _readout_sentences(count: int = 48) -> list[str]:
    """Real readout sentences: the first statements of each document of the real gold set."""
    gold = sorted((ROOT / "benchmarks" / "gold_real" / "gold").glob("*.gold.json"))
    texts: list[str] = []
    for path in gold:
        texts += [s["text"] for s in json.loads(path.read_text(encoding="utf-8"))["statements"][:2]]
    return texts[:count]


def _worst_distance(a: np.ndarray, b: np.ndarray) -> float:
    """The largest 1 - cosine between rows of two sets of unit vectors."""
    return float((1.0 - np.sum(a * b, axis=1)).max())


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["auto", "torch", "onnx"])
def test_vectors_do_not_depend_on_the_batch(backend: str) -> None:
    """encode([x])[0] equals x's row in any batch, whatever its order or size (1 - cosine <= 1e-5)."""
    sentences = _readout_sentences()
    embedder = Embedder(use_cache=False, backend=backend)
    alone = np.stack([embedder.encode([s])[0] for s in sentences])
    together = embedder.encode(sentences)
    reversed_order = embedder.encode(sentences[::-1])[::-1]
    small_batches = Embedder(use_cache=False, backend=backend, batch_size=3).encode(sentences)
    mixed = embedder.encode(sentences[:5] + TEXTS + sentences[5:])
    mixed = np.concatenate([mixed[:5], mixed[5 + len(TEXTS) :]])
    for other in (together, reversed_order, small_batches, mixed):
        assert _worst_distance(alone, other) <= 1e-5


@pytest.mark.slow
def test_default_vectors_are_the_torch_models(torch_vectors: np.ndarray) -> None:
    """The default backend is within 1 - cosine <= 1e-3 of the fp32 torch model on real readout sentences."""
    sentences = _readout_sentences()
    reference = Embedder(use_cache=False, backend="torch").encode(sentences)
    default = Embedder(use_cache=False).encode(sentences)
    assert _worst_distance(default, reference) <= 1e-3
    assert _worst_distance(Embedder(use_cache=False).encode(TEXTS), torch_vectors) <= 1e-3


@pytest.mark.slow
def test_length_sorted_batches_keep_input_order() -> None:
    embedder = Embedder(use_cache=False, backend="onnx", batch_size=2)
    together = embedder.encode(TEXTS)
    one_by_one = np.stack([embedder.encode(t) for t in TEXTS])
    np.testing.assert_allclose(together, one_by_one, atol=2e-5)


@pytest.mark.slow
def test_onnx_inference_never_imports_torch(tmp_path: Path) -> None:
    Embedder(use_cache=False, backend="onnx").load()  # the export exists in the session cache folder
    code = (
        "import sys; from claimcmp.embed import Embedder;"
        f"e = Embedder(cache_dir={str(tmp_path)!r}, backend='onnx');"
        "import os; os.symlink(os.path.join(os.environ['CLAIMCMP_CACHE_DIR'], 'onnx'), "
        f"os.path.join({str(tmp_path)!r}, 'onnx'));"
        "v = e.encode(['The sides met.']); assert v.shape == (1, 384);"
        "print(e.stats.encoded, 'torch' in sys.modules, 'sentence_transformers' in sys.modules)"
    )
    assert python_output(code) == "1 False False"


class _FailingAfterOneChunk(Embedder):
    """The real embedder with a stand-in model that fails on its second call."""

    calls = 0

    def load(self) -> None:
        return None

    def _encode_with_model(self, texts: list[str]) -> np.ndarray:
        self.calls += 1
        if self.calls > 1:
            raise RuntimeError("stopped half-way")
        return np.ones((len(texts), 4), dtype=np.float32) / 2.0


def test_new_vectors_are_cached_chunk_by_chunk(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(embedder_module, "_WRITE_CHUNK", 3)
    embedder = _FailingAfterOneChunk(cache_dir=tmp_path, backend="torch")
    texts = [f"text {i}" for i in range(7)]
    with pytest.raises(RuntimeError, match="half-way"):
        embedder.encode(texts)
    assert EmbeddingCache(tmp_path).count(embedder.identity) == 3
    assert embedder.stats.encoded == 3
