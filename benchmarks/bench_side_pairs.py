"""What comparing more than the main pair of sides costs and adds: ``analyze(side_pairs=...)`` on a real series.

Input: every White House "statements and releases" month of ``../shared/datasets/wh_readouts`` (the series
``bench_themes.py`` reads), read as one series with the sides inferred. Each mode of ``side_pairs`` runs on the
same releases with the embedding cache filled by a first, untimed run and without a stored analysis
(``reuse=False``), so the timings hold extraction, topics, themes and comparison, not the model:

- ``largest``: the two sides with most statements only (what ``analyze()`` compared before ``side_pairs``);
- ``together`` (the default): plus every other pair of sides that speak in one release, within those releases.

Printed and recorded (``results/side_pairs.json``): seconds, pairs compared, agreements, counter-claims and
one-sided topics per mode, one run each on the same machine.

Then the real gold: every scored document of ``benchmarks/gold_real`` in which more than two sides speak, through
the whole pipeline (``analyze()`` on the document, extracted statements, default settings) in each mode; a
reported agreement counts as correct when the gold statements its two ends overlap most are linked in the gold
(``benchmarks/real_meetings.py`` reads the gold; unscored splits are never read).

Run from the repository root: ``python benchmarks/bench_side_pairs.py [--months N]``.
"""

from __future__ import annotations

import argparse
import time
from typing import Any

from _harness import DATASETS, md_table, record
from bench_gold_real import SPLITS, unscored_splits
from real_meetings import GOLD_REAL, document_of, load_units

from claimcmp.analysis import analyze
from claimcmp.ingest import load_releases

SERIES = DATASETS / "wh_readouts" / "statements-releases"
MODES = ("largest", "together")


def run(months: int | None) -> dict[str, Any]:
    """The figures of each mode on the first ``months`` months (all by default)."""
    folders = sorted(p for p in SERIES.iterdir() if p.is_dir())[:months]
    analyze(folders, reuse=False, side_pairs="largest", on_error="skip")  # fills the embedding cache
    out: dict[str, Any] = {"months": len(folders), "modes": {}}
    keys: dict[str, list[tuple[str, str, str]]] = {}
    for mode in MODES:
        start = time.perf_counter()
        analysis = analyze(folders, reuse=False, side_pairs=mode, on_error="skip")
        seconds = time.perf_counter() - start
        pairs = analysis.settings.compared_pairs
        keys[mode] = [(r.relation, r.evidence.a.id, r.evidence.b.id) for r in analysis.relations]
        out["statements"] = len(analysis.statements)
        out["modes"][mode] = {
            "seconds": round(seconds, 1),
            "pairs": len(pairs),
            "main_pair": list(pairs[0]) if pairs else None,
            "agreements": len(analysis.agreements),
            "counter_claims": len(analysis.counter_claims),
            "relations": len(analysis.relations),
            "one_sided_topics": len(analysis.one_sided_topics),
        }
        print(mode, out["modes"][mode], flush=True)
    # the main pair reads the same in every mode: its relations are all kept, the others only add
    out["main_pair_relations_kept"] = set(keys["largest"]) <= set(keys["together"])
    return out


def _gold_of(spans: list[tuple[int, int]], start: int, end: int) -> int | None:
    """The gold statement a span overlaps most (None: none)."""
    overlaps = [min(end, e) - max(start, s) for s, e in spans]
    best = max(range(len(spans)), key=lambda k: overlaps[k], default=None)
    return best if best is not None and overlaps[best] > 0 else None


def gold_documents() -> dict[str, Any]:
    """Agreements found end to end on the scored gold documents where more than two sides speak, per mode."""
    scored = [split for split in SPLITS if split not in unscored_splits()]
    by_document: dict[str, list[Any]] = {}
    for unit in load_units(scored, pairs=False):
        by_document.setdefault(document_of(unit.name), []).append(unit)
    out: dict[str, Any] = {}
    for name, units in sorted(by_document.items()):
        if len(units) < 2:
            continue
        path = GOLD_REAL / "docs" / f"{name}.txt"
        text = load_releases(path)[0].text
        statements = units[0].statements
        spans = [(text.index(st.text), text.index(st.text) + len(st.text)) for st in statements]
        gold = {frozenset(pair) for unit in units for pair, label in unit.gold.items() if label == "agreement"}
        row: dict[str, Any] = {"split": units[0].split, "sides": len({side for u in units for side in u.sides}),
                               "gold_agreements": len(gold)}
        for mode in MODES:
            analysis = analyze(path, reuse=False, side_pairs=mode)
            hits = [frozenset((_gold_of(spans, r.evidence.a.start or 0, r.evidence.a.end or 0),
                               _gold_of(spans, r.evidence.b.start or 0, r.evidence.b.end or 0)))
                    for r in analysis.agreements]
            row[mode] = {"pairs": len(analysis.settings.compared_pairs), "reported": len(hits),
                         "correct": sum(h in gold for h in hits), "found": len(gold & set(hits))}
        out[name] = row
        print(name, row, flush=True)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--months", type=int, default=None, help="only the first N months")
    args = parser.parse_args()
    figures = run(args.months)
    figures["gold"] = gold_documents()
    rows = [[mode, f["seconds"], f["pairs"], f["agreements"], f["counter_claims"], f["one_sided_topics"]]
            for mode, f in figures["modes"].items()]
    md = (f"White House statements and releases, {figures['months']} months, {figures['statements']} statements, "
          "sides inferred; embedding cache warm, no stored analysis; one run per mode.\n\n"
          + md_table(["side_pairs", "seconds", "pairs", "agreements", "counter-claims", "one-sided topics"], rows)
          + f"\n\nEvery relation of the main pair with `largest` is also reported with `together`: "
          f"{figures['main_pair_relations_kept']}.\n\n"
          "Real gold documents (scored splits) in which more than two sides speak, whole pipeline, agreements:\n\n"
          + md_table(["document", "split", "sides", "gold agreements", "side_pairs", "pairs", "reported", "correct",
                      "gold found"],
                     [[name[:60], g["split"], g["sides"], g["gold_agreements"], mode, g[mode]["pairs"],
                       g[mode]["reported"], g[mode]["correct"], g[mode]["found"]]
                      for name, g in figures["gold"].items() for mode in MODES]))
    print(md)
    record("side_pairs", "Pairs of sides compared (analyze side_pairs)", md, figures, order=47)


if __name__ == "__main__":
    main()
