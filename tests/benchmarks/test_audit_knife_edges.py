"""benchmarks/audit_knife_edges.py: the pairing replay and the cause given to each flipped relation."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

import audit_knife_edges as audit  # noqa: E402


def _entry(relation: str, score: float, cosine: float, cue: str = "model") -> dict[str, object]:
    return {"relation": relation, "score": score, "cosine": cosine, "cue": cue}


def test_replayed_pairing_keeps_each_statements_best_partner():
    labelled = {
        ("a1", "b1"): _entry("agreement", 0.8, 0.62),
        ("a1", "b2"): _entry("agreement", 0.9, 0.60),  # a1's second best: dropped
        ("a2", "b2"): _entry("counter_claim", 0.8, 0.30, cue="opposing_actor"),
        ("a2", "b3"): _entry("unrelated", 0.9, 0.70),  # unrelated pairs are never reported
    }
    assert set(audit._reported(labelled)) == {("a1", "b1"), ("a2", "b2")}


def test_cued_pair_beats_a_more_similar_uncued_one():
    labelled = {
        ("a1", "b1"): _entry("agreement", 0.8, 0.70),
        ("a1", "b2"): _entry("agreement", 0.8, 0.40, cue="joint_outcome"),
    }
    assert set(audit._reported(labelled)) == {("a1", "b2")}


def test_flip_cause_is_the_bar_when_the_pairs_own_label_changed():
    key = ("a1", "b1")
    before = {key: _entry("counter_claim", 0.76, 0.44)}
    after = {key: _entry("unrelated", 0.7, 0.43)}
    flip = audit._flip(1, key, ((before, before), (after, {})))
    assert flip is not None
    assert flip["cause"] == "probability bar"
    assert abs(flip["bar_distance"] - 0.01) < 1e-9


def test_flip_cause_is_pairing_when_the_label_held():
    key = ("a1", "b1")
    labelled = {key: _entry("agreement", 0.8, 0.50)}
    flip = audit._flip(2, key, ((labelled, labelled), (labelled, {})))
    assert flip is not None and flip["cause"] == "pairing" and flip["bar_distance"] is None
    assert audit._flip(2, key, ((labelled, labelled), (labelled, labelled))) is None
