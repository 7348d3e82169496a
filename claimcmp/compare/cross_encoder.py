"""Slot for a user-supplied local NLI cross-encoder.

``sentence_transformers`` is imported only when a scorer is built. The model
must be a local folder (no hub download); its ``id2label`` names the
entailment / contradiction / neutral columns, which map to agreement /
counter_claim / unrelated.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ConfigurationError, MissingDependencyError, ModelNotFoundError
from .cues import RELATIONS

__all__ = ["CrossEncoderScorer"]

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

    def __init__(self, model: str | Path | Any, *, label_order: Sequence[str] | None = None, batch_size: int = 32) -> None:
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
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        try:
            from sentence_transformers import CrossEncoder
        except ImportError as exc:  # pragma: no cover - a hard dependency
            raise MissingDependencyError("sentence-transformers is not installed.", fix="pip install sentence-transformers") from exc
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
        combined as for the head (:func:`~claimcmp.compare.classifier.combine_orders`)."""
        from .classifier import combine_orders

        if not len(texts_a):
            return np.zeros((0, len(RELATIONS)))
        model = self._load()
        cols = self._columns(model)
        readings = []
        for pairs in (list(zip(texts_a, texts_b, strict=True)), list(zip(texts_b, texts_a, strict=True))):
            logits = np.asarray(model.predict(pairs, batch_size=self.batch_size), dtype=np.float64).reshape(len(pairs), -1)
            logits = logits[:, cols]
            logits -= logits.max(axis=1, keepdims=True)
            p = np.exp(logits)
            readings.append(p / p.sum(axis=1, keepdims=True))
        return combine_orders(readings[0], readings[1])
