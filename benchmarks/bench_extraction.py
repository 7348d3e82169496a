"""Extraction benchmark: gold fixtures, real White House readouts (dev / untouched test), the real gold of every
house style (per house style and per format, dev / untouched split, with the naive baseline), PolNeAR, speed.

Run from the repository root: ``python benchmarks/bench_extraction.py``. The real-gold figures come from
``bench_gold_real.run`` (the same scoring as ``python benchmarks/bench_gold_real.py``).
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import bench_gold_real
from _harness import DATASETS, ROOT, best_of, md_table, peak_rss_mb, record

from claimcmp.extract import extract
from claimcmp.extract._evaluate import attribution_spans, load_gold, score_real_gold, score_statements, span_f1
from claimcmp.ingest import load_releases
from claimcmp.model import Release

GOLD = ROOT / "fixtures" / "gold"
POLNEAR = DATASETS / "polnear" / "test"
WH = DATASETS / "wh_readouts"
GOLD_REAL = ROOT / "benchmarks" / "gold_real" / "wh_readouts.json"

# Figures of the extractor before the real-readout work (commit efe2ca8), measured on the same gold file, and on
# the test split right after development stopped (before two fixes found by looking at its errors).
BEFORE = {"dev": {"side": 61.4, "kind": 90.0, "speaker": 88.6}, "test": {"side": 56.1, "kind": 80.5, "speaker": 92.7}}
UNTOUCHED_TEST = {"side": 85.4, "kind": 82.9, "speaker": 97.6}


def real_readouts() -> dict[str, dict[str, float]]:
    """Side, kind and speaker accuracy (%) on the hand-annotated real readouts, per split."""
    figures: dict[str, dict[str, float]] = {}
    if not (WH.is_dir() and GOLD_REAL.is_file()):
        return figures
    for split in ("dev", "test"):
        result = score_real_gold(GOLD_REAL, DATASETS, split=split)
        counts = result["counts"]
        n = counts["gold"]
        figures[split] = {k: 100 * counts[k] / n for k in ("side", "kind", "speaker", "matched")}
        figures[split].update(statements=n, releases=result["releases"], stale=result["stale"])
        figures[split]["confusion"] = result["confusion"]  # type: ignore[assignment]
    return figures


# The real gold's splits reported here, by document: the development split, and the untouched split drawn last
# (readouts and statements of three house styles), scored once when development stopped. `test3` is no longer
# scored here: its one untouched score is kept in `gold_real/test3_score.json`.
GOLD_REAL_SPLITS = (("dev", "development split (the rules were tuned on it)"),
                    ("test4", "untouched split `test4` (readouts and statements; first score kept in "
                              "`gold_real/test4_score.json`)"))


def real_gold() -> dict[str, dict[str, dict[str, dict[str, float]]]]:
    """``{split: {system: {group: {metric: share}}}}`` on the hand-annotated real gold of every house style."""
    return {split: bench_gold_real.run(split) for split, _ in GOLD_REAL_SPLITS}


def _gold_real_section(figures: dict[str, dict[str, dict[str, dict[str, float]]]]) -> str:
    parts = ["""Real gold of every house style (`benchmarks/gold_real/`: White House transcripts, State Department,
Kremlin and president.gov.ua releases annotated by hand; split by document). Per house style (`source:`) and per
format, against the naive baseline (every sentence the issuer's narration). Targets: side >= 0.90, kind >= 0.85,
speaker >= 0.85, coverage >= 0.97, no house style below 0.80 side."""]
    for split, label in GOLD_REAL_SPLITS:
        if split in figures and figures[split]:
            parts.append(f"**{label}**\n\n{bench_gold_real.table(figures[split])}")
    return "\n\n".join(parts)


def gold_accuracy() -> tuple[list[list[object]], dict[str, float]]:
    rows, totals = [], {}
    for path in sorted(GOLD.glob("*.json")):
        gold = load_gold(path)
        release = load_releases([ROOT / gold["release"]])[0]
        counts = score_statements(extract(release).statements, gold["statements"])
        for key, value in counts.items():
            totals[key] = totals.get(key, 0) + value
        n = counts["gold"]
        rows.append([path.stem, n, counts["side"] / n, counts["kind"] / n, counts["speaker"] / n,
                     counts["span_exact"] / n, counts["matched"] / n])
    n = totals["gold"]
    summary = {k: totals[k] / n for k in ("side", "kind", "speaker", "span_exact", "matched")}
    summary["statements"] = n
    rows.append(["**all**", n, summary["side"], summary["kind"], summary["speaker"], summary["span_exact"],
                 summary["matched"]])
    return rows, summary


def _read_ann(path: Path) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    spans: dict[str, tuple[str, tuple[int, int]]] = {}
    pairs = []
    lines = path.read_text(encoding="utf-8").splitlines()
    for line in lines:
        if line.startswith("T"):
            tid, info, _ = line.split("\t", 2)
            kind, offsets = info.split(" ", 1)
            numbers = [int(n) for n in re.findall(r"\d+", offsets)]
            spans[tid] = (kind, (min(numbers), max(numbers)))
    for line in lines:
        if line.startswith("E"):
            parts = dict(p.split(":") for p in line.split("\t")[1].split())
            if "Source" in parts and "Content" in parts and parts["Source"] in spans and parts["Content"] in spans:
                pairs.append((spans[parts["Source"]][1], spans[parts["Content"]][1]))
    return pairs


def polnear() -> dict[str, float]:
    """Source and Content span F1 on the PolNeAR test split (first annotator of each article)."""
    totals: dict[str, dict[str, int]] = {}
    seen: set[str] = set()
    articles = 0
    for ann in sorted((POLNEAR / "attributions").glob("*.ann")):
        stem = re.sub(r"_[^_]+$", "", ann.stem)
        if stem in seen:
            continue
        seen.add(stem)
        text = (POLNEAR / "text" / f"{stem}.txt").read_text(encoding="utf-8")
        gold = _read_ann(ann)
        predicted = attribution_spans(Release(id=stem, text=text))
        articles += 1
        for name, index in (("source", 0), ("content", 1)):
            for mode in ("exact", "overlap"):
                counts = span_f1([p[index] for p in predicted], [g[index] for g in gold], exact=mode == "exact")
                bucket = totals.setdefault(f"{name}_{mode}", {"tp_p": 0, "tp_r": 0, "n_pred": 0, "n_gold": 0})
                for key, value in counts.items():
                    bucket[key] += value
    figures: dict[str, float] = {"articles": articles}
    for key, c in totals.items():
        p = c["tp_p"] / c["n_pred"] if c["n_pred"] else 0.0
        r = c["tp_r"] / c["n_gold"] if c["n_gold"] else 0.0
        figures[f"{key}_p"] = 100 * p
        figures[f"{key}_r"] = 100 * r
        figures[f"{key}_f1"] = 100 * (2 * p * r / (p + r) if p + r else 0.0)
    figures["gold_relations"] = totals["source_exact"]["n_gold"]
    figures["predicted_relations"] = totals["source_exact"]["n_pred"]
    return figures


def speed() -> dict[str, float]:
    texts = [r.text for r in load_releases([ROOT / "fixtures" / "releases", ROOT / "fixtures" / "opcw_seed.txt"])]
    lines, words = [], 0
    for line in "\n".join(texts).split("\n"):
        lines.append(line)
        words += len(line.split())
        if words >= 1000:
            break
    release = Release(id="bench-1000", text="\n".join(lines), issuer="OPCW")
    extract(release)
    figures = {"words": words, "ms_1000_words": 1000 * best_of(lambda: extract(release), repeat=15)}
    readouts = sorted(WH.rglob("*.md"))
    if readouts:
        bodies = [p.read_text(encoding="utf-8").split("\n---\n", 1)[-1] for p in readouts]
        start = time.perf_counter()
        statements = 0
        for i, body in enumerate(bodies):
            statements += len(extract(Release(id=str(i), text=body, issuer="The White House")).statements)
        elapsed = time.perf_counter() - start
        total_words = sum(len(b.split()) for b in bodies)
        figures.update(wh_releases=len(bodies), wh_words=total_words, wh_seconds=elapsed,
                       wh_words_per_s=total_words / elapsed, wh_statements=statements)
    return figures


def main() -> None:
    rows, accuracy = gold_accuracy()
    real = real_readouts()
    styles = real_gold()
    pol = polnear()
    fast = speed()
    gold_table = md_table(["release", "statements", "side", "kind", "speaker", "span exact", "span overlap"], rows)
    pol_table = md_table(
        ["span", "P", "R", "F1"],
        [[f"{name} {mode}", pol[f"{name}_{mode}_p"], pol[f"{name}_{mode}_r"], pol[f"{name}_{mode}_f1"]]
         for name in ("source", "content") for mode in ("exact", "overlap")],
    )
    n_fixture = accuracy["statements"]
    markdown = f"""Attribution accuracy on the hand-annotated gold fixtures (`fixtures/gold/`, {n_fixture:.0f}
statements in {len(rows) - 1} releases; each gold statement is matched to the predicted statement overlapping it most):

{gold_table}

The fixtures were written alongside the extractor, so these figures are optimistic; the real test is unseen
readouts (targets there: side >= 90 %, kind >= 85 %).

{_real_section(real)}

{_gold_real_section(styles)}

PolNeAR test split ({pol['articles']:.0f} news articles, first annotator each, {pol['gold_relations']:.0f} gold
attribution relations, {pol['predicted_relations']:.0f} predicted). Each attributed reported/quoted statement maps
to source = the speaker's mention, content = the quote's words or the words after the cue:

{pol_table}

Reference points (other corpora and systems, not directly comparable): Citron exact source-span F1 on PARC 3.0 is
82.0; the Gender Gap Tracker's quote extraction F1 is 83.7. claimcmp's rules are built for official readouts, not
news: news attributes to unnamed sources, organisations and nested clauses it does not model, and PolNeAR counts
attributions of beliefs and intentions as well as speech.

Speed (no embedding model): a {fast['words']:.0f}-word release takes **{fast['ms_1000_words']:.1f} ms** (best of 15;
target <= 50 ms)."""
    if "wh_releases" in fast:
        markdown += (f" All {fast['wh_releases']:.0f} White House readouts ({fast['wh_words']:.0f} words) take "
                     f"{fast['wh_seconds']:.1f} s ({fast['wh_words_per_s']:.0f} words/s, "
                     f"{fast['wh_statements']:.0f} statements).")
    markdown += f" Peak RSS {peak_rss_mb():.0f} MB."
    figures = {"gold": accuracy, "real_readouts": real, "gold_real": styles, "polnear": pol, "speed": fast}
    for split, systems in styles.items():
        overall = systems["claimcmp"]["all"]
        print(f"real gold {split}: side {overall['side']:.3f}, kind {overall['kind']:.3f}, "
              f"speaker {overall['speaker']:.3f}, coverage {overall['coverage']:.3f}")
    for split, values in real.items():
        print(f"real readouts {split}: side {values['side']:.1f} %, kind {values['kind']:.1f} %, "
              f"speaker {values['speaker']:.1f} % ({values['statements']:.0f} statements)")
    print(f"gold fixtures: side {accuracy['side']:.3f}, kind {accuracy['kind']:.3f}; "
          f"{fast['ms_1000_words']:.1f} ms per 1,000 words")
    record("extraction", "Statement extraction and attribution", markdown, figures, order=20)


def _real_section(real: dict[str, dict[str, float]]) -> str:
    if not real:
        return "Real readouts: the shared data set `wh_readouts` is missing; not measured."
    rows = []
    for split, label in (("dev", "dev (rules tuned on it)"), ("test", "test (now)")):
        r = real[split]
        rows.append([f"{label}", f"{r['releases']:.0f}", f"{r['statements']:.0f}", BEFORE[split]["side"], r["side"],
                     BEFORE[split]["kind"], r["kind"], r["speaker"]])
    rows.append(["test, first and only untouched score", "", "", "", UNTOUCHED_TEST["side"], "",
                 UNTOUCHED_TEST["kind"], UNTOUCHED_TEST["speaker"]])
    table = md_table(["real readouts", "releases", "statements", "side before", "side", "kind before", "kind",
                      "speaker"], rows)
    confusion = "; ".join(
        f"{split} {gold}→" + ", ".join(f"{got} {n}" for got, n in sorted(row.items()))
        for split in ("dev", "test") for gold, row in sorted(real[split]["confusion"].items())  # type: ignore[union-attr]
    )
    return f"""Real readouts, never seen while the rules were first written (`benchmarks/gold_real/wh_readouts.json`: a
fixed-seed sample of White House readouts from `wh_readouts`, stratified by year and kind of meeting, annotated by
hand before looking at the extractor's output; guidelines in `docs/extraction.md`). Targets: side >= 90 %,
kind >= 85 %. "Before" is the extractor of commit efe2ca8 on the same gold. The test split was scored once, untouched,
when development stopped; two general fixes then came from its errors (first-person plural in a joint statement;
a place after a preposition read as a name in apposition), so its current figure is optimistic too:

{table}

Kind confusion (gold→predicted): {confusion}."""


if __name__ == "__main__":
    main()
