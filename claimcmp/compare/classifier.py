"""Pair classification: head (or a cross-encoder) plus cues -> relation.

The head reads a pair in a given order (premise, hypothesis); a relation
between two sides has none. The head's calibrated probabilities of both orders
are combined by :func:`combine_orders` (agreement when either statement
supports the other; counter-claim and unrelated averaged), then each fired cue
adds its :data:`~claimcmp.compare.cues.CUE_WEIGHTS` log-odds to the relation it
favours, and the result is renormalised. Between statements that share no
subject (:func:`~claimcmp.compare.cues.is_related`) the counter-claim
probability is moved to unrelated: NLI data calls two descriptions of
different scenes a contradiction, a comparison of sides does not. Last, a
counter-claim that no cue supports must reach
:data:`MIN_UNCUED_COUNTER_CLAIM`, else its probability also goes to unrelated:
readouts of a meeting hold far fewer counter-claims than the balanced NLI data
the head learned from, and a claimed counter-claim must show its reason. An
agreement no cue supports likewise needs :data:`MIN_UNCUED_AGREEMENT`.

Before the cues are added, a pair in which a polarity cue fired
(:data:`POLARITY_CUES`: one statement judges a shared subject favourably and
the other unfavourably, one urges what the other refuses, or the two blame a
harm on different doers) cannot be an agreement: its agreement probability moves to counter-claim
(:func:`gate_polarity`). Models trained on NLI data read two statements on one
subject in shared words as agreeing ("the media law restricts press freedom"
vs "... protects press freedom"); the cue has found the opposite judgement.

The shipped cross-encoder (:class:`~.cross_encoder.OnnxPairClassifier`) reads
each pair whole, which the embedding head cannot (negation, swapped roles,
opposite stance change few words of a sentence vector). It runs on the pairs
the head does not already find unrelated (:data:`CROSS_ENCODER_SCREEN`), both
orders, and its probabilities are mixed with the head's
(:data:`CROSS_ENCODER_WEIGHT`, a weighted geometric mean) before the gate and
the cues.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from .cross_encoder import OnnxPairClassifier, default_pair_classifier
from .cues import AGREEMENT, COUNTER_CLAIM, CUE_WEIGHTS, RELATIONS, UNRELATED, Cue, detect_cues, is_related
from .features import pair_features, swap_order
from .head import RelationHead, default_head
from .probability import combine_orders, softmax
from .text import TextProfile

__all__ = [
    "PairPredictions", "classify_pairs", "combine_orders", "mix_probabilities", "MIN_UNCUED_COUNTER_CLAIM",
    "MIN_UNCUED_AGREEMENT", "MIN_UNCUED_OWN_AGREEMENT", "CROSS_ENCODER_SCREEN", "CROSS_ENCODER_WEIGHT",
    "CROSS_ENCODER_MAX_PAIRS", "SHIPPED", "POLARITY_CUES", "gate_polarity",
]

#: ``cross_encoder=SHIPPED``: the cross-encoder that ships in ``claimcmp/compare/data``.
SHIPPED = "shipped"

#: Smallest probability of a counter-claim with no cue behind it (the head alone).
#: On the gold pairs (fixtures/relations) the head alone called 3 pairs a
#: counter-claim, at p 0.52-0.62, one of them rightly; on the seed release it
#: called 6 pairs one, at p 0.52-0.74, none rightly. Chosen after seeing both.
MIN_UNCUED_COUNTER_CLAIM = 0.75
#: Smallest probability of an agreement with no cue behind it: more likely than not.
#: Statements on one subject often get a weak agreement from the head alone.
MIN_UNCUED_AGREEMENT = 0.5
#: The bar for an agreement no cue supports between two sides' own statements (neither joint), in
#: a side comparison: as for a counter-claim. On the dev meetings such agreements were right 6
#: times in 30 below it.
MIN_UNCUED_OWN_AGREEMENT = 0.75
#: Pairs whose head probability of ``unrelated`` (orders combined) is at least this skip the
#: cross-encoder: most candidate pairs of two long readouts share only a theme.
CROSS_ENCODER_SCREEN = 0.9
#: Weight of the cross-encoder's log-probabilities when mixed with the head's (which get 1 - weight).
CROSS_ENCODER_WEIGHT = 0.7
#: The cross-encoder reads at most this many pairs per call, the most similar (cosine) first: it
#: costs a transformer pass per pair and order (about 40 readout-sentence pairs a second on 2 cores), the head a
#: dot product. Pairs past the limit keep the head's reading, and their ``model`` cue says so.
CROSS_ENCODER_MAX_PAIRS = 300


#: Cues that find the two statements of opposite polarity on one subject: an agreement is ruled out.
POLARITY_CUES = frozenset(
    {"evaluative_contrast", "mutual_blame", "refused_demand", "rival_claims", "rival_doers", "side_criticism"}
)


def mix_probabilities(head: np.ndarray, cross: np.ndarray, weight: float) -> np.ndarray:
    """Weighted geometric mean of two probability tables, rows renormalised.

    Parameters
    ----------
    head, cross : ndarray of shape (n_pairs, 3)
    weight : float
        Weight of ``cross`` (``head`` gets ``1 - weight``).

    Returns
    -------
    ndarray of shape (n_pairs, 3)
    """
    logp = (1.0 - weight) * np.log(np.clip(head, 1e-9, 1.0)) + weight * np.log(np.clip(cross, 1e-9, 1.0))
    return softmax(logp)


@dataclass(frozen=True, eq=False)
class PairPredictions:
    """Per-pair outputs of :func:`classify_pairs`.

    Attributes
    ----------
    probabilities : ndarray of shape (n_pairs, 3)
        Final probabilities, columns in :data:`~claimcmp.compare.cues.RELATIONS`.
    model_probabilities : ndarray of shape (n_pairs, 3)
        The head's (or cross-encoder's) probabilities, orders combined, after the relatedness gate, before cues.
    same_point : ndarray of shape (n_pairs,) or None
    cosine : ndarray of shape (n_pairs,)
    cues : list of list of Cue
    cross_encoded : ndarray of bool, shape (n_pairs,) or None
        Which pairs the shipped cross-encoder read (None: it did not run).
    """

    probabilities: np.ndarray
    model_probabilities: np.ndarray
    same_point: np.ndarray | None
    cosine: np.ndarray
    cues: list[list[Cue]]
    cross_encoded: np.ndarray | None = None

    @property
    def labels(self) -> list[str]:
        """The most probable relation of each pair."""
        return [RELATIONS[i] for i in self.probabilities.argmax(axis=1)]


def gate_unrelated(proba: np.ndarray, related: np.ndarray) -> np.ndarray:
    """Move the counter-claim probability of unrelated pairs to ``unrelated``.

    Parameters
    ----------
    proba : ndarray of shape (n_pairs, 3)
    related : ndarray of bool, shape (n_pairs,)

    Returns
    -------
    ndarray of shape (n_pairs, 3), a new array
    """
    return _move(proba, ~np.asarray(related, dtype=bool), COUNTER_CLAIM, UNRELATED)


def _move(proba: np.ndarray, rows: np.ndarray, source: str, target: str) -> np.ndarray:
    """A copy of ``proba`` with the ``source`` probability of ``rows`` added to ``target``."""
    out = np.array(proba, dtype=np.float64, copy=True)
    s, t = RELATIONS.index(source), RELATIONS.index(target)
    out[rows, t] += out[rows, s]
    out[rows, s] = 0.0
    return out


def gate_uncued(
    proba: np.ndarray, cues: list[list[Cue]], minimum: float | np.ndarray, relation: str = "counter_claim"
) -> np.ndarray:
    """Move ``relation``'s probability to unrelated when no cue supports it and it is below ``minimum``.

    Only rows whose most probable relation is ``relation`` are touched.

    Parameters
    ----------
    proba : ndarray of shape (n_pairs, 3)
    cues : list of list of Cue, length n_pairs
    minimum : float or ndarray of shape (n_pairs,)
        One bar for every pair, or a bar per pair.
    relation : {"counter_claim", "agreement"}, default="counter_claim"

    Returns
    -------
    ndarray of shape (n_pairs, 3), a new array
    """
    out = np.array(proba, dtype=np.float64, copy=True)
    c = RELATIONS.index(relation)
    u = RELATIONS.index(UNRELATED)
    bars = np.broadcast_to(np.asarray(minimum, dtype=np.float64), (len(cues),))
    for i, fired in enumerate(cues):
        if out[i].argmax() == c and out[i, c] < bars[i] and not any(cue.favours == relation for cue in fired):
            out[i, u] += out[i, c]
            out[i, c] = 0.0
    return out


def gate_polarity(proba: np.ndarray, cues: list[list[Cue]]) -> np.ndarray:
    """Move the agreement probability of pairs with a :data:`POLARITY_CUES` cue to counter-claim.

    Parameters
    ----------
    proba : ndarray of shape (n_pairs, 3)
    cues : list of list of Cue, length n_pairs

    Returns
    -------
    ndarray of shape (n_pairs, 3), a new array
    """
    rows = np.array([any(cue.name in POLARITY_CUES for cue in fired) for fired in cues], dtype=bool)
    return _move(proba, rows, AGREEMENT, COUNTER_CLAIM)


def gate_joint(proba: np.ndarray, both_joint: np.ndarray) -> np.ndarray:
    """Move the counter-claim probability of pairs of two joint statements to agreement.

    Each side's readout reporting what the two sides agreed ("the two sides
    agreed to ...") never counters the other's: the two report one outcome, or
    two different ones.

    Parameters
    ----------
    proba : ndarray of shape (n_pairs, 3)
    both_joint : ndarray of bool, shape (n_pairs,)

    Returns
    -------
    ndarray of shape (n_pairs, 3), a new array
    """
    return _move(proba, np.asarray(both_joint, dtype=bool), COUNTER_CLAIM, AGREEMENT)


def _merge_cues(fired: list[Cue], extra: Sequence[Cue]) -> list[Cue]:
    """``fired`` plus the ``extra`` cues not already there; an extra counter-claim cue drops the
    agreement cues, as one found with them would have (:func:`~.cues.detect_cues`)."""
    new = [c for c in extra if c.name not in {f.name for f in fired}]
    if any(c.favours == COUNTER_CLAIM for c in new):
        fired = [c for c in fired if c.favours != AGREEMENT]
    return fired + new


def _apply_cues(proba: np.ndarray, cues: list[list[Cue]]) -> np.ndarray:
    logp = np.log(np.clip(proba, 1e-9, 1.0))
    for i, fired in enumerate(cues):
        for cue in fired:
            logp[i, RELATIONS.index(cue.favours)] += CUE_WEIGHTS.get(cue.name, 0.0)
    return softmax(logp)


def classify_pairs(
    profiles_a: Sequence[TextProfile],
    profiles_b: Sequence[TextProfile],
    emb_a: np.ndarray,
    emb_b: np.ndarray,
    *,
    head: RelationHead | None = None,
    cross_encoder: object | None = SHIPPED,
    texts: tuple[Sequence[str], Sequence[str]] | None = None,
    use_cues: bool = True,
    min_uncued_counter_claim: float = MIN_UNCUED_COUNTER_CLAIM,
    min_uncued_agreement: float = MIN_UNCUED_AGREEMENT,
    cross_encoder_screen: float = CROSS_ENCODER_SCREEN,
    cross_encoder_weight: float = CROSS_ENCODER_WEIGHT,
    cross_encoder_max_pairs: int | None = CROSS_ENCODER_MAX_PAIRS,
    batch: int = 4096,
    extra_cues: Sequence[Sequence[Cue]] | None = None,
    both_joint: np.ndarray | None = None,
    own_pairs: np.ndarray | None = None,
    min_uncued_own_agreement: float = MIN_UNCUED_OWN_AGREEMENT,
) -> PairPredictions:
    """Classify aligned pairs ``(a[i], b[i])``.

    Parameters
    ----------
    profiles_a, profiles_b : sequence of TextProfile, length n_pairs
    emb_a, emb_b : ndarray of shape (n_pairs, dim)
    head : RelationHead, optional
        Default: the shipped head.
    cross_encoder : "shipped", OnnxPairClassifier, CrossEncoderScorer or None, default="shipped"
        ``"shipped"`` or an :class:`~.cross_encoder.OnnxPairClassifier`: read the
        pairs the head does not find unrelated and mix with the head (see the
        module docstring); a :class:`~.cross_encoder.CrossEncoderScorer` (your
        own NLI model) replaces the head's probabilities on every pair; None:
        the head alone.
    texts : (sequence of str, sequence of str), optional
        The pair texts; default: those the profiles were built from.
    use_cues : bool, default=True
    min_uncued_counter_claim : float, default=MIN_UNCUED_COUNTER_CLAIM
        A counter-claim no cue supports needs this probability, else it becomes
        unrelated (0 turns the bar off).
    min_uncued_agreement : float, default=MIN_UNCUED_AGREEMENT
        The same for an agreement no cue supports.
    cross_encoder_screen : float, default=CROSS_ENCODER_SCREEN
        Pairs the head finds unrelated with at least this probability skip the
        shipped cross-encoder (1.0: it reads every pair).
    cross_encoder_weight : float, default=CROSS_ENCODER_WEIGHT
        Weight of the shipped cross-encoder against the head.
    cross_encoder_max_pairs : int or None, default=CROSS_ENCODER_MAX_PAIRS
        The shipped cross-encoder reads at most this many of the screened
        pairs, highest cosine first (ties: input order); None: no limit.
    batch : int, default=4096
        Pairs per feature block.
    extra_cues : sequence of sequence of Cue, length n_pairs, optional
        Cues found outside the two texts (the side comparison's
        :func:`~.side_cues.side_criticism`), weighed with the others.
    both_joint : ndarray of bool, shape (n_pairs,), optional
        Pairs of two joint statements, which are never counter-claims
        (:func:`gate_joint`).
    own_pairs : ndarray of bool, shape (n_pairs,), optional
        Pairs of the two sides' own statements (neither joint). Between two
        sides' positions an agreement is as rare as a counter-claim: one no
        cue supports needs ``min_uncued_own_agreement``, and ``joint_outcome``
        does not support it (there "agreed" and "agreement" name a treaty
        or an offer, not an outcome both report).
    min_uncued_own_agreement : float, default=MIN_UNCUED_OWN_AGREEMENT

    Returns
    -------
    PairPredictions
    """
    head = head or default_head()
    n = len(profiles_a)
    replacement, refiner = _cross_encoders(cross_encoder)
    if texts is None:
        texts = ([p.text for p in profiles_a], [p.text for p in profiles_b])
    emb_a = np.asarray(emb_a, dtype=np.float32)
    emb_b = np.asarray(emb_b, dtype=np.float32)
    cosine = np.einsum("ij,ij->i", emb_a, emb_b) if n else np.zeros(0, dtype=np.float32)
    proba, same_point = _head_probabilities(head, (profiles_a, profiles_b), (emb_a, emb_b), replacement is None, batch)
    if replacement is not None and n:
        proba = replacement.predict_proba(list(texts[0]), list(texts[1]))
    encoded = None
    if refiner is not None:
        screen = _CrossEncoderRead(cross_encoder_screen, cross_encoder_weight, cross_encoder_max_pairs)
        proba, encoded = _refined(refiner, proba, cosine, texts, screen)
    related = np.fromiter(
        (is_related(profiles_a[i], profiles_b[i], float(cosine[i])) for i in range(n)), dtype=bool, count=n
    )
    proba = gate_unrelated(proba, related)
    cues = (
        [detect_cues(profiles_a[i], profiles_b[i], float(cosine[i])) for i in range(n)]
        if use_cues else [[] for _ in range(n)]
    )
    if use_cues and extra_cues is not None:
        cues = [_merge_cues(fired, extra) for fired, extra in zip(cues, extra_cues, strict=True)]
    agreement_bar: float | np.ndarray = min_uncued_agreement
    if own_pairs is not None and n:
        own = np.asarray(own_pairs, dtype=bool)
        cues = [[c for c in fired if c.name != "joint_outcome"] if own[i] else fired for i, fired in enumerate(cues)]
        agreement_bar = np.where(own, max(min_uncued_agreement, min_uncued_own_agreement), min_uncued_agreement)
    cued = _apply_cues(gate_polarity(proba, cues), cues) if use_cues and n else proba
    if both_joint is not None and n:
        cued = gate_joint(cued, both_joint)
    final = cued
    if n:
        final = gate_uncued(cued, cues, min_uncued_counter_claim, "counter_claim")
        final = gate_uncued(final, cues, agreement_bar, "agreement")
    bars = (min_uncued_counter_claim, min_uncued_agreement)
    cues = [
        _explained(fired, (final[i], cued[i], proba[i]), float(cosine[i]), _source(encoded, i), bars)
        for i, fired in enumerate(cues)
    ]
    return PairPredictions(final, proba, same_point, cosine.astype(np.float32), cues, encoded)


@dataclass(frozen=True)
class _CrossEncoderRead:
    """How the shipped cross-encoder is used: which pairs it reads, how many, and its weight."""

    screen: float
    weight: float
    max_pairs: int | None


def _cross_encoders(cross_encoder: object | None) -> tuple[Any, OnnxPairClassifier | None]:
    """(a model that replaces the head, the shipped kind of model that refines it) for ``cross_encoder=``."""
    if isinstance(cross_encoder, str):
        if cross_encoder != SHIPPED:
            from ..errors import ConfigurationError

            raise ConfigurationError(
                f"cross_encoder={cross_encoder!r} is not a model.",
                fix="Pass 'shipped', None, a CrossEncoderScorer or an OnnxPairClassifier.",
            )
        cross_encoder = default_pair_classifier()
    if isinstance(cross_encoder, OnnxPairClassifier):
        return None, cross_encoder
    return cross_encoder, None


def _head_probabilities(
    head: RelationHead,
    profiles: tuple[Sequence[TextProfile], Sequence[TextProfile]],
    embeddings: tuple[np.ndarray, np.ndarray],
    with_relations: bool,
    batch: int,
) -> tuple[np.ndarray, np.ndarray | None]:
    """The head's relation probabilities (both orders; zeros when ``with_relations`` is False) and same-point scores."""
    (profiles_a, profiles_b), (emb_a, emb_b) = profiles, embeddings
    n = len(profiles_a)
    proba = np.zeros((n, len(RELATIONS)))
    same_point = np.zeros(n) if head.match_coef is not None else None
    for s in range(0, n, batch):
        e = min(n, s + batch)
        fwd = pair_features(profiles_a[s:e], profiles_b[s:e], emb_a[s:e], emb_b[s:e])
        bwd = swap_order(fwd, emb_a.shape[1])
        if with_relations:
            proba[s:e] = combine_orders(head.predict_proba(fwd), head.predict_proba(bwd))
        if same_point is not None:
            same_point[s:e] = 0.5 * (head.match_score(fwd) + head.match_score(bwd))
    return proba, same_point


def _refined(
    refiner: OnnxPairClassifier,
    proba: np.ndarray,
    cosine: np.ndarray,
    texts: tuple[Sequence[str], Sequence[str]],
    read: _CrossEncoderRead,
) -> tuple[np.ndarray, np.ndarray]:
    """The head's probabilities mixed with the cross-encoder's on the screened pairs, and which pairs it read."""
    encoded = np.zeros(len(proba), dtype=bool)
    chosen = np.flatnonzero(proba[:, RELATIONS.index(UNRELATED)] < read.screen)
    if read.max_pairs is not None and len(chosen) > read.max_pairs:
        first = np.lexsort((chosen, -cosine[chosen]))[: max(0, read.max_pairs)]
        chosen = np.sort(chosen[first])
    if not len(chosen):
        return proba, encoded
    ta, tb = texts
    if any(not ta[int(i)] or not tb[int(i)] for i in chosen):
        from ..errors import ConfigurationError

        raise ConfigurationError(
            "The cross-encoder needs the pair texts; these profiles carry none.",
            fix="Build profiles with claimcmp.compare.text.profile(text), or pass texts=(texts_a, texts_b).",
        )
    cross = refiner.predict_proba([ta[int(i)] for i in chosen], [tb[int(i)] for i in chosen])
    proba = proba.copy()
    proba[chosen] = mix_probabilities(proba[chosen], cross, read.weight)
    encoded[chosen] = True
    return proba, encoded


def _source(encoded: np.ndarray | None, i: int) -> str:
    """Which models read pair ``i``."""
    if encoded is None:
        return "head"
    return "head + cross-encoder" if encoded[i] else "head (cross-encoder not run on this pair)"


def _explained(
    fired: list[Cue],
    rows: tuple[np.ndarray, np.ndarray, np.ndarray],
    cosine: float,
    source: str,
    bars: tuple[float, float],
) -> list[Cue]:
    """A pair's cues with the ``model`` cue that says what the models read: deciding cues first.

    ``rows``: the pair's final, cued and model probabilities; ``bars``: the uncued counter-claim and
    agreement bars."""
    final, cued, proba = rows
    label = RELATIONS[int(final.argmax())]
    detail = f"{source} p({label})={proba[RELATIONS.index(label)]:.2f}, cosine {cosine:.2f}"
    for col, name, bar in ((1, "counter-claim", bars[0]), (0, "agreement", bars[1])):
        if final[col] == 0.0 and cued[col] > 0.0:
            detail += f"; {name} p={cued[col]:.2f} with no cue, below {bar:.2f}"
    model = Cue("model", detail, label)
    return [c for c in fired if c.favours == label] + [model] + [c for c in fired if c.favours != label]
