"""Gold against predicted labels, statement by statement, on the ``dev`` split of the real gold set (issue #22).

Run from the repository root: ``python benchmarks/gold_real_errors.py`` prints every dev statement whose predicted
side, kind or speaker is wrong (``--all`` prints every statement; a document name fragment as an argument keeps only
the matching documents). The prediction is the one ``bench_gold_real.py`` scores: the predicted statement that
overlaps the gold statement most. Only the ``dev`` split is read, so the untouched splits stay unseen; ``--split=NAME``
reads a test split, and only once its first untouched score is kept (``gold_real/NAME_score.json``).
"""

from __future__ import annotations

import json
import sys

import bench_gold_real as bench


def rows(document: bench.validate.GoldDocument) -> list[tuple[dict, dict | None]]:
    """(gold statement, best-overlapping prediction or None) for every gold statement of one document."""
    predicted = bench.extractor_predictions(document, bench.validate.GOLD_ROOT / "docs" / f"{document.name}.txt")
    pairs = []
    for (g_start, g_end), gold in bench.gold_spans(document):
        overlaps = [(min(g_end, end) - max(g_start, start), label) for (start, end), label in predicted]
        size, label = max(overlaps, key=lambda pair: pair[0], default=(0, None))
        pairs.append((gold, label if size > 0 else None))
    return pairs


def wrong(gold: dict, label: dict | None) -> list[str]:
    """The fields of one prediction that disagree with the gold, as the benchmark judges them."""
    if label is None:
        return ["uncovered"]
    return [field for field, same in (("side", bench.same_side(label["side"], gold["side"])),
                                      ("kind", label["kind"] == gold["kind"]),
                                      ("speaker", bench.same_speaker(label["speaker"], gold["speaker"]))) if not same]


def main() -> None:
    split = json.loads(bench.SPLIT_FILE.read_text(encoding="utf-8"))
    chosen = next((a.removeprefix("--split=") for a in sys.argv if a.startswith("--split=")), "dev")
    if chosen != "dev" and not (bench.validate.GOLD_ROOT / f"{chosen}_score.json").exists():
        raise SystemExit(f"{chosen} has no first score yet: score it once (bench_gold_real.py --{chosen}) first")
    show_all = "--all" in sys.argv
    fragments = [arg for arg in sys.argv[1:] if not arg.startswith("--")]
    for document in bench.validate.load_documents():
        if split[document.name] != chosen or (fragments and not any(f in document.name for f in fragments)):
            continue
        for index, (gold, label) in enumerate(rows(document)):
            fields = wrong(gold, label)
            if fields or show_all:
                got = "-" if label is None else f"{label['kind']}/{label['side']}/{label['speaker']}"
                print(f"{document.name[:60]} #{index} [{','.join(fields) or 'ok'}] "
                      f"gold {gold['kind']}/{gold['side']}/{gold['speaker']} got {got}\n    {gold['text'][:160]}")


if __name__ == "__main__":
    main()
