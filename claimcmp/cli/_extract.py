"""``claimcmp extract``: the statements of releases, as JSON or a table."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ._common import add_input_options, add_sides_option, load_inputs, subcommand

EXAMPLES = """  claimcmp extract fixtures/opcw_seed.txt
  claimcmp extract releases/ --format json --skipped > statements.json
  claimcmp extract readouts/ --sides fixtures/sides/opcw_seed.yaml --format table"""


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser = subcommand(
        subparsers,
        "extract",
        help="extract statements attributed to speakers and sides",
        description="Split releases into statements (direct quotes, reported speech, joint lines, "
        "narration), each attributed to a speaker and a side.",
        examples=EXAMPLES,
    )
    add_input_options(parser)
    add_sides_option(parser)
    parser.add_argument("--format", choices=["table", "json"], default="table", help="output format (default: table)")
    parser.add_argument("--skipped", action="store_true", help="also list the spans skipped as no statement")
    parser.add_argument("-q", "--quiet", action="store_true", help="no info messages")
    parser.set_defaults(func=run)
    return parser


def _cell(value: Any, width: int) -> str:
    text = " ".join(str("-" if value is None else value).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def run(args: argparse.Namespace) -> int:
    from ..extract import extract, load_sides

    releases = load_inputs(args)
    sides = load_sides(args.sides)
    results = [extract(release, sides) for release in releases]
    out = sys.stdout
    if args.format == "json":
        payload = []
        for result in results:
            item: dict[str, Any] = {
                "release_id": result.release_id, "statements": [s.to_dict() for s in result.statements]
            }
            if args.skipped:
                item["skipped"] = [k.to_dict() for k in result.skipped]
            payload.append(item)
        json.dump(payload, out, indent=2, ensure_ascii=False)
        out.write("\n")
        return 0
    for result in results:
        out.write(f"# {result.release_id}\n")
        out.write(f"{'span':>11}  {'kind':<12}  {'side':<14}  {'speaker':<24}  text\n")
        for s in result.statements:
            out.write(
                f"{s.start:>5}-{s.end:<5}  {s.kind.value:<12}  {_cell(s.side, 14):<14}  "
                f"{_cell(s.speaker, 24):<24}  {_cell(s.text, 80)}\n"
            )
        if args.skipped:
            for k in result.skipped:
                out.write(f"{k.start:>5}-{k.end:<5}  skipped:{k.reason:<12}  {_cell(k.text, 60)}\n")
        out.write("\n")
    return 0
