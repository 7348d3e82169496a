"""Which decisions a 0.01 shift in cosine can flip: the knife-edge audit of issue #19.

The default embedding backend now gives the same vectors on every CPU (float32 ONNX, within 1e-6 of
torch), so a decision can only move with the machine if it sits right on a gate. This script asks how
close the shipped decisions sit: it runs :func:`claimcmp.analyze` on real releases once with the
default vectors and then ``--repeats`` times with every vector nudged by seeded noise that moves
pairwise cosines by about 0.01 (the size of the int8-vs-float32 differences that issue #19 measured),
and compares

* the relations (each cross-side pair's label, agreement / counter-claim), and
* the topics (adjusted Rand index of the partitions),

with the unperturbed run. A relation whose label changes under such noise lies within about 0.01 of a
gate; each is listed with its cosine, probability and deciding cue, next to the nearest cosine gate
and probability bar of ``claimcmp.compare``.

Inputs: the seed release (``fixtures/opcw_seed.txt``), the real gold documents in which two sides speak
(``benchmarks/gold_real``, every split: nothing is learned here), and a fixed sample of White House
readouts (``../shared/datasets/wh_readouts``) analysed together as one series.

Run: ``python benchmarks/audit_knife_edges.py [--repeats 2] [--noise 0.01 0.001 0.0001]``; figures go to
``benchmarks/results/knife_edges.json`` and the *Knife-edge audit* section of ``RESULTS.md``.

``--backend torch`` runs the same inputs once with the default vectors and once with another shipped
backend's (``sentence-transformers`` in torch: other kernels, other rounding) and compares the reported
relations, their scores and the topics: the differences real machines produce, not a simulated nudge.
Figures go to ``benchmarks/results/backend_agreement.json`` and the *Same answer from every backend*
section of ``RESULTS.md``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from _harness import DATASETS, ROOT, md_table, record

GOLD = ROOT / "benchmarks" / "gold_real"
SEED_RELEASE = ROOT / "fixtures" / "opcw_seed.txt"
WH_SAMPLE = 30


class NudgedEmbedder:
    """The default embedder's vectors plus seeded noise of a fixed cosine size, the same for a text in any call."""

    def __init__(self, base: Any, noise: float, seed: int) -> None:
        self.base, self.noise, self.seed = base, noise, seed
        self.identity = f"nudged-{noise}-{seed}"

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        vectors = np.asarray(self.base.encode(list(texts)), dtype=np.float32)
        if not self.noise:
            return vectors
        out = np.empty_like(vectors)
        for i, text in enumerate(texts):
            digest = hashlib.sha256(f"{self.seed}:{text}".encode()).digest()
            rng = np.random.default_rng(int.from_bytes(digest[:8], "little"))
            direction = rng.standard_normal(vectors.shape[1]).astype(np.float32)
            direction -= direction @ vectors[i] * vectors[i]  # orthogonal to the vector
            direction /= max(float(np.linalg.norm(direction)), 1e-12)
            # rotate by an angle whose cosine to the original is 1 - noise / 2: pairwise cosines move by ~noise
            angle = float(np.arccos(1.0 - self.noise / 2))
            out[i] = np.cos(angle) * vectors[i] + np.sin(angle) * direction
        return out


def _two_sided_gold_docs() -> list[Path]:
    split = json.loads((GOLD / "split.json").read_text(encoding="utf-8"))
    from bench_gold_real import unscored_splits

    unscored = unscored_splits()  # claimcmp must not read a split before its first score is taken
    docs = []
    for gold_file in sorted((GOLD / "gold").glob("*.gold.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        if gold.get("relations") and split[gold_file.name.removesuffix(".gold.json")] not in unscored:
            docs.append(GOLD / "docs" / (gold_file.name.removesuffix(".gold.json") + ".txt"))
    return docs


def _wh_sample() -> list[Path]:
    files = sorted((DATASETS / "wh_readouts").rglob("*.md"))
    return sorted(random.Random(19).sample(files, min(WH_SAMPLE, len(files))))


ALL_PAIRS = {"one_to_one": False, "include_unrelated": True}
#: The probability bars a relation's score is measured against: the rule comparer's
#: (``claimcmp.compare.classifier``) and the learned comparer's (its card), both in the combined default.
BARS = (0.5, 0.75, 0.8, 0.9)


def _labelled(analysis: Any) -> dict[tuple[str, str], dict[str, Any]]:
    """Every candidate pair's label and score, before one-to-one pairing (``analysis`` run with ``ALL_PAIRS``)."""
    position = {s.id: n for n, s in enumerate(analysis.statements)}
    out = {}
    # in the comparer's candidate order (statement order), so that pairing breaks exact ties as it does
    for rel in sorted(analysis.relations, key=lambda r: (position[r.evidence.a.id], position[r.evidence.b.id])):
        ev = rel.evidence
        out[(ev.a.id, ev.b.id)] = {
            "relation": rel.relation,
            "score": round(float(rel.score), 4),
            "cosine": float(ev.cosine),  # as reported (6 decimals): pairing compares these
            "cue": rel.cue,
        }
    return out


def _reported(analysis: Any) -> dict[tuple[str, str], dict[str, Any]]:
    """The relations the default comparer reports (every label but unrelated)."""
    return {k: v for k, v in _labelled(analysis).items() if v["relation"] != "unrelated"}


def _ari(a: Sequence[int | None], b: Sequence[int | None]) -> float:
    from sklearn.metrics import adjusted_rand_score

    if len(a) < 2:
        return 1.0
    return float(adjusted_rand_score([-1 if x is None else x for x in a], [-1 if x is None else x for x in b]))


def _label(entry: dict[str, Any] | None) -> str:
    return entry["relation"] if entry else "none"


def _flip(seed: int, key: tuple[str, str], runs: tuple[dict[str, Any], dict[str, Any]]) -> dict[str, Any] | None:
    """A reported relation that changed, with its cause: its own label crossed a bar, or pairing chose another."""
    (ref_all, ref_rep), (got_all, got_rep) = runs
    before, after = ref_rep.get(key), got_rep.get(key)
    if _label(before) == _label(after):
        return None
    all_before, all_after = ref_all.get(key), got_all.get(key)
    if _label(all_before) != _label(all_after):
        scores = [e["score"] for e in (all_before, all_after) if e and e["relation"] != "unrelated"]
        gap = min(abs(x - bar) for x in scores for bar in BARS) if scores else None
        cause = {"cause": "probability bar", "bar_distance": None if gap is None else round(gap, 4)}
    else:
        cause = {"cause": "pairing", "bar_distance": None}
    return {"seed": seed, "pair": list(key), "before": before, "after": after, **cause}


def audit(name: str, inputs: list[Path], repeats: int, noise: float) -> dict[str, Any]:
    """Flipped relations (with causes) and topic ARI of one input set under ``repeats`` nudges of size ``noise``."""
    import claimcmp
    from claimcmp.embed import Embedder

    base = Embedder()
    default = claimcmp.analyze(inputs, embedder=NudgedEmbedder(base, 0.0, 0), reuse=False)
    reference = claimcmp.analyze(inputs, embedder=NudgedEmbedder(base, 0.0, 0), reuse=False, compare_options=ALL_PAIRS)
    ref_all = _labelled(reference)
    ref_rep = _reported(default)
    flips: list[dict[str, Any]] = []
    aris = []
    for seed in range(1, repeats + 1):
        nudged_embedder = NudgedEmbedder(base, noise, seed)
        nudged = claimcmp.analyze(inputs, embedder=nudged_embedder, reuse=False, compare_options=ALL_PAIRS)
        got_all = _labelled(nudged)
        got_rep = _reported(claimcmp.analyze(inputs, embedder=nudged_embedder, reuse=False))
        aris.append(_ari(reference.statement_topics, nudged.statement_topics))
        for key in sorted(set(ref_rep) | set(got_rep)):
            flip = _flip(seed, key, ((ref_all, ref_rep), (got_all, got_rep)))
            if flip:
                flips.append(flip)
    return {
        "set": name,
        "releases": len(reference.releases),
        "statements": len(reference.statements),
        "relations": len(ref_rep),
        "topics": len(reference.topics),
        "flipped_relations": flips,
        "flip_rate": round(len(flips) / max(1, repeats * max(1, len(ref_rep))), 4),
        "topic_ari_min": round(min(aris), 4) if aris else None,
        "topic_ari_mean": round(float(np.mean(aris)), 4) if aris else None,
    }


def backend_check(name: str, inputs: list[Path], backend: str) -> dict[str, Any]:
    """The reported relations and topics of one input set under the default backend and under ``backend``."""
    import claimcmp
    from claimcmp.embed import Embedder

    embedders = (Embedder(use_cache=False), Embedder(backend=backend, use_cache=False))
    default = claimcmp.analyze(inputs, embedder=embedders[0], reuse=False)
    other = claimcmp.analyze(inputs, embedder=embedders[1], reuse=False)
    ref, got = _reported(default), _reported(other)
    changed = sorted(key for key in set(ref) | set(got) if _label(ref.get(key)) != _label(got.get(key)))
    common = set(ref) & set(got)
    texts = [s.text for s in default.statements]
    vectors = [np.asarray(e.encode(texts), dtype=np.float64) for e in embedders] if texts else []
    cosines = np.einsum("ij,ij->i", *vectors) if texts else np.ones(0)
    return {
        "set": name,
        "statements": len(default.statements),
        "relations": len(ref),
        "changed_relations": [{"pair": list(k), "default": ref.get(k), backend: got.get(k)} for k in changed],
        "score_difference_max": max((abs(ref[k]["score"] - got[k]["score"]) for k in common), default=0.0),
        "same_statements": [s.id for s in default.statements] == [s.id for s in other.statements],
        "same_topics": list(default.statement_topics) == list(other.statement_topics),
        "vector_distance_max": float(1.0 - cosines.min()) if len(cosines) else 0.0,
    }


def backend_main(backend: str, sets: list[tuple[str, list[Path]]], match: str) -> None:
    """Run :func:`backend_check` on every input set; print and record the figures."""
    results = [backend_check(name, inputs, backend) for name, inputs in sets]
    changed = [c for r in results for c in r["changed_relations"]]
    total = sum(r["relations"] for r in results)
    summary = [
        len(results), sum(r["statements"] for r in results), total, len(changed),
        f"{max(r['score_difference_max'] for r in results):.1e}",
        sum(not r["same_topics"] for r in results), sum(not r["same_statements"] for r in results),
        f"{max(r['vector_distance_max'] for r in results):.1e}",
    ]
    text = (
        f"Each input analysed with the default backend and with `backend=\"{backend}\"` (no cache): the reported "
        "relations (label per pair), their scores, the statements and the topics compared. Vector distance: "
        "1 - cosine between a statement's two vectors.\n\n"
        + md_table(["inputs", "statements", "relations (default)", "relations that differ", "largest score difference",
                    "inputs whose topics differ", "inputs whose statements differ", "largest vector distance"],
                   [summary])
    )
    if changed:
        text += "\n\n" + md_table(["pair", "default", backend],
                                   [[" / ".join(c["pair"]), _label(c["default"]), _label(c[backend])] for c in changed])
    figures = {"backend": backend, "summary": summary, "inputs": results}
    if not match:
        record("backend_agreement", "Same answer from every backend: default vs torch on real readouts", text, figures,
               order=36)
    print(text)


def _summary(noise: float, repeats: int, results: list[dict[str, Any]]) -> list[Any]:
    flips = [f for r in results for f in r["flipped_relations"]]
    total = sum(r["relations"] for r in results)
    bars = [f for f in flips if f["cause"] == "probability bar"]
    ari = [r["topic_ari_min"] for r in results if r["topic_ari_min"] is not None]
    return [noise, repeats, f"{len(flips)} of {repeats} x {total}", len(bars), len(flips) - len(bars),
            min(ari) if ari else None]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--noise", type=float, nargs="+", default=[0.01, 0.001, 0.0001],
                        help="typical shifts of a pairwise cosine, one audit each")
    parser.add_argument("--match", default="", help="only the inputs whose name contains this (no record)")
    parser.add_argument("--backend", default=None, choices=["torch", "onnx"],
                        help="compare the default with this backend instead of nudging the vectors")
    args = parser.parse_args()
    sets = [("seed release", [SEED_RELEASE])]
    sets += [(f"gold: {p.stem[:60]}", [p]) for p in _two_sided_gold_docs()]
    sets.append((f"wh_readouts sample ({WH_SAMPLE} releases, one series)", _wh_sample()))
    sets = [s for s in sets if args.match in s[0]]
    if args.backend:
        backend_main(args.backend, sets, args.match)
        return
    by_noise = {noise: [audit(name, inputs, args.repeats, noise) for name, inputs in sets] for noise in args.noise}
    summary = [_summary(noise, args.repeats, results) for noise, results in by_noise.items()]
    largest = max(by_noise)
    results = by_noise[largest]
    rows = [
        [r["set"], r["releases"], r["statements"], r["relations"], len(r["flipped_relations"]), r["topics"],
         r["topic_ari_min"]]
        for r in results
    ]
    flips = [
        [r["set"][:40], f["seed"], _label(f["before"]), _label(f["after"]),
         (f["before"] or f["after"] or {}).get("cosine"), (f["before"] or f["after"] or {}).get("score"),
         f["cause"], f["bar_distance"]]
        for r in results for f in r["flipped_relations"]
    ]
    text = (
        "Every vector rotated by seeded noise that moves pairwise cosines by about the given size; a reported "
        "relation flips when its label changes (or it appears or goes). Cause: its own probability crossed a bar "
        "(`probability bar`, with the distance of its score to the nearest of 0.5 / 0.75 / 0.8 / 0.9), or its label "
        "held and one-to-one pairing chose another partner (`pairing`).\n\n"
        + md_table(["cosine shift", "nudges", "flipped relations", "probability bar", "pairing",
                    "topic ARI, worst"], summary)
        + f"\n\nPer input, shift {largest}:\n\n"
        + md_table(["input", "releases", "statements", "relations", "flips (all nudges)", "topics",
                    "topic ARI, worst nudge"], rows)
    )
    if flips:
        text += "\n\n" + md_table(["input", "nudge", "before", "after", "cosine", "score", "cause",
                                      "score to bar"], flips) + "\n"
    figures = {"repeats": args.repeats, "by_noise": {str(k): v for k, v in by_noise.items()}, "summary": summary}
    if not args.match:
        record("knife_edges", "Knife-edge audit: decisions a small cosine shift can flip", text, figures,
               order=35)
    print(text)


if __name__ == "__main__":
    main()
