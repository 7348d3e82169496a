"""benchmarks/topic_agreement.py: the second annotation of agenda topics, and how it is scored."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

import topic_agreement as ta  # noqa: E402


def test_second_annotation_covers_every_statement_of_scored_two_sided_documents_once():
    second = json.loads(ta.SECOND.read_text(encoding="utf-8"))
    split = json.loads((ta.GOLD_REAL / "split.json").read_text(encoding="utf-8"))
    assert len(second) == 22
    assert len({a["doc"] for a in second}) == len(second)
    for agenda in second:
        assert split[agenda["doc"]] in ta.SPLITS  # scored splits only: never an untouched one
        gold = json.loads((ta.GOLD_REAL / "gold" / f"{agenda['doc']}.gold.json").read_text(encoding="utf-8"))
        ta.check_annotation(agenda, len(gold["statements"]))
        assert agenda["topics"] and all(t["label"].strip() and t["statements"] for t in agenda["topics"])
        # the first annotation of the same document exists, so the two can be compared
        assert (ta.GOLD_REAL / "topics" / f"{agenda['doc']}.topics.json").exists()


def test_check_annotation_refuses_a_missing_or_repeated_index():
    ta.check_annotation({"doc": "d", "topics": [{"label": "x", "statements": [0, 2]}], "unassigned": [1]}, 3)
    with pytest.raises(ValueError, match="d: statement indices"):
        ta.check_annotation({"doc": "d", "topics": [{"label": "x", "statements": [0, 2]}], "unassigned": []}, 3)
    with pytest.raises(ValueError):
        ta.check_annotation({"doc": "d", "topics": [{"label": "x", "statements": [0, 1]}], "unassigned": [1, 2]}, 3)


def test_ari_is_taken_over_the_statements_the_reference_puts_in_a_topic():
    reference = {0: 0, 1: 0, 2: 1, 3: 1}
    # a labelling of every statement: statement 4 (courtesy for the reference) does not count
    assert ta.ari_over(reference, np.array([5, 5, 7, 7, 5])) == pytest.approx(1.0)
    assert ta.ari_over(reference, np.array([5, 7, 5, 7, 5])) < 0
    # another annotation: only the statements both put in a topic
    assert ta.ari_over(reference, {0: 3, 1: 3, 2: 4, 9: 4}) == pytest.approx(1.0)
    assert ta.ari_over(reference, {0: 3}) is None


def test_courtesy_agreement_counts_unassigned_statements():
    first = {"unassigned": [0, 1, 5]}
    second = {"unassigned": [1, 5, 6, 7]}
    assert ta.courtesy_agreement(first, second, 10) == {"statements": 10, "first": 3, "second": 4, "both": 2}
