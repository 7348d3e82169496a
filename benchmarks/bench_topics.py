"""Topic clustering: claimcmp vs KMeans and BERTopic's default pipeline on short-text clustering sets.

Every data set is embedded once (all-MiniLM-L6-v2 through the claimcmp cache);
every method clusters the same vectors in the same run:

* claimcmp ``TopicModel`` fully automatic, and with the true number of topics;
* ``sklearn.cluster.KMeans(n_clusters=k, n_init=10, random_state=0)``;
* BERTopic's default clustering (UMAP n_neighbors=15, n_components=5,
  min_dist=0, cosine, random_state=42; HDBSCAN min_cluster_size=10, eom),
  outliers (-1) counted as one cluster, as users get them.

Then the meeting scale: ``TopicModel()`` on the gold statements (text, speaker,
side, in release order) of each two-sided document of ``benchmarks/gold_real`` against its hand-made agenda
topics (``gold_real/topics/``): ARI over the statements in a topic (courtesy
lines, ``unassigned``, left out), topics, and the share of statements alone
in their topic; per split (dev is for development; test and test2 only
reported).

"clustering" time is the clustering step alone (claimcmp backend fit vs UMAP +
HDBSCAN); "fit" time is the whole fit with keywords (``TopicModel.fit`` vs
``BERTopic.fit_transform`` with the embeddings passed in).

A scale check follows: synthetic 384-d vectors (mixture of 200 directions) at
10k / 50k / 100k, each size in its own subprocess so peak RSS is honest.

Usage::

    python benchmarks/bench_topics.py [--max-n N] [--skip-bertopic] [--skip-scale] [--sets A,B]

Needs the ``bench`` extra (bertopic==0.17.4, umap-learn, hdbscan) for the reference.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
from _harness import DATASETS, ROOT, md_table, peak_rss_mb, record, timed

SETS = ["SearchSnippets", "StackOverflow", "Biomedical", "AGNews-8000", "GoogleNews-TS", "GoogleNews-S", "GoogleNews-T",
        "Tweet"]
GOLD_REAL = Path(__file__).resolve().parent / "gold_real"
FOLDER = DATASETS / "short_text_clustering"


def load_set(name: str) -> tuple[list[str], np.ndarray]:
    """Texts and gold labels of one data set."""
    if (FOLDER / f"{name}.txt").exists():
        texts = (FOLDER / f"{name}.txt").read_text(encoding="utf-8-sig").splitlines()
        gold = [int(x) for x in (FOLDER / f"{name}_gnd.txt").read_text().split()]
    else:
        texts, gold = [], []
        for line in (FOLDER / f"{name}.tsv").read_text(encoding="utf-8-sig").splitlines():
            if line.strip():
                label, _, text = line.partition("\t")
                gold.append(int(label))
                texts.append(text)
    if len(texts) != len(gold):
        raise SystemExit(f"{name}: {len(texts)} texts but {len(gold)} labels")
    return texts, np.asarray(gold)


def scores(gold: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

    return float(normalized_mutual_info_score(gold, labels)), float(adjusted_rand_score(gold, labels))


def run_claimcmp(texts: list[str], vectors: np.ndarray, gold: np.ndarray, n_topics: int | None) -> dict:
    from claimcmp.topics import TopicModel

    model = TopicModel(n_topics)
    with timed() as t:
        model.fit(texts, embeddings=vectors)
    labels = model.labels_
    # the clustering step alone, as the estimator runs it
    with timed() as c:
        model._cluster(vectors)
    nmi, ari = scores(gold, labels)
    sizes = np.bincount(labels)
    return {
        "nmi": nmi,
        "ari": ari,
        "topics": int(len(sizes)),
        "singletons": int((sizes == 1).sum()),
        "largest_share": float(sizes.max() / len(labels)),
        "cluster_s": c["s"],
        "fit_s": t["s"],
        "backend": model.backend_,
    }


def run_kmeans(vectors: np.ndarray, gold: np.ndarray, k: int) -> dict:
    from sklearn.cluster import KMeans

    with timed() as c:
        labels = KMeans(n_clusters=k, n_init=10, random_state=0).fit(vectors).labels_
    nmi, ari = scores(gold, labels)
    sizes = np.bincount(labels)
    return {"nmi": nmi, "ari": ari, "topics": int(len(sizes)), "largest_share": float(sizes.max() / len(labels)),
            "cluster_s": c["s"], "fit_s": c["s"]}


def scored_splits(splits: set[str]) -> set[str]:
    """The gold splits that may be read by default: all but an untouched split whose first score is not taken
    (``bench_gold_real.unscored_splits``); such a split is read only when named (``--meeting-splits``)."""
    from bench_gold_real import unscored_splits

    return splits - unscored_splits()


def gold_statements(doc: str) -> list:
    """The gold statements of one document of ``gold_real`` as analyze() passes them: in release order, with their
    speakers and sides."""
    from claimcmp.model import Statement

    gold = json.loads((GOLD_REAL / "gold" / f"{doc}.gold.json").read_text())
    return [Statement(f"{doc}@{i}", doc, s["text"], 0, len(s["text"]), s.get("speaker"), s.get("side"),
                      s.get("kind") or "narration")
            for i, s in enumerate(gold["statements"])]


def agenda_topics(agenda: dict) -> dict[int, int]:
    """Statement index -> agenda topic number of one annotation (``unassigned`` statements left out)."""
    return {int(i): t for t, topic in enumerate(agenda["topics"]) for i in topic["statements"]}


def agenda_documents(splits: set[str], embedder: Any) -> Iterator[tuple[str, dict, list, np.ndarray]]:
    """Split, agenda annotation, gold statements (:func:`gold_statements`) and their vectors of each two-sided
    gold document with agenda topics in ``splits``, in name order."""
    split = json.loads((GOLD_REAL / "split.json").read_text())
    for path in sorted((GOLD_REAL / "topics").glob("*.topics.json")):
        agenda = json.loads(path.read_text())
        if split[agenda["doc"]] in splits:
            statements = gold_statements(agenda["doc"])
            vectors = np.asarray(embedder.encode([s.text for s in statements]), dtype=np.float32)
            yield split[agenda["doc"]], agenda, statements, vectors


def agenda_ari(truth: dict[int, int], labels: np.ndarray) -> float:
    """ARI of topic ``labels`` against the agenda items, over the statements an annotator put in one (nan: none)."""
    from sklearn.metrics import adjusted_rand_score

    rows = sorted(truth)
    return float(adjusted_rand_score([truth[i] for i in rows], labels[rows])) if rows else float("nan")


def meeting_scale(embedder: object, splits: set[str] | None = None) -> dict:
    """TopicModel() on each two-sided gold document against its agenda topics, per split (``splits``, or every
    split but those still untouched: :func:`scored_splits`)."""
    from claimcmp.topics import TopicModel

    if splits is None:
        splits = scored_splits(set(json.loads((GOLD_REAL / "split.json").read_text()).values()))
    per_split: dict[str, list[dict]] = {}
    for split, agenda, statements, vectors in agenda_documents(splits, embedder):
        model = TopicModel().fit(statements, embeddings=vectors)
        truth = agenda_topics(agenda)
        sizes = np.bincount(model.labels_)
        one_sided = one_sided_check(statements, model, truth, vectors)
        per_split.setdefault(split, []).append({
            "doc": agenda["doc"],
            "statements": len(statements),
            "ari": agenda_ari(truth, model.labels_),
            "gold_topics": len(agenda["topics"]),
            "topics": int(len(sizes)),
            "alone_share": float((sizes[model.labels_] == 1).mean()),
            "labels": [t.label for t in model.topics_],
            "one_sided": one_sided,
        })
    summary = {}
    for name, docs in sorted(per_split.items()):
        summary[name] = {
            "documents": len(docs),
            "mean_ari": float(np.nanmean([d["ari"] for d in docs])),
            "mean_topics": float(np.mean([d["topics"] for d in docs])),
            "mean_gold_topics": float(np.mean([d["gold_topics"] for d in docs])),
            "alone_share": float(np.mean([d["alone_share"] for d in docs])),
            "one_sided_reported": sum(d["one_sided"]["assessed"] for d in docs),
            "one_sided_true": sum(d["one_sided"]["true"] for d in docs),
            "docs": docs,
        }
    return summary


def one_sided_check(statements: list, model: object, truth: dict[int, int], embeddings: np.ndarray) -> dict:
    """The one-sided topics ``compare_sides`` (default comparer) reports for the document's two largest sides with
    these topics, checked against the agenda topics: a claim is true when no statement of the other side is in an
    agenda topic of its statements (claims whose statements are all outside every agenda topic cannot be
    assessed)."""
    from collections import Counter

    from claimcmp.compare import compare_sides

    sides = [s.side for s in statements]
    two = [side for side, _ in Counter(x for x in sides if x and x != "joint").most_common(2)]
    out = {"assessed": 0, "true": 0, "unassessable": 0}
    if len(two) < 2:
        return out
    claims = compare_sides(statements, (two[0], two[1]), embeddings=embeddings, topics=model).one_sided_topics
    position = {s.id: i for i, s in enumerate(statements)}
    for claim in claims:
        items = {truth[position[sid]] for sid in claim.statement_ids if position[sid] in truth}
        if not items:
            out["unassessable"] += 1
            continue
        other = [i for i, side in enumerate(sides) if side in two and side != claim.side]
        out["assessed"] += 1
        out["true"] += int(not any(truth.get(i) in items for i in other))
    return out


def run_bertopic(texts: list[str], vectors: np.ndarray, gold: np.ndarray) -> dict:
    from bertopic import BERTopic
    from hdbscan import HDBSCAN
    from umap import UMAP

    def components() -> tuple[UMAP, HDBSCAN]:
        umap = UMAP(n_neighbors=15, n_components=5, min_dist=0.0, metric="cosine", random_state=42)
        hdb = HDBSCAN(min_cluster_size=10, metric="euclidean", cluster_selection_method="eom", prediction_data=True)
        return umap, hdb

    umap, hdb = components()
    with timed() as c:
        labels = hdb.fit(umap.fit_transform(vectors)).labels_
    umap, hdb = components()
    with timed() as t:
        BERTopic(umap_model=umap, hdbscan_model=hdb).fit_transform(texts, embeddings=vectors)
    nmi, ari = scores(gold, labels)
    return {
        "nmi": nmi,
        "ari": ari,
        "topics": int(labels.max() + 1),
        "outlier_share": float((labels < 0).mean()),
        "cluster_s": c["s"],
        "fit_s": t["s"],
    }


def warm_up_bertopic() -> None:
    """Compile UMAP's and HDBSCAN's numba code once, so no set's timing includes it."""
    from hdbscan import HDBSCAN
    from umap import UMAP

    # above 4,096 rows UMAP switches from exact neighbours to NN-descent: compile that path too
    x = np.random.default_rng(0).standard_normal((5000, 384)).astype(np.float32)
    embedding = UMAP(n_neighbors=15, n_components=5, min_dist=0.0, metric="cosine", random_state=42).fit_transform(x)
    HDBSCAN(min_cluster_size=10, prediction_data=True).fit(embedding)


def _own_peak_mb() -> float:
    """Peak RSS of this process image (VmHWM): unlike ru_maxrss, not inherited from the parent."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return peak_rss_mb()


def scale_child(n: int) -> None:
    """Run in a subprocess: fit n synthetic 384-d vectors, print JSON."""
    from claimcmp.topics import TopicModel

    rng = np.random.default_rng(0)
    centres = rng.standard_normal((200, 384))
    x = centres[rng.integers(0, 200, n)] + 1.5 * rng.standard_normal((n, 384))
    x = (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float32)
    base = _own_peak_mb()
    start = time.perf_counter()
    model = TopicModel().fit(x)
    elapsed = time.perf_counter() - start
    print(json.dumps({
        "n": n, "s": elapsed, "peak_rss_mb": _own_peak_mb(), "rss_before_mb": base,
        "topics": len(model.topics_), "backend": model.backend_,
    }))


MEETING_HEAD = "\n\nMeeting scale: "


def meeting_markdown(meetings: dict) -> str:
    """The meeting-scale table of :func:`meeting_scale`'s figures; a split the shipped same-agenda-item model was
    trained on is marked (its figure is not a held-out one)."""
    from claimcmp.topics.meeting_pairs import shipped_same_topic_model

    trained_on = set(shipped_same_topic_model().card.get("splits", []))
    return (
        MEETING_HEAD + "`TopicModel()` on the gold statements of each two-sided document vs its agenda topics (ARI "
        "over statements in a topic). The meeting path clusters on a same-agenda-item model trained on the splits "
        "marked \"yes\" (their figures are not held out; `training/train_meeting_topics.py` prints the "
        "cross-validated ones); the others were never seen by it:\n\n"
    ) + md_table(
        ["split", "in the pair model's training data", "documents", "mean ARI", "topics (mean)",
         "agenda topics (mean)", "statements alone", "one-sided topics: the other side said nothing on them"],
        [[name, "yes" if name in trained_on else "no", m["documents"], m["mean_ari"], m["mean_topics"],
          m["mean_gold_topics"], f"{m['alone_share']:.1%}",
          f"{m.get('one_sided_true', 0)}/{m.get('one_sided_reported', 0)}"]
         for name, m in meetings.items()],
    ) + (
        "\n\nOne-sided topics: those `compare_sides` reports for the document's two largest sides; a claim holds "
        "when no statement of the other side is in an agenda topic of its statements (claims whose statements "
        "are in no agenda topic are not counted)."
    )


def rescore_meetings(meeting_splits: str | None) -> None:
    """Score the meeting scale again and put it into the stored results in place of the old figures."""
    from claimcmp.embed import Embedder

    stored = json.loads((ROOT / "benchmarks" / "results" / "topics.json").read_text(encoding="utf-8"))
    figures, markdown = stored["figures"], stored["markdown"]
    chosen = set(meeting_splits.split(",")) if meeting_splits else None
    figures["meetings"] = meeting_scale(Embedder(), chosen)
    before, _, rest = markdown.partition(MEETING_HEAD)
    tail = rest[rest.index("\n\nScale ("):] if "\n\nScale (" in rest else ""
    markdown = before + meeting_markdown(figures["meetings"]) + tail
    print(markdown)
    record("topics", stored["title"], markdown, figures, order=stored.get("order", 40))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--max-n", type=int, default=None, help="subsample larger sets (seed 0)")
    parser.add_argument("--sets", default=",".join(SETS))
    parser.add_argument("--skip-bertopic", action="store_true")
    parser.add_argument("--skip-scale", action="store_true")
    parser.add_argument("--skip-meetings", action="store_true")
    parser.add_argument("--meeting-splits", default=None,
                        help="gold splits to score at meeting scale, comma-separated (default: all whose first score "
                             "is taken); dev to develop")
    parser.add_argument("--only-meetings", action="store_true",
                        help="rescore the meeting scale alone; the stored set and scale figures are kept")
    parser.add_argument("--scale-child", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.scale_child:
        scale_child(args.scale_child)
        return
    if args.only_meetings:
        rescore_meetings(args.meeting_splits)
        return

    from claimcmp.embed import Embedder

    embedder = Embedder()
    if not args.skip_bertopic:
        warm_up_bertopic()
    rows, figures = [], {"sets": {}, "scale": []}
    for name in args.sets.split(","):
        texts, gold = load_set(name)
        if args.max_n and len(texts) > args.max_n:
            keep = np.sort(np.random.default_rng(0).choice(len(texts), args.max_n, replace=False))
            texts, gold = [texts[i] for i in keep], gold[keep]
        vectors = embedder.encode(texts)
        k = len(np.unique(gold))
        entry = {
            "n": len(texts),
            "k": k,
            "auto": run_claimcmp(texts, vectors, gold, None),
            "k_given": run_claimcmp(texts, vectors, gold, k),
            "kmeans": run_kmeans(vectors, gold, k),
        }
        if not args.skip_bertopic:
            entry["bertopic"] = run_bertopic(texts, vectors, gold)
        figures["sets"][name] = entry
        print(name, json.dumps(entry), flush=True)
        bt = entry.get("bertopic")
        for label, key in (("claimcmp, automatic", "auto"), ("claimcmp, k given", "k_given"),
                           ("KMeans(k, n_init=10)", "kmeans")):
            r = entry[key]
            speedup = bt["cluster_s"] / r["cluster_s"] if bt else float("nan")
            rows.append([name, entry["n"], k, label, r["nmi"], r["ari"], r["topics"], f"{r['largest_share']:.1%}",
                         r["cluster_s"], r["fit_s"], f"{speedup:.1f}×" if bt else "-"])
        if bt:
            rows.append([name, entry["n"], k, "BERTopic default", bt["nmi"], bt["ari"], bt["topics"],
                         f"{bt['outlier_share']:.1%} outliers", bt["cluster_s"], bt["fit_s"], "1×"])

    table = md_table(
        ["set", "n", "gold k", "method", "NMI", "ARI", "topics", "largest topic", "clustering s", "fit s",
         "clustering speed-up vs BERTopic"],
        rows,
    )
    scale_rows = []
    if not args.skip_scale:
        for n in (10_000, 50_000, 100_000):
            out = subprocess.run(
                [sys.executable, __file__, "--scale-child", str(n)], capture_output=True, text=True, check=True
            ).stdout.strip().splitlines()[-1]
            result = json.loads(out)
            figures["scale"].append(result)
            print("scale", result, flush=True)
            scale_rows.append([n, result["backend"], result["s"], result["peak_rss_mb"], result["topics"]])
    meeting_md = ""
    if not args.skip_meetings:
        chosen = set(args.meeting_splits.split(",")) if args.meeting_splits else None
        figures["meetings"] = meeting_scale(embedder, chosen)
        meeting_md = meeting_markdown(figures["meetings"])
    notes = [
        "Same all-MiniLM-L6-v2 embeddings for every method, clustered in the same run. BERTopic: default "
        "UMAP + HDBSCAN (random_state=42; numba code compiled before any timing); its outliers count as "
        "one cluster. claimcmp places every text; \"largest topic\" is the share of texts in its biggest topic. "
        "Clustering s: claimcmp's backend fit vs UMAP + HDBSCAN; fit s: the whole fit with keywords.",
        "",
    ]
    if args.max_n:
        notes.append(f"Sets above {args.max_n} texts were subsampled to {args.max_n} (seed 0).\n")
    markdown = "\n".join(notes) + table + meeting_md
    if scale_rows:
        markdown += "\n\nScale (synthetic 384-d vectors, automatic mode, no texts; own subprocess per size):\n\n"
        markdown += md_table(["n", "backend", "fit s", "peak RSS MB", "topics"], scale_rows)
    record("topics", "Topics: clustering vs BERTopic", markdown, figures, order=40)


if __name__ == "__main__":
    main()
