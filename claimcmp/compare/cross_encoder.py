"""Cross-encoders: the shipped relation pair classifier and a slot for your own.

:class:`OnnxPairClassifier` runs the cross-encoder that ships with claimcmp
(``data/relation_cross_encoder.onnx``, fine-tuned from the bundled MiniLM by
``training/train_cross_encoder.py``) with ONNX Runtime and the embedder's
tokenizer: no torch, nothing downloaded.

:class:`CrossEncoderScorer` wraps a user-supplied local NLI cross-encoder
(``sentence_transformers`` is imported only when one is built). The model must
be a local folder; its ``id2label`` names the entailment / contradiction /
neutral columns, which map to agreement / counter_claim / unrelated.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ConfigurationError, MissingDependencyError, ModelFileError, ModelNotFoundError, ShapeMismatchError
from .cues import RELATIONS
from .probability import combine_orders, softmax

__all__ = ["CrossEncoderScorer", "OnnxPairClassifier", "SHIPPED_CROSS_ENCODER", "default_pair_classifier"]

#: The shipped cross-encoder inside ``claimcmp/compare/data`` (card: same name, ``.card.json``).
SHIPPED_CROSS_ENCODER = "relation_cross_encoder.onnx"

_NLI_TO_RELATION = {"entailment": "agreement", "contradiction": "counter_claim", "neutral": "unrelated"}


class CrossEncoderScorer:
    """Relation probabilities from a local NLI cross-encoder.

    Parameters
    ----------
    model : str or Path or object
        A local sentence-transformers CrossEncoder folder, or a loaded object
        with ``predict(list[tuple[str, str]]) -> ndarray (n, 3)`` logits.
    label_order : sequence of str, optional
        NLI label of each output column; default read from the model config
        (``id2label``), else ``("contradiction", "entailment", "neutral")``.
    batch_size : int, default=32
    """

    def __init__(
        self, model: str | Path | Any, *, label_order: Sequence[str] | None = None, batch_size: int = 32
    ) -> None:
        self.model = model
        self.label_order = label_order
        self.batch_size = batch_size
        self._loaded: Any = None

    def _load(self) -> Any:
        if self._loaded is not None:
            return self._loaded
        if not isinstance(self.model, (str, Path)):
            self._loaded = self.model
            return self._loaded
        path = Path(self.model)
        if not path.is_dir():
            raise ModelNotFoundError(
                f"Cross-encoder folder {path} does not exist.",
                fix="Pass the path of a locally saved sentence-transformers CrossEncoder (no downloads).",
            )
        try:
            from sentence_transformers import CrossEncoder
        except ImportError as exc:  # pragma: no cover - a hard dependency
            raise MissingDependencyError(
                "sentence-transformers is not installed.", fix="pip install sentence-transformers"
            ) from exc
        self._loaded = CrossEncoder(str(path), local_files_only=True)
        return self._loaded

    def _columns(self, model: Any) -> list[int]:
        order = self.label_order
        if order is None:
            config = getattr(getattr(model, "model", None), "config", None)
            id2label = getattr(config, "id2label", None) or {}
            names = [str(id2label.get(i, "")).lower() for i in range(len(id2label))]
            order = names if set(names) >= set(_NLI_TO_RELATION) else ["contradiction", "entailment", "neutral"]
        order = [o.lower() for o in order]
        if not set(order) >= set(_NLI_TO_RELATION):
            raise ConfigurationError(
                f"Cross-encoder labels {order} do not name entailment, contradiction and neutral.",
                fix="Pass label_order=('contradiction', 'entailment', 'neutral') in the model's column order.",
            )
        return [order.index(nli) for nli in ("entailment", "contradiction", "neutral")]

    def predict_proba(self, texts_a: Sequence[str], texts_b: Sequence[str]) -> np.ndarray:
        """Probabilities (n_pairs, 3), columns agreement / counter_claim / unrelated, both orders
        combined as for the head (:func:`~claimcmp.compare.probability.combine_orders`)."""
        if not len(texts_a):
            return np.zeros((0, len(RELATIONS)))
        model = self._load()
        cols = self._columns(model)
        readings = []
        for pairs in (list(zip(texts_a, texts_b, strict=True)), list(zip(texts_b, texts_a, strict=True))):
            predicted = model.predict(pairs, batch_size=self.batch_size)
            logits = np.asarray(predicted, dtype=np.float64).reshape(len(pairs), -1)
            readings.append(softmax(logits[:, cols]))
        return combine_orders(readings[0], readings[1])


class OnnxPairClassifier:
    """Relation probabilities of text pairs from an ONNX cross-encoder.

    The shipped model stores int8 weights but computes in float32 (``DequantizeLinear`` then
    ``MatMul``; ``training/weight_only_cross_encoder.py``): no integer kernel, so its logits are
    the same on every CPU to float32 rounding and do not depend on the other pairs of a batch.

    Parameters
    ----------
    model_file : str or Path
        The ``.onnx`` file; its card (same name, ``.card.json``) gives the
        classes, the calibration temperature and the longest input.
    tokenizer : tokenizers.Tokenizer, optional
        Default: the bundled embedding model's ``tokenizer.json``, set up for pairs.
    threads : int, optional
        ONNX Runtime intra-op threads; default one per core.
    """

    def __init__(self, model_file: str | Path, *, tokenizer: Any = None, threads: int | None = None) -> None:
        import json

        try:
            import onnxruntime  # noqa: F401
        except ImportError as exc:
            raise MissingDependencyError(
                f"The shipped cross-encoder needs {exc.name}.", fix="pip install onnxruntime"
            ) from exc
        path = Path(model_file)
        card_file = path.with_suffix(".card.json")
        if not path.is_file():
            raise ModelNotFoundError(
                f"Cross-encoder file {path} does not exist.", fix="Reinstall claimcmp, or pass cross_encoder=None."
            )
        card = json.loads(card_file.read_text(encoding="utf-8")) if card_file.is_file() else {}
        self.card: dict[str, Any] = card
        self.temperature = float(card.get("temperature", 1.0))
        self.max_length = int(card.get("max_length", 128))
        classes = [str(c) for c in card.get("classes", RELATIONS)]
        if set(classes) != set(RELATIONS):
            raise ModelFileError(
                f"{card_file} names classes {classes}.", fix=f"Retrain with the classes {list(RELATIONS)}."
            )
        self._columns = [classes.index(r) for r in RELATIONS]
        from ..embed.onnx_backend import cpu_session, padded_tokenizer

        if tokenizer is None:
            from ..embed.models import resolve_model

            tokenizer = padded_tokenizer(Path(resolve_model(None).path) / "tokenizer.json", self.max_length)
        self._tokenizer = tokenizer
        self._session = cpu_session(path, threads)
        #: Whether the graph rounds its activations per call (dynamic int8), which makes a pair's
        #: logits depend on the other pairs of a batch and on the CPU's integer kernels.
        self.quantises_activations = _quantises_activations(path)

    def logits(self, texts_a: Sequence[str], texts_b: Sequence[str], *, batch_size: int | None = None) -> np.ndarray:
        """Raw logits of the pairs ``(a[i], b[i])`` in the given order, shape (n_pairs, 3), card's column order.

        Pairs are read ``batch_size`` at a time, shortest together. A model with quantised activations
        (``DynamicQuantizeLinear``, as the int8 export of ``train_cross_encoder.py``) scales them per call,
        so its logits move with the other pairs of a batch: such a model reads one pair per call by
        default. A float32 model (the shipped one) reads 8 at a time; a pair's logits are the same in any
        batch (1e-5).
        """
        if batch_size is None:
            batch_size = 1 if self.quantises_activations else 8
        n = len(texts_a)
        if n != len(texts_b):
            raise ShapeMismatchError("texts_a and texts_b differ in length.", fix="Pass aligned pair lists.")
        if not n:
            return np.zeros((0, len(RELATIONS)), dtype=np.float32)
        # shortest pairs together: little padding computed
        lengths = np.fromiter((len(a) + len(b) for a, b in zip(texts_a, texts_b, strict=True)), dtype=np.int64, count=n)
        order = np.argsort(lengths, kind="stable")
        out = np.empty((n, len(RELATIONS)), dtype=np.float32)
        for s in range(0, n, batch_size):
            idx = order[s : s + batch_size]
            enc = self._tokenizer.encode_batch([(texts_a[i], texts_b[i]) for i in idx])
            feeds = {
                "input_ids": np.asarray([e.ids for e in enc], dtype=np.int64),
                "attention_mask": np.asarray([e.attention_mask for e in enc], dtype=np.int64),
                "token_type_ids": np.asarray([e.type_ids for e in enc], dtype=np.int64),
            }
            (logits,) = self._session.run(["logits"], feeds)
            out[idx] = logits
        return out

    def predict_proba_ordered(self, texts_a: Sequence[str], texts_b: Sequence[str]) -> np.ndarray:
        """Calibrated probabilities of the given order, columns in :data:`~.cues.RELATIONS`."""
        return softmax(self.logits(texts_a, texts_b).astype(np.float64)[:, self._columns] / self.temperature)

    def predict_proba(self, texts_a: Sequence[str], texts_b: Sequence[str]) -> np.ndarray:
        """Probabilities (n_pairs, 3), both orders combined as for the head."""
        if not len(texts_a):
            return np.zeros((0, len(RELATIONS)))
        forward = self.predict_proba_ordered(texts_a, texts_b)
        return combine_orders(forward, self.predict_proba_ordered(texts_b, texts_a))


def _quantises_activations(path: Path) -> bool:
    import onnx

    graph = onnx.load(str(path), load_external_data=False).graph
    return any(node.op_type in ("DynamicQuantizeLinear", "MatMulInteger") for node in graph.node)


def default_pair_classifier() -> OnnxPairClassifier | None:
    """The shipped cross-encoder, loaded once per process; None when the file is absent."""
    global _DEFAULT
    if _DEFAULT is None:
        from importlib import resources

        path = Path(str(resources.files("claimcmp.compare") / "data" / SHIPPED_CROSS_ENCODER))
        if not path.is_file():
            return None
        _DEFAULT = OnnxPairClassifier(path)
    return _DEFAULT


_DEFAULT: OnnxPairClassifier | None = None
