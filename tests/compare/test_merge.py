"""Relations of several comparers merged pair by pair (claimcmp.compare.merge, comparer="combined")."""

from __future__ import annotations

from claimcmp.compare.cues import Cue
from claimcmp.compare.merge import merge_relations
from claimcmp.compare.result import Evidence, Relation, StatementRef


def _ref(k: str, side: str) -> StatementRef:
    return StatementRef(k, "r1", 0, 1, side, f"text {k}")


def _relation(a: str, b: str, label: str, *cues: str) -> Relation:
    others = {"agreement": "counter_claim", "counter_claim": "agreement", "unrelated": "agreement"}
    probabilities = {label: 0.8, others[label]: 0.2, "unrelated" if label != "unrelated" else "counter_claim": 0.0}
    return Relation(label, 0.8, probabilities, None,
                    Evidence(_ref(a, "A"), _ref(b, "B"), tuple(Cue(c, c, label) for c in cues), 0.5))


def test_the_later_comparer_decides_a_pair_both_label_and_both_readings_are_kept():
    rules = [_relation("a1", "b1", "counter_claim", "denial"), _relation("a2", "b2", "agreement", "model")]
    learned = [_relation("a1", "b1", "agreement", "model")]
    merged = merge_relations([rules, learned])
    assert [(r.evidence.a.id, r.relation) for r in merged] == [("a1", "agreement"), ("a2", "agreement")]
    assert [c.name for c in merged[0].evidence.cues] == ["model", "denial"]


def test_unrelated_never_undoes_a_relation():
    rules = [_relation("a1", "b1", "counter_claim", "opposing_actor")]
    learned = [_relation("a1", "b1", "unrelated", "model"), _relation("a3", "b3", "agreement", "model")]
    merged = merge_relations([rules, learned])
    assert [(r.evidence.a.id, r.relation) for r in merged] == [("a1", "counter_claim"), ("a3", "agreement")]
    assert [c.name for c in merged[0].evidence.cues] == ["opposing_actor", "model"]
    # and a later relation does replace an earlier unrelated reading
    again = merge_relations([[_relation("a1", "b1", "unrelated")], [_relation("a1", "b1", "agreement", "model")]])
    assert again[0].relation == "agreement"


def test_one_comparer_alone_is_returned_as_it_is():
    rules = [_relation("a1", "b1", "agreement", "model"), _relation("a1", "b2", "counter_claim", "denial")]
    assert merge_relations([rules]) == rules
    assert merge_relations([]) == []


def test_an_earlier_counter_claim_the_last_comparer_finds_unlikely_is_dropped():
    rules = [_relation("a1", "b1", "counter_claim", "side_criticism"), _relation("a2", "b2", "counter_claim", "denial"),
             _relation("a3", "b3", "counter_claim", "opposing_actor"), _relation("a4", "b4", "agreement", "model")]
    learned = [_relation("a2", "b2", "counter_claim", "model")]
    support = {("a1", "b1"): 0.03, ("a2", "b2"): 0.95, ("a4", "b4"): 0.0}  # a3-b3: not read by the learned one
    merged = merge_relations([rules, learned], counter_claim_support=support, min_support=0.1)
    assert [(r.evidence.a.id, r.relation) for r in merged] == [
        ("a2", "counter_claim"), ("a3", "counter_claim"), ("a4", "agreement")]
    # the last comparer's own counter-claims are never dropped, whatever the support says
    alone = merge_relations([learned], counter_claim_support={("a2", "b2"): 0.0})
    assert [r.relation for r in alone] == ["counter_claim"]
