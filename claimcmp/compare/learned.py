"""The learned comparer: one model reads a pair of statements and outputs
agreement / counter-claim / unrelated with calibrated probabilities.

A multinomial logistic regression over symmetric features of the pair, in
numpy only (no torch at inference):

- ``u * v`` and ``|u - v|`` of the two statements' L2-normalised embeddings
  (order-free: a relation between two sides has no premise);
- the cosine, and its square;
- the shipped relation head's reading of the pair (:mod:`.head`, both orders
  combined: p(agreement), p(counter-claim), p(unrelated), and its same-point
  score), without cues or bars;
- one indicator per cue (:data:`CUE_NAMES`) that the rule detectors fired on
  the pair, and whether the two statements share their kind (both quoted,
  both reported, either joint);
- how the pair stands in its comparison (:mod:`.context`): the rank of its
  cosine among each end's partners in the other side's release, standardised
  and as a gap to the best other partner, and the content words the two
  share, weighted by their rarity in the two releases.

Trained on real two-sided meetings (``training/train_learned_comparer.py``,
model card in ``data/learned_comparer.card.json``); the logits are divided by
a temperature fitted on out-of-fold predictions (by document). The cues that
fired and favour the predicted label are kept as the relation's evidence,
with a ``model`` cue giving the probability and naming the content words the
two statements share (:func:`with_shared_words`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ConfigurationError
from .classifier import PairPredictions, classify_pairs
from .context import CONTEXT_FEATURES
from .cues import CUE_WEIGHTS, RELATIONS, UNRELATED, Cue
from .probability import softmax
from .text import TextProfile

__all__ = [
    "CUE_NAMES", "LearnedComparer", "SHARED_WORDS_LABEL", "SHARED_WORDS_SHOWN", "SHIPPED_LEARNED",
    "default_learned_comparer", "head_readings", "learned_features", "learned_predictions", "learned_probabilities",
    "with_shared_words",
]

#: The cue indicators, in feature order.
CUE_NAMES: tuple[str, ...] = tuple(sorted(CUE_WEIGHTS))
#: Pairs whose features are built and read at a time (about 60 MB of float32 features).
FEATURE_CHUNK = 20_000
#: The shipped model file.
SHIPPED_LEARNED = Path(__file__).resolve().parent / "data" / "learned_comparer.npz"
_KINDS = ("direct_quote", "reported", "joint", "narration")
#: At most this many shared content words are named in a learned relation's evidence.
SHARED_WORDS_SHOWN = 5
#: How the model cue's detail names them (``claimcmp.report`` highlights the words after it).
SHARED_WORDS_LABEL = "shared words: "


def head_readings(profiles: tuple[Sequence[TextProfile], Sequence[TextProfile]], emb_a: np.ndarray,
                  emb_b: np.ndarray) -> np.ndarray:
    """The shipped head's probabilities (orders combined, no cues, no bars) and same-point score.

    Returns
    -------
    ndarray of shape (n_pairs, 4)
    """
    n = len(profiles[0])
    if not n:
        return np.zeros((0, 4), dtype=np.float32)
    pred = classify_pairs(profiles[0], profiles[1], emb_a, emb_b, cross_encoder=None, use_cues=False,
                          min_uncued_counter_claim=0.0, min_uncued_agreement=0.0, min_uncued_own_agreement=0.0)
    same = pred.same_point if pred.same_point is not None else np.zeros(n)
    return np.hstack([pred.model_probabilities, np.asarray(same)[:, None]]).astype(np.float32)


def learned_features(
    emb_a: np.ndarray, emb_b: np.ndarray, cues: Sequence[Sequence[Cue]], kinds: tuple[Sequence[str], Sequence[str]],
    head: np.ndarray, context: np.ndarray,
) -> np.ndarray:
    """The features of aligned pairs ``(a[k], b[k])``.

    Parameters
    ----------
    emb_a, emb_b : ndarray of shape (n_pairs, dim)
        L2-normalised embeddings.
    cues : sequence of sequence of Cue, length n_pairs
        The cues fired on each pair.
    kinds : (sequence of str, sequence of str)
        The statement kinds (``direct_quote``, ``reported``, ``joint``, ``narration``) of each end.
    head : ndarray of shape (n_pairs, 4)
        :func:`head_readings` of the pairs.
    context : ndarray of shape (n_pairs, len(CONTEXT_FEATURES))
        :func:`~.context.context_features` of the pairs.

    Returns
    -------
    ndarray of shape (n_pairs, 2 * dim + 2 + 4 + len(CUE_NAMES) + 3 + len(CONTEXT_FEATURES)), float32
        Symmetric in a and b.
    """
    a = np.asarray(emb_a, dtype=np.float32)
    b = np.asarray(emb_b, dtype=np.float32)
    n = a.shape[0]
    cos = np.einsum("ij,ij->i", a, b)[:, None] if n else np.zeros((0, 1), dtype=np.float32)
    index = {name: k for k, name in enumerate(CUE_NAMES)}
    fired = np.zeros((n, len(CUE_NAMES)), dtype=np.float32)
    for k, found in enumerate(cues):
        for c in found:
            if c.name in index:
                fired[k, index[c.name]] = 1.0
    ka, kb = kinds
    kind = np.zeros((n, 3), dtype=np.float32)
    for k, (x, y) in enumerate(zip(ka, kb, strict=True)):
        kind[k] = (x == y == "direct_quote", x == y == "reported", "joint" in (x, y))
    return np.hstack([a * b, np.abs(a - b), cos, cos * cos, np.asarray(head, dtype=np.float32), fired,
                      kind, np.asarray(context, dtype=np.float32).reshape(n, len(CONTEXT_FEATURES))]).astype(np.float32)


@dataclass(frozen=True, eq=False)
class LearnedComparer:
    """A fitted multinomial logistic regression over :func:`learned_features`.

    Attributes
    ----------
    coef : ndarray of shape (n_features, 3)
        Weights on standardised features; columns in :data:`~.cues.RELATIONS`.
    intercept : ndarray of shape (3,)
    mean, scale : ndarray of shape (n_features,)
        Standardisation.
    temperature : float
        Logits are divided by it (calibration).
    bars : mapping of relation to float
        Smallest probability at which a relation is reported (else unrelated).
    card : dict
        The model card (data, figures).
    """

    coef: np.ndarray
    intercept: np.ndarray
    mean: np.ndarray
    scale: np.ndarray
    temperature: float = 1.0
    bars: dict[str, float] = field(default_factory=dict)
    card: dict[str, Any] = field(default_factory=dict)

    @property
    def embedding_dim(self) -> int:
        """Width of the sentence vectors the model reads (its features hold ``u * v`` and ``|u - v|``)."""
        return int(self.coef.shape[0] - 2 - 4 - len(CUE_NAMES) - 3 - len(CONTEXT_FEATURES)) // 2

    def predict_proba(self, features: np.ndarray) -> np.ndarray:
        """Calibrated probabilities, ndarray of shape (n_pairs, 3), columns in :data:`~.cues.RELATIONS`."""
        x = np.asarray(features, dtype=np.float64)
        if x.ndim != 2 or x.shape[1] != self.coef.shape[0]:
            raise ConfigurationError(
                f"features have shape {x.shape}; the learned comparer expects {self.coef.shape[0]} columns.",
                fix="Build them with claimcmp.compare.learned.learned_features.",
            )
        z = ((x - self.mean) / self.scale) @ self.coef + self.intercept
        return softmax(z / self.temperature)

    def decide(self, proba: np.ndarray) -> list[str]:
        """The label of each row: the most probable relation when it reaches its bar, else unrelated."""
        out = []
        for row in np.asarray(proba):
            c = int(row.argmax())
            label = RELATIONS[c]
            if label != "unrelated" and row[c] < self.bars.get(label, 0.0):
                label = "unrelated"
            out.append(label)
        return out

    def save(self, path: str | Path) -> None:
        """Write the model to an ``.npz`` and its card to ``<stem>.card.json`` beside it."""
        path = Path(path)
        np.savez_compressed(
            path, coef=self.coef.astype(np.float32), intercept=self.intercept.astype(np.float32),
            mean=self.mean.astype(np.float32), scale=self.scale.astype(np.float32),
            temperature=np.float64(self.temperature),
            bars=np.array(json.dumps(self.bars, sort_keys=True)),
        )
        card = path.with_suffix(".card.json")
        card.write_text(json.dumps(self.card, indent=2, sort_keys=True) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path) -> LearnedComparer:
        """Read a model written by :meth:`save`."""
        path = Path(path)
        with np.load(path, allow_pickle=False) as z:
            model = cls(
                coef=z["coef"].astype(np.float64), intercept=z["intercept"].astype(np.float64),
                mean=z["mean"].astype(np.float64), scale=z["scale"].astype(np.float64),
                temperature=float(z["temperature"]), bars=dict(json.loads(str(z["bars"]))),
            )
        card = path.with_suffix(".card.json")
        if card.exists():
            object.__setattr__(model, "card", json.loads(card.read_text(encoding="utf-8")))
        return model


@lru_cache(maxsize=1)
def default_learned_comparer() -> LearnedComparer:
    """The learned comparer shipped in ``claimcmp/compare/data`` (read once, on first use)."""
    return LearnedComparer.load(SHIPPED_LEARNED)


def learned_probabilities(model: LearnedComparer, build: Callable[[slice], np.ndarray], n_pairs: int,
                          chunk: int = FEATURE_CHUNK) -> np.ndarray:
    """``model.predict_proba`` of ``n_pairs`` pairs whose features ``build(rows)`` makes ``chunk`` rows at a
    time, so the feature matrix of a large comparison is never held whole."""
    if not n_pairs:
        return np.zeros((0, len(RELATIONS)))
    return np.vstack([model.predict_proba(build(slice(s, min(n_pairs, s + chunk)))) for s in range(0, n_pairs, chunk)])


def learned_predictions(
    model: LearnedComparer, features: np.ndarray | None, cues: Sequence[Sequence[Cue]], cosine: np.ndarray,
    *, probabilities: np.ndarray | None = None,
) -> PairPredictions:
    """Classify pairs with ``model``: probabilities, labels and evidence as :func:`~.classifier.classify_pairs` gives.

    A relation under its bar (:attr:`LearnedComparer.bars`) has its probability moved to unrelated in
    ``probabilities``; ``model_probabilities`` keep the calibrated ones. Each pair's cues: those that
    favour its label, then a ``model`` cue (probability, cosine), then the others.
    """
    if probabilities is not None:
        proba = np.asarray(probabilities, dtype=np.float64)
    elif features is not None and len(cues):
        proba = model.predict_proba(features)
    else:
        proba = np.zeros((0, len(RELATIONS)))
    labels = model.decide(proba)
    final = proba.copy()
    out: list[list[Cue]] = []
    for k, label in enumerate(labels):
        top = RELATIONS[int(proba[k].argmax())]
        if label != top:
            final[k, RELATIONS.index(UNRELATED)] += final[k, RELATIONS.index(top)]
            final[k, RELATIONS.index(top)] = 0.0
        detail = f"learned comparer p({label})={proba[k, RELATIONS.index(label)]:.2f}, cosine {float(cosine[k]):.2f}"
        if label != top:
            detail += f"; {top} p={proba[k, RELATIONS.index(top)]:.2f} below its bar {model.bars.get(top, 0.0):.2f}"
        fired = list(cues[k])
        out.append([c for c in fired if c.favours == label] + [Cue("model", detail, label)]
                   + [c for c in fired if c.favours != label])
    return PairPredictions(final, proba, None, np.asarray(cosine, dtype=np.float32), out, None)


def with_shared_words(
    cues: Sequence[Sequence[Cue]], pairs: tuple[Sequence[int], Sequence[int]], content: Sequence[frozenset[str]],
    members: Sequence[int], limit: int = SHARED_WORDS_SHOWN,
) -> list[list[Cue]]:
    """Each pair's cues with the content words its two statements share named in the ``model`` cue's detail,
    rarest among the compared statements ``members`` first (ties in alphabetical order), at most ``limit``.

    Evidence only: the probabilities and labels are not touched. The words are what a reader can check the model's
    reading against ("… ; shared words: alliance, democracy"); a pair sharing none keeps its detail.
    """
    frequency: dict[str, int] = {}
    for k in members:
        for word in content[k]:
            frequency[word] = frequency.get(word, 0) + 1
    out: list[list[Cue]] = []
    for fired, i, j in zip(cues, pairs[0], pairs[1], strict=True):
        shared = sorted(content[i] & content[j], key=lambda w: (frequency.get(w, 0), w))[:limit]
        if not shared:
            out.append(list(fired))
            continue
        out.append([Cue(c.name, f"{c.detail}; {SHARED_WORDS_LABEL}{', '.join(shared)}", c.favours)
                    if c.name == "model" else c for c in fired])
    return out
