"""An ONNX Runtime backend for the embedder: no torch at inference time.

The model is exported to ONNX once per machine (this step imports torch), then
optionally dynamic-int8 quantised, and stored in the cache folder under
``onnx/<model fingerprint>-<variant>.onnx``. Inference needs only
``onnxruntime`` and ``tokenizers`` and reproduces the sentence-transformers
pipeline of a mean-pooling model: tokenise (truncate to the model's
``max_seq_length``, pad to the longest text of the batch), run the encoder, mean
over real tokens, L2-normalise.

Variants
--------
``"fp32"``
    The plain export: the same vectors as torch up to float rounding. The
    embedder runs this one.
``"int8"``
    Dynamic int8 quantisation (``quantize_dynamic``, per-channel scales) of the
    MatMul weights and the embedding tables; activations stay float. Kept for
    measurements (``benchmarks/bench_backends.py``) only: its vectors depend on
    the CPU's integer kernels and on the other texts of a batch.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import threading
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ConfigurationError, EmbeddingError, MissingDependencyError, UnsupportedModelError
from ._quiet import dropped_root_messages, quiet_weight_loading
from .models import ResolvedModel

__all__ = [
    "ONNX_VARIANTS",
    "OnnxEncoder",
    "export_onnx",
    "load_onnx_encoder",
    "max_seq_length",
    "onnx_available",
    "onnx_model_path",
    "supports_onnx",
]

logger = logging.getLogger(__name__)

ONNX_VARIANTS = ("int8", "fp32")
_EXPORT_FORMAT = 1  # bump when the export recipe changes: old files are then rebuilt
_OPSET = 17
_EXPORT_LOCK = threading.Lock()
_INSTALL_HINT = "pip install onnxruntime onnx (claimcmp's default dependencies), or pass backend='torch'."


def onnx_available() -> bool:
    """Whether ``onnxruntime`` can be imported (the export also needs ``onnx``)."""
    from importlib.util import find_spec

    return find_spec("onnxruntime") is not None and find_spec("tokenizers") is not None


def _check_variant(variant: str) -> None:
    if variant not in ONNX_VARIANTS:
        raise ConfigurationError(
            f"Unknown ONNX variant {variant!r}.", fix=f"Use one of {', '.join(ONNX_VARIANTS)}."
        )


def onnx_model_path(resolved: ResolvedModel, folder: str | Path, variant: str = "fp32") -> Path:
    """Where the exported model of ``resolved`` lives inside ``folder``.

    The file name carries the model fingerprint (from its identity) and the
    variant, so a changed model or recipe never reuses an old export.
    """
    _check_variant(variant)
    fingerprint = resolved.identity.rsplit("@", 1)[-1]
    stem = Path(resolved.path).name.replace(os.sep, "_") or "model"
    return Path(folder) / "onnx" / f"{stem}-{fingerprint}-v{_EXPORT_FORMAT}-{variant}.onnx"


def _read_json(path: Path) -> dict[str, Any]:
    try:
        return dict(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return {}


def _check_mean_pooling(model_dir: Path) -> None:
    """Refuse models whose pooling this backend does not reproduce."""
    pooling_dir = "1_Pooling"
    try:
        modules = json.loads((model_dir / "modules.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        modules = []
    for entry in modules if isinstance(modules, list) else []:
        if str(entry.get("type", "")).endswith("Pooling"):
            pooling_dir = str(entry.get("path", pooling_dir))
    config = _read_json(model_dir / pooling_dir / "config.json")
    modes = sorted(k for k, v in config.items() if k.startswith("pooling_mode_") and v)
    if config and modes != ["pooling_mode_mean_tokens"]:
        raise UnsupportedModelError(
            f"The ONNX backend supports mean-pooling models only; {model_dir} uses {modes}.",
            fix="Pass backend='torch' for this model.",
        )


def max_seq_length(model_dir: Path) -> int:
    """The truncation length sentence-transformers uses for this model."""
    st_config = _read_json(model_dir / "sentence_bert_config.json")
    tok_config = _read_json(model_dir / "tokenizer_config.json")
    hf_config = _read_json(model_dir / "config.json")
    limits = [
        int(v)
        for v in (
            st_config.get("max_seq_length"),
            tok_config.get("model_max_length"),
            hf_config.get("max_position_embeddings"),
        )
        if isinstance(v, (int, float)) and 0 < v < 10**6
    ]
    return min(limits) if limits else 512


def export_onnx(resolved: ResolvedModel, target: str | Path, variant: str = "fp32") -> Path:
    """Export ``resolved`` to ONNX at ``target`` (and quantise it for ``"int8"``).

    The fp32 export imports torch and transformers (once per machine and model);
    the int8 variant is quantised from the fp32 file next to it, exported first
    if missing. Files are written under a temporary name and moved into place,
    so concurrent exports never leave a half-written model behind.

    Returns
    -------
    Path
        ``target``.
    """
    _check_variant(variant)
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    if variant == "int8":
        return _quantised_int8(resolved, target)
    return _exported_fp32(resolved, target)


def _quantised_int8(resolved: ResolvedModel, target: Path) -> Path:
    """Quantise the fp32 export next to ``target`` (exported first if missing) to int8 at ``target``."""
    plain = target.with_name(target.name.replace("-int8.onnx", "-fp32.onnx"))
    if plain == target or not plain.is_file():
        plain = export_onnx(resolved, plain if plain != target else target.with_suffix(".fp32.onnx"), "fp32")
    try:
        from onnxruntime.quantization import QuantType, quantize_dynamic
    except ImportError as exc:
        raise MissingDependencyError(f"Quantising to int8 needs {exc.name}.", fix=_INSTALL_HINT) from exc
    logger.info("Quantising %s to int8 at %s", resolved.name, target)
    with tempfile.TemporaryDirectory(dir=target.parent) as tmp:
        staged = Path(tmp) / "model-int8.onnx"
        # Per-channel weight scales keep cosine to fp32 near 0.99; per-tensor falls to ~0.97.
        with dropped_root_messages("pre-processing before quantization"):
            quantize_dynamic(str(plain), str(staged), weight_type=QuantType.QInt8, per_channel=True)
        os.replace(staged, target)
    return target


def _exported_fp32(resolved: ResolvedModel, target: Path) -> Path:
    """Export the model's encoder (token vectors) to ONNX at ``target``, written under a temporary name."""
    model_dir = Path(resolved.path)
    _check_mean_pooling(model_dir)
    try:
        import onnx  # noqa: F401  (torch.onnx.export needs it)
        import torch
        from transformers import AutoModel
    except ImportError as exc:
        raise MissingDependencyError(f"Exporting to ONNX needs {exc.name}.", fix=_INSTALL_HINT) from exc
    logger.info("Exporting %s to ONNX at %s", resolved.name, target)
    with quiet_weight_loading():
        encoder = AutoModel.from_pretrained(str(model_dir))
    encoder.eval()

    class _HiddenStates(torch.nn.Module):
        """Keyword call of the encoder; returns only the token vectors."""

        def __init__(self) -> None:
            super().__init__()
            self.encoder = encoder

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            out = self.encoder(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids)
            return out.last_hidden_state

    names = ["input_ids", "attention_mask", "token_type_ids"]
    sample = tuple(torch.ones((2, 8), dtype=torch.long) for _ in names)
    axes = {name: {0: "batch", 1: "sequence"} for name in [*names, "last_hidden_state"]}
    with tempfile.TemporaryDirectory(dir=target.parent) as tmp:
        staged = Path(tmp) / "model.onnx"
        with torch.no_grad(), warnings.catch_warnings():
            # The tracer warns about Python-side shape checks in transformers; the graph is
            # checked against torch by the tests, so these are noise here (local filter only).
            warnings.simplefilter("ignore")
            torch.onnx.export(
                _HiddenStates().eval(),
                sample,
                str(staged),
                input_names=names,
                output_names=["last_hidden_state"],
                dynamic_axes=axes,
                opset_version=_OPSET,
                dynamo=False,
            )
        os.replace(staged, target)
    return target


def padded_tokenizer(tokenizer_file: str | Path, max_length: int) -> Any:
    """A ``tokenizers`` tokenizer that truncates to ``max_length`` and pads each batch with [PAD]
    (single texts or pairs alike)."""
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(tokenizer_file))
    tokenizer.enable_truncation(max_length=max_length)
    pad_id = tokenizer.token_to_id("[PAD]")
    tokenizer.enable_padding(pad_id=0 if pad_id is None else pad_id, pad_token="[PAD]")
    return tokenizer


def cpu_session(model_file: str | Path, threads: int | None = None) -> Any:
    """An ONNX Runtime CPU session that does not busy-wait between runs.

    Idle ORT threads would otherwise spin and take the cores from whatever runs
    next (clustering, comparison, a torch model). ``threads``: intra-op threads,
    default one per core.
    """
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.log_severity_level = 3
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    if threads:
        options.intra_op_num_threads = threads
    return ort.InferenceSession(str(model_file), sess_options=options, providers=["CPUExecutionProvider"])


class OnnxEncoder:
    """Sentence embeddings with ONNX Runtime and a ``tokenizers`` tokenizer.

    Parameters
    ----------
    model_file : str or Path
        The exported ``.onnx`` file.
    model_dir : str or Path
        The sentence-transformers model folder (for ``tokenizer.json`` and its configs).
    threads : int, optional
        Intra-op threads; default lets ONNX Runtime choose (one per core).
    """

    def __init__(self, model_file: str | Path, model_dir: str | Path, *, threads: int | None = None) -> None:
        try:
            import onnxruntime  # noqa: F401
            import tokenizers  # noqa: F401
        except ImportError as exc:
            raise MissingDependencyError(f"The ONNX backend needs {exc.name}.", fix=_INSTALL_HINT) from exc
        model_dir = Path(model_dir)
        tokenizer_file = model_dir / "tokenizer.json"
        if not tokenizer_file.is_file():
            raise UnsupportedModelError(
                f"{model_dir} has no tokenizer.json, which the ONNX backend needs.",
                fix="Pass backend='torch' for this model.",
            )
        self.max_length = max_seq_length(model_dir)
        self._tokenizer = padded_tokenizer(tokenizer_file, self.max_length)
        try:
            self._session = cpu_session(model_file, threads)
        except Exception as exc:  # onnxruntime raises its own untyped errors
            raise EmbeddingError(
                f"ONNX Runtime cannot load {model_file}: {exc}",
                fix="Delete the file so it is exported again, or pass backend='torch'.",
            ) from exc
        self._inputs = {i.name for i in self._session.get_inputs()}

    @property
    def dimension(self) -> int:
        """The vector size (the last axis of the exported output)."""
        size = self._session.get_outputs()[0].shape[-1]
        return int(size) if isinstance(size, int) else int(self.encode(["x"]).shape[1])

    def encode(self, texts: Sequence[str], batch_size: int = 32) -> np.ndarray:
        """Embed ``texts``; ndarray of shape (n_texts, dim), float32, L2-normalised.

        Texts are batched in order of length so that little padding is computed.
        """
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        # Longest first, by characters (as sentence-transformers does): batches of
        # similar length waste little compute on padding.
        order = np.argsort(-np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts)), kind="stable")
        chunks = []
        for start in range(0, len(order), batch_size):
            batch = [texts[i] for i in order[start : start + batch_size]]
            chunks.append(self._encode_batch(batch))
        sorted_out = np.concatenate(chunks)
        out = np.empty_like(sorted_out)
        out[order] = sorted_out
        return out

    def _encode_batch(self, texts: list[str]) -> np.ndarray:
        encodings = self._tokenizer.encode_batch(texts, add_special_tokens=True)
        ids = np.asarray([e.ids for e in encodings], dtype=np.int64)
        mask = np.asarray([e.attention_mask for e in encodings], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self._inputs:
            feeds["token_type_ids"] = np.asarray([e.type_ids for e in encodings], dtype=np.int64)
        (hidden,) = self._session.run(["last_hidden_state"], feeds)
        weights = mask[:, :, None].astype(np.float32)
        summed = (hidden * weights).sum(axis=1)
        pooled = summed / np.clip(weights.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        unit: np.ndarray = (pooled / np.clip(norms, 1e-12, None)).astype(np.float32)
        return unit


def load_onnx_encoder(
    resolved: ResolvedModel, folder: str | Path, variant: str = "fp32", *, threads: int | None = None
) -> OnnxEncoder:
    """The ONNX encoder of ``resolved``, exporting it into ``folder`` first if needed.

    The export imports torch once; later loads read the file alone.
    """
    path = onnx_model_path(resolved, folder, variant)
    if not path.is_file():
        with _EXPORT_LOCK:  # threads of one process (e.g. Dask workers) export once, importing torch once
            if not path.is_file():
                export_onnx(resolved, path, variant)
    return OnnxEncoder(path, resolved.path, threads=threads)


def supports_onnx(model_dir: Path) -> bool:
    """Whether this backend can run the model in ``model_dir`` (mean pooling, ``tokenizer.json``)."""
    if not (model_dir / "tokenizer.json").is_file():
        return False
    try:
        _check_mean_pooling(model_dir)
    except UnsupportedModelError:
        return False
    return True
