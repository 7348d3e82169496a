"""Theme tracking at scale: White House readouts and Senate press releases.

Records, for each corpus: extraction + embedding time cold (fresh cache, on
the first 100 releases) and cached (all releases), the cost growth of a full
fit from 100 releases to all, peak memory, the time to add one release to a
tracker of 1,000 releases (target < 2 s, cached embeddings), and the top
recurring themes.

Corpora:

* ``wh_readouts``: the 1,412 Markdown readouts (US side only, so sides are
  those inferred by extraction: mostly the US speakers and "joint"; the
  partner side appears where the readout reports what the partner said).
* ``grimmer_senate_press_releases``: a fixed-seed sample (``--senate-sample``,
  default 600 of 7,391 files, seed 0) — embedding all of them on the shared
  2-core machine takes hours, and exact average linkage over the ~17,000
  statements of 1,000 releases needs more memory than this machine has free.
  Side = party of the issuing senator; date and senator come from the file
  name (``10Apr2006Reid133.txt``). Part of this
  corpus has its punctuation stripped: long statements are cut into windows
  of about 40 words.

Run ``python benchmarks/bench_themes.py --warm`` first (in the background) to
fill the embedding cache; the timed run then measures cached times.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import logging
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from _harness import DATASETS, md_table, peak_rss_mb, record, timed

from claimcmp.embed import Embedder
from claimcmp.ingest import load_releases
from claimcmp.model import Release, Statement
from claimcmp.themes import ThemeTracker, Trend
from claimcmp.themes._statements import release_statements
from claimcmp.topics import TopicModel

#: Statements up to which the benchmark's topic model uses exact average linkage
#: (TopicModel's default switches to MiniBatchKMeans cells from 4000 on); the
#: default is timed once on all WH readouts for comparison.
EXACT_UP_TO = 12_000


def topic_model() -> TopicModel:
    return TopicModel(large_corpus_threshold=EXACT_UP_TO, random_state=0)

PARTY = {
    "Reid": "Democrat", "Durbin": "Democrat", "Obama": "Democrat", "Kerry": "Democrat",
    "McConnell": "Republican", "Frist": "Republican", "Lugar": "Republican", "Ensign": "Republican",
}
_SENATE_NAME = re.compile(r"^(\d{1,2})([A-Z][a-z]{2})(\d{4})([A-Za-z]+?)\d+$")


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


def load_senate(sample: int, seed: int = 0) -> list[Release]:
    files = sorted((DATASETS / "grimmer_senate_press_releases" / "raw").glob("*/*.txt"))
    if sample and sample < len(files):
        random.Random(seed).shuffle(files)  # a smaller sample is a prefix of a larger one
        files = sorted(files[:sample])
    result = load_releases(files, on_error="skip")
    releases = list(result)
    retry = [e.path for e in result.errors if e.path]  # a few files are Windows-1252, not UTF-8
    if retry:
        releases += list(load_releases(retry, on_error="skip", encoding="cp1252"))
    return sorted((senate_release(r) for r in releases), key=lambda r: r.id)


def senate_side(release: Release) -> str | None:
    return PARTY.get(release.issuer or "")


def extract_all(releases: list[Release]) -> list[Statement]:
    return [s for r in releases for s in release_statements(r)]


def warm(corpora: dict[str, tuple[list[Release], Any]]) -> None:
    """Extract and embed everything (fills the cache), logging progress."""
    embedder = Embedder(batch_size=64)
    for name, (releases, _) in corpora.items():
        texts = sorted({s.text for s in extract_all(releases)})
        start = time.perf_counter()
        for lo in range(0, len(texts), 1000):
            embedder.encode(texts[lo : lo + 1000])
            print(f"{name}: {lo + 1000}/{len(texts)} texts, {time.perf_counter() - start:.0f} s, {embedder.stats}",
                  flush=True)


def by_date(releases: list[Release]) -> list[Release]:
    return sorted(releases, key=lambda r: (r.date or "9999", r.id))


def bench_corpus(
    name: str, releases: list[Release], side_of: Any, sizes: list[int], with_default_topics: bool = False
) -> dict[str, Any]:
    releases = by_date(releases)
    figures: dict[str, Any] = {"releases": len(releases)}

    # cold: a fresh cache, the first 100 releases, the whole pipeline
    with tempfile.TemporaryDirectory() as cache:
        cold_embedder = Embedder(cache_dir=cache)
        cold_embedder.load()  # model loading is not embedding
        with timed() as t:
            cold = ThemeTracker(embedder=cold_embedder, side_of=side_of, topic_model=topic_model()).fit(releases[:100])
        figures["cold_100_s"] = t["s"]
        figures["cold_100_texts"] = cold_embedder.stats.encoded
        figures["cold_texts_per_s"] = cold_embedder.stats.encoded / t["s"]
        del cold

    embedder = Embedder()
    embedder.load()
    with timed() as t:
        statements = extract_all(releases)
    figures["extract_s"] = t["s"]
    figures["statements"] = len(statements)
    with timed() as t:
        vectors = embedder.embed_statements(statements)
    figures["embed_cached_s"] = t["s"]
    figures["embed_cache_stats"] = dataclasses.asdict(embedder.stats)
    figures["cold_all_s_extrapolated"] = len({s.text for s in statements}) / figures["cold_texts_per_s"]

    growth = []
    index = {r.id: [] for r in releases}
    for i, s in enumerate(statements):
        index[s.release_id].append(i)
    for size in [n for n in sizes if n < len(releases)] + [len(releases)]:
        part = releases[:size]
        rows = [i for r in part for i in index[r.id]]
        with timed() as t:
            tracker = ThemeTracker(embedder=embedder, side_of=side_of, topic_model=topic_model()).fit(
                part, statements=[statements[i] for i in rows], embeddings=vectors[rows]
            )
        with timed() as t_sum:
            series = tracker.result()
        growth.append({
            "releases": size, "statements": len(rows), "fit_s": t["s"], "summary_s": t_sum["s"],
            "themes": len(series.themes), "repeated_claims": len(series.claims), "peak_rss_mb": peak_rss_mb(),
        })
        print(growth[-1], flush=True)
    figures["growth"] = growth

    # cached end to end (extraction + cached embedding + fit + summary)
    with timed() as t:
        full = ThemeTracker(embedder=embedder, side_of=side_of, topic_model=topic_model()).fit(releases)
        series = full.result()
    figures["cached_all_s"] = t["s"]
    if with_default_topics:
        with timed() as t:
            ThemeTracker(embedder=embedder, side_of=side_of).fit(
                releases, statements=statements, embeddings=vectors
            )
        figures["fit_all_default_topicmodel_s"] = t["s"]

    # add one release to a tracker of 1,000 (cached embeddings)
    base = min(1000, len(releases) - 5)
    tracker = ThemeTracker(embedder=embedder, side_of=side_of, topic_model=topic_model()).fit(releases[:base])
    ids_before = (tracker.theme_ids_.copy(), list(tracker.claim_ids_))
    times = []
    for release in releases[base : base + 5]:
        with timed() as t:
            tracker.update([release])
        times.append(t["s"])
    assert (tracker.theme_ids_[: len(ids_before[0])] == ids_before[0]).all()
    assert tracker.claim_ids_[: len(ids_before[1])] == ids_before[1]
    figures["update_base"] = base
    figures["update_one_s"] = {"median": statistics.median(times), "max": max(times)}
    figures["peak_rss_mb"] = peak_rss_mb()

    top = [t for t in series.themes if t.trend is Trend.RECURRING][:8]
    figures["top_recurring"] = [
        {"id": t.id, "label": t.label, "releases": len(t.release_ids), "first": t.first_seen, "last": t.last_seen,
         "sides": t.side_totals}
        for t in top
    ]
    figures["repeated_claims_top"] = [
        {"id": c.id, "releases": len(c.release_ids), "first": c.first.date, "text": c.text[:120]}
        for c in series.claims[:5]
    ]
    figures["period"] = series.period
    return figures


def markdown(results: dict[str, dict[str, Any]], senate_sample: int) -> str:
    parts = []
    rows = []
    for name, f in results.items():
        rows.append([
            name, f["releases"], f["statements"], f"{f['cold_100_s']:.1f} ({f['cold_100_texts']} texts)",
            f"{f['cold_texts_per_s']:.0f}", f"{f['cold_all_s_extrapolated'] / 60:.1f} min",
            f"{f['extract_s']:.1f}", f"{f['embed_cached_s']:.1f}", f"{f['cached_all_s']:.1f}",
            f"{f['update_one_s']['median']:.3f} / {f['update_one_s']['max']:.3f} (to {f['update_base']})",
            f"{f['peak_rss_mb']:.0f}",
        ])
    parts.append(md_table(
        ["corpus", "releases", "statements", "cold, first 100 releases (s)", "cold texts/s", "cold, all (extrapolated)",
         "extract all (s)", "embed all, cached (s)", "extract+embed+fit+summary, cached (s)",
         "add 1 release to a tracker: median / max (s)", "peak RSS (MB)"],
        rows,
    ))
    parts.append("\nTarget: adding one release to a tracker of 1,000 releases < 2 s (cached embeddings).")
    parts.append(f"Senate: fixed-seed sample of {senate_sample} releases (seed 0); side = party of the senator.")
    parts.append("WH readouts: US side only; sides are those inferred by extraction.")
    parts.append(
        f"Topic model: TopicModel(large_corpus_threshold={EXACT_UP_TO}) (exact average linkage). "
        + "".join(
            f"With TopicModel defaults (MiniBatchKMeans cells), the fit of all {name} took "
            f"{f['fit_all_default_topicmodel_s']:.0f} s. "
            for name, f in results.items()
            if "fit_all_default_topicmodel_s" in f
        )
    )
    for name, f in results.items():
        parts.append(f"\n### {name}: cost growth (fit from precomputed statements and embeddings)\n")
        parts.append(md_table(
            ["releases", "statements", "fit (s)", "summary (s)", "themes", "repeated claims", "peak RSS (MB)"],
            [[g["releases"], g["statements"], f"{g['fit_s']:.2f}", f"{g['summary_s']:.2f}", g["themes"],
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
    parser.add_argument("--senate-sample", type=int, default=600)
    parser.add_argument("--only", choices=["wh_readouts", "senate"], default=None)
    parser.add_argument("--limit", type=int, default=0, help="first N releases of each corpus (smoke test)")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    corpora: dict[str, tuple[list[Release], Any]] = {}
    if args.only in (None, "wh_readouts"):
        corpora["wh_readouts"] = (load_wh(), None)
    if args.only in (None, "senate"):
        corpora["senate"] = (load_senate(args.senate_sample), senate_side)
    if args.limit:
        corpora = {name: (by_date(rels)[: args.limit], side_of) for name, (rels, side_of) in corpora.items()}
    if args.warm:
        warm(corpora)
        return
    sizes = [100, 250, 500, 1000]
    results = {
        name: bench_corpus(name, rels, side_of, sizes, with_default_topics=name == "wh_readouts")
        for name, (rels, side_of) in corpora.items()
    }
    record(
        "themes",
        "Theme tracking (themes, repeated claims, incremental updates)",
        markdown(results, args.senate_sample),
        {"senate_sample": args.senate_sample, **results},
        order=60,
    )


if __name__ == "__main__":
    sys.exit(main())
