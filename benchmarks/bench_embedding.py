"""Embedding quality and speed of claimcmp's default embedder.

1. STS Benchmark test: Spearman correlation between cosine similarity and the
   gold scores (all-MiniLM-L6-v2's published figure is 0.8203, MTEB).
2. Throughput on the same 2,000 sentences, in one run: raw
   ``SentenceTransformer.encode`` vs claimcmp's Embedder with a cold cache
   (overhead ratio), then the Embedder again on a warm cache (speed-up).
3. ``import claimcmp`` time, in a fresh interpreter.

Run: ``python benchmarks/bench_embedding.py``
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np
from _harness import DATASETS, md_table, record

PUBLISHED_STSB = 0.8203


def load_stsb(split: str = "test") -> tuple[list[str], list[str], np.ndarray]:
    left, right, gold = [], [], []
    path = DATASETS / "stsb" / f"sts-{split}.csv"
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.rstrip("\n").split("\t")[:7]
        if len(fields) < 7:
            continue
        gold.append(float(fields[4]))
        left.append(fields[5])
        right.append(fields[6])
    return left, right, np.asarray(gold)


def spearman(a: np.ndarray, b: np.ndarray) -> float:
    from scipy.stats import spearmanr

    return float(spearmanr(a, b).statistic)


def import_time(repeat: int = 5) -> float:
    code = "import time; t=time.perf_counter(); import claimcmp; print(time.perf_counter()-t)"
    times = [
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
        for _ in range(repeat)
    ]
    return statistics.median(times)


def main() -> None:
    from claimcmp.embed import Embedder

    left, right, gold = load_stsb()
    rhos = {}
    for backend in ("auto", "torch"):
        with tempfile.TemporaryDirectory() as cache_dir:
            embedder = Embedder(cache_dir=cache_dir, backend=backend)
            a = embedder.encode(left)
            b = embedder.encode(right)
            rhos[backend] = (embedder.active_backend, spearman(np.sum(a * b, axis=1), gold))
    default_backend, rho = rhos["auto"]
    rho_torch = rhos["torch"][1]

    # Throughput: 2,000 distinct sentences from the STS-B train split.
    train_left, train_right, _ = load_stsb("train")
    sentences = list(dict.fromkeys(train_left + train_right))[:2000]
    raw_model = Embedder(use_cache=False, backend="torch").load()  # a plain SentenceTransformer
    raw_model.encode(sentences[:64], batch_size=32)  # warm-up
    default_model = Embedder(use_cache=False).load()
    default_model.encode(sentences[:64])  # warm-up
    rounds = []
    for round_no in range(3):
        with tempfile.TemporaryDirectory() as cache_dir:
            # Alternate which of raw / claimcmp-torch goes first, so load drifts hit both alike.
            def run_raw() -> float:
                t0 = time.perf_counter()
                raw_model.encode(sentences, batch_size=32, normalize_embeddings=True, show_progress_bar=False)
                return time.perf_counter() - t0

            def run_torch_embedder() -> float:
                # claimcmp's Embedder on the same loaded torch model: its own overhead (hashing, cache, dedup)
                embedder = Embedder(cache_dir=cache_dir, backend="torch")
                embedder._model = raw_model
                t0 = time.perf_counter()
                embedder.encode(sentences)
                return time.perf_counter() - t0

            if round_no % 2:
                cold_torch = run_torch_embedder()
                raw = run_raw()
            else:
                raw = run_raw()
                cold_torch = run_torch_embedder()
            # claimcmp's default (ONNX int8 where onnxruntime is installed), cold cache
            default_embedder = Embedder(cache_dir=cache_dir)
            default_embedder._model = default_model
            t0 = time.perf_counter()
            default_embedder.encode(sentences)
            cold = time.perf_counter() - t0
            warm_embedder = Embedder(cache_dir=cache_dir)
            t0 = time.perf_counter()
            warm_embedder.encode(sentences)
            warm = time.perf_counter() - t0
            assert not warm_embedder.is_loaded
            rounds.append((raw, cold_torch, cold, warm))
    # the round with the median claimcmp/raw ratio
    raw, cold_torch, cold, warm = sorted(rounds, key=lambda r: r[1] / r[0])[len(rounds) // 2]

    # claimcmp's own work around the model (hashing, dedup, cache read and write), timed with a
    # model that returns precomputed vectors at once: immune to the load noise of the runs above.
    precomputed = raw_model.encode(sentences, batch_size=32, normalize_embeddings=True, show_progress_bar=False)

    class _Instant:
        def encode(self, texts: list[str], **_: object) -> np.ndarray:
            return precomputed[: len(texts)]

    bookkeeping = []
    for _ in range(5):
        with tempfile.TemporaryDirectory() as cache_dir:
            embedder = Embedder(cache_dir=cache_dir, backend="torch")
            embedder._model = _Instant()
            t0 = time.perf_counter()
            embedder.encode(sentences)
            bookkeeping.append(time.perf_counter() - t0)
    bookkeeping_s = statistics.median(bookkeeping)
    imp = import_time()

    figures = {
        "default_backend": default_backend,
        "stsb_test_spearman": round(rho, 4),
        "stsb_test_spearman_torch": round(rho_torch, 4),
        "claimcmp_torch_cold_s": round(cold_torch, 3),
        "bookkeeping_s": round(bookkeeping_s, 4),
        "bookkeeping_share_of_raw": round(bookkeeping_s / raw, 5),
        "torch_overhead_ratio": round(cold_torch / raw, 4),
        "stsb_published": PUBLISHED_STSB,
        "sentences": len(sentences),
        "raw_encode_s": round(raw, 3),
        "claimcmp_cold_s": round(cold, 3),
        "claimcmp_cached_s": round(warm, 4),
        "overhead_ratio": round(cold / raw, 4),
        "cached_speedup": round(cold / warm, 1),
        "raw_sentences_per_s": round(len(sentences) / raw, 1),
        "import_claimcmp_s": round(imp, 4),
        "rounds": [[round(x, 4) for x in r] for r in rounds],
    }
    rows = [
        [f"STS-B test Spearman, default backend ({default_backend})", f"{rho:.4f}", f"published {PUBLISHED_STSB}", "within 0.005"],
        ["STS-B test Spearman, torch backend", f"{rho_torch:.4f}", f"published {PUBLISHED_STSB}", "0.82"],
        [f"raw SentenceTransformer.encode, {len(sentences)} sentences", f"{raw:.2f} s", f"{len(sentences) / raw:.0f} sent/s", ""],
        ["claimcmp Embedder, torch backend, cold cache (same loaded model)", f"{cold_torch:.2f} s", f"overhead x{cold_torch / raw:.3f}", "<= 1.05"],
        ["claimcmp's own work around the model (hash, dedup, cache write), median of 5", f"{bookkeeping_s:.3f} s",
         f"{100 * bookkeeping_s / raw:.2f} % of raw encode", "<= 5 %"],
        [f"claimcmp Embedder, default backend ({default_backend}), cold cache", f"{cold:.2f} s", f"x{cold / raw:.3f} of raw", "<= 1.05"],
        ["claimcmp Embedder, warm cache (no model load)", f"{warm:.3f} s", f"x{cold / warm:.0f} faster than cold", ">= 20"],
        ["import claimcmp (median of 5, fresh interpreter)", f"{imp:.3f} s", "", "<= 0.3 s"],
    ]
    markdown = md_table(["measure", "value", "comparison", "target"], rows)
    markdown += (
        "\n\nThe torch-backend comparison runs the same model call as the raw one, so its ratio shows the machine's "
        "load drift between the two runs as much as claimcmp's overhead; the bookkeeping row isolates the overhead "
        "(the same Embedder with a model that returns precomputed vectors at once). "
        "The raw and torch-backend runs use the same loaded model and the same 2,000 distinct STS-B train sentences; "
        "three rounds were run, alternating which of the two goes first, and the round with the median overhead is shown (all rounds are in "
        "`results/embedding.json`). The warm run is a new Embedder on the filled cache, which never loads the model."
    )
    record("embedding", "Embedding: STS-B quality, throughput, cache, import time", markdown, figures, order=10)


if __name__ == "__main__":
    main()
