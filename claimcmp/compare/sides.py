"""Compare two sides' statements: :class:`SideComparer` and :func:`compare_sides`."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ConfigurationError, NotFittedError, ShapeMismatchError
from ..model import JOINT_SIDE
from .blocking import candidate_pairs
from .classifier import (
    CROSS_ENCODER_MAX_PAIRS,
    MIN_UNCUED_AGREEMENT,
    MIN_UNCUED_COUNTER_CLAIM,
    MIN_UNCUED_OWN_AGREEMENT,
    SHIPPED,
    classify_pairs,
)
from .context import context_features
from .cross_encoder import CrossEncoderScorer, OnnxPairClassifier
from .cues import AGREEMENT, COUNTER_CLAIM, RELATIONS, UNRELATED, Cue, detect_cues
from .head import RelationHead, default_head
from .learned import (
    LearnedComparer,
    default_learned_comparer,
    head_readings,
    learned_features,
    learned_predictions,
    learned_probabilities,
    with_shared_words,
)
from .merge import merge_relations
from .result import RELATION_ORDER, Evidence, OneSidedTopic, Relation, SideComparison, StatementRef
from .side_cues import (
    blames,
    claims_for_itself,
    criticises,
    criticism_cue,
    mutual_blame_cue,
    on_one_subject,
    rival_claims_cue,
    side_negation,
)
from .text import profile
from .topics import leader_topics, one_sided_topics, resolve_topics

__all__ = ["SideComparer", "best_partners", "compare_sides", "reporting_sides"]

logger = logging.getLogger(__name__)

#: Up to this many cross-side pairs (n_a x n_b: a meeting of tens of statements a side) every pair is a
#: candidate, for either comparer: no gold pair of a meeting is lost to blocking. Above it, the ``top_k``
#: nearest each way (the rule comparer: with at least ``min_cosine``; the learned comparer: no cosine gate).
EXHAUSTIVE_PAIRS = 10_000


def best_partners(
    gi: np.ndarray, gj: np.ndarray, labels: Sequence[str], cosine: np.ndarray, cued: Sequence[bool]
) -> np.ndarray:
    """Which pairs both of whose statements have no better partner of the same relation.

    Among the pairs labelled ``agreement`` (and, apart, among those labelled
    ``counter_claim``), a pair is kept when it is the best one of its side-A
    statement and of its side-B statement: a pair a cue supports (``cued``)
    beats one the model alone proposes, then the more similar (cosine; ties:
    the lower index) wins. A statement that draws a relation with several of
    the other side's statements keeps the one it matches best: the other
    side's answer to it, not every statement on its subject. Unrelated pairs
    are kept.

    Returns
    -------
    ndarray of bool, shape (n_pairs,)
    """
    keep = np.ones(len(labels), dtype=bool)
    rank = [(bool(c), float(x)) for c, x in zip(cued, cosine, strict=True)]
    for relation in (AGREEMENT, COUNTER_CLAIM):
        best_a: dict[int, int] = {}
        best_b: dict[int, int] = {}
        for k, label in enumerate(labels):
            if label != relation:
                continue
            i, j = int(gi[k]), int(gj[k])
            if i not in best_a or rank[k] > rank[best_a[i]]:
                best_a[i] = k
            if j not in best_b or rank[k] > rank[best_b[j]]:
                best_b[j] = k
        for k, label in enumerate(labels):
            if label == relation:
                keep[k] = best_a[int(gi[k])] == k and best_b[int(gj[k])] == k
    return keep


def reporting_sides(
    statements: Sequence[Any], sides: Sequence[str], release_sides: Mapping[str, str | None] | None = None
) -> list[str | None]:
    """The side each statement is compared for: its own side when that is one of ``sides``;
    for a joint statement ("the two sides agreed ..."), the side whose readout reports it.

    The reporting side of a release is its issuer's side when ``release_sides`` (release id ->
    side, e.g. :attr:`Extraction.issuer_side <claimcmp.extract.Extraction>`) names one of
    ``sides``; else the one of ``sides`` with more statements in it (a side's own readout mostly
    reports that side); on a tie, its joint statements are left out. Statements of other sides
    get None.
    """
    counts: dict[Any, dict[str, int]] = {}
    for s in statements:
        if s.side in sides:
            per = counts.setdefault(getattr(s, "release_id", None), {})
            per[s.side] = per.get(s.side, 0) + 1
    issuer: dict[Any, str | None] = {}
    for release, per in counts.items():
        ranked = sorted(per.items(), key=lambda kv: -kv[1])
        issuer[release] = ranked[0][0] if len(ranked) == 1 or ranked[0][1] > ranked[1][1] else None
    for release, side in (release_sides or {}).items():
        if side in sides:
            issuer[release] = side
    out: list[str | None] = []
    for s in statements:
        if s.side in sides:
            out.append(s.side)
        elif s.side == JOINT_SIDE:
            out.append(issuer.get(getattr(s, "release_id", None)))
        else:
            out.append(None)
    return out


@dataclass(frozen=True)
class _Run:
    """What one comparer found: its relations, its candidate pairs and, for the learned comparer, its
    calibrated p(counter-claim) of each pair it read (``(a id, b id) ->`` p)."""

    relations: list[Relation]
    candidates: np.ndarray
    counter_claim_p: Mapping[tuple[str, str], float] | None = None


def _one_sided(
    statements: list[Any], sides: tuple[str, str], topics: tuple[np.ndarray, dict[int, str]], emb: np.ndarray,
    relations: Sequence[Relation],
) -> tuple[OneSidedTopic, ...]:
    """The topics one side raised alone (:func:`~.topics.one_sided_topics`), each without its statements at an end
    of a reported relation: the other side agreed with or countered those, so it spoke to them. A topic left with
    none is not one-sided.

    On the 96 scored two-sided gold documents (dev to test14; relations of the combined default, topics of
    ``TopicModel()``): of 78 assessed one-sided claims, 16 held such a statement (5 true, 11 false by the annotated
    agenda items); without those statements 2 claims go, and the claims that hold go from 38 of 78 to 37 of 74.
    The seed keeps its one-sided ChemTech topic, less the line on the technical assistance report that Russia
    countered.
    """
    labels, names = topics
    related = {str(end.id) for r in relations if r.relation != UNRELATED for end in (r.evidence.a, r.evidence.b)}
    found = one_sided_topics(labels, [s.side for s in statements], [s.id for s in statements],
                             [s.text for s in statements], sides, names, emb)
    kept = []
    for topic in found:
        alone = tuple(i for i in topic.statement_ids if str(i) not in related)
        if alone:
            kept.append(dataclasses.replace(topic, statement_ids=alone))
    return tuple(kept)


class SideComparer:
    """Find agreements, counter-claims and one-sided topics between two sides.

    Parameters
    ----------
    sides : (str, str), default=("A", "B")
        The two sides compared; statements of other sides are ignored.
    top_k : int, default=5
        Candidate neighbours per statement (blocking; see :mod:`.blocking`), in comparisons of more than
        :data:`EXHAUSTIVE_PAIRS` cross-side pairs; below that every pair is a candidate.
    min_cosine : float, default=0.3
        In those larger comparisons, candidate pairs of the rule comparer need at least this cosine.
    head : RelationHead or str or Path, optional
        Default: the head shipped in ``claimcmp/compare/data``.
    cross_encoder : "shipped", None, str, Path or object, default="shipped"
        ``"shipped"``: the cross-encoder that ships with claimcmp reads the
        pairs the head does not find unrelated and is mixed with the head
        (:func:`~.classifier.classify_pairs`); a ``.onnx`` file: a retrained
        one of the same kind (``training/train_cross_encoder.py``); None: the
        head alone (fastest). A local NLI CrossEncoder folder or loaded object
        replaces the head's probabilities on every pair instead; imported lazily.
    embedder : object, optional
        Anything with ``encode(list[str]) -> ndarray``; default
        :class:`claimcmp.embed.Embedder`.
    include_unrelated : bool, default=False
        Keep pairs classified ``unrelated`` in ``relations_``.
    use_cues : bool, default=True
    min_uncued_counter_claim : float, default=0.75
        A counter-claim that no cue supports needs this probability, else the
        pair counts as unrelated (see :func:`~.classifier.classify_pairs`).
    min_uncued_agreement : float, default=0.5
        The same for an agreement no cue supports.
    leader_threshold : float, default=0.55
        Cosine for the fallback topic grouping when no topics are given.
    cross_encoder_max_pairs : int or None, default=300
        The shipped cross-encoder reads at most this many candidate pairs, the
        most similar first (about 40 pairs a second on 2 cores); the others
        keep the head's reading. None: every screened pair.
    one_to_one : bool or None, default=None
        Report, per relation, only pairs whose two statements are each other's
        most similar partner of that relation (:func:`best_partners`): a
        statement's answer, not every statement on its subject. False: every
        pair the classifier labels. None: True for the rules, False for the
        learned comparer (a statement may relate to several others); with
        ``"combined"``, each for its own relations.
    side_aliases : mapping of side to sequence of str, optional
        More names for each side (a sides file's aliases, e.g.
        ``load_sides(path).aliases``), so the side cues know "the regime" or
        "the Indian DGMO" names a side; built-in names and demonyms are known
        without them.
    min_uncued_own_agreement : float, default=0.75
        An agreement between the two sides' own statements (neither joint)
        that no cue supports needs this probability; ``joint_outcome`` does
        not support it (see :func:`~.classifier.classify_pairs`).
    release_sides : mapping of release id to side, optional
        The side that issued each release (``extract(release).issuer_side``),
        whose readout's joint statements speak for it (:func:`reporting_sides`);
        default: the side with more statements in the release.
    comparer : "combined", "rules", "learned", LearnedComparer, str or Path, default="combined"
        ``"combined"``: the rules' relations, then the shipped learned
        comparer's; on a pair the two label differently the learned label
        stands, but it never undoes a relation with ``unrelated``
        (:func:`~.merge.merge_relations`); each pair's evidence lists both
        readings' cues. Vectors of another width than the learned
        comparer's (another embedding model) get the rules alone.
        ``"rules"``: the head, cross-encoder and cues above. ``"learned"`` (the
        model shipped in ``claimcmp/compare/data``, :mod:`.learned`), a fitted
        :class:`~.learned.LearnedComparer` or the path of one: one model reads
        each pair's embeddings, its cues and the statements' kinds; every
        cross-side pair is a candidate up to :data:`EXHAUSTIVE_PAIRS`
        (then ``top_k`` each way, no ``min_cosine`` gate), and ``one_to_one``
        defaults to False. ``head``, ``cross_encoder`` and the ``min_uncued_*``
        bars do not apply to it.

    Attributes
    ----------
    relations_ : tuple of Relation
    one_sided_topics_ : tuple of OneSidedTopic
    candidates_ : ndarray of shape (n_pairs, 2)
        Indices into the statements passed to :meth:`fit`.
    """

    def __init__(
        self,
        sides: Sequence[str] = ("A", "B"),
        *,
        top_k: int = 5,
        min_cosine: float = 0.3,
        head: RelationHead | str | Path | None = None,
        cross_encoder: Any = SHIPPED,
        embedder: Any = None,
        include_unrelated: bool = False,
        use_cues: bool = True,
        min_uncued_counter_claim: float = MIN_UNCUED_COUNTER_CLAIM,
        min_uncued_agreement: float = MIN_UNCUED_AGREEMENT,
        leader_threshold: float = 0.55,
        cross_encoder_max_pairs: int | None = CROSS_ENCODER_MAX_PAIRS,
        one_to_one: bool | None = None,
        side_aliases: Mapping[str, Sequence[str]] | None = None,
        min_uncued_own_agreement: float = MIN_UNCUED_OWN_AGREEMENT,
        release_sides: Mapping[str, str | None] | None = None,
        comparer: Any = "combined",
    ) -> None:
        self.sides = sides
        self.top_k = top_k
        self.min_cosine = min_cosine
        self.head = head
        self.cross_encoder = cross_encoder
        self.embedder = embedder
        self.include_unrelated = include_unrelated
        self.use_cues = use_cues
        self.min_uncued_counter_claim = min_uncued_counter_claim
        self.min_uncued_agreement = min_uncued_agreement
        self.leader_threshold = leader_threshold
        self.cross_encoder_max_pairs = cross_encoder_max_pairs
        self.one_to_one = one_to_one
        self.side_aliases = side_aliases
        self.min_uncued_own_agreement = min_uncued_own_agreement
        self.release_sides = release_sides
        self.comparer = comparer

    def _comparers(self, dim: int) -> list[LearnedComparer | None]:
        """The comparers to run, in order (None: the rules). ``"combined"`` runs the rules, then the learned
        comparer when it reads vectors of width ``dim`` (another embedding model's vectors: the rules alone)."""
        if self.comparer != "combined":
            return [self._learned()]
        learned = default_learned_comparer()
        if learned.embedding_dim != dim:
            logger.info("comparer='combined': the learned comparer reads %d-dim vectors, these have %d; rules only",
                        learned.embedding_dim, dim)
            return [None]
        return [None, learned]

    def _learned(self) -> LearnedComparer | None:
        """The learned comparer to use, or None for the rules."""
        model = self.comparer
        if model == "rules":
            return None
        if model == "learned":
            return default_learned_comparer()
        if isinstance(model, LearnedComparer):
            return model
        if isinstance(model, (str, Path)) and str(model).endswith(".npz"):
            return LearnedComparer.load(model)
        raise ConfigurationError(
            f"comparer={model!r} is not a comparer.",
            fix='Pass "combined", "rules", "learned", a LearnedComparer or the path of a saved one (.npz).',
        )

    def _one_to_one(self, learned: LearnedComparer | None) -> bool:
        return (learned is None) if self.one_to_one is None else bool(self.one_to_one)

    def _candidates(
        self, emb: np.ndarray, idx: tuple[np.ndarray, np.ndarray], labels: np.ndarray, given: bool, learned: bool
    ) -> np.ndarray:
        """Candidate pairs (rows into ``idx_a``, ``idx_b``); every pair of a comparison of at most
        :data:`EXHAUSTIVE_PAIRS` pairs; above, no cosine gate for ``learned``."""
        idx_a, idx_b = idx
        if not (len(idx_a) and len(idx_b)):
            return np.zeros((0, 2), dtype=np.int64)
        return candidate_pairs(
            emb[idx_a], emb[idx_b], top_k=self.top_k, min_cosine=-1.0 if learned else self.min_cosine,
            topics_a=labels[idx_a] if given else None, topics_b=labels[idx_b] if given else None,
            exhaustive_up_to=EXHAUSTIVE_PAIRS,
        )

    def _head(self) -> RelationHead:
        if self.head is None:
            return default_head()
        if isinstance(self.head, RelationHead):
            return self.head
        return RelationHead.load(self.head)

    def fit(
        self, statements: Sequence[Any], *, embeddings: np.ndarray | None = None, topics: Any = None
    ) -> SideComparer:
        """Compare the statements of the two sides.

        Parameters
        ----------
        statements : sequence of Statement
            Anything with ``id``, ``text`` and ``side``.
        embeddings : ndarray of shape (n_statements, dim), optional
            Precomputed L2-normalised embeddings; default: embed the texts.
        topics : fitted topic model or sequence of int, optional
            Topic per statement; default: grouped by cosine (leader clustering).

        Returns
        -------
        self
        """
        sides = tuple(self.sides)
        if len(sides) != 2 or sides[0] == sides[1]:
            raise ConfigurationError(
                f"sides must name two different sides, got {sides!r}.", fix='Pass sides=("A", "B").'
            )
        statements = list(statements)
        n = len(statements)
        emb = self._embed(statements, embeddings)
        labels, names = resolve_topics(topics, n)
        given = labels is not None  # only given topics steer blocking; the fallback grouping is too coarse
        if labels is None:
            labels = leader_topics(emb, self.leader_threshold) if n else np.zeros(0, dtype=np.int64)
        reporter = reporting_sides(statements, sides, self.release_sides)
        idx_a = np.array([i for i in range(n) if reporter[i] == sides[0]], dtype=np.int64)
        idx_b = np.array([i for i in range(n) if reporter[i] == sides[1]], dtype=np.int64)
        runs = [self._compare(statements, emb, (labels, given), (idx_a, idx_b), learned)
                for learned in self._comparers(emb.shape[1])]
        relations = merge_relations([run.relations for run in runs], counter_claim_support=runs[-1].counter_claim_p)
        candidates = runs[0].candidates
        if len(runs) > 1:
            candidates = np.unique(np.vstack([r.candidates for r in runs]), axis=0)
        self.candidates_ = candidates.astype(np.int64).reshape(-1, 2)
        relations.sort(key=lambda r: (RELATION_ORDER[r.relation], -r.score, r.evidence.a.id, r.evidence.b.id))
        self.relations_ = tuple(relations)
        self.one_sided_topics_ = _one_sided(statements, (sides[0], sides[1]), (labels, names), emb, relations)
        self.n_statements_ = {sides[0]: len(idx_a), sides[1]: len(idx_b)}
        logger.info("compared %d x %d statements: %d candidate pairs, %d relations",
                    len(idx_a), len(idx_b), len(self.candidates_), len(relations))
        return self

    def _compare(
        self, statements: list[Any], emb: np.ndarray, topics: tuple[np.ndarray, bool],
        idx: tuple[np.ndarray, np.ndarray], learned: LearnedComparer | None,
    ) -> _Run:
        """One comparer's relations and candidate pairs (rows of statement indices), and for the learned
        comparer its calibrated p(counter-claim) of every pair it read: the rules when ``learned`` is None."""
        labels, given = topics
        idx_a, idx_b = idx
        sides = tuple(self.sides)
        pairs = self._candidates(emb, (idx_a, idx_b), labels, given, learned is not None)
        gi, gj = idx_a[pairs[:, 0]], idx_b[pairs[:, 1]]
        own = np.array([s.side in sides for s in statements], dtype=bool)  # a side's own statement, not joint
        joint = np.array([s.side == JOINT_SIDE for s in statements], dtype=bool)
        release = [getattr(s, "release_id", None) for s in statements]
        # A joint statement stands for its release's side only against another release's statements.
        other_release = np.array([release[i] != release[j] for i, j in zip(gi, gj, strict=True)], dtype=bool)
        keep = (own[gi] & own[gj]) | other_release
        gi, gj = gi[keep], gj[keep]
        if learned is None:
            pred = self._classify(statements, emb, (gi, gj), own, joint, sides)
        else:
            pred = self._classify_learned(learned, statements, emb, ((gi, gj), (idx_a, idx_b)), own, sides)
        relations = self._relations(statements, (gi, gj), pred, labels, self._one_to_one(learned))
        candidates = np.stack([gi, gj], axis=1) if len(gi) else np.zeros((0, 2), dtype=np.int64)
        if learned is None:
            return _Run(relations, candidates)
        column = RELATIONS.index(COUNTER_CLAIM)
        support = {(str(statements[i].id), str(statements[j].id)): float(pred.model_probabilities[k, column])
                   for k, (i, j) in enumerate(zip(gi.tolist(), gj.tolist(), strict=True))}
        return _Run(relations, candidates, support)

    def _classify(
        self, statements: list[Any], emb: np.ndarray, pairs: tuple[np.ndarray, np.ndarray], own: np.ndarray,
        joint: np.ndarray, sides: tuple[str, ...],
    ) -> Any:
        """The relation probabilities, cues and cosines of the candidate pairs ``pairs`` (rows gi, gj)."""
        gi, gj = pairs
        own_pairs = own[gi] & own[gj]
        profiles = {i: profile(statements[i].text) for i in sorted(set(gi.tolist()) | set(gj.tolist()))}
        scorer = self._cross_encoder()
        return classify_pairs(
            [profiles[i] for i in gi], [profiles[j] for j in gj], emb[gi], emb[gj],
            head=self._head(), cross_encoder=scorer,
            texts=([statements[i].text for i in gi], [statements[j].text for j in gj]),
            use_cues=self.use_cues, min_uncued_counter_claim=self.min_uncued_counter_claim,
            min_uncued_agreement=self.min_uncued_agreement, cross_encoder_max_pairs=self.cross_encoder_max_pairs,
            extra_cues=self._side_cues(profiles, gi, gj, own_pairs, emb, sides, self.side_aliases)
            if self.use_cues else None,
            both_joint=joint[gi] & joint[gj], own_pairs=own_pairs,
            min_uncued_own_agreement=self.min_uncued_own_agreement,
        )

    def pair_cues(
        self, statements: Sequence[Any], emb: np.ndarray, pairs: tuple[np.ndarray, np.ndarray], own: np.ndarray,
        sides: tuple[str, ...],
    ) -> list[list[Cue]]:
        """The cues fired on each pair (rows gi, gj): the text cues of :func:`~.cues.detect_cues`,
        and between the two sides' own statements the side cues (:meth:`_side_cues`)."""
        gi, gj = pairs
        profiles = {i: profile(statements[i].text) for i in sorted(set(gi.tolist()) | set(gj.tolist()))}
        own_pairs = own[gi] & own[gj]
        side = self._side_cues(profiles, gi, gj, own_pairs, emb, sides, self.side_aliases)
        out = []
        for k, (i, j) in enumerate(zip(gi.tolist(), gj.tolist(), strict=True)):
            found = detect_cues(profiles[i], profiles[j], float(emb[i] @ emb[j]))
            names = {c.name for c in found}
            out.append(found + [c for c in side[k] if c.name not in names])
        return out

    def _classify_learned(
        self, model: LearnedComparer, statements: list[Any], emb: np.ndarray,
        pairs_and_sides: tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]],
        own: np.ndarray, sides: tuple[str, ...],
    ) -> Any:
        """The learned comparer's probabilities, cues and cosines of the candidate pairs (rows gi, gj; the two
        sides' statements idx_a, idx_b give each pair's context)."""
        pairs, side_members = pairs_and_sides
        gi, gj = pairs
        cues = self.pair_cues(statements, emb, pairs, own, sides)
        kinds = ([str(getattr(statements[i], "kind", "")) for i in gi.tolist()],
                 [str(getattr(statements[j], "kind", "")) for j in gj.tolist()])
        profiles = {i: profile(statements[i].text) for i in sorted(set(gi.tolist()) | set(gj.tolist()))}
        head = head_readings(([profiles[i] for i in gi.tolist()], [profiles[j] for j in gj.tolist()]), emb[gi], emb[gj])
        members = np.concatenate(side_members).tolist()
        for k in members:  # a pair's context reads its ends' other partners too
            if k not in profiles:
                profiles[k] = profile(statements[k].text)
        content = [profiles[k].content if k in profiles else frozenset() for k in range(len(statements))]
        release = [getattr(s, "release_id", None) for s in statements]
        context = context_features(emb, content, release, side_members, pairs)
        def features(rows: slice) -> np.ndarray:
            return learned_features(emb[gi[rows]], emb[gj[rows]], cues[rows], (kinds[0][rows], kinds[1][rows]),
                                    head[rows], context[rows])

        cosine = np.einsum("ij,ij->i", emb[gi], emb[gj]) if len(gi) else np.zeros(0, dtype=np.float32)
        proba = learned_probabilities(model, features, len(gi))
        pred = learned_predictions(model, None, cues, cosine, probabilities=proba)
        named = with_shared_words(pred.cues, (gi.tolist(), gj.tolist()), content, members)
        return dataclasses.replace(pred, cues=named)

    def _relations(
        self, statements: list[Any], pairs: tuple[np.ndarray, np.ndarray], pred: Any, labels: np.ndarray,
        one_to_one: bool,
    ) -> list[Relation]:
        """The labelled pairs kept (one best partner each when ``one_to_one``; unrelated ones only when asked)."""
        gi, gj = pairs
        predicted = [RELATIONS[int(row.argmax())] for row in pred.probabilities]
        cued = [
            any(c.name != "model" and c.favours == label for c in fired)
            for label, fired in zip(predicted, pred.cues, strict=True)
        ]
        kept = best_partners(gi, gj, predicted, pred.cosine, cued) if one_to_one else np.ones(len(gi), dtype=bool)
        relations = []
        for k, (i, j) in enumerate(zip(gi.tolist(), gj.tolist(), strict=True)):
            c = int(pred.probabilities[k].argmax())
            label = RELATIONS[c]
            if (label == UNRELATED and not self.include_unrelated) or not kept[k]:
                continue
            relations.append(
                Relation(
                    relation=label,
                    score=round(float(pred.probabilities[k, c]), 6),
                    probabilities={
                        r: round(float(p), 6) for r, p in zip(RELATIONS, pred.probabilities[k], strict=True)
                    },
                    topic=int(labels[i]) if labels[i] == labels[j] and labels[i] >= 0 else None,
                    evidence=Evidence(
                        StatementRef.of(statements[i]), StatementRef.of(statements[j]),
                        tuple(pred.cues[k]), round(float(pred.cosine[k]), 6),
                    ),
                    same_point=None if pred.same_point is None else round(float(pred.same_point[k]), 6),
                )
            )
        return relations

    @staticmethod
    def _side_cues(
        profiles: dict[int, Any], gi: np.ndarray, gj: np.ndarray, own_pairs: np.ndarray, emb: np.ndarray,
        sides: tuple[str, ...], aliases: Mapping[str, Sequence[str]] | None,
    ) -> list[list[Cue]]:
        """The side cues of each candidate pair of the two sides' own statements
        (:func:`~.side_cues.side_criticism`, :func:`~.side_cues.side_negation`,
        :func:`~.side_cues.rival_claims`, :func:`~.side_cues.mutual_blame`); what each statement
        says of the sides (criticism, claims, blame) is read once, not once per pair."""
        read: dict[int, tuple[frozenset[str], bool, bool]] = {}

        def of(k: int, own: str, other: str) -> tuple[frozenset[str], bool, bool]:
            if k not in read:
                p = profiles[k]
                read[k] = (criticises(p, other, own, aliases), claims_for_itself(p, own, other, aliases),
                           blames(p, other, aliases))
            return read[k]

        out: list[list[Cue]] = []
        for i, j, mine in zip(gi.tolist(), gj.tolist(), own_pairs.tolist(), strict=True):
            found: list[Cue] = []
            cosine = float(emb[i] @ emb[j])
            if mine and on_one_subject(profiles[i], profiles[j], cosine):
                critic_a, claims_a, blames_a = of(i, sides[0], sides[1])
                critic_b, claims_b, blames_b = of(j, sides[1], sides[0])
                found = [c for c in (criticism_cue(critic_a, critic_b),
                                     side_negation(profiles[i], profiles[j], cosine),
                                     rival_claims_cue(claims_a, claims_b, *sides),
                                     mutual_blame_cue(blames_a, blames_b, *sides))
                         if c is not None]
            out.append(found)
        return out

    def _cross_encoder(self) -> Any:
        model = self.cross_encoder
        if model is None or model == SHIPPED or isinstance(model, (CrossEncoderScorer, OnnxPairClassifier)):
            return model
        if isinstance(model, (str, Path)) and str(model).endswith(".onnx"):
            return OnnxPairClassifier(model)
        return CrossEncoderScorer(model)

    def _embed(self, statements: list[Any], embeddings: np.ndarray | None) -> np.ndarray:
        if embeddings is not None:
            emb = np.asarray(embeddings, dtype=np.float32)
            if emb.ndim != 2 or emb.shape[0] != len(statements):
                raise ShapeMismatchError(
                    f"embeddings has shape {emb.shape} for {len(statements)} statements.",
                    fix="Pass one embedding row per statement, in the same order.",
                )
            return emb
        if not statements:
            return np.zeros((0, 384), dtype=np.float32)
        embedder = self.embedder
        if embedder is None:
            from ..embed import Embedder

            embedder = Embedder()
        return np.asarray(embedder.encode([s.text for s in statements]), dtype=np.float32)

    def result(self) -> SideComparison:
        """The comparison as a :class:`SideComparison`."""
        if not hasattr(self, "relations_"):
            raise NotFittedError("SideComparer is not fitted.", fix="Call fit(statements) first.")
        return SideComparison(
            sides=(str(self.sides[0]), str(self.sides[1])),
            relations=self.relations_,
            one_sided_topics=self.one_sided_topics_,
            n_statements=self.n_statements_,
            n_candidates=int(self.candidates_.shape[0]),
        )


def compare_sides(
    statements: Sequence[Any],
    sides: Sequence[str] = ("A", "B"),
    *,
    embeddings: np.ndarray | None = None,
    topics: Any = None,
    **options: Any,
) -> SideComparison:
    """Agreements, counter-claims and one-sided topics between two sides.

    Parameters
    ----------
    statements : sequence of Statement
        From one release or many (each side's own readout of a meeting works).
    sides : (str, str), default=("A", "B")
    embeddings : ndarray of shape (n_statements, dim), optional
    topics : fitted topic model or sequence of int, optional
    **options
        Passed to :class:`SideComparer` (``top_k``, ``min_cosine``, ``head``,
        ``cross_encoder``, ``embedder``, ``include_unrelated``, ``use_cues``,
        ``min_uncued_counter_claim``, ``min_uncued_agreement``, ``leader_threshold``,
        ``cross_encoder_max_pairs``, ``one_to_one``, ``side_aliases``, ``min_uncued_own_agreement``,
        ``release_sides``, ``comparer``).

    Returns
    -------
    SideComparison
    """
    valid = {"top_k", "min_cosine", "head", "cross_encoder", "embedder", "include_unrelated", "use_cues",
             "min_uncued_counter_claim", "min_uncued_agreement", "leader_threshold", "cross_encoder_max_pairs",
             "one_to_one", "side_aliases", "min_uncued_own_agreement", "release_sides", "comparer"}
    unknown = sorted(set(options) - valid)
    if unknown:
        raise ConfigurationError(
            f"Unknown option(s) {unknown} for compare_sides.", fix=f"Valid options: {sorted(valid)}."
        )
    return SideComparer(sides, **options).fit(statements, embeddings=embeddings, topics=topics).result()
