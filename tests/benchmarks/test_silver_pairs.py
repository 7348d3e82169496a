"""training/silver_pairs.json: real pairs labelled by reading releases (training data of the learned comparer)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SILVER = ROOT / "training" / "silver_pairs.json"
RAW = ROOT.parent / "shared" / "datasets" / "real_readouts" / "raw"
HELD_OUT = {"test", "test2", "test3", "test4", "test5", "test6", "test7", "test8", "test9", "test10", "test11",
            "test12", "test13", "test14", "test15", "test16", "test17", "test18"}


def _groups() -> list[dict]:
    return json.loads(SILVER.read_text(encoding="utf-8"))["groups"]


def test_groups_are_well_formed():
    groups = _groups()
    assert len({g["name"] for g in groups}) == len(groups)
    for g in groups:
        assert len(g["sides"]) == 2 and g["sides"][0] != g["sides"][1], g["name"]
        assert g["sources"] and g["a"] and g["b"], g["name"]
        seen = set()
        for i, j, label in g["relations"]:
            assert label in {"agreement", "counter_claim"}, g["name"]
            assert 0 <= i < len(g["a"]) and 0 <= j < len(g["b"]), g["name"]
            assert (i, j) not in seen, g["name"]
            seen.add((i, j))
        for item in g["a"] + g["b"]:
            assert item["kind"] in {"direct_quote", "reported", "narration", "joint"}, item
            assert item["source"] in g["sources"], item
        texts = [item["text"] for item in g["a"] + g["b"]]
        assert len(set(texts)) == len(texts), g["name"]


def test_no_source_is_a_held_out_gold_document():
    split = json.loads((ROOT / "benchmarks" / "gold_real" / "split.json").read_text(encoding="utf-8"))
    held_out = {doc for doc, s in split.items() if s in HELD_OUT}
    for g in _groups():
        assert not held_out & set(g["sources"]), g["name"]


@pytest.mark.skipif(not RAW.exists(), reason="needs ../shared/datasets/real_readouts/raw")
def test_every_statement_is_quoted_exactly_from_its_source():
    bodies: dict[str, str] = {}
    for g in _groups():
        for item in g["a"] + g["b"]:
            doc = item["source"]
            if doc not in bodies:
                (path,) = RAW.glob(f"*/{doc}.txt")
                bodies[doc] = path.read_text(encoding="utf-8").split("\n---\n", 1)[1]
            assert item["text"] in bodies[doc], (g["name"], item["text"][:60])


def test_silver_groups_sharing_a_statement_share_a_fold():
    """Cross-validation never reads a silver statement out of fold after training on it in another group."""
    import sys
    from types import SimpleNamespace

    sys.path.insert(0, str(ROOT / "training"))
    from train_learned_comparer import folds_of, linked_units

    groups = [SimpleNamespace(name=f"silver:{n}", source="silver", texts=[(a, b)])
              for n, (a, b) in enumerate([("x", "y"), ("z", "w"), ("y", "v"), ("u", "t"), ("v", "s")])]
    unit = linked_units(groups)
    assert unit[0] == unit[2] == unit[4] and len(set(unit)) == 3
    fold = folds_of(groups, 2)
    assert fold[0] == fold[2] == fold[4]
    real = _groups()
    texts = [{s["text"] for s in g["a"] + g["b"]} for g in real]
    shared = [(i, j) for i in range(len(real)) for j in range(i) if texts[i] & texts[j]]
    units = linked_units([SimpleNamespace(name=g["name"], source="silver", texts=[(t, t) for t in ts])
                          for g, ts in zip(real, texts, strict=True)])
    assert all(units[i] == units[j] for i, j in shared)


def test_units_of_one_many_sided_document_share_a_fold():
    import sys
    from types import SimpleNamespace

    sys.path.insert(0, str(ROOT / "training"))
    from train_learned_comparer import folds_of, meeting_of

    names = ["d [US | X]", "d [US | Y]", "d [X | Y]", "e", "f", "g"]
    groups = [SimpleNamespace(name=n, source="real", texts=[]) for n in names]
    assert {meeting_of(g) for g in groups[:3]} == {"d"} and meeting_of(groups[3]) == "e"
    fold = folds_of(groups, 3)
    assert fold[0] == fold[1] == fold[2]
