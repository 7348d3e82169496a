"""Whole meetings: counter-claims and agreements between two sides' own readouts.

Each folder of ``fixtures/meetings/`` holds one meeting as two readouts, one
issued by each side, a ``sides.yaml`` and a ``gold.json`` listing every
cross-side pair a careful reader calls a counter-claim or an agreement. The
readouts and their gold were written blind (by writers who had seen neither
the classifier nor the other gold sets), in the genre of government and
international-organisation readouts.

The pipeline runs as a user runs it: load both releases, extract statements
with the sides file, ``compare_sides`` over all of them. Every relation it
reports is scored, so precision here carries the real base rate: a few
counter-claims among all the candidate pairs of two whole releases. The
isolated gold pairs of ``bench_relations.py`` are balanced and cannot show
that.

Settings: the default (shipped cross-encoder with the head, bar 0.75 for a
counter-claim no cue supports, one partner per statement and relation), the
recall mode (bar 0.5), the head alone, and every labelled pair
(``one_to_one=False``).

Run: ``python benchmarks/bench_meetings.py [--split dev|test|all] [--errors]``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from _harness import ROOT, md_table, record, timed

from claimcmp.compare import compare_sides
from claimcmp.compare._evaluate import load_gold_meeting, pooled, score_meeting
from claimcmp.embed import Embedder
from claimcmp.extract import extract, load_sides

MEETINGS = ROOT / "fixtures" / "meetings"
SETTINGS: dict[str, dict[str, Any]] = {
    "default": {},
    "recall mode (bar 0.5)": {"min_uncued_counter_claim": 0.5},
    "head only": {"cross_encoder": None},
    "every labelled pair (one_to_one=False)": {"one_to_one": False},
}


def meeting_folders(split: str) -> list[Path]:
    """The meeting folders of a split (``split`` in each gold.json; "all": every one)."""
    folders = sorted(p.parent for p in MEETINGS.glob("*/gold.json"))
    if split == "all":
        return folders
    return [f for f in folders if json.loads((f / "gold.json").read_text(encoding="utf-8")).get("split") == split]


def run_meeting(folder: Path, embedder: Embedder, **options: Any) -> dict[str, Any]:
    """Extract, compare and score one meeting, as the CLI does (sides file, its aliases, each release's issuer)."""
    gold = load_gold_meeting(folder)
    sides = load_sides(gold.sides_path)
    extractions = [extract(r, sides=sides) for r in gold.releases]
    statements = [s for x in extractions for s in x.statements]
    result = compare_sides(
        statements, gold.sides, embedder=embedder, side_aliases=sides.aliases,
        release_sides={x.release_id: x.issuer_side for x in extractions}, **options,
    )
    return score_meeting(result, gold)


def _fmt(x: float | None) -> str:
    return "-" if x is None else f"{x:.2f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="all", choices=["dev", "test", "all"],
                        help="dev: the meetings the rules were tuned on; test: held out; all: both, reported apart")
    parser.add_argument("--errors", action="store_true", help="print the missed and the false relations")
    parser.add_argument("--no-record", action="store_true", help="print only; do not write results")
    parser.add_argument("--setting", choices=sorted(SETTINGS), action="append", help="run only these settings")
    args = parser.parse_args(argv)
    splits = ["dev", "test"] if args.split == "all" else [args.split]
    embedder = Embedder()
    figures: dict[str, Any] = {"splits": {}}
    rows = []
    for split in splits:
        folders = meeting_folders(split)
        if not folders:
            print(f"no meetings for split {split!r} under {MEETINGS}", file=sys.stderr)
            return 1
        figures["splits"][split] = {"meetings": [f.name for f in folders], "settings": {}}
        for name, options in SETTINGS.items():
            if args.setting and name not in args.setting:
                continue
            with timed() as t:
                scores = [run_meeting(f, embedder, **options) for f in folders]
            cc, ag = pooled(scores, "counter_claim"), pooled(scores, "agreement")
            figures["splits"][split]["settings"][name] = {
                "counter_claim": cc, "agreement": ag, "seconds": round(t["s"], 2),
                "per_meeting": {s["meeting"]: {k: s[k] for k in ("counter_claim", "agreement")} for s in scores},
            }
            rows.append([f"{split} ({len(folders)})", name, f"{cc['found']}/{cc['gold']}", _fmt(cc["recall"]),
                         f"{cc['correct']}/{cc['predicted']}", _fmt(cc["precision"]), _fmt(ag["recall"]),
                         _fmt(ag["precision"])])
            print(split, name, "counter_claim", cc, "agreement", ag, flush=True)
            if args.errors:
                for s in scores:
                    for item in s["missed"] + s["false"]:
                        kind = "MISSED" if item in s["missed"] else "FALSE"
                        print(f"  [{s['meeting']}] {kind} {item}")
    md = "\n\n".join([
        "Meetings of `fixtures/meetings/`, two readouts each (one issued by each side), every relation "
        "`compare_sides` reports scored against gold written blind (scorer `claimcmp.compare._evaluate`). "
        "dev: the meetings the side rules were tuned on; test: held out, scored once.",
        md_table(["split (meetings)", "setting", "counter-claims found", "recall", "reported correct", "precision",
                  "agreement recall", "agreement precision"], rows),
        "History (counter-claims precision / recall; agreements precision / recall). Seven held-out sets were"
        " each written blind, scored once, then used for tuning; each first score below was taken before any "
        "change made after looking at that set. Six meetings, first scored at 47c392b: 0.57 / 0.28 and 0.42 /"
        " 0.55 (at 8539ac5, before this work: 0.32 / 0.31 and 0.09 / 0.15). Four meetings, first scored at "
        "4345b16: 0.80 / 0.42 and 0.67 / 0.62 (at 8539ac5: 0.21 / 0.37 and 0.13 / 0.31). The test split "
        "above, four meetings written after 90ee968 and first scored at 2f586a8: 0.75 / 0.45 and 0.91 / 0.71 "
        "(at 8539ac5: 0.28 / 0.35 and 0.24 / 0.29). A fourth set of six meetings (held-out set 4, written in "
        "each ministry's house style), first scored at b5c0cf3: 0.80 / 0.31 and 0.68 / 0.74, the same as at "
        "24a0375, before that day's changes; it then joined dev. A fifth set of six, written after those changes, "
        "first scored at 889c267: 0.80 / 0.29 and 0.86 / 0.82, worse than at 24a0375 (0.85 / 0.39 and 0.89 / 0.77): "
        "a fix for titles shared by two sides had sent the IAEA's statements to Russia; fixed, then it joined "
        "dev. A sixth set of six (two of them in the impersonal, passive house style of the Russian and "
        "Belarusian ministries), first scored at ef5fab6: 0.50 / 0.28 and 0.83 / 0.75, its precision the lowest "
        "since the first set; the extraction fixes its errors showed (the impersonal voice, passive verbs of "
        "telling, initials glued to a surname) left it at 0.47 / 0.28 and 0.83 / 0.75, then it joined dev. "
        "A seventh set of six, first scored at 402af48: 0.44 / 0.24 and 0.81 / 0.65, the same as at ef5fab6 "
        "(that day's changes neither helped nor hurt it); Iraq's readout had gone to Turkey (\"The Deputy Prime "
        "Minister and Minister of Foreign Affairs, Dr. ...\" split in two, and a bare \"His Excellency\" went to "
        "the last speaker); after the fixes 0.53 / 0.31 and 0.82 / 0.70, then it joined dev. "
        "The first six dev meetings, at 8539ac5: 0.26 / 0.31 and "
        "0.00 / 0.00 (joint outcomes of the two readouts were never compared; a White House readout's \"The "
        "President\" was read as the Chinese President).",
        "Targets for real two-sided readouts: counter-claim recall >= 70 %, precision >= 80 %.",
    ])
    if args.no_record:
        print(md)
    else:
        record("meetings", "Relations in whole meetings: two sides' own readouts", md, figures, order=51)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
