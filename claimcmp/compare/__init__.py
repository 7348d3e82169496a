"""Compare sides: agreements, counter-claims and one-sided topics.

Pipeline: candidate blocking (:mod:`.blocking`) -> pair features
(:mod:`.features`) -> trained head (:mod:`.head`, numpy), refined by the
shipped cross-encoder or replaced by your own (:mod:`.cross_encoder`) -> readable cues (:mod:`.cues`) ->
:class:`~.result.Relation` results (:mod:`.sides`). A learned model (:mod:`.learned`, numpy) reads every
cross-side pair of a meeting: embeddings, cues, head reading, kinds and the pair's standing in its
comparison (:mod:`.context`). The default, ``comparer="combined"``, merges the two (:mod:`.merge`);
``"rules"`` or ``"learned"`` runs one alone.
"""

from __future__ import annotations

from .cross_encoder import CrossEncoderScorer, OnnxPairClassifier
from .cues import AGREEMENT, COUNTER_CLAIM, RELATIONS, UNRELATED, Cue
from .head import RelationHead, default_head
from .learned import LearnedComparer
from .result import Evidence, OneSidedTopic, Relation, SideComparison, StatementRef
from .sides import SideComparer, compare_sides

__all__ = [
    "AGREEMENT",
    "COUNTER_CLAIM",
    "RELATIONS",
    "UNRELATED",
    "CrossEncoderScorer",
    "Cue",
    "Evidence",
    "LearnedComparer",
    "OneSidedTopic",
    "OnnxPairClassifier",
    "Relation",
    "RelationHead",
    "SideComparer",
    "SideComparison",
    "StatementRef",
    "compare_sides",
    "default_head",
]
