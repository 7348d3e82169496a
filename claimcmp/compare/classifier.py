"""Pair classification: head (or a cross-encoder) plus cues -> relation.

The head's calibrated probabilities are averaged over both pair orders, then
each fired cue adds its :data:`~claimcmp.compare.cues.CUE_WEIGHTS` log-odds to
the relation it favours, and the result is renormalised.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .cues import CUE_WEIGHTS, RELATIONS, UNRELATED, Cue, detect_cues
from .features import pair_features, swap_order
from .head import RelationHead, default_head
from .text import TextProfile

__all__ = ["PairPredictions", "classify_pairs"]


@dataclass(frozen=True, eq=False)
class PairPredictions:
    """Per-pair outputs of :func:`classify_pairs`.

    Attributes
    ----------
    probabilities : ndarray of shape (n_pairs, 3)
        Final probabilities, columns in :data:`~claimcmp.compare.cues.RELATIONS`.
    model_probabilities : ndarray of shape (n_pairs, 3)
        The head's (or cross-encoder's) probabilities before cues.
    same_point : ndarray of shape (n_pairs,) or None
    cosine : ndarray of shape (n_pairs,)
    cues : list of list of Cue
    """

    probabilities: np.ndarray
    model_probabilities: np.ndarray
    same_point: np.ndarray | None
    cosine: np.ndarray
    cues: list[list[Cue]]

    @property
    def labels(self) -> list[str]:
        """The most probable relation of each pair."""
        return [RELATIONS[i] for i in self.probabilities.argmax(axis=1)]


def _apply_cues(proba: np.ndarray, cues: list[list[Cue]]) -> np.ndarray:
    logp = np.log(np.clip(proba, 1e-9, 1.0))
    for i, fired in enumerate(cues):
        for cue in fired:
            logp[i, RELATIONS.index(cue.favours)] += CUE_WEIGHTS.get(cue.name, 0.0)
    logp -= logp.max(axis=1, keepdims=True)
    out = np.exp(logp)
    return out / out.sum(axis=1, keepdims=True)


def classify_pairs(
    profiles_a: Sequence[TextProfile],
    profiles_b: Sequence[TextProfile],
    emb_a: np.ndarray,
    emb_b: np.ndarray,
    *,
    head: RelationHead | None = None,
    cross_encoder: object | None = None,
    texts: tuple[Sequence[str], Sequence[str]] | None = None,
    use_cues: bool = True,
    batch: int = 4096,
) -> PairPredictions:
    """Classify aligned pairs ``(a[i], b[i])``.

    Parameters
    ----------
    profiles_a, profiles_b : sequence of TextProfile, length n_pairs
    emb_a, emb_b : ndarray of shape (n_pairs, dim)
    head : RelationHead, optional
        Default: the shipped head.
    cross_encoder : CrossEncoderScorer, optional
        Replaces the head's probabilities; needs ``texts``.
    texts : (sequence of str, sequence of str), optional
        The pair texts, for the cross-encoder.
    use_cues : bool, default=True
    batch : int, default=4096
        Pairs per feature block.

    Returns
    -------
    PairPredictions
    """
    head = head or default_head()
    n = len(profiles_a)
    emb_a = np.asarray(emb_a, dtype=np.float32)
    emb_b = np.asarray(emb_b, dtype=np.float32)
    cosine = np.einsum("ij,ij->i", emb_a, emb_b) if n else np.zeros(0, dtype=np.float32)
    proba = np.zeros((n, len(RELATIONS)))
    same_point = np.zeros(n) if head.match_coef is not None else None
    for s in range(0, n, batch):
        e = min(n, s + batch)
        fwd = pair_features(profiles_a[s:e], profiles_b[s:e], emb_a[s:e], emb_b[s:e])
        bwd = swap_order(fwd, emb_a.shape[1])
        if cross_encoder is None:
            proba[s:e] = 0.5 * (head.predict_proba(fwd) + head.predict_proba(bwd))
        if same_point is not None:
            same_point[s:e] = 0.5 * (head.match_score(fwd) + head.match_score(bwd))
    if cross_encoder is not None and n:
        if texts is None:
            from ..errors import ConfigurationError

            raise ConfigurationError("A cross-encoder needs the pair texts.", fix="Pass texts=(texts_a, texts_b).")
        proba = cross_encoder.predict_proba(list(texts[0]), list(texts[1]))  # type: ignore[attr-defined]
    cues = [detect_cues(profiles_a[i], profiles_b[i], float(cosine[i])) for i in range(n)] if use_cues else [[] for _ in range(n)]
    final = _apply_cues(proba, cues) if use_cues and n else proba
    for i, fired in enumerate(cues):
        label = RELATIONS[int(final[i].argmax())] if n else UNRELATED
        model = Cue("model", f"head p({label})={proba[i, RELATIONS.index(label)]:.2f}, cosine {cosine[i]:.2f}", label)
        deciding = [c for c in fired if c.favours == label]
        others = [c for c in fired if c.favours != label]
        cues[i] = deciding + [model] + others
    return PairPredictions(final, proba, same_point, cosine.astype(np.float32), cues)
