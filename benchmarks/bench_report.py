"""Report speed and size: the seed's HTML report cold and cached, and a 1,000-release HTML report.

Targets (issue 7): the seed's HTML report < 15 s cold (model import and load
included) and < 2 s with every embedding cached (no model import); the HTML
report of 1,000 releases < 10 MB and opening in Chromium in < 3 s.

Run from the repository root: ``python benchmarks/bench_report.py [--n 1000]``.
The seed runs use a fresh temporary embedding cache; the 1,000-release run
uses the normal cache (``$CLAIMCMP_CACHE_DIR`` or the user cache), so a
second run embeds nothing.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _harness import DATASETS, ROOT, md_table, peak_rss_mb, record, timed

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
]
PROBE = (
    "import sys, time; t = time.perf_counter(); from claimcmp.cli import main; "
    "code = main(sys.argv[1:]); "
    "print('torch_imported=%d wall=%.3f' % ('torch' in sys.modules, time.perf_counter() - t)); sys.exit(code)"
)


def _cli_report(out: Path, cache: Path, *extra: str) -> tuple[float, bool]:
    env = {**os.environ, "CLAIMCMP_CACHE_DIR": str(cache), "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", PROBE, "report", "fixtures/opcw_seed.txt", "-o", str(out), "-q", *extra],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"claimcmp report failed: {done.stderr.strip()[-800:]}")
    return wall, "torch_imported=1" in done.stdout


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return shutil.which(name)
    return None


def _open_time(chromium: str, page: Path, profile: Path) -> float:
    start = time.perf_counter()
    done = subprocess.run(
        [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=300,
    )
    if done.returncode != 0 or "</html>" not in done.stdout:
        raise SystemExit(f"chromium failed on {page}: {done.stderr[-500:]}")
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=1000, help="releases of wh_readouts for the large report")
    args = parser.parse_args()
    load = os.getloadavg()[0]
    rows = []
    figures: dict[str, object] = {"load_average_1min": round(load, 1)}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        cold, cold_torch = _cli_report(tmp / "cold.html", tmp / "cache")
        warm, warm_torch = min(
            (_cli_report(tmp / "warm.html", tmp / "cache", "--fresh") for _ in range(3)), key=lambda x: x[0]
        )
        stored, stored_torch = min((_cli_report(tmp / "stored.html", tmp / "cache") for _ in range(3)), key=lambda x: x[0])
        same = (tmp / "cold.html").read_bytes() == (tmp / "warm.html").read_bytes() == (tmp / "stored.html").read_bytes()
        figures.update(seed_cold_s=round(cold, 2), seed_cached_s=round(warm, 2), seed_cached_imports_torch=warm_torch,
                       seed_stored_s=round(stored, 2), seed_stored_imports_torch=stored_torch,
                       seed_cold_imports_torch=cold_torch, seed_reports_identical=same)
        rows.append(["seed HTML report, cold (empty cache; model import + load)", f"{cold:.2f} s", "< 15 s"])
        rows.append([f"seed HTML report, embeddings cached, analysis recomputed (`--fresh`, best of 3; torch "
                     f"imported: {warm_torch})", f"{warm:.2f} s", "< 2 s"])
        rows.append([f"seed HTML report, stored analysis reused (best of 3; torch imported: {stored_torch})",
                     f"{stored:.2f} s", ""])
        rows.append(["the three HTML files byte-identical", str(same), ""])

        from claimcmp.analysis import analyze

        files = sorted((DATASETS / "wh_readouts").rglob("*.md"))[: args.n]
        with timed() as t_analyze:
            analysis = analyze(files, on_error="skip")
        with timed() as t_html:
            html = analysis.to_html(tmp / "large.html")
        size_mb = len(html.encode("utf-8")) / 1e6
        figures.update(large_releases=len(analysis.releases), large_statements=len(analysis.statements),
                       large_analyze_s=round(t_analyze["s"], 1), large_html_s=round(t_html["s"], 2),
                       large_html_mb=round(size_mb, 2), peak_rss_mb=round(peak_rss_mb()))
        rows.append([f"{len(analysis.releases)} releases ({len(analysis.statements)} statements): analyze",
                     f"{t_analyze['s']:.1f} s", "—"])
        rows.append(["same: render HTML", f"{t_html['s']:.2f} s", "—"])
        rows.append(["same: HTML size", f"{size_mb:.2f} MB", "< 10 MB"])
        chromium = _chromium()
        if chromium:
            (tmp / "blank.html").write_text("<!DOCTYPE html><title>x</title><p>x</p>")
            base = min(_open_time(chromium, tmp / "blank.html", tmp / f"p{i}") for i in range(2))
            opened = min(_open_time(chromium, tmp / "large.html", tmp / f"q{i}") for i in range(2))
            figures.update(chromium_blank_s=round(base, 2), chromium_large_s=round(opened, 2),
                           chromium_large_minus_blank_s=round(opened - base, 2))
            rows.append(["same: Chromium --dump-dom, whole run (best of 2)", f"{opened:.2f} s", "—"])
            rows.append(["same: minus a blank page's run (load + layout of the report)", f"{opened - base:.2f} s", "< 3 s"])
    markdown = (
        md_table(["measure", "value", "target"], rows)
        + f"\n\nMachine load average at start: {load:.1f} (2 cores shared with other jobs inflate every time). "
        "Each seed run is a new process (`claimcmp report`). Cached: every embedding in the cache, so the model "
        "is never imported, and `--fresh` makes it extract, cluster and compare again; stored: the identical "
        "run loads the analysis the cold run stored. "
        f"Large report: the first {args.n} `*.md` files of wh_readouts, sorted by path."
    )
    record("report", "Reports: seed cold / cached, 1,000-release HTML", markdown, figures, order=70)


if __name__ == "__main__":
    main()
