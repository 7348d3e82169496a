import json
from pathlib import Path

import numpy as np
import pytest

from claimcmp.cli import main

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "fixtures" / "opcw_seed.txt"


def test_bad_topic_count_is_a_usage_error(capsys):
    assert main(["topics", str(SEED), "--n-topics", "0", "-q"]) == 1
    assert "n-topics" in capsys.readouterr().err


def test_count_and_threshold_are_exclusive(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["topics", str(SEED), "--n-topics", "3", "--distance-threshold", "0.5"])
    assert exit_info.value.code == 2


@pytest.mark.slow
def test_topics_json_places_every_statement_without_a_catch_all(capsys):
    assert main(["topics", str(SEED), "--format", "json", "-q"]) == 0
    payload = json.loads(capsys.readouterr().out)
    sizes = np.array([t["size"] for t in payload["topics"]])
    assignments = payload["assignments"]
    assert sizes.sum() == len(assignments) >= 10
    # one meeting (17 statements): agenda items, not one bucket and not a topic per statement
    assert payload["backend"] == "meeting"
    assert 2 <= len(sizes) <= len(assignments) / 3
    assert sizes.max() < len(assignments) and (sizes == 1).sum() <= len(assignments) / 3
    assert [t["id"] for t in payload["topics"]] == list(range(len(sizes)))
    assert set(assignments.values()) == set(range(len(sizes)))
    assert all(t["label"] for t in payload["topics"])
    # no word of a side's name ("Russian Federation", "OPCW") in a label
    words = {w for t in payload["topics"] for w in t["label"].replace(",", " ").lower().split()}
    assert not words & {"russian", "federation", "russia", "opcw"}, words


@pytest.mark.slow
def test_topics_table_and_refit_stability(capsys):
    assert main(["topics", str(SEED), "-q"]) == 0
    first = capsys.readouterr().out
    assert main(["topics", str(SEED), "-q"]) == 0
    assert capsys.readouterr().out == first
    assert first.startswith("statements: ")
    # singletons are marked (the seed has none since small topics join their nearest one)
    assert ("(s)" in first) == ("singletons: 0 " not in first)
