"""``claimcmp themes`` end to end (real embedding model on the 8 fixture releases)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimcmp.cli import main

from .conftest import SERIES

CLAIM = "Atlantis remains committed to a peaceful resolution"


@pytest.mark.slow
def test_table_json_csv_and_saved_tracker(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["themes", str(SERIES), "--side-from", "issuer", "-q"]) == 0
    table = capsys.readouterr().out
    assert "THEMES" in table and "REPEATED CLAIMS" in table and CLAIM in table
    assert "Government of Borealis" in table

    out = tmp_path / "themes.json"
    side_map = tmp_path / "sides.yaml"
    side_map.write_text("Government of Borealis: B\nMinistry of Foreign Affairs of Atlantis: A\n")
    assert main(["themes", str(SERIES), "--side-map", str(side_map), "--format", "json", "-o", str(out), "-q"]) == 0
    data = json.loads(out.read_text())
    assert data["n_releases"] == 8 and data["period"] == "month"
    claim = next(c for c in data["claims"] if c["text"].startswith(CLAIM))
    assert len(claim["occurrences"]) == 3 and {o["side"] for o in claim["occurrences"]} == {"A"}

    assert main(["themes", str(SERIES), "--format", "csv", "--period", "quarter", "-q"]) == 0
    csv = capsys.readouterr().out.splitlines()
    assert csv[0] == "theme_id,theme_label,period,side,statements,releases"
    assert all(",2024-Q" in line for line in csv[1:])

    files = sorted(SERIES.glob("*.txt"))
    state = tmp_path / "tracker.json"
    assert main(["themes", *map(str, files[:5]), "--tracker", str(state), "--side-from", "issuer", "-q"]) == 0
    first = json.loads(state.read_text())
    capsys.readouterr()
    assert main(["themes", *map(str, files[5:]), "--tracker", str(state), "--side-from", "issuer", "-q"]) == 0
    second = json.loads(state.read_text())
    assert len(second["releases"]) == 8
    assert second["theme_ids"][: len(first["theme_ids"])] == first["theme_ids"]
    assert second["claim_ids"][: len(first["claim_ids"])] == first["claim_ids"]


def test_bad_side_map_is_an_analysis_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "sides.yaml"
    bad.write_text("- just a list\n")
    assert main(["themes", str(SERIES), "--side-map", str(bad), "-q"]) == 1
    assert "side map" in capsys.readouterr().err
