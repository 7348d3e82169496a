"""The command-line skeleton: version, help, exit codes, light start-up."""

from __future__ import annotations

import subprocess
import sys

import pytest

from claimcmp import __version__
from claimcmp.cli import main

from ..conftest import python_output


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.strip() == f"claimcmp {__version__}"


def test_help_lists_commands_and_examples(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert "embed" in out and "examples:" in out


def test_no_command_prints_help_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "usage:" in capsys.readouterr().out


def test_unknown_option_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--no-such-option"])
    assert info.value.code == 2


def test_analysis_error_is_one_line_with_fix_and_exit_1(capsys: pytest.CaptureFixture[str], tmp_path) -> None:
    missing = tmp_path / "missing.txt"
    assert main(["embed", str(missing), "--quiet"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0
    assert str(missing) in err and "Fix:" in err


def test_help_does_not_import_torch() -> None:
    code = (
        "import sys, contextlib, io\n"
        "from claimcmp.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try: main(['--help'])\n"
        "    except SystemExit: pass\n"
        "print(any(m in sys.modules for m in ('torch', 'sentence_transformers')))"
    )
    assert python_output(code) == "False"


def test_module_entry_point_runs() -> None:
    out = subprocess.run([sys.executable, "-m", "claimcmp", "--version"], capture_output=True, text=True)
    assert out.returncode == 0 and __version__ in out.stdout


def test_period_choices_are_the_theme_periods() -> None:
    from claimcmp.cli import build_parser
    from claimcmp.themes import PERIODS

    parser = build_parser()
    for command in ("themes", "report"):
        args = parser.parse_args([command, "x.txt", "--period", "quarter"])
        assert args.period == "quarter"
    action = next(
        a for sub in parser._subparsers._group_actions for name, p in sub.choices.items() if name == "report"
        for a in p._actions if a.dest == "period"
    )
    assert list(action.choices) == ["auto", *PERIODS]


def test_report_into_a_missing_folder_is_a_named_error_before_any_work(
    capsys: pytest.CaptureFixture[str], tmp_path
) -> None:
    from claimcmp.errors import OutputPathError

    target = tmp_path / "no" / "such" / "dir" / "r.html"
    assert main(["report", "fixtures/opcw_seed.txt", "-o", str(target), "--quiet"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0
    assert OutputPathError.code in err and str(target.parent) in err and "mkdir -p" in err
    assert not target.parent.exists()
