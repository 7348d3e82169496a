"""How far two annotators agree on the cross-side relations of real meetings, next to the comparers.

Fourteen dev units of ``benchmarks/gold_real`` (every two-sided dev document whose sides have at least three
gold statements each and at most 600 cross pairs) were labelled a second time by an annotator who saw only the
gold statements (text, speaker, side), never the first annotation, and followed the same guide
(``../shared/datasets/real_readouts/ANNOTATION.md``): ``gold_real/second_annotator/relations.json``.

Printed and recorded (``results/annotator_agreement.json``): the second annotation scored against the first
(precision, recall, F1 per relation), and the rule comparer and the learned comparer scored against each
annotation on the same units. The learned comparer was trained on these dev units: its row is in-sample.

Run from the repository root: ``python benchmarks/annotator_agreement.py``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from _harness import md_table, record
from real_meetings import LABELS, compare_unit, load_units

from claimcmp.embed import Embedder

SECOND = Path(__file__).resolve().parent / "gold_real" / "second_annotator" / "relations.json"
Pairs = dict[tuple[str, int, int], str]


def second_annotation() -> Pairs:
    """(unit, side-A index, side-B index) -> relation, as the second annotator labelled them."""
    rows = json.loads(SECOND.read_text(encoding="utf-8"))
    return {(r["unit"], int(r["a"]), int(r["b"])): r["relation"] for r in rows}


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


def main() -> int:
    second = second_annotation()
    names = {unit for unit, _, _ in second} | {
        u.name for u in load_units(("dev",)) if min(len(u.side_a), len(u.side_b)) >= 3
        and len(u.side_a) * len(u.side_b) <= 600}
    units = [u for u in load_units(("dev",)) if u.name in names]
    first: Pairs = {(u.name, i, j): label for u in units for (i, j), label in u.gold.items()}
    embedder = Embedder()
    predicted: dict[str, Pairs] = {}
    for name, options in (("rule comparer", {"comparer": "rules"}), ("learned comparer (in-sample)", {"comparer": "learned"})):
        predicted[name] = {(u.name, i, j): label for u in units
                           for (i, j), label in compare_unit(u, embedder, **options)[0].items()}
    figures: dict[str, Any] = {"units": [u.name for u in units],
                               "second annotator (first annotator)": agreement(first, second)}
    for name, pairs in predicted.items():
        figures[f"{name} (first annotator)"] = agreement(first, pairs)
        figures[f"{name} (second annotator)"] = agreement(second, pairs)
    rows = [[key, f["agreement"]["both"], f["agreement"]["other"], f["agreement"]["reference"],
             f["agreement"]["precision"], f["agreement"]["recall"], f["agreement"]["f1"]]
            for key, f in figures.items() if key != "units"]
    md = "\n\n".join([
        f"{len(units)} two-sided dev units of `benchmarks/gold_real`, labelled a second time blind "
        "(`gold_real/second_annotator/relations.json`; the second annotator saw the gold statements only). "
        "Agreements (neither annotator found a counter-claim in these units); the learned comparer was trained "
        "on these units, so its rows are in-sample.",
        md_table(["compared (reference)", "labelled by both", "labelled by the compared", "labelled by the reference", "precision",
                  "recall", "F1"], rows),
    ])
    print(md)
    record("annotator_agreement", "Relations: agreement between two annotators", md, figures, order=62)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
