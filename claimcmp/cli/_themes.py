"""``claimcmp themes``: recurring themes and repeated claims over a series of releases."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from ._common import (
    add_input_options,
    add_period_option,
    add_runtime_options,
    add_sides_option,
    load_inputs,
    make_embedder,
    subcommand,
)

EXAMPLES = """  claimcmp themes fixtures/series/ --side-from issuer
  claimcmp themes readouts/ --period quarter --top 15 --claims 10
  claimcmp themes releases/ --side-map parties.yaml --format json -o themes.json
  claimcmp themes new_release.txt --tracker state.json     # update a saved tracker
  claimcmp themes releases/ --format csv -o timeline.csv   # side x period x theme rows"""


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser = subcommand(
        subparsers,
        "themes",
        help="recurring themes per side over time, and repeated claims",
        description="Track themes over a series of releases: when each theme appears and fades, which side "
        "raises it in which period, its trend (emerging, recurring, fading, one-off), and claims repeated "
        "word for word or in paraphrase, with stable ids.",
        examples=EXAMPLES,
    )
    add_input_options(parser)
    add_sides_option(parser)
    parser.add_argument(
        "--side-from",
        choices=["statement", "issuer"],
        default="statement",
        help="side of each statement: as extracted (statement, default) or the release's issuer (issuer)",
    )
    parser.add_argument(
        "--side-map",
        metavar="FILE",
        default=None,
        help="YAML or JSON mapping of release id or issuer to side (overrides --side-from)",
    )
    add_period_option(parser)
    parser.add_argument("--claim-threshold", type=float, default=0.85, help="similarity of a repeated claim (0.85)")
    parser.add_argument("--top", type=int, default=10, help="themes shown in the table (10)")
    parser.add_argument("--claims", type=int, default=5, help="repeated claims shown in the table (5)")
    parser.add_argument(
        "--format", choices=["table", "json", "csv"], default="table", help="table (default), json (everything) "
        "or csv (timeline rows)"
    )
    parser.add_argument("-o", "--output", default=None, help="write to this file instead of stdout")
    parser.add_argument(
        "--tracker",
        metavar="FILE",
        default=None,
        help="tracker state (JSON): updated with the releases if it exists, written back after",
    )
    add_runtime_options(parser)
    parser.set_defaults(func=run)
    return parser


def _side_of(args: argparse.Namespace) -> Any:
    if args.side_map:
        from ..errors import SidesFileError

        path = Path(args.side_map)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise SidesFileError(f"Cannot read the side map {path}: {exc}.", fix="Check the path.") from exc
        import yaml

        data = yaml.safe_load(text)
        if not isinstance(data, dict):
            raise SidesFileError(
                f"The side map {path} is not a mapping.", fix="Write one 'release id or issuer: side' per line."
            )
        return {str(k): str(v) for k, v in data.items()}
    if args.side_from == "issuer":
        return lambda release: release.issuer
    return None


def run(args: argparse.Namespace) -> int:
    releases = load_inputs(args)
    from ..themes import ThemeTracker, timeline_table

    embedder = make_embedder(args)
    side_of = _side_of(args)
    state = Path(args.tracker) if args.tracker else None
    if state is not None and state.exists():
        saved = json.loads(state.read_text(encoding="utf-8"))
        tracker = ThemeTracker.from_dict(saved, embedder=embedder, side_of=side_of)
        tracker.sides = args.sides
        tracker.partial_fit(releases)
    else:
        tracker = ThemeTracker(
            embedder=embedder,
            sides=args.sides,
            side_of=side_of,
            period=args.period,
            claim_threshold=args.claim_threshold,
        ).fit(releases)
    if state is not None:
        state.write_text(json.dumps(tracker.to_dict()), encoding="utf-8")
    series = tracker.result(args.period)
    if args.format == "json":
        text = json.dumps(series.to_dict(), indent=2, ensure_ascii=False) + "\n"
    elif args.format == "csv":
        text = tracker.to_dataframe("timeline", args.period).to_csv(index=False)
    else:
        text = _table(series, args.top, args.claims, timeline_table)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def _table(series: Any, top: int, n_claims: int, timeline_table: Any) -> str:
    lines = [
        f"releases: {series.n_releases}  statements: {series.n_statements}  "
        f"span: {series.first_date} .. {series.last_date}  period: {series.period}  themes: {len(series.themes)}  "
        f"repeated claims: {len(series.claims)}",
        "",
        "THEMES (most releases first)",
    ]
    for theme in series.themes[:top]:
        sides = ", ".join(f"{s} {n}" for s, n in theme.side_totals.items())
        lines.append(
            f"  [{theme.id}] {theme.label}  ({theme.trend}; {len(theme.release_ids)} releases, "
            f"{theme.first_seen} .. {theme.last_seen}; {sides})"
        )
        lines.append(f"       keywords: {', '.join(theme.keywords[:6])}")
    lines += ["", "TIMELINE (statements per theme, side and period)", timeline_table(series, top=top), ""]
    lines.append("REPEATED CLAIMS")
    for claim in series.claims[:n_claims]:
        lines.append(f"  {claim.id}  {len(claim.release_ids)} releases, first {claim.first.date}: {claim.text[:100]}")
        for occ in claim.occurrences[:6]:
            lines.append(f"       {occ.date}  {occ.side or '-'}  {occ.release_id}  (sim {occ.similarity:.2f})")
    return "\n".join(lines) + "\n"
