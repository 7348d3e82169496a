"""Accuracy on the hand-annotated gold fixtures (fixtures/gold/*.json)."""

from __future__ import annotations

import pytest

from claimcmp.extract import extract
from claimcmp.extract._evaluate import load_gold, score_statements
from claimcmp.ingest import load_releases

from ._helpers import GOLD, ROOT, covered_once

GOLD_FILES = sorted(GOLD.glob("*.json"))


def _run(gold_path):
    gold = load_gold(gold_path)
    release = load_releases([ROOT / gold["release"]])[0]
    return release, gold, extract(release)


def test_there_are_seven_gold_releases_at_least():
    assert len(GOLD_FILES) >= 7


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_offsets_match_release_text(gold_path):
    release, gold, _ = _run(gold_path)
    for item in gold["statements"] + gold["skipped"]:
        assert release.text[item["start"] : item["end"]] == item["text"]


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.stem)
def test_extraction_covers_every_character_once(gold_path):
    release, _, result = _run(gold_path)
    assert covered_once(release.text, result)


def test_seed_release_every_side_and_kind_correct():
    release, gold, result = _run(GOLD / "opcw-2024-11-29-arias-lysogorsky.json")
    got = [(s.start, s.end, s.kind.value, s.side, s.speaker) for s in result.statements]
    want = [(g["start"], g["end"], g["kind"], g["side"], g["speaker"]) for g in gold["statements"]]
    assert got == want
    assert [(k.start, k.end) for k in result.skipped] == [(k["start"], k["end"]) for k in gold["skipped"]]


def test_accuracy_over_all_gold_fixtures():
    totals: dict[str, int] = {}
    for gold_path in GOLD_FILES:
        _, gold, result = _run(gold_path)
        for key, value in score_statements(result.statements, gold["statements"]).items():
            totals[key] = totals.get(key, 0) + value
    n = totals["gold"]
    assert totals["matched"] == n
    assert totals["side"] / n >= 0.95
    assert totals["kind"] / n >= 0.95
    assert totals["speaker"] / n >= 0.9
    assert totals["span_exact"] / n >= 0.95
