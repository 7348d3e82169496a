"""``claimcmp report`` from the shell: formats, exit codes, errors in one line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimcmp.cli import main
from tests.conftest import SEED


def test_help_lists_examples(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["report", "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert "claimcmp report fixtures/opcw_seed.txt -o report.html" in out
    assert "--format" in out and "--sides" in out and "--quiet" in out


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["report", str(SEED), "--format", "pdf"])
    assert exit_info.value.code == 2


def test_unknown_output_extension_is_one_line_with_fix(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(SEED), "-o", str(tmp_path / "report.pdf")]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "Fix:" in err and "--format" in err


def test_missing_release_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "r.html"), "-q"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("claimcmp: error: [E101]") and "Fix:" in err
    assert not (tmp_path / "r.html").exists()


def test_bad_sides_file_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sides = tmp_path / "sides.yaml"
    sides.write_text("- just\n- a list\n")
    assert main(["report", str(SEED), "--sides", str(sides), "-q", "--format", "json"]) == 1
    assert "[E200]" in capsys.readouterr().err


@pytest.mark.slow
def test_readme_command_writes_the_seed_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    """The README's main command, with the real model and the shipped relation head."""
    monkeypatch.chdir(SEED.parents[1])
    out = tmp_path / "report.html"
    assert main(["report", "fixtures/opcw_seed.txt", "-o", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert "OPCW" in html and "Russia" in html and "<script" not in html
    assert "wrote" in capsys.readouterr().err
    assert main(["report", "fixtures/opcw_seed.txt", "--format", "json", "-q"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["settings"]["model"] == "sentence-transformers/all-MiniLM-L6-v2"
    assert data["settings"]["compared_sides"] == ["OPCW", "Russia"]
    assert main(["report", "fixtures/opcw_seed.txt", "--format", "md", "-q"]) == 0
    assert capsys.readouterr().out.startswith("# claimcmp report: OPCW vs Russia")


def test_rerun_reuses_the_stored_analysis_and_fresh_recomputes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    """Real model: the second run loads the stored analysis; --fresh computes again, same JSON."""
    import logging

    monkeypatch.chdir(SEED.parents[1])
    cache = tmp_path / "cache"
    args = ["report", "fixtures/opcw_seed.txt", "--format", "json", "-q", "--cache-dir", str(cache)]
    with caplog.at_level(logging.INFO, logger="claimcmp.analysis._store"):
        assert main(args) == 0
        first = capsys.readouterr().out
        assert "reused stored analysis" not in caplog.text
        assert main(args) == 0
        assert "reused stored analysis" in caplog.text
        caplog.clear()
        assert main([*args, "--fresh"]) == 0
        assert "reused stored analysis" not in caplog.text
    second, third = capsys.readouterr().out.split("\n{")
    assert first.strip() == second.strip() == ("{" + third).strip()
    assert len(list((cache / "analyses").glob("*.json.gz"))) == 1


def test_side_pairs_chooses_which_pairs_of_a_three_party_meeting_are_compared(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Real model: by default a meeting of three parties gets its three pairs; --side-pairs largest and --pair
    keep one; the stored analysis of one setting is never served for the other."""
    monkeypatch.chdir(SEED.parents[1])
    release = "fixtures/multiparty/br-ar-cl-foreign-ministers-2024-06-12.txt"
    base = ["report", release, "--format", "json", "-q", "--cache-dir", str(tmp_path / "cache")]
    runs = {}
    for name, extra in {"default": [], "largest": ["--side-pairs", "largest"], "pair": ["--pair", "Chile", "Brazil"],
                        "pair+together": ["--pair", "Chile", "Brazil", "--side-pairs", "together"]}.items():
        assert main([*base, *extra]) == 0
        runs[name] = json.loads(capsys.readouterr().out)["settings"]["compared_pairs"]
    assert runs["default"] == [["Argentina", "Brazil"], ["Argentina", "Chile"], ["Brazil", "Chile"]]
    assert runs["largest"] == [["Argentina", "Brazil"]]
    assert runs["pair"] == [["Chile", "Brazil"]]
    assert runs["pair+together"] == [["Chile", "Brazil"], ["Argentina", "Brazil"], ["Argentina", "Chile"]]
    with pytest.raises(SystemExit):
        main([*base, "--side-pairs", "every"])
    assert "invalid choice" in capsys.readouterr().err
