"""Train the same-agenda-item model shipped as ``claimcmp/topics/data/meeting_pairs.npz`` (issue #21, point 3).

Data: the hand-made agenda topics (``benchmarks/gold_real/topics``) of the two-sided documents of the splits
named by ``--splits`` (default: every split whose first untouched score is taken; a split still untouched,
``bench_gold_real.unscored_splits()``, is refused), with their gold statements in release order, speakers and
sides as ``analyze()`` passes them, embedded by the default :class:`claimcmp.embed.Embedder`.

Pairs: every pair of a document's content statements (:func:`claimcmp.topics.meeting_pairs.meeting_pairs`)
whose two statements are both in an annotated item; label: the same item. Each document weighs the same.

Model: scikit-learn's ``LogisticRegression`` (lbfgs, L2 ``--c``) on the standardised features; the package
reads it with numpy alone (:class:`claimcmp.topics.meeting_pairs.SameTopicModel`).

Cross-validation (written into the model card): ``--folds`` folds of whole documents, ``--draws`` seeded fold
draws. On each held-out document ``TopicModel()`` is fitted with the fold's model and with
``meeting_pair_model=None`` (the cosine of the joined view, the path before); scored as
``benchmarks/bench_topics.py`` scores the meeting scale: ARI over the statements an annotator put in an item.

Run from the repository root (a minute or two; embeddings cached)::

    python training/train_meeting_topics.py            # writes the shipped files
    python training/train_meeting_topics.py --cv-only  # figures only
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
for p in (ROOT, ROOT / "benchmarks"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

from bench_gold_real import refuse_unscored, unscored_splits  # noqa: E402
from bench_topics import GOLD_REAL, agenda_ari, agenda_documents, agenda_topics  # noqa: E402

from claimcmp.topics import TopicModel  # noqa: E402
from claimcmp.topics.meeting_pairs import PAIR_FEATURES, SameTopicModel, meeting_pairs  # noqa: E402

OUT = ROOT / "claimcmp" / "topics" / "data" / "meeting_pairs.npz"
SEED = 20261207


@dataclass
class Document:
    """One annotated two-sided document: statements, vectors, agenda items, pair features and labels."""

    name: str
    split: str
    statements: list
    vectors: np.ndarray
    truth: dict[int, int]
    features: np.ndarray
    labels: np.ndarray  # 1 same item, 0 different items, -1 a statement outside every item


def load_documents(splits: set[str], embedder: Any) -> list[Document]:
    """The annotated documents of ``splits``, in name order."""
    documents = []
    for split, agenda, statements, vectors in agenda_documents(splits, embedder):
        pairs = meeting_pairs(vectors, [s.text for s in statements], [s.side for s in statements],
                              [s.speaker for s in statements])
        truth = agenda_topics(agenda)
        a, b = pairs.rows[pairs.left], pairs.rows[pairs.right]
        pairs_ab = zip(a, b, strict=True)
        labels = np.array([int(truth[i] == truth[j]) if i in truth and j in truth else -1 for i, j in pairs_ab])
        documents.append(Document(agenda["doc"], split, statements, vectors, truth, pairs.features, labels))
    return documents


def fit(documents: list[Document], c: float, card: dict[str, Any] | None = None) -> SameTopicModel:
    """Logistic regression on the labelled pairs of ``documents``, each document weighing the same."""
    from sklearn.linear_model import LogisticRegression

    rows = [d.labels >= 0 for d in documents]
    x = np.vstack([d.features[r] for d, r in zip(documents, rows, strict=True)])
    y = np.concatenate([d.labels[r] for d, r in zip(documents, rows, strict=True)])
    weights = np.concatenate([np.full(int(r.sum()), len(documents) / max(1, int(r.sum()))) for r in rows])
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale = np.where(scale > 0, scale, 1.0)
    model = LogisticRegression(C=c, max_iter=5000).fit((x - mean) / scale, y, sample_weight=weights)
    return SameTopicModel(mean, scale, model.coef_[0].astype(np.float64), float(model.intercept_[0]), card or {})


def meeting_ari(document: Document, pair_model: SameTopicModel | None) -> tuple[float, int]:
    """ARI of ``TopicModel()`` against the agenda items (annotated statements only) and the topic count."""
    labels = TopicModel(meeting_pair_model=pair_model).fit(document.statements, embeddings=document.vectors).labels_
    return agenda_ari(document.truth, labels), int(len(set(labels.tolist())))


def cross_validate(documents: list[Document], c: float, folds: int, draws: int) -> dict[str, Any]:
    """Held-out ARI of the learned cut against the cosine cut, per fold draw, with per-document gains."""
    before = [meeting_ari(d, None) for d in documents]
    rng = np.random.default_rng(SEED)
    runs = []
    for _ in range(draws):
        fold_of = rng.permutation(np.arange(len(documents)) % folds)
        after: list[tuple[float, int]] = [(0.0, 0)] * len(documents)
        for fold in range(folds):
            model = fit([d for d, f in zip(documents, fold_of, strict=True) if f != fold], c)
            for i in np.flatnonzero(fold_of == fold):
                after[i] = meeting_ari(documents[i], model)
        gains = np.array([a[0] - b[0] for a, b in zip(after, before, strict=True)])
        gains = gains[~np.isnan(gains)]
        boot = [rng.choice(gains, len(gains)).mean() for _ in range(2000)]
        runs.append({
            "mean_ari": float(np.nanmean([a[0] for a in after])), "mean_topics": float(np.mean([a[1] for a in after])),
            "gain": float(gains.mean()), "gain_90": [float(np.percentile(boot, 5)), float(np.percentile(boot, 95))],
            "better": int((gains > 1e-9).sum()), "worse": int((gains < -1e-9).sum()),
        })
    return {
        "folds": folds, "draws": runs,
        "before": {"mean_ari": float(np.nanmean([b[0] for b in before])),
                   "mean_topics": float(np.mean([b[1] for b in before]))},
        "annotated_items": float(np.mean([len(set(d.truth.values())) for d in documents])),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--splits", help="comma-separated gold splits (default: every scored split)")
    parser.add_argument("--c", type=float, default=0.01, help="inverse L2 strength of the logistic regression")
    parser.add_argument("--folds", type=int, default=8)
    parser.add_argument("--draws", type=int, default=3)
    parser.add_argument("--cv-only", action="store_true", help="print the figures, write nothing")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    from claimcmp.embed import Embedder

    every = set(json.loads((GOLD_REAL / "split.json").read_text()).values())
    splits = set(args.splits.split(",")) if args.splits else every - unscored_splits()
    refuse_unscored(splits)
    documents = load_documents(splits, Embedder())
    figures = cross_validate(documents, args.c, args.folds, args.draws)
    print(json.dumps(figures, indent=1))
    if args.cv_only:
        return
    card = {
        "model": "logistic regression (lbfgs, L2) on standardised pair features, each document weighing the same",
        "features": list(PAIR_FEATURES), "c": args.c, "splits": sorted(splits), "documents": len(documents),
        "pairs": int(sum((d.labels >= 0).sum() for d in documents)),
        "same_item_pairs": int(sum((d.labels == 1).sum() for d in documents)),
        "cross_validation": figures, "trained_by": "training/train_meeting_topics.py",
    }
    model = fit(documents, args.c, card)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    model.save(args.out)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
