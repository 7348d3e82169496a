"""``claimcmp report``: the whole pipeline, written as HTML, Markdown or JSON."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ._common import (
    add_input_options,
    add_pair_option,
    add_period_option,
    add_runtime_options,
    add_sides_option,
    subcommand,
)

EXAMPLES = """  claimcmp report fixtures/opcw_seed.txt -o report.html
  claimcmp report readouts/ --sides sides.yaml -o report.md
  claimcmp report readouts/ --sides sides.yaml --pair US China --format json -o report.json
  claimcmp report readouts/ --format md | less"""

#: ``analyze(side_pairs=...)``'s modes (``claimcmp.analysis.SIDE_PAIR_MODES``; not imported, so --help stays fast).
SIDE_PAIR_CHOICES = ("together", "largest", "all")

_SUFFIXES = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md", ".json": "json"}


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser = subcommand(
        subparsers,
        "report",
        help="run the whole analysis and write an HTML, Markdown or JSON report",
        description="Read releases, extract statements, embed them, find topics, compare two sides "
        "(agreements, counter-claims, one-sided topics) and track themes, then write one report. "
        "The format follows the -o file's extension (.html, .md, .json) unless --format is given; "
        "without -o the report goes to stdout (Markdown by default).",
        examples=EXAMPLES,
    )
    add_input_options(parser)
    add_sides_option(parser)
    add_pair_option(parser)
    parser.add_argument(
        "--side-pairs", choices=SIDE_PAIR_CHOICES, default=None,
        help="which pairs of sides to compare besides the main one: together (every pair that speaks in one "
        "release: all three pairs of a trilateral meeting), largest (the main pair only) or all "
        "(default: largest with --pair, else together)",
    )
    parser.add_argument("--format", choices=["html", "md", "json"], default=None, help="report format")
    parser.add_argument("-o", "--output", metavar="OUT", default=None, help="write the report to OUT")
    add_period_option(parser)
    parser.add_argument(
        "--fresh", action="store_true",
        help="recompute even when an earlier run on the same input and settings was stored "
        "(it is reused by default; embeddings still come from the cache)",
    )
    add_runtime_options(parser)
    parser.set_defaults(func=run)
    return parser


def _format(args: argparse.Namespace) -> str:
    if args.format:
        return str(args.format)
    if args.output:
        suffix = Path(args.output).suffix.lower()
        if suffix not in _SUFFIXES:
            from ..errors import ConfigurationError

            raise ConfigurationError(
                f"Cannot tell the report format from the file name {args.output!r}.",
                fix="Name the output .html, .md or .json, or pass --format html|md|json.",
            )
        return _SUFFIXES[suffix]
    return "md"


def _check_output(path: Path) -> None:
    """Fail before the analysis when the report could not be written to ``path``."""
    from ..errors import ConfigurationError, OutputPathError

    if path.is_dir():
        raise ConfigurationError(f"{path} is a folder.", fix="Pass a file name, e.g. -o report.html.")
    folder = path.parent
    if not folder.is_dir():
        raise OutputPathError(
            f"Cannot write the report to {path}: the folder {folder} does not exist.",
            fix=f"Create it first (mkdir -p {folder}) or pass -o with an existing folder.",
        )


def _write(path: Path, text: str) -> None:
    from ..errors import OutputPathError

    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise OutputPathError(
            f"Cannot write the report to {path}: {exc.strerror or exc}.",
            fix="Pass -o with a path in a folder you can write to.",
        ) from exc


def run(args: argparse.Namespace) -> int:
    from ..analysis import analyze

    fmt = _format(args)
    if args.output:
        _check_output(Path(args.output))
    analysis = analyze(
        args.paths,
        sides=args.sides,
        pair=args.pair,
        side_pairs=args.side_pairs,
        model=args.model,
        backend=args.backend,
        cache_dir=args.cache_dir,
        theme_options={"period": args.period},
        on_error=args.on_error,
        show_progress=not args.quiet,
        reuse=not args.fresh,
    )
    text = {"html": analysis.to_html, "md": analysis.to_markdown, "json": analysis.to_json}[fmt]()
    if args.output:
        _write(Path(args.output), text)
        if not args.quiet:
            summary = (
                f"{len(analysis.releases)} releases, {len(analysis.statements)} statements, "
                f"{len(analysis.agreements)} agreements, {len(analysis.counter_claims)} counter-claims"
            )
            print(f"claimcmp: wrote {args.output} ({summary})", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0
