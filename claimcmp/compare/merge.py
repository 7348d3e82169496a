"""One list of relations from several comparers' readings of the same pairs (``comparer="combined"``).

The comparers are given in order of trust, least first: on a pair two of them
label differently, the later one's label stands, except that a related label
(agreement or counter-claim) is never undone by a later ``unrelated``. A
pair's evidence keeps the deciding comparer's cues first, then the cues of
the others that it does not already list, so a reader sees both readings.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from .cues import UNRELATED
from .result import Relation

__all__ = ["merge_relations"]


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


def merge_relations(runs: Sequence[Sequence[Relation]]) -> list[Relation]:
    """The relations of several comparers merged pair by pair (see the module docstring).

    Parameters
    ----------
    runs : sequence of sequence of Relation
        Each comparer's relations, least trusted comparer first.

    Returns
    -------
    list of Relation
        One per pair, in order of first appearance.
    """
    merged: dict[tuple[str, str], Relation] = {}
    for relations in runs:
        for relation in relations:
            key = _key(relation)
            before = merged.get(key)
            if before is None:
                merged[key] = relation
            elif relation.relation == UNRELATED and before.relation != UNRELATED:
                merged[key] = _with_cues_of(before, relation)
            else:
                merged[key] = _with_cues_of(relation, before)
    return list(merged.values())
