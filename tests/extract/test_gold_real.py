"""The real-readout gold set (benchmarks/gold_real/): offsets still valid, development figures at target."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from claimcmp.extract._evaluate import score_real_gold

from ._helpers import ROOT

GOLD = ROOT / "benchmarks" / "gold_real" / "wh_readouts.json"
DATASETS = Path(os.environ.get("CLAIMCMP_SHARED", ROOT / ".." / "shared")) / "datasets"


def test_gold_file_is_well_formed():
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    kinds = {"direct_quote", "reported", "joint", "narration"}
    assert {entry["split"] for entry in gold["releases"]} == {"dev", "test"}
    for entry in gold["releases"]:
        spans = [(s["start"], s["end"]) for s in entry["statements"]]
        assert spans == sorted(spans) and all(a < b for a, b in spans)
        for item in entry["statements"]:
            assert item["kind"] in kinds
            assert (item["side"] == "joint") == (item["kind"] == "joint")
            assert "text" not in item  # the texts stay in the shared data set


@pytest.mark.slow
def test_real_dev_readouts_meet_the_targets():
    if not (DATASETS / "wh_readouts").is_dir():
        pytest.fail(f"shared data set missing: {DATASETS / 'wh_readouts'}")
    result = score_real_gold(GOLD, DATASETS, split="dev")
    counts = result["counts"]
    assert result["stale"] == 0
    assert counts["matched"] == counts["gold"]
    assert counts["side"] / counts["gold"] >= 0.90
    assert counts["kind"] / counts["gold"] >= 0.85
