"""Theme tracking at scale: White House readouts and Senate press releases.

Records, for each corpus: the whole pipeline cold (fresh embedding cache) on
the first 100 releases, the cost growth of extraction + cached embedding +
fit + summary from 100 releases to all (each size in its own subprocess, so
its peak memory, ``VmHWM``, is its own), the time to add one release to a
tracker of 1,000 releases (target < 2 s, cached embeddings), and the top
recurring themes of the whole corpus. The topic model is
``TopicModel(random_state=0)`` with its defaults (exact average linkage under
4,000 statements, spherical k-means cells then linkage above).

Corpora:

* ``wh_readouts``: the 1,412 Markdown readouts (US side only, so sides are
  those inferred by extraction: mostly the US speakers and "joint"; the
  partner side appears where the readout reports what the partner said).
* ``grimmer_senate_press_releases``: all 7,391 files by default
  (``--senate-sample N`` takes the first N of a seed-0 shuffle instead).
  Side = party of the issuing senator; date and senator come from the file
  name (``10Apr2006Reid133.txt``). Part of this corpus has its punctuation
  stripped: long statements are cut into windows of about 40 words.

Releases are taken in date order: "100 releases" are the first 100 by date.
Run ``python benchmarks/bench_themes.py --warm`` first (in the background) to
fill the embedding cache; the timed run then measures cached times.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import logging
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from _harness import DATASETS, md_table, record, timed

from claimcmp.embed import Embedder
from claimcmp.ingest import load_releases
from claimcmp.model import Release, Statement
from claimcmp.themes import ThemeTracker, Trend
from claimcmp.themes._statements import release_statements
from claimcmp.topics import TopicModel

PARTY = {
    "Reid": "Democrat", "Durbin": "Democrat", "Obama": "Democrat", "Kerry": "Democrat",
    "McConnell": "Republican", "Frist": "Republican", "Lugar": "Republican", "Ensign": "Republican",
}
_SENATE_NAME = re.compile(r"^(\d{1,2})([A-Z][a-z]{2})(\d{4})([A-Za-z]+?)\d+$")
SIZES = [100, 300, 1000, 3000]
UPDATE_BASE = 1000
CORPORA = ("wh_readouts", "senate")


def topic_model() -> TopicModel:
    """The topic model every tracker here uses: the defaults, fixed seed."""
    return TopicModel(random_state=0)


def vm_hwm_mb() -> float:
    """Peak resident memory of this process (``VmHWM``), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def vm_rss_mb() -> float:
    """Current resident memory of this process (``VmRSS``), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def load_wh() -> list[Release]:
    """The White House readouts (*.md only: the folder also holds SOURCE.txt and a licence)."""
    result = load_releases(DATASETS / "wh_readouts", on_error="skip")
    return [r for r in result if (r.source or "").endswith(".md") or r.metadata.get("source_url")]


def senate_release(release: Release) -> Release:
    """Date and issuing senator from the file name, e.g. ``10Apr2006Reid133``."""
    match = _SENATE_NAME.match(Path(release.id).name)
    if not match:
        return release
    day, month, year, senator = match.groups()
    date = dt.datetime.strptime(f"{day}{month}{year}", "%d%b%Y").date().isoformat()
    return dataclasses.replace(release, date=date, issuer=senator)


def senate_files(sample: int = 0, seed: int = 0) -> list[Path]:
    """All Senate files in a seed-``seed`` shuffle (a smaller sample is a prefix of a larger one)."""
    files = sorted((DATASETS / "grimmer_senate_press_releases" / "raw").glob("*/*.txt"))
    random.Random(seed).shuffle(files)
    return files[:sample] if sample else files


def load_senate(sample: int = 0, seed: int = 0) -> list[Release]:
    files = sorted(senate_files(sample, seed))
    result = load_releases(files, on_error="skip")
    releases = list(result)
    retry = [e.path for e in result.errors if e.path]  # a few files are Windows-1252, not UTF-8
    if retry:
        releases += list(load_releases(retry, on_error="skip", encoding="cp1252"))
    return sorted((senate_release(r) for r in releases), key=lambda r: r.id)


def senate_side(release: Release) -> str | None:
    return PARTY.get(release.issuer or "")


def corpus(name: str, senate_sample: int) -> tuple[list[Release], Any]:
    """The releases of a corpus in date order, and its ``side_of``."""
    if name == "wh_readouts":
        releases, side_of = load_wh(), None
    else:
        releases, side_of = load_senate(senate_sample), senate_side
    return sorted(releases, key=lambda r: (r.date or "9999", r.id)), side_of


def extract_all(releases: list[Release]) -> list[Statement]:
    return [s for r in releases for s in release_statements(r)]


def warm(names: list[str], senate_sample: int) -> None:
    """Extract and embed everything (fills the cache), logging progress."""
    embedder = Embedder(batch_size=64)
    for name in names:
        releases, _ = corpus(name, senate_sample)
        texts = sorted({s.text for s in extract_all(releases)})
        start = time.perf_counter()
        for lo in range(0, len(texts), 1000):
            embedder.encode(texts[lo : lo + 1000])
            print(f"{name}: {lo + 1000}/{len(texts)} texts, {time.perf_counter() - start:.0f} s, {embedder.stats}",
                  flush=True)


# ------------------------------------------------------------------ workers (one subprocess each)


def work_cold(releases: list[Release], side_of: Any) -> dict[str, Any]:
    """The whole pipeline on the first 100 releases with a fresh cache."""
    with tempfile.TemporaryDirectory() as cache:
        embedder = Embedder(cache_dir=cache)
        embedder.load()  # model loading is not embedding
        with timed() as t:
            ThemeTracker(embedder=embedder, side_of=side_of, topic_model=topic_model()).fit(releases[:100])
    return {"cold_100_s": t["s"], "cold_100_texts": embedder.stats.encoded,
            "cold_texts_per_s": embedder.stats.encoded / t["s"]}


def work_size(releases: list[Release], side_of: Any, size: int) -> dict[str, Any]:
    """Extraction + cached embedding + fit + summary of the first ``size`` releases."""
    part = releases[:size]
    embedder = Embedder()
    embedder.load()
    rss_before = vm_rss_mb()
    with timed() as t_extract:
        statements = extract_all(part)
    with timed() as t_embed:
        vectors = embedder.embed_statements(statements)
    with timed() as t_fit:
        tracker = ThemeTracker(embedder=embedder, side_of=side_of, topic_model=topic_model()).fit(
            part, statements=statements, embeddings=vectors
        )
    with timed() as t_sum:
        series = tracker.result()
    out: dict[str, Any] = {
        "releases": len(part), "statements": len(statements), "unique_texts": len({s.text for s in statements}),
        "extract_s": t_extract["s"], "embed_cached_s": t_embed["s"], "fit_s": t_fit["s"], "summary_s": t_sum["s"],
        "total_s": t_extract["s"] + t_embed["s"] + t_fit["s"] + t_sum["s"],
        "embed_cache_stats": dataclasses.asdict(embedder.stats),
        "themes": len(series.themes), "repeated_claims": len(series.claims),
        "rss_before_mb": rss_before, "peak_rss_mb": vm_hwm_mb(),
    }
    if size >= len(releases):
        top = [t for t in series.themes if t.trend is Trend.RECURRING][:20]
        out["top_recurring"] = [
            {"id": t.id, "label": t.label, "releases": len(t.release_ids), "first": t.first_seen,
             "last": t.last_seen, "sides": t.side_totals}
            for t in top
        ]
        out["repeated_claims_top"] = [
            {"id": c.id, "releases": len(c.release_ids), "first": c.first.date, "text": c.text[:120]}
            for c in series.claims[:10]
        ]
        out["period"] = series.period
    return out


def work_update(releases: list[Release], side_of: Any, base: int, n_new: int = 5) -> dict[str, Any]:
    """Add releases one at a time to a tracker of ``base`` releases (cached embeddings)."""
    base = min(base, len(releases) - n_new)
    embedder = Embedder()
    embedder.load()
    with timed() as t_fit:
        tracker = ThemeTracker(embedder=embedder, side_of=side_of, topic_model=topic_model()).fit(releases[:base])
    ids_before = (tracker.theme_ids_.copy(), list(tracker.claim_ids_))
    times = []
    for release in releases[base : base + n_new]:
        with timed() as t:
            tracker.update([release])
        times.append(t["s"])
    assert (tracker.theme_ids_[: len(ids_before[0])] == ids_before[0]).all()
    assert tracker.claim_ids_[: len(ids_before[1])] == ids_before[1]
    return {"update_base": base, "update_base_statements": len(ids_before[1]), "update_base_fit_s": t_fit["s"],
            "update_one_s": {"median": statistics.median(times), "max": max(times), "all": times},
            "update_peak_rss_mb": vm_hwm_mb()}


def worker(args: argparse.Namespace) -> None:
    releases, side_of = corpus(args.corpus, args.senate_sample)
    if args.task == "cold":
        out = work_cold(releases, side_of)
    elif args.task == "update":
        out = work_update(releases, side_of, UPDATE_BASE)
    else:
        out = work_size(releases, side_of, int(args.task))
    print("RESULT " + json.dumps(out), flush=True)


def run_worker(name: str, task: str, senate_sample: int) -> dict[str, Any]:
    command = [sys.executable, __file__, "--worker", task, "--corpus", name, "--senate-sample", str(senate_sample)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    if done.returncode or not lines:
        raise RuntimeError(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    out = json.loads(lines[-1][len("RESULT "):])
    print(name, task, {k: v for k, v in out.items() if k not in ("top_recurring", "repeated_claims_top")}, flush=True)
    return out


def bench_corpus(name: str, senate_sample: int) -> dict[str, Any]:
    releases, _ = corpus(name, senate_sample)
    n = len(releases)
    figures: dict[str, Any] = {"releases": n, **run_worker(name, "cold", senate_sample)}
    growth = [run_worker(name, str(size), senate_sample) for size in [s for s in SIZES if s < n] + [n]]
    full = growth[-1]
    for key in ("top_recurring", "repeated_claims_top", "period"):
        figures[key] = full.pop(key)
    figures["growth"] = growth
    figures["statements"] = full["statements"]
    figures["cached_all_s"] = full["total_s"]
    figures["peak_rss_mb"] = full["peak_rss_mb"]
    figures["cold_all_s_extrapolated"] = full["unique_texts"] / figures["cold_texts_per_s"]
    figures.update(run_worker(name, "update", senate_sample))
    return figures


def markdown(results: dict[str, dict[str, Any]], senate_sample: int) -> str:
    parts = []
    rows = []
    for name, f in results.items():
        rows.append([
            name, f["releases"], f["statements"], f"{f['cold_100_s']:.1f} ({f['cold_100_texts']} texts)",
            f"{f['cold_texts_per_s']:.0f}", f"{f['cold_all_s_extrapolated'] / 60:.1f} min",
            f"{f['cached_all_s']:.1f}",
            f"{f['update_one_s']['median']:.3f} / {f['update_one_s']['max']:.3f} (to {f['update_base']})",
            f"{f['peak_rss_mb']:.0f}",
        ])
    parts.append(md_table(
        ["corpus", "releases", "statements", "cold, first 100 releases (s)", "cold texts/s",
         "cold, all (extrapolated)", "extract+embed+fit+summary, all, cached (s)",
         "add 1 release to a tracker: median / max (s)", "peak RSS, all (MB)"],
        rows,
    ))
    parts.append("\nTarget: adding one release to a tracker of 1,000 releases < 2 s (cached embeddings).")
    sample = f"a seed-0 sample of {senate_sample} files" if senate_sample else "all files"
    parts.append(f"Senate: {sample} (7,391 in the folder); side = party of the senator.")
    parts.append("WH readouts: US side only; sides are those inferred by extraction.")
    parts.append("Topic model: TopicModel(random_state=0) defaults (exact linkage < 4,000 statements, "
                 "k-means cells then linkage above). Each size runs in its own process; peak RSS is its VmHWM "
                 "(includes the loaded embedding model and all releases of the corpus).")
    for name, f in results.items():
        parts.append(f"\n### {name}: cost growth (first N releases by date, cached embeddings)\n")
        parts.append(md_table(
            ["releases", "statements", "extract (s)", "embed, cached (s)", "fit (s)", "summary (s)", "total (s)",
             "themes", "repeated claims", "peak RSS (MB)"],
            [[g["releases"], g["statements"], f"{g['extract_s']:.1f}", f"{g['embed_cached_s']:.1f}",
              f"{g['fit_s']:.2f}", f"{g['summary_s']:.2f}", f"{g['total_s']:.1f}", g["themes"],
              g["repeated_claims"], f"{g['peak_rss_mb']:.0f}"] for g in f["growth"]],
        ))
        parts.append(f"\nTop recurring themes (period: {f['period']}):\n")
        parts.append(md_table(
            ["id", "label", "releases", "first", "last", "statements per side"],
            [[t["id"], t["label"], t["releases"], t["first"], t["last"],
              ", ".join(f"{s} {n}" for s, n in t["sides"].items())] for t in f["top_recurring"]],
        ))
        parts.append("\nMost repeated claims:\n")
        parts.append(md_table(
            ["claim", "releases", "first", "text"],
            [[c["id"], c["releases"], c["first"], c["text"]] for c in f["repeated_claims_top"]],
        ))
    return "\n".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--warm", action="store_true", help="only fill the embedding cache")
    parser.add_argument("--senate-sample", type=int, default=0, help="first N files of a seed-0 shuffle (0: all)")
    parser.add_argument("--only", choices=CORPORA, default=None)
    parser.add_argument("--worker", dest="task", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--corpus", choices=CORPORA, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    if args.task:
        worker(args)
        return
    names = [args.only] if args.only else list(CORPORA)
    if args.warm:
        warm(names, args.senate_sample)
        return
    results = {name: bench_corpus(name, args.senate_sample) for name in names}
    record(
        "themes",
        "Theme tracking (themes, repeated claims, incremental updates)",
        markdown(results, args.senate_sample),
        {"senate_sample": args.senate_sample, **results},
        order=60,
    )


if __name__ == "__main__":
    sys.exit(main())
