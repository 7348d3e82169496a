"""One list of relations from several comparers' readings of the same pairs (``comparer="combined"``).

The comparers are given in order of trust, least first: on a pair two of them
label differently, the later one's label stands, and a related label
(agreement or counter-claim) is never undone by a later ``unrelated``. The one
exception: an earlier comparer's counter-claim is dropped where the last
comparer gives it less than :data:`MIN_COUNTER_CLAIM_SUPPORT`. A
pair's evidence keeps the deciding comparer's cues first, then the cues of
the others that it does not already list, so a reader sees both readings.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

from .cues import COUNTER_CLAIM, UNRELATED
from .result import Relation

__all__ = ["MIN_COUNTER_CLAIM_SUPPORT", "merge_relations"]

#: An earlier comparer's counter-claim stands only where the last comparer gives the pair at least this
#: p(counter-claim). Out of fold, at 0.1 the rule comparer's counter-claims on the real two-sided gold went from
#: 34 (none true) to 10, on the written dev meetings from 78 true of 113 to 75 of 100, and on the silver groups
#: from 9 of 35 to 8 of 27; the seed's counter-accusation reads 0.24.
MIN_COUNTER_CLAIM_SUPPORT = 0.1


def _key(relation: Relation) -> tuple[str, str]:
    return relation.evidence.a.id, relation.evidence.b.id


def _with_cues_of(winner: Relation, loser: Relation) -> Relation:
    """``winner`` with the cues of ``loser`` it does not list appended to its evidence."""
    names = {c.name for c in winner.evidence.cues}
    extra = tuple(c for c in loser.evidence.cues if c.name not in names)
    if not extra:
        return winner
    evidence = dataclasses.replace(winner.evidence, cues=winner.evidence.cues + extra)
    return dataclasses.replace(winner, evidence=evidence)


def merge_relations(
    runs: Sequence[Sequence[Relation]], *, counter_claim_support: Mapping[tuple[str, str], float] | None = None,
    min_support: float = MIN_COUNTER_CLAIM_SUPPORT,
) -> list[Relation]:
    """The relations of several comparers merged pair by pair (see the module docstring).

    Parameters
    ----------
    runs : sequence of sequence of Relation
        Each comparer's relations, least trusted comparer first.
    counter_claim_support : mapping of (a id, b id) to float, optional
        The last comparer's calibrated p(counter-claim) of each pair it read. An earlier comparer's
        counter-claim on a pair it reads below ``min_support`` is dropped (a pair it did not read keeps it).
    min_support : float, default=MIN_COUNTER_CLAIM_SUPPORT

    Returns
    -------
    list of Relation
        One per pair, in order of first appearance.
    """
    merged: dict[tuple[str, str], Relation] = {}
    support = counter_claim_support or {}
    for n, relations in enumerate(runs):
        for relation in relations:
            key = _key(relation)
            if (n < len(runs) - 1 and relation.relation == COUNTER_CLAIM
                    and support.get(key, min_support) < min_support):
                continue
            before = merged.get(key)
            if before is None:
                merged[key] = relation
            elif relation.relation == UNRELATED and before.relation != UNRELATED:
                merged[key] = _with_cues_of(before, relation)
            else:
                merged[key] = _with_cues_of(relation, before)
    return list(merged.values())
