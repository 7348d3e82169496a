"""Shared plumbing for the benchmark scripts.

Each ``benchmarks/bench_<name>.py`` computes its figures and calls
:func:`record`, which writes ``benchmarks/results/<name>.json`` and rebuilds
``benchmarks/RESULTS.md`` from every results file, so one benchmark can be
re-run alone without losing the others' figures.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import platform
import resource
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
RESULTS_DIR = BENCH_DIR / "results"
RESULTS_MD = BENCH_DIR / "RESULTS.md"
SHARED = Path(os.environ.get("CLAIMCMP_SHARED", ROOT.parent / "shared"))
DATASETS = SHARED / "datasets"

if str(ROOT) not in sys.path:  # run from a checkout without installing
    sys.path.insert(0, str(ROOT))


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=False
        ).stdout.strip()
    except OSError:
        commit = ""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_gib = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return {
        "commit": commit,
        "python": platform.python_version(),
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gib": round(mem_gib, 1),
        "date": _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    }


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@contextmanager
def timed() -> Iterator[dict[str, float]]:
    """``with timed() as t: ...`` then ``t["s"]`` holds the wall time in seconds."""
    box: dict[str, float] = {}
    start = time.perf_counter()
    try:
        yield box
    finally:
        box["s"] = time.perf_counter() - start


def best_of(fn: Callable[[], Any], repeat: int = 3) -> float:
    """The fastest of ``repeat`` wall times of ``fn()``, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def md_table(header: list[str], rows: list[list[Any]]) -> str:
    """A Markdown table."""
    def cell(value: Any) -> str:
        if isinstance(value, float):
            return f"{value:.4g}"
        return str(value).replace("|", "\\|")

    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def record(name: str, title: str, markdown: str, figures: dict[str, Any], order: int = 50) -> Path:
    """Save one benchmark's figures and rebuild RESULTS.md.

    Parameters
    ----------
    name : str
        File stem, e.g. ``"embedding"``.
    title : str
        Section heading in RESULTS.md.
    markdown : str
        The section body (tables, notes).
    figures : dict
        Machine-readable figures, kept in ``results/<name>.json``.
    order : int, default=50
        Sections are sorted by this, then by name.
    """
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    path = RESULTS_DIR / f"{name}.json"
    payload = {
        "name": name,
        "title": title,
        "order": order,
        "machine": machine(),
        "figures": figures,
        "markdown": markdown,
    }
    path.write_text(json.dumps(payload, indent=2, sort_keys=True, default=str) + "\n")
    rebuild_results_md()
    print(f"\n## {title}\n\n{markdown}\n")
    print(f"(written to {path.relative_to(ROOT)} and {RESULTS_MD.relative_to(ROOT)})")
    return path


def rebuild_results_md() -> None:
    """Compose RESULTS.md from every ``results/*.json``."""
    entries = []
    for path in sorted(RESULTS_DIR.glob("*.json")):
        try:
            entries.append(json.loads(path.read_text()))
        except (OSError, json.JSONDecodeError):
            continue
    entries.sort(key=lambda e: (e.get("order", 50), e["name"]))
    parts = [
        "# Benchmark results",
        "",
        "Written by the scripts in `benchmarks/` (`python benchmarks/run_all.py` runs them all;",
        "each `bench_*.py` also runs alone). Each section names the machine and commit it was measured on.",
        "Ratios are measured within one run; absolute times vary with the machine's load.",
        "",
    ]
    for entry in entries:
        m = entry["machine"]
        parts += [
            f"## {entry['title']}",
            "",
            f"_Measured {m['date']} at commit `{m['commit']}` on {m['cpu']}, {m['cores']} cores, "
            f"{m['memory_gib']} GiB, Python {m['python']}._",
            "",
            entry["markdown"].strip(),
            "",
        ]
    RESULTS_MD.write_text("\n".join(parts))
