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

Run: ``python benchmarks/audit_knife_edges.py [--repeats 3] [--noise 0.01]``; figures go to
``benchmarks/results/knife_edges.json`` and the *Knife-edge audit* section of ``RESULTS.md``.
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
    docs = []
    for gold_file in sorted((GOLD / "gold").glob("*.gold.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        if gold.get("relations"):
            docs.append(GOLD / "docs" / (gold_file.name.removesuffix(".gold.json") + ".txt"))
    return docs


def _wh_sample() -> list[Path]:
    files = sorted((DATASETS / "wh_readouts").rglob("*.md"))
    return sorted(random.Random(19).sample(files, min(WH_SAMPLE, len(files))))


def _relations(analysis: Any) -> dict[tuple[str, str], dict[str, Any]]:
    out = {}
    for rel in analysis.relations:
        ev = rel.evidence
        out[(ev.a.id, ev.b.id)] = {
            "relation": rel.relation,
            "score": round(float(rel.score), 4),
            "cosine": round(float(ev.cosine), 4),
            "cue": rel.cue,
        }
    return out


def _ari(a: Sequence[int | None], b: Sequence[int | None]) -> float:
    from sklearn.metrics import adjusted_rand_score

    if len(a) < 2:
        return 1.0
    return float(adjusted_rand_score([-1 if x is None else x for x in a], [-1 if x is None else x for x in b]))


def audit(name: str, inputs: list[Path], repeats: int, noise: float) -> dict[str, Any]:
    """Flipped relations and topic ARI of one input set under ``repeats`` nudges."""
    import claimcmp
    from claimcmp.embed import Embedder

    base = Embedder()
    reference = claimcmp.analyze(inputs, embedder=NudgedEmbedder(base, 0.0, 0), reuse=False)
    ref_relations = _relations(reference)
    flips: list[dict[str, Any]] = []
    aris = []
    for seed in range(1, repeats + 1):
        nudged = claimcmp.analyze(inputs, embedder=NudgedEmbedder(base, noise, seed), reuse=False)
        got = _relations(nudged)
        aris.append(_ari(reference.statement_topics, nudged.statement_topics))
        for key in sorted(set(ref_relations) | set(got)):
            before, after = ref_relations.get(key), got.get(key)
            label_before = before["relation"] if before else "none"
            label_after = after["relation"] if after else "none"
            if label_before != label_after:
                flips.append({"seed": seed, "pair": list(key), "before": before, "after": after})
    return {
        "set": name,
        "releases": len(reference.releases),
        "statements": len(reference.statements),
        "relations": len(ref_relations),
        "topics": len(reference.topics),
        "flipped_relations": flips,
        "flip_rate": round(len(flips) / max(1, repeats * max(1, len(ref_relations))), 4),
        "topic_ari_min": round(min(aris), 4) if aris else None,
        "topic_ari_mean": round(float(np.mean(aris)), 4) if aris else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--noise", type=float, default=0.01, help="typical shift of a pairwise cosine")
    args = parser.parse_args()
    sets = [("seed release", [SEED_RELEASE])]
    sets += [(f"gold: {p.stem[:60]}", [p]) for p in _two_sided_gold_docs()]
    sets.append((f"wh_readouts sample ({WH_SAMPLE} releases, one series)", _wh_sample()))
    results = [audit(name, inputs, args.repeats, args.noise) for name, inputs in sets]
    rows = [
        [r["set"], r["releases"], r["statements"], r["relations"], len(r["flipped_relations"]), r["topics"],
         r["topic_ari_min"]]
        for r in results
    ]
    flips = [
        [r["set"][:40], f["seed"], (f["before"] or {}).get("relation", "none"),
         (f["after"] or {}).get("relation", "none"), (f["before"] or f["after"] or {}).get("cosine"),
         (f["before"] or f["after"] or {}).get("score"), (f["before"] or f["after"] or {}).get("cue")]
        for r in results for f in r["flipped_relations"]
    ]
    total = sum(r["relations"] for r in results)
    flipped = sum(len(r["flipped_relations"]) for r in results)
    text = (
        f"Every vector rotated by seeded noise that moves pairwise cosines by about {args.noise} "
        f"({args.repeats} nudges per set); a relation flips when its label changes (or it appears or goes).\n\n"
        + md_table(["input", "releases", "statements", "relations", "flips (all nudges)", "topics",
                    "topic ARI, worst nudge"], rows)
        + f"\n\n{flipped} flips over {args.repeats} x {total} relations.\n"
    )
    if flips:
        text += "\n" + md_table(["input", "nudge", "before", "after", "cosine", "score", "cue"], flips) + "\n"
    record("knife_edges", "Knife-edge audit: decisions a 0.01 cosine shift can flip", text,
           {"noise": args.noise, "repeats": args.repeats, "sets": results}, order=35)
    print(text)


if __name__ == "__main__":
    main()
