"""The trained relation head: a small MLP evaluated in numpy.

The weights live in an ``.npz`` file (``data/relation_head.npz`` ships with the
package) written by ``training/train_relation_model.py``: one standardise ->
MLP -> softmax(logits / T) network trained on SICK, SNLI and ArgKP-2021 pairs
pooled with equal weight per source. The format also holds several
*components* over the same feature rows, mixed by a weighted geometric mean
(``mix``); the shipped head has one. Arrays, per component ``c``:

``c/mean``, ``c/scale`` (n_features,); ``c/W0``, ``c/b0``, ``c/W1``, ...;
``c/temperature`` (); plus ``components``, ``mix``, ``classes``, ``card``, and
optionally ``match/coef`` (n_features,), ``match/intercept`` ("same point"
logistic scorer on the first component's standardised rows).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from ..errors import ConfigurationError, ModelFileError, ShapeMismatchError
from .probability import softmax

__all__ = ["RelationHead", "DEFAULT_HEAD", "default_head"]

#: File name of the shipped head inside ``claimcmp/compare/data``.
DEFAULT_HEAD = "relation_head.npz"


def _write_npz(path: Path, arrays: Mapping[str, np.ndarray]) -> None:
    """A compressed ``.npz`` whose bytes depend on the arrays only (sorted members, fixed
    timestamps), so a retrained head can be compared with the shipped one by file hash."""
    import io
    import zipfile

    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for key in sorted(arrays):
            buffer = io.BytesIO()
            np.lib.format.write_array(buffer, np.asanyarray(arrays[key]), allow_pickle=False)
            info = zipfile.ZipInfo(f"{key}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, buffer.getvalue())


@dataclass(frozen=True, eq=False)
class RelationHead:
    """A standardise -> dense/ReLU -> softmax(logits / temperature) network, optionally
    mixed with further components.

    Parameters
    ----------
    mean, scale : ndarray of shape (n_features,)
    weights, biases : tuple of ndarray
        Dense layers; ReLU between them.
    temperature : float
        Calibration: logits are divided by it.
    classes : tuple of str
    match_coef : ndarray of shape (n_features,), optional
        "Same point" logistic scorer on the standardised rows.
    match_intercept : float, default=0.0
    card : str, default="{}"
        JSON model card.
    name : str, default="nli"
        Name of this component.
    others : mapping of str to RelationHead, default={}
        Further components over the same feature rows.
    mix : mapping of str to float, default={}
        Weight of each component's log-probabilities (this one included, by
        ``name``); empty means this component alone.
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
    name: str = "nli"
    others: Mapping[str, RelationHead] = field(default_factory=dict)
    mix: Mapping[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        names = {self.name, *self.others}
        if set(self.mix) - names:
            raise ConfigurationError("RelationHead.mix names unknown components.", fix=f"Use {sorted(names)}.")
        if any(o.n_features != self.n_features for o in self.others.values()):
            raise ModelFileError("All head components must take rows of one width.", fix="Retrain the head.")

    @property
    def n_features(self) -> int:
        """Width of the feature rows the head expects."""
        return int(self.mean.shape[0])

    @property
    def components(self) -> dict[str, RelationHead]:
        """Every component by name (this one included)."""
        return {self.name: self, **dict(self.others)}

    @property
    def model_card(self) -> dict[str, object]:
        """Training provenance stored with the weights (data hashes, dev scores)."""
        return dict(json.loads(self.card))

    def standardise(self, features: np.ndarray) -> np.ndarray:
        """``(features - mean) / scale`` after a width check."""
        x = np.asarray(features, dtype=np.float32)
        if x.ndim != 2 or x.shape[1] != self.n_features:
            raise ShapeMismatchError(
                f"Relation head expects feature rows of width {self.n_features}, got shape {x.shape}.",
                fix="Build features with claimcmp.compare.features.pair_features using the embedding model "
                "the head was trained with (all-MiniLM-L6-v2, 384 dims).",
            )
        standardised: np.ndarray = (x - self.mean) / self.scale
        return standardised

    def logits(self, features: np.ndarray) -> np.ndarray:
        """Uncalibrated logits of this component, shape (n_pairs, n_classes)."""
        h = self.standardise(features)
        last = len(self.weights) - 1
        for i, (w, b) in enumerate(zip(self.weights, self.biases, strict=True)):
            h = h @ w + b
            if i < last:
                np.maximum(h, 0.0, out=h)
        return h

    def own_proba(self, features: np.ndarray) -> np.ndarray:
        """Calibrated probabilities of this component alone."""
        return softmax(self.logits(features) / self.temperature)

    def component_proba(self, name: str, features: np.ndarray) -> np.ndarray:
        """Calibrated probabilities of one component, shape (n_pairs, n_classes)."""
        parts = self.components
        if name not in parts:
            raise ConfigurationError(f"No head component {name!r}.", fix=f"Use one of {sorted(parts)}.")
        return parts[name].own_proba(features)

    def predict_proba(self, features: np.ndarray) -> np.ndarray:
        """Relation probabilities, shape (n_pairs, n_classes), columns in :attr:`classes`.

        The weighted geometric mean of the components' probabilities (``mix``),
        renormalised; this component alone when ``mix`` is empty.
        """
        if not self.mix:
            return self.own_proba(features)
        total = sum(self.mix.values())
        parts = self.components
        logp = np.zeros((np.asarray(features).shape[0], len(self.classes)))
        for name, weight in sorted(self.mix.items()):
            logp += np.log(np.clip(parts[name].own_proba(features), 1e-12, 1.0)) * (weight / total)
        return softmax(logp)

    def match_score(self, features: np.ndarray) -> np.ndarray:
        """Probability that the two texts make the same point, shape (n_pairs,)."""
        if self.match_coef is None:
            raise ModelFileError(
                "This relation head has no same-point scorer.", fix="Retrain with training/train_relation_model.py."
            )
        z = self.standardise(features) @ self.match_coef + self.match_intercept
        probability: np.ndarray = 1.0 / (1.0 + np.exp(-z))
        return probability

    def with_temperature(self, temperature: float) -> RelationHead:
        """A copy with another temperature."""
        return replace(self, temperature=float(temperature))

    def save(self, path: str | Path) -> None:
        """Write the head to ``path`` (.npz, compressed; layer weights as float16).

        The file's bytes depend only on the arrays (no timestamps), so equal heads
        give equal file hashes.
        """
        parts = self.components
        arrays: dict[str, np.ndarray] = {
            "components": np.asarray([self.name] + sorted(self.others)),
            "mix": np.asarray([self.mix.get(n, 0.0) for n in [self.name] + sorted(self.others)], dtype=np.float64),
            "classes": np.asarray(self.classes),
            "card": np.asarray(self.card),
        }
        for name, part in parts.items():
            arrays[f"{name}/mean"] = part.mean.astype(np.float32)
            arrays[f"{name}/scale"] = part.scale.astype(np.float32)
            arrays[f"{name}/temperature"] = np.asarray(part.temperature, dtype=np.float64)
            for i, (w, b) in enumerate(zip(part.weights, part.biases, strict=True)):
                arrays[f"{name}/W{i}"] = w.astype(np.float16)
                arrays[f"{name}/b{i}"] = b.astype(np.float32)
        if self.match_coef is not None:
            arrays["match/coef"] = self.match_coef.astype(np.float32)
            arrays["match/intercept"] = np.asarray(self.match_intercept, dtype=np.float64)
        _write_npz(Path(path), arrays)

    @classmethod
    def load(cls, path: str | Path) -> RelationHead:
        """Read a head written by :meth:`save`."""
        try:
            with np.load(path, allow_pickle=False) as data:
                names = [str(n) for n in data["components"]]
                classes = tuple(str(c) for c in data["classes"])

                def part(name: str) -> RelationHead:
                    n_layers = sum(1 for k in data.files if k.startswith(f"{name}/W"))
                    return cls(
                        mean=data[f"{name}/mean"],
                        scale=data[f"{name}/scale"],
                        weights=tuple(data[f"{name}/W{i}"].astype(np.float32) for i in range(n_layers)),
                        biases=tuple(data[f"{name}/b{i}"] for i in range(n_layers)),
                        temperature=float(data[f"{name}/temperature"]),
                        classes=classes,
                        name=name,
                    )

                primary = part(names[0])
                mix = {n: float(w) for n, w in zip(names, data["mix"], strict=True) if w > 0}
                return replace(
                    primary,
                    others={n: part(n) for n in names[1:]},
                    mix=mix if len(names) > 1 else {},
                    match_coef=data["match/coef"] if "match/coef" in data.files else None,
                    match_intercept=float(data["match/intercept"]) if "match/intercept" in data.files else 0.0,
                    card=str(data["card"]),
                )
        except (OSError, KeyError, ValueError) as exc:
            raise ModelFileError(
                f"Cannot read relation head {path}: {exc}",
                fix="Pass the .npz written by training/train_relation_model.py, or omit it to use the shipped head.",
            ) from exc


@lru_cache(maxsize=1)
def default_head() -> RelationHead:
    """The head shipped in ``claimcmp/compare/data`` (loaded once)."""
    ref = resources.files("claimcmp.compare") / "data" / DEFAULT_HEAD
    with resources.as_file(ref) as path:
        if not Path(path).exists():
            raise ModelFileError(
                f"The shipped relation head {DEFAULT_HEAD} is missing from claimcmp/compare/data.",
                fix="Reinstall claimcmp, or run training/train_relation_model.py to rebuild it.",
            )
        return RelationHead.load(path)
