"""Run every benchmark (``bench_*.py`` in this folder) and rebuild RESULTS.md.

Usage: ``python benchmarks/run_all.py [NAME ...]`` — names select benchmarks
by the part after ``bench_`` (default: all). Each runs in its own process, so
peak-memory figures are not mixed up between benchmarks.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from _harness import BENCH_DIR, rebuild_results_md


def main(argv: list[str]) -> int:
    scripts = sorted(BENCH_DIR.glob("bench_*.py"))
    if argv:
        wanted = set(argv)
        scripts = [s for s in scripts if s.stem.removeprefix("bench_") in wanted]
    failed = []
    for script in scripts:
        print(f"=== {script.name}", flush=True)
        start = time.perf_counter()
        code = subprocess.call([sys.executable, str(script)], cwd=BENCH_DIR.parent)
        print(f"=== {script.name}: exit {code} in {time.perf_counter() - start:.0f} s", flush=True)
        if code:
            failed.append(script.name)
    rebuild_results_md()
    if failed:
        print("failed: " + ", ".join(failed), file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
