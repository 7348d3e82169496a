"""benchmarks/bench_meetings.py: a run on some real splits keeps what an earlier run recorded for the others."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

import bench_meetings as bm  # noqa: E402


def _split(agreements: int) -> dict:
    score = {label: {"gold": agreements if label == "agreement" else 0, "predicted": 2, "correct": 1, "found": 1,
                     "precision": 0.5, "recall": 1 / max(agreements, 1)} for label in ("agreement", "counter_claim")}
    recall = {"found": agreements, "gold": agreements, "recall": 1.0, "candidates": 10, "cross_pairs": 10}
    return {"units": ["a", "b"], "settings": {"rules": score}, "candidate_recall": {"rules": recall}}


STORED = {"dev": _split(7), "test13": _split(5), "silver": {"settings": {}},
          "argkp_stance_learned": {"accuracy": 0.548, "chance": 0.5},
          "throughput_learned": {"statements_per_side": 2000, "compare_s": 13.4}}


def test_splits_not_rescored_keep_their_rows_candidate_recall_and_figures():
    figures, rows, recall_rows, lines = bm.stored_parts(STORED, ["test13"], argkp=True, timing=True)
    assert set(figures) == {"dev"} and figures["dev"]["stored"] == bm.STORED
    assert [r[0] for r in rows] == ["dev (stored, not rescored; 2; 7 ag., 0 cc.)"]
    assert recall_rows == [["dev (stored)", "rules", "7/7", "1.00", "10 of 10"]]
    assert lines == ""  # ArgKP and throughput are measured again in this run


def test_argkp_and_throughput_lines_are_kept_when_not_measured_again():
    figures, _, _, lines = bm.stored_parts(STORED, ["dev", "test13"], argkp=False, timing=False)
    assert figures["argkp_stance_learned"]["accuracy"] == 0.548
    assert "54.8%" in lines and "13.4 s" in lines and lines.count("stored") == 2
    assert "dev" not in figures and "test13" not in figures and "silver" not in figures
