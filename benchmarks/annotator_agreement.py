"""How far two annotators agree on the cross-side relations of real meetings, next to the comparers.

Fourteen dev units of ``benchmarks/gold_real`` (every two-sided dev document whose sides have at least three
gold statements each and at most 600 cross pairs) were labelled a second time by an annotator who saw only the
gold statements (text, speaker, side), never the first annotation, and followed the same guide
(``../shared/datasets/real_readouts/ANNOTATION.md``): ``gold_real/second_annotator/relations.json``.

Printed and recorded (``results/annotator_agreement.json``): the second annotation scored against the first
(precision, recall, F1 per relation), and the rule comparer and the learned comparer scored against each
annotation on the same units. The learned comparer was trained on these dev units: its row is in-sample.

The same for the untouched splits ``test10`` and ``test11`` (their 13 two-sided transcripts; the pairs of two
documents were not labelled twice): ``gold_real/second_annotator/relations_test10_test11.json``, labelled by a
second annotator from the gold statements alone after the first annotation was committed, and before claimcmp
read either split. There the comparers are the shipped default (``comparer="combined"``) and its two parts,
none trained on these units; they are run only once both splits' first scores have been taken.

Run from the repository root: ``python benchmarks/annotator_agreement.py``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from _harness import md_table, record
from real_meetings import LABELS, Unit, compare_unit, load_units

from claimcmp.embed import Embedder

SECOND = Path(__file__).resolve().parent / "gold_real" / "second_annotator" / "relations.json"
SECOND_UNTOUCHED = SECOND.with_name("relations_test10_test11.json")
UNTOUCHED = ("test10", "test11")
Pairs = dict[tuple[str, int, int], str]


def second_annotation(path: Path = SECOND, units: Sequence[Unit] = ()) -> Pairs:
    """(unit, side-A index, side-B index) -> relation, as the second annotator labelled them.

    With ``units``, each pair is put in the unit's side order (the file may list either end first) and pairs
    outside the unit's two sides are left out.
    """
    rows = json.loads(path.read_text(encoding="utf-8"))
    by_name = {u.name: u for u in units}
    out: Pairs = {}
    for r in rows:
        i, j = int(r["a"]), int(r["b"])
        unit = by_name.get(r["unit"])
        if unit is not None:
            if i in unit.side_b:
                i, j = j, i
            if i not in unit.side_a or j not in unit.side_b:
                continue
        out[(r["unit"], i, j)] = r["relation"]
    return out


def agreement(reference: Pairs, other: Pairs) -> dict[str, Any]:
    """Precision, recall and F1 of ``other`` against ``reference``, per relation."""
    out: dict[str, Any] = {}
    for label in LABELS:
        ref = {k for k, v in reference.items() if v == label}
        got = {k for k, v in other.items() if v == label}
        both = len(ref & got)
        out[label] = {"reference": len(ref), "other": len(got), "both": both,
                      "precision": round(both / len(got), 3) if got else None,
                      "recall": round(both / len(ref), 3) if ref else None,
                      "f1": round(2 * both / (len(ref) + len(got)), 3) if ref or got else None}
    return out


def untouched_figures(embedder: Embedder) -> tuple[list[str], dict[str, Any]]:
    """Both annotations and the shipped comparers on the two-sided transcripts of ``test10`` and ``test11``."""
    from bench_gold_real import refuse_unscored

    refuse_unscored(UNTOUCHED)
    units = [u for u in load_units(UNTOUCHED) if not u.name.startswith("pair:")]
    second = second_annotation(SECOND_UNTOUCHED, units)
    first: Pairs = {(u.name, i, j): label for u in units for (i, j), label in u.gold.items()}
    figures: dict[str, Any] = {"second annotator (first annotator)": agreement(first, second)}
    for name, options in (("default, combined", {}), ("rule comparer", {"comparer": "rules"}),
                          ("learned comparer", {"comparer": "learned"})):
        pairs = {(u.name, i, j): label for u in units
                 for (i, j), label in compare_unit(u, embedder, **options)[0].items()}
        figures[f"{name} (first annotator)"] = agreement(first, pairs)
        figures[f"{name} (second annotator)"] = agreement(second, pairs)
    return [u.name for u in units], figures


def rows_of(figures: dict[str, Any]) -> list[list[Any]]:
    return [[key, f["agreement"]["both"], f["agreement"]["other"], f["agreement"]["reference"],
             f["agreement"]["precision"], f["agreement"]["recall"], f["agreement"]["f1"]]
            for key, f in figures.items() if key != "units"]


HEADER = ["compared (reference)", "labelled by both", "labelled by the compared", "labelled by the reference",
          "precision", "recall", "F1"]


def main() -> int:
    second = second_annotation()
    names = {unit for unit, _, _ in second} | {
        u.name for u in load_units(("dev",)) if min(len(u.side_a), len(u.side_b)) >= 3
        and len(u.side_a) * len(u.side_b) <= 600}
    units = [u for u in load_units(("dev",)) if u.name in names]
    first: Pairs = {(u.name, i, j): label for u in units for (i, j), label in u.gold.items()}
    embedder = Embedder()
    predicted: dict[str, Pairs] = {}
    for name, options in (("rule comparer", {"comparer": "rules"}),
                          ("learned comparer (in-sample)", {"comparer": "learned"})):
        predicted[name] = {(u.name, i, j): label for u in units
                           for (i, j), label in compare_unit(u, embedder, **options)[0].items()}
    figures: dict[str, Any] = {"units": [u.name for u in units],
                               "second annotator (first annotator)": agreement(first, second)}
    for name, pairs in predicted.items():
        figures[f"{name} (first annotator)"] = agreement(first, pairs)
        figures[f"{name} (second annotator)"] = agreement(second, pairs)
    rows = rows_of(figures)
    untouched_units, untouched = untouched_figures(embedder)
    figures["untouched"] = {"units": untouched_units, **untouched}
    md = "\n\n".join([
        f"{len(units)} two-sided dev units of `benchmarks/gold_real`, labelled a second time blind "
        "(`gold_real/second_annotator/relations.json`; the second annotator saw the gold statements only). "
        "Agreements (neither annotator found a counter-claim in these units); the learned comparer was trained "
        "on these units, so its rows are in-sample.",
        md_table(HEADER, rows),
        f"The {len(untouched_units)} two-sided transcripts of the untouched splits test10 and test11, labelled a "
        "second time blind (`gold_real/second_annotator/relations_test10_test11.json`); the comparers were never "
        "trained on them.",
        md_table(HEADER, rows_of(untouched)),
    ])
    print(md)
    record("annotator_agreement", "Relations: agreement between two annotators", md, figures, order=62)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
