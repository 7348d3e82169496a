"""benchmarks/audit_knife_edges.py: the relations it reads and the cause given to each flipped relation."""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

import audit_knife_edges as audit  # noqa: E402


def _entry(relation: str, score: float, cosine: float, cue: str = "model") -> dict[str, object]:
    return {"relation": relation, "score": score, "cosine": cosine, "cue": cue}


def _analysis(*relations: tuple[str, str, str, float]) -> SimpleNamespace:
    """A stand-in for an Analysis: statements a1, a2, b1, b2 and relations (a, b, label, score)."""
    statements = [SimpleNamespace(id=k) for k in ("a1", "a2", "b1", "b2")]
    rels = [SimpleNamespace(relation=label, score=score, cue="model",
                            evidence=SimpleNamespace(a=SimpleNamespace(id=a), b=SimpleNamespace(id=b), cosine=0.5))
            for a, b, label, score in relations]
    return SimpleNamespace(statements=statements, relations=rels)


def test_reported_relations_are_the_default_runs_related_pairs_in_statement_order():
    analysis = _analysis(("a2", "b1", "agreement", 0.8), ("a1", "b2", "counter_claim", 0.9),
                         ("a1", "b1", "unrelated", 0.7))
    reported = audit._reported(analysis)
    assert list(reported) == [("a1", "b2"), ("a2", "b1")]  # unrelated pairs are never reported
    assert reported[("a1", "b2")] == {"relation": "counter_claim", "score": 0.9, "cosine": 0.5, "cue": "model"}
    assert set(audit._labelled(analysis)) == {("a1", "b1"), ("a1", "b2"), ("a2", "b1")}


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
