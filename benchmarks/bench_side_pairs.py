"""What comparing more than the main pair of sides costs and adds: ``analyze(side_pairs=...)`` on a real series.

Input: every White House "statements and releases" month of ``../shared/datasets/wh_readouts`` (the series
``bench_themes.py`` reads), read as one series with the sides inferred. Each mode of ``side_pairs`` runs on the
same releases with the embedding cache filled by a first, untimed run and without a stored analysis
(``reuse=False``), so the timings hold extraction, topics, themes and comparison, not the model:

- ``largest``: the two sides with most statements only (what ``analyze()`` compared before ``side_pairs``);
- ``together`` (the default): plus every other pair of sides that speak in one release, within those releases.

Printed and recorded (``results/side_pairs.json``): seconds, pairs compared, agreements, counter-claims and
one-sided topics per mode, one run each on the same machine.

Run from the repository root: ``python benchmarks/bench_side_pairs.py [--months N]``.
"""

from __future__ import annotations

import argparse
import time
from typing import Any

from _harness import DATASETS, md_table, record

from claimcmp.analysis import analyze

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--months", type=int, default=None, help="only the first N months")
    args = parser.parse_args()
    figures = run(args.months)
    rows = [[mode, f["seconds"], f["pairs"], f["agreements"], f["counter_claims"], f["one_sided_topics"]]
            for mode, f in figures["modes"].items()]
    md = (f"White House statements and releases, {figures['months']} months, {figures['statements']} statements, "
          "sides inferred; embedding cache warm, no stored analysis; one run per mode.\n\n"
          + md_table(["side_pairs", "seconds", "pairs", "agreements", "counter-claims", "one-sided topics"], rows)
          + f"\n\nEvery relation of the main pair with `largest` is also reported with `together`: "
          f"{figures['main_pair_relations_kept']}.")
    print(md)
    record("side_pairs", "Pairs of sides compared (analyze side_pairs)", md, figures, order=47)


if __name__ == "__main__":
    main()
