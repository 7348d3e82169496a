"""The trained relation head: a small MLP evaluated in numpy.

The weights live in an ``.npz`` file (``data/relation_head.npz`` ships with the
package) written by ``training/train_relation_model.py``. Arrays:

``mean``, ``scale`` (n_features,)
    Standardisation applied to the feature rows.
``W0``, ``b0``, ``W1``, ``b1``, ...
    Dense layers; ReLU between them, softmax after the last.
``temperature`` ()
    Calibration: logits are divided by it before the softmax.
``classes`` (n_classes,)
    Relation names in output-column order.
``match_coef`` (n_features,), ``match_intercept`` ()
    Optional logistic "same point" scorer on the standardised rows.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from ..errors import ConfigurationError

__all__ = ["RelationHead", "DEFAULT_HEAD", "default_head"]

#: File name of the shipped head inside ``claimcmp/compare/data``.
DEFAULT_HEAD = "relation_head.npz"


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


@dataclass(frozen=True, eq=False)
class RelationHead:
    """A fitted MLP mapping pair-feature rows to relation probabilities.

    Build it with :meth:`load` (or :func:`default_head`); the training script
    writes the file with :meth:`save`.
    """

    mean: np.ndarray
    scale: np.ndarray
    weights: tuple[np.ndarray, ...]
    biases: tuple[np.ndarray, ...]
    temperature: float
    classes: tuple[str, ...]
    match_coef: np.ndarray | None = None
    match_intercept: float = 0.0
    card: str = "{}"

    @property
    def n_features(self) -> int:
        """Width of the feature rows the head expects."""
        return int(self.mean.shape[0])

    @property
    def model_card(self) -> dict[str, object]:
        """Training provenance stored with the weights (data hashes, dev scores)."""
        return dict(json.loads(self.card))

    def _check(self, features: np.ndarray) -> np.ndarray:
        x = np.asarray(features, dtype=np.float32)
        if x.ndim != 2 or x.shape[1] != self.n_features:
            raise ConfigurationError(
                f"Relation head expects feature rows of width {self.n_features}, got shape {x.shape}.",
                fix="Build features with claimcmp.compare.features.pair_features using the same "
                "embedding model the head was trained with (all-MiniLM-L6-v2, 384 dims).",
            )
        return (x - self.mean) / self.scale

    def logits(self, features: np.ndarray) -> np.ndarray:
        """Uncalibrated logits, shape (n_pairs, n_classes)."""
        h = self._check(features)
        last = len(self.weights) - 1
        for i, (w, b) in enumerate(zip(self.weights, self.biases, strict=True)):
            h = h @ w + b
            if i < last:
                np.maximum(h, 0.0, out=h)
        return h

    def predict_proba(self, features: np.ndarray) -> np.ndarray:
        """Calibrated probabilities, shape (n_pairs, n_classes), columns in :attr:`classes`."""
        return _softmax(self.logits(features) / self.temperature)

    def match_score(self, features: np.ndarray) -> np.ndarray:
        """Probability that the two texts make the same point, shape (n_pairs,)."""
        if self.match_coef is None:
            raise ConfigurationError(
                "This relation head has no same-point scorer.",
                fix="Retrain with training/train_relation_model.py.",
            )
        z = self._check(features) @ self.match_coef + self.match_intercept
        return 1.0 / (1.0 + np.exp(-z))

    def save(self, path: str | Path) -> None:
        """Write the head to ``path`` (.npz, compressed)."""
        arrays: dict[str, np.ndarray] = {
            "mean": self.mean.astype(np.float32),
            "scale": self.scale.astype(np.float32),
            "temperature": np.asarray(self.temperature, dtype=np.float32),
            "classes": np.asarray(self.classes),
            "card": np.asarray(self.card),
        }
        for i, (w, b) in enumerate(zip(self.weights, self.biases, strict=True)):
            arrays[f"W{i}"] = w.astype(np.float32)
            arrays[f"b{i}"] = b.astype(np.float32)
        if self.match_coef is not None:
            arrays["match_coef"] = self.match_coef.astype(np.float32)
            arrays["match_intercept"] = np.asarray(self.match_intercept, dtype=np.float32)
        np.savez_compressed(path, **arrays)

    @classmethod
    def load(cls, path: str | Path) -> RelationHead:
        """Read a head written by :meth:`save`."""
        try:
            with np.load(path, allow_pickle=False) as data:
                n_layers = sum(1 for k in data.files if k.startswith("W"))
                return cls(
                    mean=data["mean"],
                    scale=data["scale"],
                    weights=tuple(data[f"W{i}"] for i in range(n_layers)),
                    biases=tuple(data[f"b{i}"] for i in range(n_layers)),
                    temperature=float(data["temperature"]),
                    classes=tuple(str(c) for c in data["classes"]),
                    match_coef=data["match_coef"] if "match_coef" in data.files else None,
                    match_intercept=float(data["match_intercept"]) if "match_intercept" in data.files else 0.0,
                    card=str(data["card"]) if "card" in data.files else "{}",
                )
        except (OSError, KeyError, ValueError) as exc:
            raise ConfigurationError(
                f"Cannot read relation head {path}: {exc}",
                fix="Pass the .npz written by training/train_relation_model.py, or omit it to use the shipped head.",
            ) from exc


@lru_cache(maxsize=1)
def default_head() -> RelationHead:
    """The head shipped in ``claimcmp/compare/data`` (loaded once)."""
    ref = resources.files("claimcmp.compare") / "data" / DEFAULT_HEAD
    with resources.as_file(ref) as path:
        if not Path(path).exists():
            raise ConfigurationError(
                f"The shipped relation head {DEFAULT_HEAD} is missing from claimcmp/compare/data.",
                fix="Reinstall claimcmp, or run training/train_relation_model.py to rebuild it.",
            )
        return RelationHead.load(path)
