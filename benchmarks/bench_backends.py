"""Embedding backends on CPU: torch fp32 vs ONNX fp32 vs ONNX int8.

For each backend, measured in one run:

1. STS Benchmark test Spearman (cosine vs gold) and cosine of every vector to torch's.
2. Throughput (sentences/s) on the same distinct STS-B train sentences; rounds
   are interleaved across backends and the best round of each is kept, because
   the machine is shared and loaded.
3. Length-sorted vs unsorted batches (ONNX int8) and de-duplication on a sample
   of real release sentences that repeat.
4. Start-up, each in a fresh interpreter (median of 3): the import of the
   inference stack, and the time to the first vector (import + model load + one
   sentence), with the ONNX export already on disk.

Run: ``python benchmarks/bench_backends.py [--sentences N] [--rounds R]``
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from typing import Any

import numpy as np
from _harness import DATASETS, ROOT, md_table, record
from bench_embedding import load_stsb, spearman

BACKENDS = ("torch", "onnx", "onnx-int8")


def fresh_python(code: str, repeat: int = 3) -> float:
    """Median of the float a snippet prints, each run in a new interpreter."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    values = []
    for _ in range(repeat):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
        values.append(float(out.stdout.strip().splitlines()[-1]))
    return statistics.median(values)


def startup(cache_dir: str) -> dict[str, float]:
    """Import and first-vector times in fresh interpreters."""
    timer = "import time; t = time.perf_counter(); "
    done = "; print(time.perf_counter() - t)"
    first = (
        timer + "from claimcmp.embed import Embedder; "
        f"Embedder(backend={{b!r}}, cache_dir={cache_dir!r}, use_cache=False).encode(['The sides met.'])" + done
    )
    first_int8 = (  # the int8 export is no embedder backend any more (deprecated): read it directly
        timer + "from claimcmp.embed import resolve_model; from claimcmp.embed.onnx_backend import load_onnx_encoder; "
        f"load_onnx_encoder(resolve_model(None), {cache_dir!r}, 'int8').encode(['The sides met.'])" + done
    )
    return {
        "import sentence_transformers": fresh_python(timer + "import sentence_transformers" + done),
        "import onnxruntime + tokenizers": fresh_python(timer + "import onnxruntime, tokenizers" + done),
        **{f"first vector, {b}": fresh_python(first_int8 if b == "onnx-int8" else first.format(b=b)) for b in BACKENDS},
    }


def measured_embedder(backend: str, cache_dir: str) -> Any:
    """An embedder running ``backend``; ``"onnx-int8"`` (a deprecated alias of ``"onnx"`` in the library)
    is the fp32 embedder with the int8 export put in its place, so that its figures stay int8's."""
    from claimcmp.embed import Embedder, resolve_model
    from claimcmp.embed.onnx_backend import load_onnx_encoder

    if backend != "onnx-int8":
        return Embedder(backend=backend, cache_dir=cache_dir, use_cache=False)
    embedder = Embedder(backend="onnx", cache_dir=cache_dir, use_cache=False)
    embedder._model = load_onnx_encoder(resolve_model(None), cache_dir, "int8")
    return embedder


def report_start(shared_cache: str, repeat: int = 2) -> dict[str, float | str]:
    """``claimcmp report`` on the bundled example in a fresh process: empty vector cache, then filled.

    The empty cache still sees the one-time ONNX export (as an installed machine would).
    """
    import shutil

    out: dict[str, float | str] = {}
    for label in ("empty cache", "filled cache"):
        out[label] = float("inf")
    for _ in range(repeat):
        folder = tempfile.mkdtemp(prefix="claimcmp-report-")
        try:
            if os.path.isdir(os.path.join(shared_cache, "onnx")):
                os.symlink(os.path.join(shared_cache, "onnx"), os.path.join(folder, "onnx"))
            env = {**os.environ, "PYTHONPATH": str(ROOT), "CLAIMCMP_CACHE_DIR": folder}
            cmd = [sys.executable, "-m", "claimcmp", "report", str(ROOT / "fixtures" / "opcw_seed.txt"),
                   "-o", os.path.join(folder, "report.html")]
            for label in ("empty cache", "filled cache"):
                t0 = time.perf_counter()
                done = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
                if done.returncode:
                    return {"error": (done.stderr or done.stdout).strip().splitlines()[-1]}
                out[label] = min(float(out[label]), time.perf_counter() - t0)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    return out


def release_sentences(n_releases: int, seed: int = 0) -> list[str]:
    """Every sentence of ``n_releases`` seeded-random Senate press releases: mixed lengths, natural repeats."""
    import re

    files = sorted((DATASETS / "grimmer_senate_press_releases" / "raw").rglob("*.txt"))
    out: list[str] = []
    for path in random.Random(seed).sample(files, n_releases):
        body = re.sub(r"[ \t]{2,}", "\n", path.read_text(encoding="utf-8", errors="replace"))
        out += [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n", body) if len(s.strip()) > 20]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=1000, help="distinct sentences for throughput")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved throughput rounds")
    parser.add_argument("--releases", type=int, default=60, help="press releases for the sorting/de-dup test")
    args = parser.parse_args()

    from claimcmp.embed import default_cache_dir

    cache_dir = str(default_cache_dir())  # where the ONNX exports are kept; vectors are not cached here
    models = {}
    for backend in BACKENDS:
        embedder = measured_embedder(backend, cache_dir)
        embedder.load()  # exports the ONNX files once, outside the timings
        models[backend] = embedder

    left, right, gold = load_stsb()
    quality: dict[str, dict[str, float]] = {}
    torch_vectors = None
    for backend in BACKENDS:
        a = models[backend].encode(left)
        b = models[backend].encode(right)
        vectors = np.concatenate([a, b])
        if torch_vectors is None:
            torch_vectors = vectors
        cos = np.sum(vectors * torch_vectors, axis=1)
        quality[backend] = {
            "stsb_spearman": spearman(np.sum(a * b, axis=1), gold),
            "cos_to_torch_mean": float(cos.mean()),
            "cos_to_torch_min": float(cos.min()),
        }

    train_left, train_right, _ = load_stsb("train")
    sentences = list(dict.fromkeys(train_left + train_right))[: args.sentences]
    for backend in BACKENDS:
        models[backend].encode(sentences[:64])  # warm-up
    # Length sorting and de-duplication, on real release sentences (mixed lengths, some repeated).
    releases = release_sentences(args.releases)
    distinct = len(set(releases))
    int8 = models["onnx-int8"].load()
    dedup_embedder = measured_embedder("onnx-int8", cache_dir)
    times: dict[str, list[float]] = {b: [] for b in BACKENDS}
    times.update({"int8 releases: input order": [], "int8 releases: length-sorted": [],
                  "int8 releases: sorted + de-duplicated": []})
    for _ in range(args.rounds):
        for backend in BACKENDS:
            t0 = time.perf_counter()
            models[backend].encode(sentences)
            times[backend].append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        for i in range(0, len(releases), 32):  # same encoder, batches in the original order
            int8._encode_batch(releases[i : i + 32])
        times["int8 releases: input order"].append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        int8.encode(releases)
        times["int8 releases: length-sorted"].append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        dedup_embedder.encode(releases)
        times["int8 releases: sorted + de-duplicated"].append(time.perf_counter() - t0)
    speed = {name: len(sentences) / min(ts) for name, ts in times.items() if name in BACKENDS}
    speed.update({name: len(releases) / min(ts) for name, ts in times.items() if name not in BACKENDS})

    start = startup(cache_dir)
    report = report_start(cache_dir)

    torch_rho = quality["torch"]["stsb_spearman"]
    rows = []
    for backend in BACKENDS:
        q = quality[backend]
        rows.append(
            [
                backend,
                f"{speed[backend]:.0f}",
                f"x{speed[backend] / speed['torch']:.2f}",
                f"{q['stsb_spearman']:.4f}",
                f"{q['stsb_spearman'] - torch_rho:+.4f}",
                f"{q['cos_to_torch_mean']:.4f} / {q['cos_to_torch_min']:.4f}",
                f"{start[f'first vector, {backend}']:.2f} s",
            ]
        )
    markdown = md_table(
        ["backend", "sentences/s", "vs torch", "STS-B Spearman", "Δ vs torch", "cosine to torch mean / min",
         "first vector (fresh process)"],
        rows,
    )
    markdown += "\n\n" + md_table(
        ["measure", "value"],
        [
            [f"{len(releases)} sentences of {args.releases} press releases ({distinct} distinct), int8, input order",
             f"{speed['int8 releases: input order']:.0f} sentences/s"],
            ["same, length-sorted batches", f"{speed['int8 releases: length-sorted']:.0f} sentences/s"],
            ["same, length-sorted and de-duplicated (the Embedder)",
             f"{speed['int8 releases: sorted + de-duplicated']:.0f} sentences/s"],
            *(
                [[f"`claimcmp report` on the bundled example, fresh process, {k} (best of 2)", f"{v:.2f} s"]
                 for k, v in report.items() if k != "error"]
                or [["`claimcmp report` on the bundled example", f"failed: {report['error']}"]]
            ),
            ["import sentence_transformers (fresh process, median of 3)", f"{start['import sentence_transformers']:.2f} s"],
            ["import onnxruntime + tokenizers (fresh process, median of 3)", f"{start['import onnxruntime + tokenizers']:.2f} s"],
        ],
    )
    markdown += (
        f"\n\nThroughput: {len(sentences)} distinct STS-B train sentences, batch 32, {args.rounds} rounds "
        "interleaved across backends on a shared, loaded 2-core machine; the best round of each is shown "
        "(all rounds in `results/backends.json`). Quality: the 1,379 STS-B test pairs, no cache. "
        "\"First vector\" is a fresh interpreter importing claimcmp, loading the backend (ONNX export already "
        "on disk) and embedding one sentence. Target: STS-B within 0.005 of torch."
    )
    figures = {
        "sentences": len(sentences),
        "rounds": {k: [round(x, 3) for x in v] for k, v in times.items()},
        "sentences_per_s": {k: round(v, 1) for k, v in speed.items()},
        "quality": {k: {m: round(x, 5) for m, x in v.items()} for k, v in quality.items()},
        "release_sentences": {"sentences": len(releases), "distinct": distinct},
        "startup_s": {k: round(v, 3) for k, v in start.items()},
        "report_start_s": report,
    }
    record("backends", "Embedding backends: torch vs ONNX fp32 vs ONNX int8", markdown, figures, order=11)


if __name__ == "__main__":
    main()
