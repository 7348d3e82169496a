"""Train the learned comparer shipped as ``claimcmp/compare/data/learned_comparer.npz``.

Data (``training/learned_comparer_data.py``): every cross-side pair of the
real meetings of ``benchmarks/gold_real`` (gold statements; unlisted pairs
are unrelated; the ``dev`` split unless ``--real-splits`` names more, which a
split may join only after its first untouched score was taken), of the dev meetings of ``fixtures/meetings`` (extracted
statements), and of the silver groups labelled by reading real releases
(``training/silver_pairs.json``). Splits not named are never read.

Model: multinomial logistic regression (scikit-learn, lbfgs, L2 ``C``) on
:func:`claimcmp.compare.learned.learned_features` with ``u * v`` and
``|u - v|`` each reduced to their first ``--components`` principal components
(fewer weights to learn from few real positives), standardised; the reduction
and standardisation are folded into the one linear map the package ships. Classes
weighted so each relation carries the same total weight within each source,
and the sources weighted by ``--weights``. Each pair is used twice: as is, and
with both embeddings moved by Gaussian noise of norm :data:`NOISE_NORM` and
renormalised (cosine shifts of about 0.01), so that a backend difference of
that size cannot flip a decision.

Selection and calibration, by meeting: ``--folds`` folds of whole meetings
(a document and the cross-document pair drawn from it are one meeting;
silver groups that quote a statement in common are one unit). The
out-of-fold probabilities give the temperature (fitted on them, all sources)
and the figures written in the model card: precision / recall per relation on
the real dev meetings, cross-validated by document. The bars (smallest
probability at which a relation is reported) are the fixed ``--bar`` values,
chosen on those out-of-fold figures.

Run from the repository root (about a minute on 2 busy cores, embeddings cached)::

    python training/train_learned_comparer.py            # writes the shipped files
    python training/train_learned_comparer.py --cv-only  # figures only
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from learned_comparer_data import ROOT, Group, fixture_groups, real_groups, silver_groups  # noqa: E402
from real_meetings import document_of  # noqa: E402  (on the path through learned_comparer_data)
from train_relation_model import expected_calibration_error  # noqa: E402

from claimcmp.compare.cues import RELATIONS  # noqa: E402
from claimcmp.compare.learned import CUE_NAMES, LearnedComparer  # noqa: E402
from claimcmp.compare.probability import softmax  # noqa: E402

SEED = 20261206
NOISE_NORM = 0.1
OUT = ROOT / "claimcmp" / "compare" / "data" / "learned_comparer.npz"


def meeting_of(group: Group) -> str:
    """The meeting a group belongs to (the Argentina talks, press statements and their pair are one)."""
    name = group.name
    if name.startswith("pair:"):
        return name.split(":", 1)[1]
    if "_kremlin-" in name and "argent" in name:
        return "ru-ar-2022-02-03"
    return document_of(name)  # every pair of sides of a many-sided document is one meeting


def linked_units(groups: list[Group]) -> list[str]:
    """The unit of each group that must stay in one fold: its meeting, or for silver groups that quote a
    statement in common (a Kremlin denial answered in several groups), the first name of their cluster."""
    unit = [meeting_of(g) for g in groups]
    silver = [n for n, g in enumerate(groups) if g.source == "silver"]
    texts = {n: {t for pair in groups[n].texts for t in pair} for n in silver}
    for a in silver:  # merge clusters until no two share a statement
        for b in silver:
            if unit[a] != unit[b] and texts[a] & texts[b]:
                old, new = max(unit[a], unit[b]), min(unit[a], unit[b])
                unit = [new if u == old else u for u in unit]
    return unit


def folds_of(groups: list[Group], k: int) -> np.ndarray:
    """Fold of each group: meetings (silver: clusters of groups sharing a statement) dealt round-robin per
    source, in name order (deterministic)."""
    fold = np.zeros(len(groups), dtype=np.int64)
    unit = linked_units(groups)
    for source in sorted({g.source for g in groups}):
        meetings = sorted({u for g, u in zip(groups, unit, strict=True) if g.source == source})
        where = {m: n % k for n, m in enumerate(meetings)}
        for n, g in enumerate(groups):
            if g.source == source:
                fold[n] = where[unit[n]]
    return fold


def noisy(group: Group, rng: np.random.Generator, norm: float = NOISE_NORM) -> np.ndarray:
    """The group's features with both embeddings moved by noise of the given norm (cues and kinds kept)."""
    def move(e: np.ndarray) -> np.ndarray:
        z = rng.standard_normal(e.shape).astype(np.float32)
        z *= norm / np.linalg.norm(z, axis=1, keepdims=True)
        v = e + z
        return (v / np.linalg.norm(v, axis=1, keepdims=True)).astype(np.float32)

    a, b = move(group.emb_a), move(group.emb_b)
    cos = np.einsum("ij,ij->i", a, b)[:, None]
    rest = group.x[:, 2 * a.shape[1] + 2:]
    return np.hstack([a * b, np.abs(a - b), cos, cos * cos, rest]).astype(np.float32)


def stack(groups: list[Group], weights: dict[str, float], balance: float, rng: np.random.Generator
          ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Features (with a noisy copy), labels and sample weights of the groups; within a source, class c
    is weighted by ``(n / (n_classes * n_c)) ** balance`` (1: every class the same total weight)."""
    xs, ys, ws = [], [], []
    for source in sorted({g.source for g in groups}):
        mine = [g for g in groups if g.source == source]
        y = np.concatenate([g.y for g in mine])
        counts = np.bincount(y, minlength=len(RELATIONS)).astype(float)
        present = counts > 0
        per_class = np.where(present, (len(y) / np.maximum(counts, 1) / present.sum()) ** balance, 0.0)
        for g in mine:
            w = per_class[g.y] * weights.get(source, 1.0)
            xs += [g.x, noisy(g, rng)]
            ys += [g.y, g.y]
            ws += [w, w]
    return np.vstack(xs), np.concatenate(ys), np.concatenate(ws)


def reduction(x: np.ndarray, dim: int, k: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """A linear map ``x @ A + c``: the first ``k`` principal components of ``u * v`` and of ``|u - v|``
    (each fitted on the training rows), the other features as they are."""
    from sklearn.decomposition import PCA

    width = x.shape[1]
    rest = width - 2 * dim
    a = np.zeros((width, 2 * k + rest))
    c = np.zeros(2 * k + rest)
    for part in range(2):
        cols = slice(part * dim, (part + 1) * dim)
        pca = PCA(k, random_state=seed).fit(x[:, cols])
        a[cols, part * k : (part + 1) * k] = pca.components_.T
        c[part * k : (part + 1) * k] = -pca.mean_ @ pca.components_.T
    a[2 * dim :, 2 * k :] = np.eye(rest)
    return a, c


def fit(groups: list[Group], args: argparse.Namespace, seed: int) -> LearnedComparer:
    """A logistic regression on the groups (no temperature, no bars), folded into one linear map of the
    raw features (the principal-component reduction and the standardisation included)."""
    from sklearn.linear_model import LogisticRegression

    rng = np.random.default_rng(seed)
    x, y, w = stack(groups, args.weights, args.balance, rng)
    dim = groups[0].emb_a.shape[1]
    a, c = reduction(x, dim, args.components, seed)
    r = x @ a + c
    mean = r.mean(axis=0)
    scale = r.std(axis=0)
    scale[scale < 1e-6] = 1.0
    clf = LogisticRegression(C=args.C, max_iter=3000, tol=1e-6)
    clf.fit((r - mean) / scale, y, sample_weight=w)
    weights = np.zeros((r.shape[1], len(RELATIONS)))
    bias = np.zeros(len(RELATIONS))
    for row, cls in enumerate(clf.classes_):
        weights[:, int(cls)] = clf.coef_[row]
        bias[int(cls)] = clf.intercept_[row]
    coef = a @ (weights / scale[:, None])
    intercept = ((c - mean) / scale) @ weights + bias
    width = x.shape[1]
    return LearnedComparer(coef, intercept, np.zeros(width), np.ones(width))


def logits(model: LearnedComparer, x: np.ndarray) -> np.ndarray:
    return ((x - model.mean) / model.scale) @ model.coef + model.intercept


def out_of_fold(groups: list[Group], args: argparse.Namespace) -> list[np.ndarray]:
    """Out-of-fold logits of every group (folds of whole meetings)."""
    fold = folds_of(groups, args.folds)
    out: list[np.ndarray] = [np.zeros((0, 3))] * len(groups)
    for f in range(args.folds):
        train = [g for g, k in zip(groups, fold, strict=True) if k != f and g.source not in args.score_only]
        model = fit(train, args, SEED + f)
        for n, g in enumerate(groups):
            if fold[n] == f:
                out[n] = logits(model, g.x)
    return out


def fit_temperature(z: np.ndarray, y: np.ndarray) -> float:
    """The temperature minimising the log loss of ``softmax(z / T)`` (grid, then refined)."""
    def nll(t: float) -> float:
        p = softmax(z / t)
        return float(-np.log(np.clip(p[np.arange(len(y)), y], 1e-12, 1.0)).mean())

    grid = np.exp(np.linspace(np.log(0.2), np.log(20.0), 121))
    best = float(grid[int(np.argmin([nll(t) for t in grid]))])
    fine = np.linspace(best * 0.9, best * 1.1, 41)
    return round(float(fine[int(np.argmin([nll(t) for t in fine]))]), 4)


def pr(groups: list[Group], proba: list[np.ndarray], bars: dict[str, float]) -> dict[str, Any]:
    """Pooled precision / recall per relation of the decisions (argmax, then the bars)."""
    out: dict[str, Any] = {}
    for c, label in enumerate(RELATIONS[:2]):
        gold = pred = correct = 0
        for g, p in zip(groups, proba, strict=True):
            top = p.argmax(axis=1)
            mine = (top == c) & (p[:, c] >= bars.get(label, 0.0))
            gold += int((g.y == c).sum())
            pred += int(mine.sum())
            correct += int((mine & (g.y == c)).sum())
        out[label] = {"gold": gold, "predicted": pred, "correct": correct,
                      "precision": round(correct / pred, 3) if pred else None,
                      "recall": round(correct / gold, 3) if gold else None}
    return out


def load_groups(args: argparse.Namespace) -> list[Group]:
    """The training groups: real and fixtures (read from ``--cache`` when it exists; written there
    otherwise), then the silver groups of ``--silver`` (always read afresh)."""
    import pickle

    from claimcmp.embed import Embedder

    embedder = Embedder()
    if args.cache is not None and args.cache.exists():
        with open(args.cache, "rb") as f:
            groups: list[Group] = pickle.load(f)
    else:
        groups = real_groups(embedder, tuple(args.real_splits)) + fixture_groups(embedder)
        if args.cache is not None:
            args.cache.parent.mkdir(parents=True, exist_ok=True)
            with open(args.cache, "wb") as f:
                pickle.dump(groups, f)
    groups = [g for g in groups if g.source != "silver"
              and (args.weights.get(g.source, 0) > 0 or g.source in args.score_only)]
    if args.weights.get("silver", 0) > 0 or "silver" in args.score_only:  # small, edited by hand: never cached
        groups += silver_groups(embedder, args.silver)
    return groups


def cross_validate(groups: list[Group], args: argparse.Namespace) -> dict[str, Any]:
    """Out-of-fold figures per source, the temperature, and calibration."""
    z = out_of_fold(groups, args)
    fitted = [n for n, g in enumerate(groups) if g.source not in args.score_only]
    temperature = fit_temperature(np.vstack([z[n] for n in fitted]), np.concatenate([groups[n].y for n in fitted]))
    proba = [softmax(zz / temperature) for zz in z]
    if args.dump_oof is not None:  # out-of-fold probabilities, to study other bars without refitting
        np.savez_compressed(args.dump_oof, proba=np.vstack(proba), y=np.concatenate([g.y for g in groups]),
                            source=np.concatenate([[g.source] * len(g.y) for g in groups]),
                            group=np.concatenate([[g.name] * len(g.y) for g in groups]))
    figures: dict[str, Any] = {"temperature": temperature, "folds": args.folds, "by_source": {}}
    if args.score_only:
        figures["scored_only"] = sorted(args.score_only)
    for source in sorted({g.source for g in groups}):
        idx = [n for n, g in enumerate(groups) if g.source == source]
        sel_g, sel_p = [groups[n] for n in idx], [proba[n] for n in idx]
        figures["by_source"][source] = {
            "meetings": len({meeting_of(g) for g in sel_g}), "pairs": int(sum(len(g.y) for g in sel_g)),
            "argmax": pr(sel_g, sel_p, {}), "with_bars": pr(sel_g, sel_p, args.bars),
            "ece": round(expected_calibration_error(np.vstack(sel_p), np.concatenate([g.y for g in sel_g])), 4),
        }
    return figures


def data_hash(groups: list[Group]) -> str:
    h = hashlib.sha256()
    for g in groups:
        h.update(g.name.encode())
        h.update(np.ascontiguousarray(g.y).tobytes())
        for a, b in g.texts:
            h.update((a + "\x00" + b + "\x01").encode())
    return h.hexdigest()[:16]


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--C", type=float, default=0.1, help="inverse L2 strength")
    parser.add_argument("--components", type=int, default=16,
                        help="principal components kept of u * v and of |u - v| each")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--balance", type=float, default=0.5, help="class weight exponent within a source")
    parser.add_argument("--weights", type=json.loads, default={"real": 1.0, "fixtures": 1.0, "silver": 1.0},
                        help='source weights, JSON (0 leaves a source out)')
    parser.add_argument("--bars", type=json.loads, default={"agreement": 0.9, "counter_claim": 0.9},
                        help="smallest probability at which each relation is reported, JSON")
    parser.add_argument("--score-only", nargs="*", default=[], metavar="SOURCE",
                        help="sources scored out of fold but never trained on (e.g. silver: how a model trained "
                             "without the silver groups reads them); with --cv-only")
    parser.add_argument("--dump-oof", type=Path, default=None,
                        help="write the out-of-fold probabilities (with labels, sources, groups) to this .npz")
    parser.add_argument("--cv-only", action="store_true", help="print the cross-validated figures; write nothing")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--silver", type=Path, default=ROOT / "training" / "silver_pairs.json",
                        help="silver groups labelled by reading real releases (see training/README.md)")
    parser.add_argument("--real-splits", nargs="+", default=["dev"], metavar="SPLIT",
                        help="splits of benchmarks/gold_real trained on (default dev; a split is added only after "
                             "its first score has been taken)")
    parser.add_argument("--cache", type=Path, default=None,
                        help="pickle of the training groups, for repeated runs (built when missing)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    from bench_gold_real import refuse_unscored  # benchmarks/ is on the path (learned_comparer_data)

    refuse_unscored(args.real_splits)
    if args.score_only and not args.cv_only:
        raise SystemExit("--score-only gives figures only: add --cv-only")
    groups = load_groups(args)
    figures = cross_validate(groups, args)
    print(json.dumps(figures, indent=1))
    if args.cv_only:
        return 0
    model = fit(groups, args, SEED)
    without = None
    if any(g.source == "silver" for g in groups):  # the silver groups read by a model never trained on them
        without = cross_validate(groups, argparse.Namespace(**{**vars(args), "score_only": ["silver"],
                                                               "dump_oof": None}))
    card = {
        "model": "multinomial logistic regression (scikit-learn lbfgs) on claimcmp.compare.learned.learned_features, "
                 "u*v and |u-v| reduced by PCA; folded into one linear map",
        "classes": list(RELATIONS), "cue_features": list(CUE_NAMES), "C": args.C, "components": args.components,
        "seed": SEED,
        "noise_norm": NOISE_NORM, "balance": args.balance, "source_weights": args.weights, "bars": args.bars,
        "embedding": "claimcmp.embed.Embedder() default backend (float32 ONNX all-MiniLM-L6-v2)",
        "data": {s: {"groups": sum(1 for g in groups if g.source == s),
                     "pairs": int(sum(len(g.y) for g in groups if g.source == s)),
                     "labels": np.bincount(np.concatenate([g.y for g in groups if g.source == s]),
                                           minlength=3).tolist()}
                 for s in sorted({g.source for g in groups})},
        "data_sha256_16": data_hash(groups),
        "cross_validation": figures,
        "cross_validation_without_silver": without,
        "trained_by": "training/train_learned_comparer.py",
        "real_splits": list(args.real_splits),
        "never_read": "benchmarks/gold_real splits other than " + ", ".join(args.real_splits)
                      + "; fixtures/meetings test split",
    }
    final = LearnedComparer(model.coef, model.intercept, model.mean, model.scale, figures["temperature"],
                            dict(args.bars), card)
    final.save(args.out)
    print("wrote", args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
