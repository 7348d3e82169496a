"""Attribution on the hand-annotated real gold set (benchmarks/gold_real/), per house style and format.

Run from the repository root: ``python benchmarks/bench_gold_real.py`` scores the ``dev`` split;
``--test`` scores the ``test`` split instead, ``--test2`` the ``test2`` split drawn by
``gold_real/select_test2.py``, ``--test3`` the readouts drawn by ``gold_real/select_readouts3.py`` and
``--test4`` the readouts and statements drawn by ``gold_real/select_readouts4.py``, ``--test5`` the
untouched batch of every format drawn by ``gold_real/select_readouts5.py``, ``--test6`` the untouched batch
weighted to weak attribution drawn by ``gold_real/select_readouts6.py`` and ``--test7`` the untouched two-sided
batch drawn by ``gold_real/select_readouts7.py``, ``--test8`` / ``--test9`` / ``--test10`` the two-sided
batches of ``select_readouts8.py`` / ``select_readouts9.py`` / ``select_readouts10.py``, and ``--test11`` the
pairs of one meeting (a readout and the remarks before it) drawn by ``select_readouts11.py``, ``--test12`` the
two-sided batch of ``select_readouts12.py``, ``--test13`` / ``--test14`` / ``--test15`` / ``--test16`` /
``--test17`` / ``--test18`` the two-sided batches of ``select_readouts13.py`` / ``select_readouts14.py`` /
``select_readouts15.py`` / ``select_readouts16.py`` / ``select_readouts17.py`` / ``select_readouts18.py`` (only when
reporting; each first score is kept in ``FIRST_SCORES``' file, e.g. ``gold_real/test9_score.json``;
:func:`unscored_splits` lists those not yet taken).
For every gold statement the prediction overlapping it most is taken; ``coverage`` is the share of gold statements
with one, and ``side``, ``kind`` and ``speaker`` are the shares of gold statements whose prediction has that label
right. Sides are compared after mapping both to the gazetteer's canonical name (``US`` and ``United States`` agree);
a speaker is right when it equals the gold name, contains the gold surname, or is a shortening of it ("Xi" for "Xi
Jinping"), accents, hyphens and the spelling of the Arabic article aside ("El-Sisi" for "al-Sisi",
``claimcmp.extract.name_key``; the extractor may give an office, "President of United States", which counts as
wrong). The naive baseline gives every sentence to the issuing side as narration with no speaker.
"""

from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from _harness import ROOT, md_table, record

sys.path.insert(0, str(ROOT / "benchmarks" / "gold_real"))
import validate  # noqa: E402

from claimcmp.extract import extract, name_key  # noqa: E402
from claimcmp.gazetteer import lookup_place  # noqa: E402
from claimcmp.ingest import load_releases  # noqa: E402

SPLIT_FILE = ROOT / "benchmarks" / "gold_real" / "split.json"
#: every split, in order: the one list ``validate.py`` checks ``split.json`` against
SPLITS = validate.SPLITS
#: each untouched split's first score (``test``'s has its own name)
FIRST_SCORES = {"test": SPLIT_FILE.with_name("first_test_score.json"),
                **{split: SPLIT_FILE.with_name(f"{split}_score.json") for split in SPLITS[2:]}}


def unscored_splits() -> set[str]:
    """Untouched splits whose first score is not taken yet: claimcmp must not read them before it is."""
    return {split for split, path in FIRST_SCORES.items() if not path.exists()}


def refuse_unscored(splits: Iterable[str]) -> None:
    """Stop (``SystemExit``) when ``splits`` name a split still untouched: nothing reads one before its first score."""
    untouched = sorted(set(splits) & unscored_splits())
    if untouched:
        raise SystemExit(f"refused: {', '.join(untouched)} not scored yet (untouched): take their first scores "
                         "before claimcmp reads them")


FORMATS = (  # (format, pattern on the document name), first match wins
    ("joint statement", r"joint-statement|ministers-statement"),
    ("first-person statement", r"address|addressed|statement-on|-statement-|opening-remarks"),
    ("Q&A / interview", r"press-briefing|television|remarks-to-the-press|blinken-with-"),
    ("transcript, both sides",
     r"wh-joint|press-statements|talks-with|blinken-and|kremlin-meeting-with-(?:president|prime-minister)"),
    ("readout", r"."),
)
Span = tuple[int, int]


def document_format(name: str) -> str:
    """The format group of a document, from its name."""
    return next(label for label, pattern in FORMATS if re.search(pattern, name))


def same_side(predicted: str | None, gold: str | None) -> bool:
    if predicted is None or gold is None:
        return predicted is gold
    return (lookup_place(predicted) or predicted) == (lookup_place(gold) or gold)


def same_speaker(predicted: str | None, gold: str | None) -> bool:
    """Names compared through ``name_key`` (case, accents, hyphens and the Arabic article's transliteration
    aside): the texts spell "Fernandez" where the gold's canonical name is "Fernández", and "El-Sisi" or "Al Sisi"
    where it is "al-Sisi"."""
    if predicted is None or gold is None:
        return predicted is gold
    if predicted == gold or name_key(gold.split()[-1]) in name_key(predicted):
        return True
    # A shortened name counts when every word is one of the gold name's: "Xi" for "Xi Jinping", where the
    # family name comes first and the last-word rule above would miss it.
    words = name_key(predicted).split()
    return bool(words) and set(words) <= set(name_key(gold).split())


def gold_spans(document: validate.GoldDocument) -> list[tuple[Span, dict]]:
    spans = []
    for statement in document.gold["statements"]:
        start = document.body.index(statement["text"])
        spans.append(((start, start + len(statement["text"])), statement))
    return spans


def naive_predictions(document: validate.GoldDocument) -> list[tuple[Span, dict]]:
    """Every sentence, issuing side, narration, no speaker."""
    side = document.header.get("issuing_side", "").split(" (")[0] or None
    return [((m.start(), m.end()), {"side": side, "kind": "narration", "speaker": None})
            for m in re.finditer(r"[^\s][^.!?\n]*(?:[.!?]+|$)", document.body, flags=re.M)]


def extractor_predictions(document: validate.GoldDocument, path: Path) -> list[tuple[Span, dict]]:
    release = load_releases([path])[0]
    assert release.text == document.body, f"{path}: loader text differs from the gold body"
    return [((s.start, s.end), {"side": s.side, "kind": s.kind.value, "speaker": s.speaker})
            for s in extract(release).statements]


def score(predicted: list[tuple[Span, dict]], gold: list[tuple[Span, dict]]) -> dict[str, int]:
    counts = dict(gold=len(gold), coverage=0, side=0, kind=0, speaker=0)
    for (g_start, g_end), item in gold:
        overlaps = [(min(g_end, end) - max(g_start, start), label) for (start, end), label in predicted]
        best = max(overlaps, key=lambda pair: pair[0], default=(0, None))
        if best[0] <= 0 or best[1] is None:
            continue
        label = best[1]
        counts["coverage"] += 1
        counts["side"] += same_side(label["side"], item["side"])
        counts["kind"] += label["kind"] == item["kind"]
        counts["speaker"] += same_speaker(label["speaker"], item["speaker"])
    return counts


def run(split: str) -> dict[str, dict[str, dict[str, float]]]:
    """``{system: {group: {metric: share}}}`` over the documents of ``split``."""
    chosen = json.loads(SPLIT_FILE.read_text(encoding="utf-8"))
    totals: dict[str, dict[str, dict[str, int]]] = defaultdict(lambda: defaultdict(lambda: defaultdict(int)))
    for document in validate.load_documents():
        if chosen[document.name] != split:
            continue
        gold = gold_spans(document)
        source = validate.source_of(document.name)
        systems = {"claimcmp": extractor_predictions(document, validate.GOLD_ROOT / "docs" / f"{document.name}.txt"),
                   "naive baseline": naive_predictions(document)}
        for system, predicted in systems.items():
            for group in ("all", f"source: {source}", f"format: {document_format(document.name)}"):
                for key, value in score(predicted, gold).items():
                    totals[system][group][key] += value
                totals[system][group]["documents"] += 1
    return {system: {group: {"documents": c["documents"], "statements": c["gold"],
                             **{k: c[k] / c["gold"] for k in ("coverage", "side", "kind", "speaker")}}
                     for group, c in sorted(groups.items())} for system, groups in totals.items()}


def table(figures: dict[str, dict[str, dict[str, float]]]) -> str:
    """The figures of :func:`run` as a Markdown table, one row per system and group."""
    rows = [[system, group, g["documents"], g["statements"], g["coverage"], g["side"], g["kind"], g["speaker"]]
            for system, groups in figures.items() for group, g in groups.items()]
    return md_table(["system", "group", "docs", "statements", "coverage", "side", "kind", "speaker"], rows)


def main() -> None:
    split = next((name for name in SPLITS[1:] if f"--{name}" in sys.argv), "dev")
    figures = run(split)
    table_md = table(figures)
    print(table_md)
    size = len(json.loads(SPLIT_FILE.read_text(encoding="utf-8")))
    note = (f"Split `{split}` of `benchmarks/gold_real/` ({size} hand-annotated documents, four house styles). "
            "Targets: side >= 0.90, kind >= 0.85, speaker >= 0.85, coverage >= 0.97.\n\n")
    first_score = FIRST_SCORES.get(split)
    if first_score is not None and first_score.exists():
        first = json.loads(first_score.read_text(encoding="utf-8"))
        scores = ", ".join(f"{k} {first['claimcmp'][k]:.3f}" for k in ("coverage", "side", "kind", "speaker"))
        note += f"First untouched score (all): {scores}. {first['note']}\n\n"
    record(f"gold_real_{split}", f"Attribution on the real gold set ({split})", note + table_md, figures, order=22)


if __name__ == "__main__":
    main()
