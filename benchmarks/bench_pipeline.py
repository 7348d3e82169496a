"""The whole pipeline at 1k, 10k and 100k statements: time and memory per step.

Input: US Senate press releases (Grimmer; 4 Democrats, 4 Republicans) from
``../shared/datasets``, shuffled with a fixed seed; releases are taken in that
order until extraction has produced the wanted number of statements. All of
them give ~88k statements, so the 100k run goes on with White House readouts
and then PolNeAR news articles (train split). The two sides compared are the
parties (each Senate release's issuer).

Every size runs in its own subprocess (honest peak RSS), in three modes:

``cold``
    A fresh, empty embedding cache: every statement goes through the model.
``cached``
    ``analyze()`` on the same releases with the filled embedding cache and no
    stored analysis: extraction, clustering and comparison run again, no model
    is loaded. It stores its analysis.
``stored``
    ``analyze()`` once more (fresh process): it reads the releases and loads
    the analysis the ``cached`` run stored.
``incremental``
    ThemeTracker fitted on the first 90% of releases (cached), then
    ``update`` with the last 10%: only their new statements are embedded.

A raw ``SentenceTransformer.encode`` of the same statement texts (batch 32,
torch) runs in its own subprocess in the same benchmark run, as the yardstick.
Steps after embedding are fitted with a log-log slope (time and memory ~ n^k).

Run: ``python benchmarks/bench_pipeline.py [--sizes 1000 10000 100000] [--cached-only 100000]``
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

from _harness import DATASETS, RESULTS_DIR, ROOT, md_table, peak_rss_mb, record

GRIMMER = DATASETS / "grimmer_senate_press_releases" / "raw"
PARTY = {
    "Reid": "Democrats", "Durbin": "Democrats", "Obama": "Democrats", "Kerry": "Democrats",
    "McConnell": "Republicans", "Frist": "Republicans", "Lugar": "Republicans", "Ensign": "Republicans",
}
SIDES = ("Democrats", "Republicans")
SEED = 0
POST_EMBEDDING = ("topics + themes", "compare sides", "similarity matrix")


def current_rss_mb() -> float:
    """Resident memory now, in MB."""
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


#: File of each release read by :func:`load_and_extract` (a release's ``source`` may be a URL).
_PATHS: dict[str, Path] = {}


def release_files() -> list[Path]:
    """Senate press releases first; then, for sizes they cannot fill (all of them give ~88k statements),
    White House readouts and PolNeAR news articles (train split). Each corpus shuffled with the seed."""
    files = []
    for corpus in (sorted(GRIMMER.rglob("*.txt")), sorted((DATASETS / "wh_readouts").rglob("*.md")),
                   sorted((DATASETS / "polnear" / "train" / "text").glob("*.txt"))):
        random.Random(SEED).shuffle(corpus)
        files += corpus
    return files


def read_release(path: Path) -> Any:
    """One release of any of the three corpora (Senate files get the party as issuer)."""
    from claimcmp import Release

    if path.suffix == ".md":
        from claimcmp import load_releases

        return load_releases([path])[0]
    if GRIMMER not in path.parents:
        return Release(id=path.stem, text=path.read_text(encoding="utf-8", errors="replace").strip(), source=str(path))
    match = re.match(r"(\d{1,2}[A-Za-z]{3}\d{4})", path.name)
    date = datetime.strptime(match.group(1), "%d%b%Y").date().isoformat() if match else None
    # The files pad fields with long runs of spaces: treat those as line breaks.
    text = re.sub(r"[ \t]{2,}", "\n", path.read_text(encoding="utf-8", errors="replace")).strip()
    return Release(id=path.stem, text=text, date=date, issuer=PARTY[path.parent.name], source=str(path))


def load_and_extract(size: int) -> tuple[list[Any], list[Any]]:
    """Releases in seeded order until their statements reach ``size``."""
    from claimcmp.extract import extract_statements

    releases, statements = [], []
    for path in release_files():
        release = read_release(path)
        if release.id in _PATHS or not release.text:  # the readouts hold a few releases twice
            continue
        _PATHS[release.id] = path
        found = extract_statements(release)
        if not found:
            continue
        releases.append(release)
        statements.extend(found)
        if len(statements) >= size:
            break
    return releases, statements


def save_selection(cache_dir: str, size: int, releases: list[Any]) -> None:
    """Remember which release files a cold run used, so later modes read the same ones."""
    (Path(cache_dir) / f"selection-{size}.json").write_text(json.dumps([str(_PATHS[r.id]) for r in releases]))


def run_analyze(size: int, cache_dir: str, mode: str) -> dict[str, Any]:
    """``cached`` / ``stored`` modes: the releases through ``claimcmp.analyze`` as a user runs it."""
    from claimcmp import analyze
    from claimcmp.embed import Embedder

    chosen = Path(cache_dir) / f"selection-{size}.json"
    if not chosen.is_file():  # a cached-only size: choose the releases now, untimed
        save_selection(cache_dir, size, load_and_extract(size)[0])
    selected = json.loads(chosen.read_text())
    t0 = time.perf_counter()
    releases = [read_release(Path(p)) for p in selected]
    read_s = time.perf_counter() - t0
    embedder = Embedder(cache_dir=cache_dir)
    t1 = time.perf_counter()
    analysis = analyze(releases, pair=SIDES, embedder=embedder, cache_dir=cache_dir)
    analyze_s = time.perf_counter() - t1
    return {
        "size": size, "mode": mode, "statements": len(analysis.statements), "releases": len(releases),
        "steps": {"read releases": {"s": read_s}, "analyze": {"s": analyze_s}},
        "total_s": read_s + analyze_s, "relations": len(analysis.relations), "topics": len(analysis.topics),
        "peak_rss_mb": peak_rss_mb(), "model_loaded": embedder.is_loaded, "encoded": embedder.stats.encoded,
        "backend": embedder.active_backend, "torch_imported": "torch" in sys.modules,
    }


STC = DATASETS / "short_text_clustering"


def sentence_corpus(size: int) -> tuple[list[Any], list[Any]]:
    """``size`` real short texts (news titles, snippets, questions, paper titles) as releases of 25 statements.

    Used where extracting ``size`` statements from press releases does not fit in the time
    available: the post-embedding steps only see statements and vectors. Releases alternate
    between two issuers (the sides) and run one a day.
    """
    from datetime import date, timedelta

    from claimcmp import Release, Statement, StatementKind

    pool: list[str] = []
    for name in ("SearchSnippets", "StackOverflow", "Biomedical"):
        pool += (STC / f"{name}.txt").read_text(encoding="utf-8-sig").splitlines()
    for name in ("AGNews-8000", "GoogleNews-TS", "GoogleNews-T", "GoogleNews-S", "Tweet"):
        for line in (STC / f"{name}.tsv").read_text(encoding="utf-8-sig").splitlines():
            if line.strip():
                pool.append(line.partition("\t")[2])
    for split in ("train", "dev", "test"):
        for line in (DATASETS / "stsb" / f"sts-{split}.csv").read_text(encoding="utf-8").splitlines():
            pool += line.split("\t")[5:7]
    pool = [t for t in dict.fromkeys(pool) if t.strip() and "\n" not in t]
    random.Random(SEED).shuffle(pool)
    texts = pool[:size]
    releases, statements = [], []
    for n, start in enumerate(range(0, len(texts), 25)):
        group = texts[start : start + 25]
        side = SIDES[n % 2]
        release = Release(id=f"r{n:05d}", text="\n".join(group), issuer=side,
                          date=(date(2020, 1, 1) + timedelta(days=n // 2)).isoformat())
        releases.append(release)
        offset = 0
        for text in group:
            statements.append(Statement.from_span(release, offset, offset + len(text), speaker=f"{side} spokesperson",
                                                  side=side, kind=StatementKind.REPORTED))
            offset += len(text) + 1
    return releases, statements


def cached_or_jittered(embedder: Any, statements: list[Any], sigma: float = 0.02) -> tuple[Any, int]:
    """Vectors for ``statements`` without the model: cached ones where present, else a jittered copy.

    A statement whose text is not in the cache gets the vector of a randomly chosen
    cached statement plus Gaussian noise (``sigma`` per axis, cosine ~0.93 to its
    source: a close paraphrase), renormalised. Returns the matrix and how many rows are real.
    """
    import numpy as np

    from claimcmp.embed import text_key

    keys = [text_key(s.text) for s in statements]
    found = embedder.cache.get_many(embedder.identity, keys)
    real = [i for i, k in enumerate(keys) if k in found]
    if not real:
        raise SystemExit("no cached vectors: run the sentence-corpus prefill first")
    rng = np.random.default_rng(SEED)
    vectors = np.empty((len(keys), 384), dtype=np.float32)
    for i in real:
        vectors[i] = found[keys[i]]
    missing = np.asarray([i for i, k in enumerate(keys) if k not in found], dtype=np.int64)
    if missing.size:
        sources = vectors[rng.choice(np.asarray(real), size=missing.size)]
        noisy = sources + rng.normal(0.0, sigma, size=sources.shape).astype(np.float32)
        vectors[missing] = noisy / np.linalg.norm(noisy, axis=1, keepdims=True)
    return vectors, len(real)


class _Topics:
    """Topic ids and topics in the shape compare_sides reads from a fitted model."""

    def __init__(self, labels: Any, topics: Any) -> None:
        self.labels_ = labels
        self.topics_ = topics


def post_embedding(releases: list[Any], statements: list[Any], vectors: Any, embedder: Any, mark: Any) -> dict[str, Any]:
    """Topics + themes, side comparison and similarity matrix, as ``analyze`` runs them."""
    import numpy as np

    from claimcmp.analysis import cross_side_similarity
    from claimcmp.compare import compare_sides
    from claimcmp.errors import ConfigurationError
    from claimcmp.themes import ThemeTracker
    from claimcmp.topics import TopicModel

    def step(name: str, start: float) -> None:
        if mark is not None:
            mark(name, start)

    out: dict[str, Any] = {}
    t0 = time.perf_counter()
    tracker = ThemeTracker(embedder=embedder, topic_model=TopicModel(random_state=0), random_state=0)
    tracker.fit(releases, statements=statements, embeddings=vectors)
    model = tracker.topic_model_
    # as analyze() reads them: scene-setting statements (theme -1) are in no topic
    label_of = {s.id: int(t) for s, t in zip(tracker.statements_, tracker.theme_ids_, strict=True) if t >= 0}
    topic_ids = [label_of.get(s.id) for s in statements]
    tracker.result()
    step("topics + themes", t0)
    t0 = time.perf_counter()
    labels = np.asarray([-1 if t is None else t for t in topic_ids], dtype=np.int64)
    limit = int(os.environ.get("BENCH_COMPARE_MAX", "0") or 0)
    if limit and len(statements) > limit:  # too slow to wait for on a loaded machine: say so
        out["compare_skipped"] = f"more than BENCH_COMPARE_MAX={limit} statements"
    else:
        try:
            comparison = compare_sides(
                statements, SIDES, embeddings=vectors, topics=_Topics(labels, list(model.topics_)),
                embedder=embedder, top_k=5, min_cosine=0.3,
            )
            out["relations"] = len(comparison.relations)
        except ConfigurationError as exc:  # the relation head is not built yet on this checkout
            out["compare_error"] = exc.one_line()
        step("compare sides", t0)
    t0 = time.perf_counter()
    cross_side_similarity(statements, vectors, topic_ids, {t.id: t.label for t in model.topics_}, SIDES)
    step("similarity matrix", t0)
    out["topics"] = len(model.topics_)
    return out


def run_pipeline(size: int, cache_dir: str, mode: str) -> dict[str, Any]:
    """One size in one process; per step: seconds, RSS after, peak RSS so far."""
    from claimcmp.embed import Embedder, text_key
    from claimcmp.themes import ThemeTracker
    from claimcmp.topics import TopicModel

    steps: dict[str, dict[str, float]] = {}

    def mark(name: str, start: float) -> None:
        steps[name] = {
            "s": time.perf_counter() - start,
            "rss_mb": current_rss_mb(),
            "peak_rss_mb": peak_rss_mb(),
        }
        print("STEP", json.dumps({"size": size, "mode": mode, "step": name, **steps[name]}), file=sys.stderr, flush=True)

    t0 = time.perf_counter()
    if mode.startswith("sentences"):  # statements given, not extracted; fp32 vectors (torch's)
        releases, statements = sentence_corpus(size)
        mark("build statements (no extraction)", t0)
        embedder = Embedder(cache_dir=cache_dir, backend="onnx")
    else:
        releases, statements = load_and_extract(size)
        mark("load + extract", t0)
        if mode == "cold":
            save_selection(cache_dir, size, releases)
        embedder = Embedder(cache_dir=cache_dir)
    out: dict[str, Any] = {"size": size, "mode": mode, "statements": len(statements), "releases": len(releases)}

    if mode == "incremental":
        # Yesterday's run saw the first 90% of releases: a cache holding exactly their vectors
        # (copied from the filled cache, no model work), then today's update adds the last 10%.
        cut = int(len(releases) * 0.9)
        old_ids = {r.id for r in releases[:cut]}
        old = [s for s in statements if s.release_id in old_ids]
        new = [s for s in statements if s.release_id not in old_ids]
        today = tempfile.mkdtemp(prefix="claimcmp-bench-incr-")
        if (Path(cache_dir) / "onnx").is_dir():
            (Path(today) / "onnx").symlink_to(Path(cache_dir) / "onnx", target_is_directory=True)
        filled = Embedder(cache_dir=cache_dir)
        embedder = Embedder(cache_dir=today)
        old_texts = list(dict.fromkeys(s.text for s in old))
        embedder.cache.put_many(embedder.identity, zip(map(text_key, old_texts), filled.encode(old_texts)))
        assert not filled.is_loaded, "the filled cache must hold every statement (run mode 'cold' first)"
        t0 = time.perf_counter()
        vectors = embedder.encode([s.text for s in old])
        tracker = ThemeTracker(embedder=embedder, topic_model=TopicModel(random_state=0), random_state=0)
        tracker.fit(releases[:cut], statements=old, embeddings=vectors)
        mark("fit on 90% (cached)", t0)
        loaded_before_update = embedder.is_loaded
        t0 = time.perf_counter()
        new_vectors = embedder.encode([s.text for s in new])
        tracker.update(releases[cut:], statements=new, embeddings=new_vectors)
        mark("update with last 10%", t0)
        out.update(
            new_releases=len(releases) - cut,
            new_statements=len(new),
            new_distinct_texts=len({s.text for s in new} - set(old_texts)),
            encoded_in_update=embedder.stats.encoded,
            model_loaded_before_update=loaded_before_update,
        )
        shutil.rmtree(today, ignore_errors=True)
    else:
        t0 = time.perf_counter()
        if mode == "sentences":
            vectors, out["real_vectors"] = cached_or_jittered(embedder, statements)
            mark("vectors (cache, no model)", t0)
        else:
            vectors = embedder.encode([s.text for s in statements])
            mark("embed", t0)
        # Warm-up on the first releases: imports and one-time set-up, kept out of the growth fit.
        t0 = time.perf_counter()
        few = {r.id for r in releases[:10]}
        rows = [i for i, st in enumerate(statements) if st.release_id in few]
        post_embedding([r for r in releases if r.id in few], [statements[i] for i in rows], vectors[rows], embedder, None)
        mark("warm-up (imports, on 10 releases)", t0)
        out.update(post_embedding(releases, statements, vectors, embedder, mark))
    out.update(
        steps=steps,
        total_s=sum(m["s"] for m in steps.values()),
        peak_rss_mb=peak_rss_mb(),
        model_loaded=embedder.is_loaded,
        encoded=embedder.stats.encoded,
        backend=embedder.active_backend,
        torch_imported="torch" in sys.modules,
    )
    return out


def run_raw_encode(size: int) -> dict[str, Any]:
    """The yardstick: ``SentenceTransformer.encode`` of the same texts, model load excluded."""
    _, statements = load_and_extract(size)
    texts = [s.text for s in statements]
    from claimcmp.embed import resolve_model

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(resolve_model(None).path, device="cpu")
    model.encode(texts[:32], batch_size=32)
    t0 = time.perf_counter()
    model.encode(texts, batch_size=32, normalize_embeddings=True, show_progress_bar=False)
    seconds = time.perf_counter() - t0
    return {"size": size, "mode": "raw", "statements": len(texts), "s": seconds, "peak_rss_mb": peak_rss_mb()}


def subprocess_json(args: list[str], log: Path) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with log.open("a") as err:
        out = subprocess.run(
            [sys.executable, __file__, *args], stdout=subprocess.PIPE, stderr=err, text=True, env=env, check=True
        )
    line = out.stdout.strip().splitlines()[-1]
    result = json.loads(line)
    # kept apart too, so a later failure loses nothing: pass these files to --merge
    (log.parent / f"claimcmp-bench-{result['mode']}-{result['size']}.json").write_text(line + "\n")
    return result


def fresh_cache(shared: Path) -> Path:
    """An empty embedding cache that still sees the one-time ONNX export of the shared one."""
    folder = Path(tempfile.mkdtemp(prefix="claimcmp-bench-cold-"))
    if (shared / "onnx").is_dir():
        (folder / "onnx").symlink_to(shared / "onnx", target_is_directory=True)
    return folder


def slope(xs: list[float], ys: list[float]) -> float | None:
    """Least-squares slope of log(y) on log(x)."""
    pts = [(math.log(x), math.log(y)) for x, y in zip(xs, ys, strict=True) if x > 0 and y > 0]
    if len(pts) < 2:
        return None
    mx = sum(p[0] for p in pts) / len(pts)
    my = sum(p[1] for p in pts) / len(pts)
    den = sum((p[0] - mx) ** 2 for p in pts)
    return sum((p[0] - mx) * (p[1] - my) for p in pts) / den if den else None


def plot(cold: list[dict[str, Any]], series: list[dict[str, Any]], path: Path) -> None:
    """Seconds per step and peak RSS against statements, log-log."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (ax_t, ax_m) = plt.subplots(1, 2, figsize=(10, 4))
    for group, names, style in (
        (cold, ("load + extract", "embed"), "-"),
        (series, POST_EMBEDDING, "--"),
    ):
        if not group:
            continue
        for step in names:
            timed_runs = [r for r in group if step in r["steps"]]
            ax_t.plot([r["statements"] for r in timed_runs], [max(r["steps"][step]["s"], 1e-3) for r in timed_runs],
                      style, marker="o", label=step)
    if cold:
        ax_m.plot([r["statements"] for r in cold], [r["peak_rss_mb"] for r in cold], "-", marker="o",
                  label="press releases, cold (with model)")
    if series:
        ax_m.plot([r["statements"] for r in series], [r["peak_rss_mb"] for r in series], "--", marker="o",
                  label="given statements, cached vectors")
    for ax, label in ((ax_t, "seconds"), (ax_m, "peak RSS, MB")):
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xlabel("statements")
        ax.set_ylabel(label)
        ax.grid(True, which="both", alpha=0.3)
        ax.legend(fontsize=7)
    ax_t.set_title("time per step (solid: press releases, cold; dashed: after embedding)")
    ax_t.title.set_fontsize(8)
    ax_m.set_title("peak memory per run")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000, 100000])
    parser.add_argument(
        "--merge", nargs="*", default=[], metavar="FILE",
        help="worker results (one JSON object per file, e.g. a long 100k cold run made apart) to add to the report",
    )
    parser.add_argument(
        "--sentence-sizes", type=int, nargs="*", default=[1000, 10000, 100000],
        help="sizes of the post-embedding series on given statements with cached vectors (mode 'sentences')",
    )
    parser.add_argument("--keep", action="store_true", help="keep the runs already in results/pipeline.json")
    parser.add_argument(
        "--cached-only", type=int, nargs="*", default=[],
        help="sizes measured only on a pre-filled shared cache (no cold run, no raw encode)",
    )
    parser.add_argument("--worker", nargs=3, metavar=("SIZE", "CACHE", "MODE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        size, cache, mode = int(args.worker[0]), args.worker[1], args.worker[2]
        if mode == "raw":
            result = run_raw_encode(size)
        elif mode in ("cached", "stored"):
            result = run_analyze(size, cache, mode)
        else:
            result = run_pipeline(size, cache, mode)
        print(json.dumps(result))
        return

    from claimcmp.embed import default_cache_dir

    shared = default_cache_dir()
    log = Path(tempfile.gettempdir()) / "claimcmp-bench-pipeline.log"
    runs: dict[str, list[dict[str, Any]]] = {
        "cold": [], "cached": [], "stored": [], "incremental": [], "raw": [], "sentences": []
    }
    if args.keep and (RESULTS_DIR / "pipeline.json").is_file():
        kept = json.loads((RESULTS_DIR / "pipeline.json").read_text())["figures"]["runs"]
        for mode, items in kept.items():
            skip = args.sentence_sizes if mode == "sentences" else args.sizes
            runs.setdefault(mode, []).extend(r for r in items if r["size"] not in skip)
    for file in args.merge:
        result = json.loads(Path(file).read_text().strip().splitlines()[-1])
        runs[result["mode"]] = [r for r in runs[result["mode"]] if r["size"] != result["size"]] + [result]
    for size in args.sizes:
        cached_only = size in args.cached_only
        cold_dir = shared if cached_only else fresh_cache(shared)
        try:
            if not cached_only:
                runs["raw"].append(subprocess_json(["--worker", str(size), "-", "raw"], log))
                runs["cold"].append(subprocess_json(["--worker", str(size), str(cold_dir), "cold"], log))
            runs["cached"].append(subprocess_json(["--worker", str(size), str(cold_dir), "cached"], log))
            runs["stored"].append(subprocess_json(["--worker", str(size), str(cold_dir), "stored"], log))
            runs["incremental"].append(subprocess_json(["--worker", str(size), str(cold_dir), "incremental"], log))
        finally:
            if not cached_only:
                shutil.rmtree(cold_dir, ignore_errors=True)
        print(json.dumps({k: v[-1] for k, v in runs.items() if v and v[-1]["size"] == size}), flush=True)
    for size in args.sentence_sizes:
        runs["sentences"] = [r for r in runs["sentences"] if r["size"] != size]
        runs["sentences"].append(subprocess_json(["--worker", str(size), str(shared), "sentences"], log))
        print(json.dumps(runs["sentences"][-1]), flush=True)
    report(runs)


def report(runs: dict[str, list[dict[str, Any]]]) -> None:
    for items in runs.values():
        items.sort(key=lambda r: r["size"])
    cold = runs["cold"]
    cached = runs["cached"]
    rows = []
    for run in cold:
        for step, m in run["steps"].items():
            rows.append([f"{run['statements']:,}", step, f"{m['s']:.2f}", f"{m['rss_mb']:.0f}", f"{m['peak_rss_mb']:.0f}"])
    series = runs.get("sentences", [])
    exponents: dict[str, dict[str, float | None]] = {}
    for label, group, names in (
        ("press releases, cold", cold, ("load + extract", "embed", *POST_EMBEDDING)),
        ("given statements, cached vectors", series, POST_EMBEDDING),
    ):
        xs = [r["statements"] for r in group]
        for step in names:
            timed_runs = [r for r in group if step in r["steps"]]
            exponents[f"{step} ({label})"] = {
                "n^k": slope([r["statements"] for r in timed_runs], [r["steps"][step]["s"] for r in timed_runs])
            }
        exponents[f"peak RSS of the run ({label})"] = {"n^k": slope(xs, [r["peak_rss_mb"] for r in group])}
    series_rows = [
        [f"{r['statements']:,}", f"{r.get('real_vectors', 0):,}"]
        + [f"{r['steps'][step]['s']:.2f}" if step in r["steps"] else "not run" for step in POST_EMBEDDING]
        + [f"{r['peak_rss_mb']:.0f}", r["model_loaded"], r["torch_imported"]]
        for r in series
    ]
    cold_rows = []
    for run in cold:
        raw = next((r for r in runs["raw"] if r["size"] == run["size"]), None)
        warm = next((r for r in cached if r["size"] == run["size"]), None)
        stored = next((r for r in runs.get("stored", []) if r["size"] == run["size"]), None)
        no_extract = run["total_s"] - run["steps"]["load + extract"]["s"]
        cold_rows.append(
            [
                f"{run['statements']:,}", run["backend"], "-" if raw is None else f"{raw['s']:.1f}",
                f"{run['steps']['embed']['s']:.1f}", f"{run['total_s']:.1f}",
                "-" if raw is None else f"x{run['total_s'] / raw['s']:.2f}",
                f"{no_extract:.1f}", "-" if raw is None else f"x{no_extract / raw['s']:.2f}",
                "-" if warm is None else f"{warm['total_s']:.1f}",
                "-" if warm is None else f"x{run['total_s'] / warm['total_s']:.1f}",
                "-" if stored is None else f"{stored['total_s']:.2f}",
                "-" if stored is None else f"x{run['total_s'] / stored['total_s']:.0f}",
                f"{run['peak_rss_mb']:.0f}",
            ]
        )
    inc_rows = [
        [f"{r['statements']:,}", r["new_releases"], r["new_statements"], r["new_distinct_texts"],
         r["encoded_in_update"], r["model_loaded_before_update"], f"{r['steps']['fit on 90% (cached)']['s']:.2f}",
         f"{r['steps']['update with last 10%']['s']:.2f}"]
        for r in runs["incremental"]
    ]
    figure = RESULTS_DIR / "pipeline.svg"
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    try:
        plot(cold, series, figure)
    except ImportError:  # matplotlib is in the bench extra; the tables do not need it
        print("matplotlib is not installed (pip install -e '.[bench]'): pipeline.svg not redrawn", file=sys.stderr)
    markdown = "### Cold run vs raw `SentenceTransformer.encode` (same statements, same benchmark run)\n\n"
    markdown += md_table(
        ["statements", "backend", "raw encode s", "embed s", "whole analysis s", "whole / raw",
         "analysis without extraction s", "that / raw", "re-run, embeddings cached s", "cold / that",
         "re-run, analysis stored s", "cold / stored", "peak RSS MB"],
        cold_rows,
    )
    markdown += (
        "\n\nRaw encode is torch at batch 32 on this shared machine, where torch's threads suffer most from "
        "the other jobs' load (see *Embedding backends*: torch and ONNX measured side by side); the cold "
        "analysis embeds with the `auto` backend (float32 ONNX since issue #19; the `backend` column says "
        "which backend a row ran, rows kept from older runs included). Re-runs are `claimcmp.analyze()` in a fresh "
        "process on the same release files (reading them included): *embeddings cached* extracts, clusters "
        "and compares again with every vector from the cache (no model loaded) and stores its analysis; "
        "*analysis stored* is the next identical run, which loads that stored analysis (see "
        "`docs/performance.md`, *Stored analyses*). Statements come from Senate press releases (parties as "
        "sides); all of them give about 88k statements, so the largest run continues with White House readouts "
        "and PolNeAR news articles (their statements belong to neither compared side)."
    )
    markdown += "\n\n### Per step (cold runs; cached re-runs in `results/pipeline.json`)\n\n"
    markdown += md_table(["statements", "step", "seconds", "RSS after MB", "peak RSS so far MB"], rows)
    markdown += "\n\n### Growth exponents (least-squares log-log slope over the sizes of a series)\n\n"
    markdown += md_table(
        ["seconds of a step, or peak RSS (series)", "k in cost ~ n^k"],
        [[s, "-" if e["n^k"] is None else f"{e['n^k']:.2f}"] for s, e in exponents.items()],
    )
    markdown += (
        "\n\n### Steps after embedding at 1k / 10k / 100k (given statements, vectors from the cache)\n\n"
        "Real short texts (news titles, search snippets, Stack Overflow questions, paper titles, STS-B "
        "sentences; `short_text_clustering` and `stsb`), 25 to a release, releases alternating between two "
        "sides. Vectors come from the embedding cache (fp32, torch-identical); where a text was not yet cached "
        "(the 100k cold embedding did not fit in the time this shared machine allowed), the row gets the "
        "vector of a random cached text plus Gaussian jitter (σ = 0.02 per axis, cosine ≈ 0.93): "
        "`real vectors` says how many rows are genuine.\n\n"
    )
    markdown += md_table(
        ["statements", "real vectors", *[f"{s} s" for s in POST_EMBEDDING], "peak RSS MB", "model loaded",
         "torch imported"],
        series_rows,
    )
    skipped = [r for r in series if "compare_skipped" in r]
    measured = [r for r in series if "compare sides" in r["steps"]]
    if skipped and measured:
        last = measured[-1]
        k = exponents.get("compare sides (given statements, cached vectors)", {}).get("n^k") or 2.0
        projected = last["steps"]["compare sides"]["s"] * (skipped[0]["statements"] / last["statements"]) ** k
        markdown += (
            f"\n\n`compare sides` was not run at {skipped[0]['statements']:,} statements: from "
            f"{last['steps']['compare sides']['s']:.0f} s at {last['statements']:,} and its growth (n^{k:.2f}) "
            f"it would take about {projected / 60:.0f} minutes: of the steps after embedding, it is the one "
            "that does not yet grow near-linearly."
        )
    markdown += (
        "\n\n### Incremental update\n\nA cache holding the first 90% of releases' vectors; ThemeTracker fitted "
        "on them (no model loaded), then the last 10% embedded and added with `ThemeTracker.update`: only texts "
        "never seen before reach the model.\n\n"
    )
    markdown += md_table(
        ["statements", "new releases", "new statements", "new distinct texts", "embedded in update",
         "model loaded before update", "fit on 90% s (cached)", "update s"], inc_rows
    )
    markdown += (
        f"\n\n![cost vs size](results/{figure.name})\n\n"
        "Exponents of the cold series come from two sizes and include fixed costs (imports, model load), "
        "so they read below 1 for extraction and embedding. Each size and mode ran in its own process. Cold runs start from an empty embedding cache (the one-time "
        "ONNX export is reused, like the installed model); raw encode is torch `SentenceTransformer.encode`, "
        "batch 32, model load excluded. The machine is a shared 2-core box under load from other jobs: compare "
        "figures within one size."
    )
    figures = {"runs": runs, "exponents": exponents}
    record("pipeline", "Whole pipeline at 1k / 10k / 100k statements", markdown, figures, order=80)


if __name__ == "__main__":
    main()
