"""Train the relation head shipped as ``claimcmp/compare/data/relation_head.npz``.

Reproducible from the shared data sets alone (``../shared/datasets`` or
``$CLAIMCMP_SHARED/datasets``), train/dev splits only; test splits are never
read here. Fixed seeds; writes the weights and a JSON model card
(``relation_head.card.json``) with data hashes and dev scores.

Label mapping to the three relations (agreement / counter_claim / unrelated):

* SICK train and SNLI dev: entailment -> agreement, contradiction ->
  counter_claim, neutral -> unrelated. SICK pairs are also used reversed with
  the ``entailment_BA`` judgement.
* ArgKP-2021 train (same motion): an argument and a key point it matches, or
  two same-stance arguments matching one key point -> agreement; an argument
  and a key point of the opposite stance, or two opposite-stance arguments ->
  counter_claim (opposite stance on the same proposal); two arguments of
  different motions -> unrelated. Used in both orders.
* Same-point scorer (logistic): ArgKP train argument/key-point labels.

One head for every domain: a single MLP trained on the pooled SICK, SNLI and
ArgKP pairs, each source weighted so the three carry equal total weight
(domain-balanced; no feature says which source a pair came from). Calibration:
one temperature fitted on the pooled, equally weighted dev pairs (SICK trial, a
fixed 10% of SNLI dev held out of training, ArgKP dev pairs).

Embeddings: the backend ``Embedder()`` runs by default (fp32 ONNX, ``"onnx"``:
the torch model's vectors up to float rounding, the same on every CPU), so
training and run-time features match. Each training pair is used twice: with
its vectors, and with every vector moved by Gaussian noise of norm
:data:`NOISE_NORM` (about 0.005 in 1 - cosine, shifting a pair's cosine by up
to about 0.01), so that a backend difference of that size cannot flip a
decision the head makes.

The written files depend only on the data and the code: no timestamps in the
card or the ``.npz``; ``--check`` retrains into a temporary folder and compares
the file hashes with the shipped ones.

Run from the repository root::

    python training/train_relation_model.py            # about 10 minutes on 2 busy cores
    python training/train_relation_model.py --check    # retrain elsewhere, compare hashes
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import logging
import os
import random
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from claimcmp.compare.features import ALIGNMENT_FEATURES, LEXICAL_FEATURES, pair_features  # noqa: E402
from claimcmp.compare.head import RelationHead  # noqa: E402
from claimcmp.compare.text import profile  # noqa: E402

logger = logging.getLogger("train_relation_model")

SHARED = Path(os.environ.get("CLAIMCMP_SHARED", ROOT.parent / "shared"))
DATASETS = SHARED / "datasets"
CLASSES = ("agreement", "counter_claim", "unrelated")
NLI_TO_RELATION = {"entailment": "agreement", "contradiction": "counter_claim", "neutral": "unrelated"}
SEED = 20241129
#: Embedding backend of the training features: what ``Embedder()`` runs by default.
EMBED_BACKEND = "onnx"
#: Norm of the noise added to each unit vector in the noisy copy of the training pairs.
NOISE_NORM = 0.1
#: The three training sources; each carries the same total sample weight.
SOURCES = ("sick", "snli", "argkp")


@dataclass(frozen=True)
class Pair:
    """One labelled text pair; ``source`` names the data set and split."""

    a: str
    b: str
    label: str
    source: str


# ----------------------------------------------------------------------------- loaders
def load_sick(split: str) -> list[Pair]:
    """SICK pairs of one SemEval split (``TRAIN``, ``TRIAL``, ``TEST``); label = NLI label (lower case)."""
    out = []
    with open(DATASETS / "sick" / "SICK.txt", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if row["SemEval_set"] == split:
                out.append(Pair(row["sentence_A"], row["sentence_B"], row["entailment_label"].lower(), f"sick_{split.lower()}"))
    return out


def load_sick_reversed(split: str) -> list[Pair]:
    """SICK pairs B -> A with the ``entailment_BA`` judgement."""
    out = []
    with open(DATASETS / "sick" / "SICK.txt", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if row["SemEval_set"] == split:
                ba = row["entailment_BA"]
                label = "entailment" if "entails" in ba else "contradiction" if "contradicts" in ba else "neutral"
                out.append(Pair(row["sentence_B"], row["sentence_A"], label, f"sick_{split.lower()}_rev"))
    return out


def load_snli(split: str) -> list[Pair]:
    """SNLI pairs of ``dev`` or ``test`` (tokenised text, whitespace-stripped)."""
    base = DATASETS / "snli"
    s1 = (base / f"s1.{split}").read_text(encoding="utf-8").splitlines()
    s2 = (base / f"s2.{split}").read_text(encoding="utf-8").splitlines()
    labels = (base / f"labels.{split}").read_text(encoding="utf-8").splitlines()
    return [Pair(a.strip(), b.strip(), y.strip(), f"snli_{split}") for a, b, y in zip(s1, s2, labels, strict=True)]


@dataclass
class ArgKP:
    """One ArgKP split: arguments and key points by id, match labels."""

    args: dict[str, tuple[str, str, int]]  # id -> (text, topic, stance)
    kps: dict[str, tuple[str, str, int]]
    labels: list[tuple[str, str, int]]  # (arg_id, kp_id, label)


def load_argkp(split: str) -> ArgKP:
    """ArgKP-2021 ``train``, ``dev`` or ``test``."""
    folder = DATASETS / "argkp2021" / ("test_data" if split == "test" else "kpm_data")

    def read(name: str, id_col: str, text_col: str) -> dict[str, tuple[str, str, int]]:
        with open(folder / f"{name}_{split}.csv", encoding="utf-8") as f:
            return {r[id_col]: (r[text_col], r["topic"], int(r["stance"])) for r in csv.DictReader(f)}

    with open(folder / f"labels_{split}.csv", encoding="utf-8") as f:
        labels = [(r["arg_id"], r["key_point_id"], int(r["label"])) for r in csv.DictReader(f)]
    return ArgKP(read("arguments", "arg_id", "argument"), read("key_points", "key_point_id", "key_point"), labels)


def argkp_relation_pairs(data: ArgKP, rng: random.Random, per_topic: int, source: str) -> list[Pair]:
    """Relation pairs from one ArgKP split (see the module docstring)."""
    out: list[Pair] = []
    kp_matches: dict[str, list[str]] = defaultdict(list)  # kp -> matching args
    for arg_id, kp_id, label in data.labels:
        if label == 1 and arg_id in data.args:
            kp_matches[kp_id].append(arg_id)
            out.append(Pair(data.args[arg_id][0], data.kps[kp_id][0], "agreement", source))
    by_topic: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    for arg_id, (_, topic, stance) in sorted(data.args.items()):
        by_topic[topic][stance].append(arg_id)
    kps_by_topic: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    for kp_id, (_, topic, stance) in sorted(data.kps.items()):
        kps_by_topic[topic][stance].append(kp_id)
    topics = sorted(by_topic)
    for topic in topics:
        pro, con = by_topic[topic][1], by_topic[topic][-1]
        # same key point -> agreement
        same = []
        for kp_id in sorted(kp_matches):
            if data.kps[kp_id][1] == topic:
                members = sorted(kp_matches[kp_id])
                same += [(x, y) for i, x in enumerate(members) for y in members[i + 1 :]]
        for x, y in rng.sample(same, min(len(same), per_topic)):
            out.append(Pair(data.args[x][0], data.args[y][0], "agreement", source))
        # opposite stance -> counter_claim
        for _ in range(per_topic):
            out.append(Pair(data.args[rng.choice(pro)][0], data.args[rng.choice(con)][0], "counter_claim", source))
        # argument vs key point of the opposite stance -> counter_claim
        for stance, args in ((1, pro), (-1, con)):
            opp = kps_by_topic[topic][-stance]
            for _ in range(per_topic // 4):
                if opp:
                    out.append(Pair(data.args[rng.choice(args)][0], data.kps[rng.choice(opp)][0], "counter_claim", source))
        # another motion -> unrelated
        others = [t for t in topics if t != topic]
        if others:
            for _ in range(per_topic // 2):
                other = rng.choice(others)
                x = rng.choice(pro + con)
                y = rng.choice(by_topic[other][1] + by_topic[other][-1])
                out.append(Pair(data.args[x][0], data.args[y][0], "unrelated", source))
    # both orders
    return out + [Pair(p.b, p.a, p.label, p.source) for p in out]


def argkp_match_pairs(data: ArgKP) -> tuple[list[tuple[str, str]], np.ndarray]:
    """(argument, key point) texts and 0/1 match labels."""
    pairs, y = [], []
    for arg_id, kp_id, label in data.labels:
        if arg_id in data.args and kp_id in data.kps:
            pairs.append((data.args[arg_id][0], data.kps[kp_id][0]))
            y.append(label)
    return pairs, np.asarray(y, dtype=np.int64)


# ----------------------------------------------------------------------------- features
class FeatureBuilder:
    """Embeds texts (through the shared cache) and builds pair features."""

    def __init__(self, embedder: object | None = None) -> None:
        if embedder is None:
            from claimcmp.embed import Embedder

            embedder = Embedder(batch_size=64, backend=EMBED_BACKEND)
        self.embedder = embedder
        self._profiles: dict[str, object] = {}

    def __call__(self, pairs: list[tuple[str, str]], noise: np.random.Generator | None = None) -> np.ndarray:
        texts = sorted({t for p in pairs for t in p})
        vecs = self.embedder.encode(texts)  # type: ignore[attr-defined]
        if noise is not None:
            vecs = perturbed(vecs, noise)
        index = {t: i for i, t in enumerate(texts)}
        for t in texts:
            if t not in self._profiles:
                self._profiles[t] = profile(t)
        ia = np.fromiter((index[a] for a, _ in pairs), dtype=np.int64, count=len(pairs))
        ib = np.fromiter((index[b] for _, b in pairs), dtype=np.int64, count=len(pairs))
        return pair_features(
            [self._profiles[a] for a, _ in pairs], [self._profiles[b] for _, b in pairs], vecs[ia], vecs[ib]
        )


def perturbed(vecs: np.ndarray, rng: np.random.Generator, norm: float = NOISE_NORM) -> np.ndarray:
    """Unit vectors moved by isotropic Gaussian noise of expected norm ``norm``, renormalised."""
    noise = rng.standard_normal(vecs.shape).astype(np.float32) * (norm / np.sqrt(vecs.shape[1]))
    moved = vecs + noise
    return (moved / np.linalg.norm(moved, axis=1, keepdims=True)).astype(np.float32)


def relation_labels(pairs: list[Pair]) -> np.ndarray:
    """Class indices (into CLASSES) of relation-labelled or NLI-labelled pairs."""
    return np.asarray([CLASSES.index(NLI_TO_RELATION.get(p.label, p.label)) for p in pairs], dtype=np.int64)


def fit_temperature(logits: np.ndarray, y: np.ndarray, weights: np.ndarray | None = None) -> float:
    """Temperature minimising the (weighted) negative log-likelihood on (logits, y)."""
    w = np.ones(len(y)) if weights is None else np.asarray(weights, dtype=np.float64)
    best_t, best_nll = 1.0, np.inf
    for t in np.exp(np.linspace(np.log(0.3), np.log(30.0), 160)):
        z = logits / t
        z = z - z.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        nll = -float(np.average(logp[np.arange(len(y)), y], weights=w))
        if nll < best_nll:
            best_t, best_nll = float(t), float(nll)
    return best_t


def expected_calibration_error(proba: np.ndarray, y: np.ndarray, bins: int = 10) -> float:
    """ECE of the top-class probability."""
    conf = proba.max(axis=1)
    correct = proba.argmax(axis=1) == y
    edges = np.linspace(0, 1, bins + 1)
    ece = 0.0
    for lo, hi in zip(edges[:-1], edges[1:], strict=True):
        m = (conf > lo) & (conf <= hi)
        if m.any():
            ece += m.mean() * abs(conf[m].mean() - correct[m].mean())
    return float(ece)


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def data_hashes() -> dict[str, str]:
    files = [
        DATASETS / "sick" / "SICK.txt",
        *(DATASETS / "snli" / f"{n}.dev" for n in ("s1", "s2", "labels")),
        *(DATASETS / "argkp2021" / "kpm_data" / f"{n}_{s}.csv" for n in ("arguments", "key_points", "labels") for s in ("train", "dev")),
    ]
    return {str(p.relative_to(DATASETS)): file_sha256(p) for p in files}


# ----------------------------------------------------------------------------- training
def source_of(pair: Pair) -> str:
    """The data set a pair comes from: one of :data:`SOURCES`."""
    return next(name for name in SOURCES if pair.source.startswith(name))


def build_training_data(rng: random.Random, argkp_per_topic: int) -> tuple[list[Pair], list[Pair]]:
    """(train pairs, dev pairs), all sources pooled; ``Pair.source`` keeps the origin."""
    sick_train = load_sick("TRAIN") + load_sick_reversed("TRAIN")
    sick_dev = load_sick("TRIAL")
    snli = load_snli("dev")
    # SNLI dev is training data here; hold out a fixed 10% of it for calibration and model choice
    order = list(range(len(snli)))
    random.Random(SEED).shuffle(order)
    cut = len(snli) // 10
    snli_train = [snli[i] for i in sorted(order[cut:])]
    snli_cal = [Pair(snli[i].a, snli[i].b, snli[i].label, "snli_dev_heldout") for i in sorted(order[:cut])]
    arg_train = argkp_relation_pairs(load_argkp("train"), rng, argkp_per_topic, "argkp_train")
    arg_dev = argkp_relation_pairs(load_argkp("dev"), rng, argkp_per_topic, "argkp_dev")
    return sick_train + snli_train + arg_train, sick_dev + snli_cal + arg_dev


def balanced_weights(pairs: list[Pair]) -> np.ndarray:
    """Sample weights giving each source the same total weight (mean weight 1)."""
    sources = [source_of(p) for p in pairs]
    counts = {name: sources.count(name) for name in SOURCES}
    present = [name for name in SOURCES if counts[name]]
    return np.asarray([len(pairs) / (len(present) * counts[src]) for src in sources], dtype=np.float64)


def fit_mlp(x: np.ndarray, y: np.ndarray, weights: np.ndarray, args: argparse.Namespace) -> RelationHead:
    """Standardise, fit an sklearn MLP with fixed seed, return the numpy MLP."""
    from sklearn.neural_network import MLPClassifier

    mean = x.mean(axis=0)
    scale = x.std(axis=0) + 1e-6
    mlp = MLPClassifier(
        hidden_layer_sizes=tuple(args.hidden),
        alpha=args.alpha,
        batch_size=256,
        learning_rate_init=1e-3,
        max_iter=args.epochs,
        early_stopping=True,
        validation_fraction=0.1,
        n_iter_no_change=6,
        random_state=SEED,
    )
    mlp.fit((x - mean) / scale, y, sample_weight=weights)
    logger.info("MLP: %d epochs", mlp.n_iter_)
    return RelationHead(
        mean=mean.astype(np.float32),
        scale=scale.astype(np.float32),
        weights=tuple(w.astype(np.float32) for w in mlp.coefs_),
        biases=tuple(b.astype(np.float32) for b in mlp.intercepts_),
        temperature=1.0,
        classes=CLASSES,
        name="relation",
    )


#: Columns the same-point scorer reads: similarity and word-overlap features only. A logistic
#: regression over all columns (embedding blocks included) learnt the training motions and
#: ranked key points worse than cosine alone on ArgKP dev.
MATCH_COLUMNS = ("cosine", "jaccard_tokens", "jaccard_content", "b_content_covered", "a_content_covered",
                 "log_a_only", "log_b_only", "b_only_align_min", "b_only_align_mean", "a_only_align_min",
                 "a_only_align_mean")


def fit_match_scorer(head: RelationHead, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float]:
    """Logistic same-point scorer on a few standardised columns; full-width coefficients."""
    from sklearn.linear_model import LogisticRegression

    names = list(LEXICAL_FEATURES + ALIGNMENT_FEATURES)
    offset = head.n_features - len(names)
    cols = [offset + names.index(c) for c in MATCH_COLUMNS]
    lr = LogisticRegression(C=1.0, max_iter=1000)
    lr.fit(head.standardise(x)[:, cols], y)
    coef = np.zeros(head.n_features, dtype=np.float32)
    coef[cols] = lr.coef_[0]
    return coef, float(lr.intercept_[0])


def dev_scores(head: RelationHead, x_dev: np.ndarray, y_dev: np.ndarray, sources: list[str]) -> dict[str, float]:
    """Accuracy per dev source: given order, and both orders combined as ``classify_pairs`` does."""
    from claimcmp.compare.classifier import combine_orders
    from claimcmp.compare.features import swap_order

    dim = 384
    given = head.predict_proba(x_dev)
    both = combine_orders(given, head.predict_proba(swap_order(x_dev, dim)))
    src = np.asarray(sources)
    out = {}
    for name in SOURCES:
        m = src == name
        out[f"{name}_dev_accuracy"] = float((given[m].argmax(axis=1) == y_dev[m]).mean())
        out[f"{name}_dev_accuracy_both_orders"] = float((both[m].argmax(axis=1) == y_dev[m]).mean())
    return out


def train(args: argparse.Namespace) -> dict[str, object]:
    random.seed(SEED)
    np.random.seed(SEED)
    rng = random.Random(SEED)
    t0 = time.perf_counter()
    features = FeatureBuilder()
    train_pairs, dev_pairs = build_training_data(rng, args.argkp_per_topic)
    clean = features([(p.a, p.b) for p in train_pairs])
    noisy = features([(p.a, p.b) for p in train_pairs], noise=np.random.default_rng(SEED))
    x = np.concatenate([clean, noisy])
    y = np.concatenate([relation_labels(train_pairs)] * 2)
    w = np.concatenate([balanced_weights(train_pairs)] * 2)
    x_dev = features([(p.a, p.b) for p in dev_pairs])
    y_dev = relation_labels(dev_pairs)
    w_dev = balanced_weights(dev_pairs)
    dev_sources = [source_of(p) for p in dev_pairs]
    logger.info("%d train / %d dev pairs, features after %.0fs", len(train_pairs), len(dev_pairs), time.perf_counter() - t0)

    mlp = fit_mlp(x, y, w, args)
    raw = mlp.own_proba(x_dev)
    mlp = mlp.with_temperature(fit_temperature(mlp.logits(x_dev), y_dev, w_dev))
    cal = mlp.own_proba(x_dev)
    scores: dict[str, object] = dev_scores(mlp, x_dev, y_dev, dev_sources)
    scores["dev_ece_uncalibrated"] = expected_calibration_error(raw, y_dev)
    scores["dev_ece_calibrated"] = expected_calibration_error(cal, y_dev)
    scores["temperature"] = mlp.temperature
    logger.info("dev scores %s after %.0fs", scores, time.perf_counter() - t0)

    # same-point scorer on ArgKP train labels; dev AUC against cosine alone
    from sklearn.metrics import roc_auc_score

    match_pairs, y_match = argkp_match_pairs(load_argkp("train"))
    match_coef, match_intercept = fit_match_scorer(mlp, features(match_pairs), y_match)
    head = replace(mlp, match_coef=match_coef, match_intercept=match_intercept)
    dev_match, y_dev_match = argkp_match_pairs(load_argkp("dev"))
    x_match = features(dev_match)
    cos_col = head.n_features - len(LEXICAL_FEATURES + ALIGNMENT_FEATURES) + LEXICAL_FEATURES.index("cosine")
    scores["match_dev_auc"] = float(roc_auc_score(y_dev_match, head.match_score(x_match)))
    scores["cosine_dev_auc"] = float(roc_auc_score(y_dev_match, x_match[:, cos_col]))

    def count(pairs: list[Pair]) -> dict[str, int]:
        return {src: int(sum(p.source == src for p in pairs)) for src in sorted({p.source for p in pairs})}

    card = {
        "name": "claimcmp relation head",
        "classes": list(CLASSES),
        "features": f"[u, v, |u-v|, u*v] of all-MiniLM-L6-v2 embeddings (4 x 384) + [p, q, p*q] mean static word "
        f"vectors of the words only one text has (3 x 384) + {len(LEXICAL_FEATURES)} lexical + "
        f"{len(ALIGNMENT_FEATURES)} alignment: " + ", ".join(LEXICAL_FEATURES + ALIGNMENT_FEATURES),
        "embedding_backend": EMBED_BACKEND,
        "architecture": f"one MLP: standardise -> {list(args.hidden)} ReLU -> softmax(logits / T), "
        "trained on SICK, SNLI and ArgKP pairs pooled with equal total weight per source (no source feature)",
        "pairs": {"train": count(train_pairs), "dev": count(dev_pairs)},
        "label_mapping": "see the docstring of training/train_relation_model.py",
        "hyperparameters": {"hidden": list(args.hidden), "alpha": args.alpha, "max_epochs": args.epochs,
                            "noise_norm": NOISE_NORM, "noisy_copies": 1,
                            "argkp_per_topic": args.argkp_per_topic, "source_weighting": "equal total per source",
                            "match_columns": list(MATCH_COLUMNS), "seed": SEED},
        "dev_scores": scores,
        "data_sha256": data_hashes(),
        "test_splits_used": False,
    }
    final = replace(head, card=json.dumps(card, sort_keys=True))
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    final.save(out)
    out.with_suffix(".card.json").write_text(json.dumps(card, indent=2, sort_keys=True) + "\n")
    logger.info("wrote %s (%.1f MB) after %.0fs", out, out.stat().st_size / 1e6, time.perf_counter() - t0)
    return card


def card_sha256(card: dict[str, object]) -> str:
    """Hash of a model card without its ``test_scores`` (written by benchmarks/bench_relations.py)."""
    body = {k: v for k, v in card.items() if k != "test_scores"}
    return hashlib.sha256(json.dumps(body, indent=2, sort_keys=True).encode()).hexdigest()


def check_reproduction(args: argparse.Namespace) -> int:
    """Retrain into a temporary folder and compare file hashes with ``args.out``."""
    import tempfile

    shipped = Path(args.out)
    with tempfile.TemporaryDirectory() as tmp:
        args.out = str(Path(tmp) / shipped.name)
        train(args)
        ok = True
        for suffix in (".npz", ".card.json"):
            a, b = shipped.with_suffix(suffix), Path(args.out).with_suffix(suffix)
            ha, hb = file_sha256(a), file_sha256(b)
            if suffix == ".card.json":  # the shipped card also holds test scores, added by the benchmark
                ha, hb = (card_sha256(json.loads(f.read_text())) for f in (a, b))
            logger.info("%s: shipped %s, retrained %s: %s", a.name, ha[:16], hb[:16], "identical" if ha == hb else "DIFFERENT")
            ok &= ha == hb
    return 0 if ok else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "claimcmp" / "compare" / "data" / "relation_head.npz"))
    parser.add_argument("--hidden", type=int, nargs="+", default=[256])
    parser.add_argument("--alpha", type=float, default=1e-3)
    parser.add_argument("--epochs", type=int, default=40)
    parser.add_argument("--argkp-per-topic", type=int, default=160)
    parser.add_argument("--check", action="store_true", help="retrain elsewhere and compare hashes with --out")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    if args.check:
        return check_reproduction(args)
    train(args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
