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
    # every within-document relation of a dev document and every relation of pairs.gold.json
    import json

    gold = ROOT / "benchmarks" / "gold_real"
    split = json.loads((gold / "split.json").read_text(encoding="utf-8"))
    within = sum(
        len(json.loads((gold / "gold" / f"{name}.gold.json").read_text(encoding="utf-8")).get("relations", []))
        for name, part in split.items()
        if part == "dev"
    )
    pairs = json.loads((gold / "pairs.gold.json").read_text(encoding="utf-8"))
    across = sum(len(p["relations"]) for p in (pairs["pairs"] if isinstance(pairs, dict) else pairs)
                 if all(split[doc] == "dev" for doc in p["docs"]))
    assert within >= 52 and across == 16
    assert sum(len(u.gold) for u in dev) == within + across


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


def test_second_annotation_names_cross_pairs_of_dev_units_and_agreement_is_scored_right():
    import annotator_agreement as aa

    second = aa.second_annotation()
    units = {u.name: u for u in rm.load_units(["dev"])}
    assert len({unit for unit, _, _ in second}) >= 12
    for (unit, i, j), label in second.items():
        assert unit in units and label in rm.LABELS  # dev only: never a test split
        assert (i, j) in set(units[unit].cross_pairs())
    reference = {("u", 0, 1): "agreement", ("u", 0, 2): "agreement", ("u", 3, 4): "counter_claim"}
    other = {("u", 0, 1): "agreement", ("u", 3, 4): "agreement"}
    scored = aa.agreement(reference, other)
    assert scored["agreement"] == {"reference": 2, "other": 2, "both": 1, "precision": 0.5, "recall": 0.5, "f1": 0.5}
    assert scored["counter_claim"]["recall"] == 0.0 and scored["counter_claim"]["precision"] is None


def test_a_document_where_more_sides_speak_gives_one_unit_per_pair_of_sides(tmp_path, monkeypatch):
    import json

    body = "A: We back the plan. B: So do we. C: We back it too. A: Thank you."
    texts = ["We back the plan.", "So do we.", "We back it too.", "Thank you."]
    sides = ["X", "Y", "Z", "X"]
    statements = [{"text": t, "speaker": s, "side": s, "kind": "direct_quote"} for t, s in zip(texts, sides, strict=True)]
    relations = [{"a": 0, "b": 1, "relation": "agreement"}, {"a": 2, "b": 1, "relation": "agreement"},
                 {"a": 0, "b": 2, "relation": "agreement"}]
    for folder in ("docs", "gold"):
        (tmp_path / folder).mkdir()
    (tmp_path / "docs" / "d.txt").write_text(body, encoding="utf-8")
    (tmp_path / "gold" / "d.gold.json").write_text(
        json.dumps({"doc": "d", "statements": statements, "relations": relations, "ambiguities": {}}),
        encoding="utf-8")
    (tmp_path / "split.json").write_text(json.dumps({"d": "dev"}), encoding="utf-8")
    (tmp_path / "pairs.gold.json").write_text("[]", encoding="utf-8")
    monkeypatch.setattr(rm, "GOLD_REAL", tmp_path)
    units = {u.name: u for u in rm.load_units(["dev"])}
    assert sorted(units) == ["d [X | Y]", "d [X | Z]", "d [Y | Z]"]
    assert units["d [X | Y]"].gold == {(0, 1): "agreement"}
    assert units["d [X | Z]"].gold == {(0, 2): "agreement"}
    assert units["d [Y | Z]"].gold == {(1, 2): "agreement"}  # listed Z-first in the gold, turned to side order
    assert units["d [X | Z]"].cross_pairs() == [(0, 2), (3, 2)]
    assert {rm.document_of(name) for name in units} == {"d"}
