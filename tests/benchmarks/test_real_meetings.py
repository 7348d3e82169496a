"""benchmarks/real_meetings.py: the real two-sided gold as comparison units, and its scorer."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

import real_meetings as rm  # noqa: E402


def test_units_hold_every_gold_relation_as_a_cross_pair():
    for split in ("dev", "test", "test2"):
        units = rm.load_units([split])
        assert units, split
        for unit in units:
            assert unit.split == split
            cross = set(unit.cross_pairs())
            assert set(unit.gold) <= cross, unit.name
            for i, j in cross:
                assert unit.statements[i].side == unit.sides[0] and unit.statements[j].side == unit.sides[1]
    dev = rm.load_units(["dev"])
    assert any(u.name.startswith("pair:") for u in dev)
    # within-document relations (52, then 3 more from the third round of readouts) and pairs.gold.json
    assert sum(len(u.gold) for u in dev) == 55 + 16


def test_cross_document_unit_pairs_only_across_its_documents():
    pair = next(u for u in rm.load_units(["dev"]) if u.name.startswith("pair:"))
    for i, j in pair.cross_pairs():
        assert pair.statements[i].release_id != pair.statements[j].release_id


def test_scorer_gold_is_perfect_and_baselines_count_every_pair():
    units = rm.load_units(["dev"])
    perfect = rm.score_units(units, [dict(u.gold) for u in units])
    assert perfect["agreement"]["precision"] == 1.0 and perfect["agreement"]["recall"] == 1.0
    # pairs given the other way round are turned
    turned = rm.score_units(units, [{(j, i): lab for (i, j), lab in u.gold.items()} for u in units])
    assert turned["agreement"]["correct"] == perfect["agreement"]["correct"]
    everything = rm.baseline_all(units, "agreement")
    assert everything["agreement"]["recall"] == 1.0
    assert everything["agreement"]["predicted"] <= sum(len(u.cross_pairs()) for u in units)
    assert everything["agreement"]["precision"] < 0.1
    none = rm.score_units(units, [{} for _ in units])
    assert none["agreement"]["recall"] == 0.0 and none["agreement"]["precision"] is None


def test_candidate_recall_counts_gold_pairs_proposed():
    units = rm.load_units(["dev"])
    full = rm.candidate_recall(units, [set(u.cross_pairs()) for u in units])
    assert full["recall"] == 1.0
    half = rm.candidate_recall(units, [set(list(u.gold)[: len(u.gold) // 2]) for u in units])
    assert 0 < half["found"] < half["gold"]
