"""Can a learned "same agenda item" probability replace the meeting path's silhouette cut? (issue #21, point 3)

Leave-one-document-out cross-validation on the **dev** split only (the two-sided documents of
``benchmarks/gold_real/topics``; every other split is refused). For each held-out document a logistic
regression is fitted on the statement pairs of the other dev documents (both statements in an annotated
topic; label: same topic), then the held-out meeting is clustered from the predicted probabilities p:

* average linkage on p, merging while the average p between two groups is at least 0.5 (no count tuned);
* greedy additive edge contraction on the log-odds (correlation clustering), then single-statement moves;
* the meeting path's own silhouette cut (2 .. round(1.5 sqrt(n)) groups) on the distance 1 - p;
* the meeting path's cosine tree, cut where the sum of log-odds over same-topic pairs is largest.

Statements with little content follow the content statement before them, as in the shipped path
(``claimcmp/topics/_meeting.py``), unless a row says every statement is clustered. Scores as
``bench_topics.py``'s meeting scale: ARI over the statements an annotator put in a topic, topics, share
of statements alone; the same on the meetings of 15 statements or more. Pair features (all computed per
meeting, no label used):

* ``cos_cen`` centred sentence vectors, ``cos_tf`` content-word TF-IDF, ``cos_joined`` the shipped joined
  view, ``z_joined`` the joined cosine as z-scores of each statement's row (mean of both ends);
* ``gap_rel`` / ``gap_log`` / ``adjacent`` statements between the two in their release (other release: far);
* ``same_speaker``, ``same_side``, ``either_joint`` (a joint statement or one without a side);
* ``cos_win`` cosine of the joined vectors averaged over each statement and its neighbours; ``log_n``.

Also reported for the main learned rows: the two Argentina readouts fitted as one input (how many of the
16 cross-document relations of ``pairs.gold.json`` land in one topic; the model fitted without either
document) and the seed release (model fitted on all dev). The logistic regression is plain Newton
iterations with an L2 penalty (1 unless a row says otherwise) on standardised features, each document
weighted equally (a row says where pairs are weighted equally instead): deterministic, no random draw.

Run: ``python benchmarks/cv_meeting_pairs.py`` (a few minutes, most of it the nested choice of the L2
penalty; vectors come from the embedding cache).
Prints a markdown table; nothing is recorded in ``RESULTS.md``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from _harness import ROOT, md_table
from sklearn.metrics import adjusted_rand_score, roc_auc_score

from claimcmp.model import Statement
from claimcmp.topics._inputs import read_input
from claimcmp.topics._meeting import MIN_CONTENT_TERMS, _tfidf, _unit, content_terms, meeting_topics, meeting_vectors
from claimcmp.topics._meeting import silhouette as silhouette_of

GOLD = ROOT / "benchmarks" / "gold_real"
SIM = ["cos_cen", "cos_tf", "cos_joined", "z_joined"]
POS = ["gap_rel", "gap_log", "adjacent"]
WHO = ["same_speaker", "same_side", "either_joint"]
MAIN = SIM + POS + WHO


@dataclass
class Meeting:
    """One input as the meeting path sees it, plus the annotated topic of each statement (-1: none)."""

    name: str
    statements: list[Statement]
    truth: np.ndarray
    raw: np.ndarray = field(init=False)
    cen: np.ndarray = field(init=False)
    tf: np.ndarray = field(init=False)
    joined: np.ndarray = field(init=False)
    light: np.ndarray = field(init=False)
    corpus: Any = field(init=False)
    embeddings: Any = None

    def __post_init__(self) -> None:
        self.corpus = read_input(self.statements, self.embeddings, None)
        terms = content_terms(self.corpus.texts, [*self.corpus.sides, *self.corpus.speakers])
        self.raw = _unit(np.asarray(self.corpus.embeddings, dtype=np.float64))
        self.cen = _unit(self.raw - self.raw.mean(axis=0))
        self.tf = _tfidf(terms)
        self.joined = _unit(meeting_vectors(self.corpus.embeddings, terms))
        self.light = np.array([len(set(t)) < MIN_CONTENT_TERMS for t in terms])

    @property
    def n(self) -> int:
        return len(self.statements)

    def content_rows(self, everything: bool = False) -> np.ndarray:
        keep = np.ones(self.n, dtype=bool) if everything else ~self.light
        return np.arange(self.n) if keep.sum() < 3 else np.flatnonzero(keep)


def _row_z(sim: np.ndarray) -> np.ndarray:
    masked = sim.copy()
    np.fill_diagonal(masked, np.nan)
    z = (sim - np.nanmean(masked, axis=1)[:, None]) / (np.nanstd(masked, axis=1)[:, None] + 1e-6)
    return (z + z.T) / 2


def _window(m: Meeting, releases: np.ndarray) -> np.ndarray:
    out = np.empty_like(m.joined)
    for i in range(m.n):
        near = [j for j in range(max(0, i - 1), min(m.n, i + 2)) if releases[j] == releases[i]]
        out[i] = m.joined[near].mean(axis=0)
    return _unit(out)


def pair_features(m: Meeting, names: list[str]) -> np.ndarray:
    """(n, n, len(names)) features of every statement pair."""
    releases = np.array([s.release_id for s in m.statements])
    order = np.zeros(m.n)
    size = np.zeros(m.n)
    for release in set(releases.tolist()):
        rows = np.flatnonzero(releases == release)
        order[rows], size[rows] = np.arange(len(rows)), len(rows)
    same_release = releases[:, None] == releases[None, :]
    gap = np.abs(order[:, None] - order[None, :])
    speakers = [s.speaker for s in m.statements]
    sides = [s.side for s in m.statements]
    joint = np.array([str(s.kind) == "joint" or s.side is None for s in m.statements])
    window = _window(m, releases)
    f = {
        "cos_cen": m.cen @ m.cen.T,
        "cos_tf": m.tf @ m.tf.T,
        "cos_joined": m.joined @ m.joined.T,
        "z_joined": _row_z(m.joined @ m.joined.T),
        "cos_win": window @ window.T,
        "gap_rel": np.where(same_release, gap / np.maximum(size[:, None], 1), 1.0),
        "gap_log": np.where(same_release, np.log1p(gap), np.log1p(size.max())),
        "adjacent": (same_release & (gap == 1)).astype(float),
        "same_speaker": np.array([[a is not None and a == b for b in speakers] for a in speakers], dtype=float),
        "same_side": np.array([[a is not None and a == b for b in sides] for a in sides], dtype=float),
        "either_joint": (joint[:, None] | joint[None, :]).astype(float),
        "either_light": (m.light[:, None] | m.light[None, :]).astype(float),
        "log_n": np.full((m.n, m.n), np.log(m.n)),
    }
    return np.stack([f[name] for name in names], axis=-1)


# --- logistic regression (Newton, L2 on standardised features) ---

def fit_logistic(x: np.ndarray, y: np.ndarray, w: np.ndarray, l2: float = 1.0) -> tuple[np.ndarray, ...]:
    mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-9
    z = np.hstack([np.ones((len(x), 1)), (x - mean) / scale])
    beta = np.zeros(z.shape[1])
    penalty = l2 * np.eye(z.shape[1])
    penalty[0, 0] = 0.0
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-np.clip(z @ beta, -30, 30)))
        step = np.linalg.solve((z * (w * p * (1 - p))[:, None]).T @ z + penalty, z.T @ (w * (p - y)) + penalty @ beta)
        beta -= step
        if np.abs(step).max() < 1e-10:
            break
    return mean, scale, beta


def predict(model: tuple[np.ndarray, ...], x: np.ndarray) -> np.ndarray:
    mean, scale, beta = model
    return 1.0 / (1.0 + np.exp(-np.clip(beta[0] + ((x - mean) / scale) @ beta[1:], -30, 30)))


def labelled_pairs(m: Meeting, feats: np.ndarray, everything: bool) -> tuple[np.ndarray, np.ndarray]:
    i, j = np.triu_indices(m.n, 1)
    keep = (m.truth[i] >= 0) & (m.truth[j] >= 0)
    if not everything:
        keep &= ~m.light[i] & ~m.light[j]
    return feats[i, j][keep], (m.truth[i] == m.truth[j])[keep].astype(float)


def train(meetings: list[Meeting], names: list[str], everything: bool = False, per_document: bool = True,
          l2: float = 1.0) -> tuple[np.ndarray, ...]:
    xs, ys, ws = [], [], []
    for m in meetings:
        x, y = labelled_pairs(m, pair_features(m, names), everything)
        if len(y):
            xs.append(x)
            ys.append(y)
            ws.append(np.full(len(y), 1.0 / len(y) if per_document else 1.0))
    w = np.concatenate(ws)
    return fit_logistic(np.vstack(xs), np.concatenate(ys), w * len(w) / w.sum(), l2)


def probabilities(model: tuple[np.ndarray, ...], m: Meeting, names: list[str]) -> np.ndarray:
    p = predict(model, pair_features(m, names).reshape(m.n * m.n, -1)).reshape(m.n, m.n)
    return (p + p.T) / 2


# --- clustering a similarity matrix ---

def average_linkage(sim: np.ndarray, *, bar: float = -np.inf, k: int = 1) -> np.ndarray:
    """Average linkage on a similarity matrix: merge while the best average is >= bar and more than k groups."""
    n = len(sim)
    between = sim.astype(float).copy()
    np.fill_diagonal(between, -np.inf)
    sums, sizes = sim.astype(float).copy(), np.ones(n)
    alive, members = np.ones(n, dtype=bool), {i: [i] for i in range(n)}
    while alive.sum() > k:
        idx = np.flatnonzero(alive)
        sub = between[np.ix_(idx, idx)]
        best = int(np.argmax(sub))
        if sub.flat[best] < bar:
            break
        a, b = sorted((idx[best // len(idx)], idx[best % len(idx)]))
        sums[a] += sums[b]
        sums[:, a] += sums[:, b]
        sizes[a] += sizes[b]
        members[a] += members[b]
        alive[b] = False
        between[b], between[:, b] = -np.inf, -np.inf
        for c in np.flatnonzero(alive):
            if c != a:
                between[a, c] = between[c, a] = sums[a, c] / (sizes[a] * sizes[c])
    labels = np.zeros(n, dtype=int)
    for label, a in enumerate(np.flatnonzero(alive)):
        labels[members[a]] = label
    return labels


def edge_contraction(weights: np.ndarray) -> np.ndarray:
    """Correlation clustering: greedy additive edge contraction on log-odds, then single-statement moves."""
    n = len(weights)
    total = weights.astype(float).copy()
    np.fill_diagonal(total, -np.inf)
    alive, members = np.ones(n, dtype=bool), {i: [i] for i in range(n)}
    while alive.sum() > 1:
        idx = np.flatnonzero(alive)
        sub = total[np.ix_(idx, idx)]
        best = int(np.argmax(sub))
        if sub.flat[best] <= 0:
            break
        a, b = sorted((idx[best // len(idx)], idx[best % len(idx)]))
        total[a] += total[b]
        total[:, a] += total[:, b]
        total[a, a] = -np.inf
        total[b], total[:, b] = -np.inf, -np.inf
        alive[b] = False
        members[a] += members[b]
    labels = np.zeros(n, dtype=int)
    for label, a in enumerate(np.flatnonzero(alive)):
        labels[members[a]] = label
    plain = weights.astype(float).copy()
    np.fill_diagonal(plain, 0.0)
    for _ in range(20):
        moved = False
        for i in range(n):
            gain = np.zeros(labels.max() + 2)
            np.add.at(gain, labels, plain[i])
            target = int(np.argmax(gain)) if gain.max() > 0 else labels.max() + 1
            if gain[target] > gain[labels[i]] + 1e-9:
                labels[i], moved = target, True
        labels = np.unique(labels, return_inverse=True)[1]
        if not moved:
            break
    return labels


def silhouette_cut(sim: np.ndarray) -> np.ndarray:
    n = len(sim)
    if n < 3:
        return np.zeros(n, dtype=int)
    distances = np.clip(1.0 - sim, 0.0, None)
    np.fill_diagonal(distances, 0.0)
    best, best_score = np.zeros(n, dtype=int), -np.inf
    for k in range(2, max(2, min(n - 1, round(1.5 * np.sqrt(n)))) + 1):
        labels = average_linkage(sim, k=k)
        score = silhouette_of(distances, labels)
        if score > best_score + 1e-12:
            best, best_score = labels, score
    return best if best_score > 0 else np.zeros(n, dtype=int)


def cosine_tree_logit_cut(cosine: np.ndarray, p: np.ndarray) -> np.ndarray:
    n = len(cosine)
    logit = np.log(np.clip(p, 1e-6, 1 - 1e-6) / np.clip(1 - p, 1e-6, 1))
    np.fill_diagonal(logit, 0.0)
    best, best_score = np.zeros(n, dtype=int), -np.inf
    for k in range(1, min(n, max(2, round(1.5 * np.sqrt(n)))) + 1):
        labels = average_linkage(cosine, k=k)
        score = logit[labels[:, None] == labels[None, :]].sum()
        if score > best_score + 1e-9:
            best, best_score = labels, score
    return best


CLUSTERERS: dict[str, Callable[[Meeting, np.ndarray, np.ndarray], np.ndarray]] = {
    "linkage at p = 0.5": lambda m, rows, p: average_linkage(p[np.ix_(rows, rows)], bar=0.5),
    "correlation clustering": lambda m, rows, p: edge_contraction(
        np.log(np.clip(p, 1e-6, 1 - 1e-6) / np.clip(1 - p, 1e-6, 1))[np.ix_(rows, rows)]),
    "silhouette on 1 - p": lambda m, rows, p: silhouette_cut(p[np.ix_(rows, rows)]),
    "cosine tree, cut by sum of log-odds": lambda m, rows, p: cosine_tree_logit_cut(
        (m.joined @ m.joined.T)[np.ix_(rows, rows)], p[np.ix_(rows, rows)]),
}


def spread(m: Meeting, rows: np.ndarray, labels_of_rows: np.ndarray) -> np.ndarray:
    """Every statement's topic: the clustered rows' own, the others follow the clustered row before them."""
    labels = np.zeros(m.n, dtype=int)
    labels[rows] = labels_of_rows
    before = np.searchsorted(rows, np.arange(m.n), side="right") - 1
    return labels[rows[np.maximum(before, 0)]]


def score(m: Meeting, labels: np.ndarray) -> tuple[float, int, float, int]:
    rows = m.truth >= 0
    sizes = np.bincount(labels)
    ari = float(adjusted_rand_score(m.truth[rows], labels[rows])) if rows.any() else float("nan")
    return ari, len(sizes), float((sizes[labels] == 1).mean()), m.n


def summary(name: str, scores: list[tuple[float, int, float, int]], extra: str = "") -> list[Any]:
    s = np.array(scores, dtype=float)
    big = s[:, 3] >= 15
    return [name, f"{np.nanmean(s[:, 0]):.3f}", f"{s[:, 1].mean():.1f}", f"{s[:, 2].mean():.1%}",
            f"{np.nanmean(s[big, 0]):.3f}", f"{s[big, 1].mean():.1f}", f"{s[big, 2].mean():.1%}", extra]


def against(current: list[tuple[float, int, float, int]], scores: list[tuple[float, int, float, int]]) -> str:
    """Per-document ARI gain over the current path: documents better / worse, mean and a 90% bootstrap interval."""
    gain = np.array([s[0] - c[0] for s, c in zip(scores, current, strict=True)])
    gain = gain[~np.isnan(gain)]
    rng = np.random.default_rng(0)
    means = np.sort([rng.choice(gain, len(gain)).mean() for _ in range(2000)])
    return (f"{int((gain > 1e-9).sum())} / {int((gain < -1e-9).sum())}, {gain.mean():+.3f} "
            f"[{means[100]:+.3f}, {means[1899]:+.3f}]")


def learned_row(meetings: list[Meeting], names: list[str], clusterer: str, *, everything: bool = False,
                per_document: bool = True, l2: float = 1.0) -> tuple[list[tuple[float, int, float, int]], float]:
    """Leave-one-document-out scores of one learned variant, and the mean within-document AUC of its p."""
    scores, aucs = [], []
    for held in range(len(meetings)):
        m = meetings[held]
        model = train([x for i, x in enumerate(meetings) if i != held], names, everything, per_document, l2)
        p = probabilities(model, m, names)
        rows = m.content_rows(everything)
        scores.append(score(m, spread(m, rows, CLUSTERERS[clusterer](m, rows, p))))
        x, y = labelled_pairs(m, pair_features(m, names), everything)
        if len(set(y.tolist())) == 2:
            aucs.append(roc_auc_score(y, predict(model, x)))
    return scores, float(np.mean(aucs))


L2_GRID = (1.0, 10.0, 100.0, 300.0, 1000.0, 3000.0)


def nested_l2(meetings: list[Meeting], clusterer: str) -> tuple[list[tuple[float, int, float, int]], list[float]]:
    """Leave one document out, the L2 penalty chosen on the other documents by their own leave-one-out ARI."""
    scores, chosen = [], []
    for held in range(len(meetings)):
        others = [m for i, m in enumerate(meetings) if i != held]
        inner = {l2: float(np.nanmean([s[0] for s in learned_row(others, MAIN, clusterer, l2=l2)[0]]))
                 for l2 in L2_GRID}
        best = max(L2_GRID, key=lambda l2: (inner[l2], -l2))
        chosen.append(best)
        m = meetings[held]
        rows = m.content_rows()
        p = probabilities(train(others, MAIN, l2=best), m, MAIN)
        scores.append(score(m, spread(m, rows, CLUSTERERS[clusterer](m, rows, p))))
    return scores, chosen


def oracle_row(meetings: list[Meeting], sims: list[np.ndarray]) -> list[tuple[float, int, float, int]]:
    """Average linkage on a similarity cut at the annotated number of topics (an oracle for the count)."""
    out = []
    for m, sim in zip(meetings, sims, strict=True):
        rows = m.content_rows()
        k = min(len(rows), max(1, len(set(m.truth[m.truth >= 0].tolist()))))
        out.append(score(m, spread(m, rows, average_linkage(sim[np.ix_(rows, rows)], k=k))))
    return out


def load_dev() -> list[Meeting]:
    from claimcmp.embed import Embedder

    split = json.loads((GOLD / "split.json").read_text(encoding="utf-8"))
    embedder, meetings = Embedder(), []
    for path in sorted((GOLD / "topics").glob("*.topics.json")):
        agenda = json.loads(path.read_text(encoding="utf-8"))
        if split.get(agenda["doc"]) != "dev":
            continue
        gold = json.loads((GOLD / "gold" / f"{agenda['doc']}.gold.json").read_text(encoding="utf-8"))
        statements = [
            Statement(f"{agenda['doc']}@{i}", agenda["doc"], s["text"], 0, len(s["text"]), s.get("speaker"),
                      s.get("side"), s.get("kind") or "narration")
            for i, s in enumerate(gold["statements"])
        ]
        truth = np.full(len(statements), -1)
        for t, topic in enumerate(agenda["topics"]):
            truth[topic["statements"]] = t
        meetings.append(Meeting(agenda["doc"], statements, truth, embeddings=embedder.encode([s.text for s in
                                                                                               statements])))
    return meetings


def two_readouts(meetings: list[Meeting], names: list[str], clusterer: str, l2: float) -> dict[str, Any]:
    """The Argentina talks and press statements as one input: gold cross-document relations in one topic."""
    pair = json.loads((GOLD / "pairs.gold.json").read_text(encoding="utf-8"))[0]
    by_name = {m.name: m for m in meetings}
    parts = [by_name[d] for d in pair["docs"]]
    start = {parts[0].name: 0, parts[1].name: parts[0].n}
    both = Meeting("two readouts", parts[0].statements + parts[1].statements,
                   np.full(parts[0].n + parts[1].n, -1),
                   embeddings=np.vstack([parts[0].corpus.embeddings, parts[1].corpus.embeddings]))
    model = train([m for m in meetings if m.name not in start], names, l2=l2)
    rows = both.content_rows()
    learned = spread(both, rows, CLUSTERERS[clusterer](both, rows, probabilities(model, both, names)))
    current = meeting_topics(both.corpus)
    ends = [(start[r["a"]["doc"]] + r["a"]["index"], start[r["b"]["doc"]] + r["b"]["index"])
            for r in pair["relations"]]
    return {"relations": len(ends),
            "current": sum(int(current[a] == current[b]) for a, b in ends),
            "learned": sum(int(learned[a] == learned[b]) for a, b in ends),
            "topics_current": int(current.max() + 1), "topics_learned": int(learned.max() + 1)}


def seed_release(meetings: list[Meeting], names: list[str], clusterer: str, l2: float) -> dict[str, Any]:
    from claimcmp.extract import extract_statements, unify_speakers
    from claimcmp.ingest import load_releases

    releases = list(load_releases([ROOT / "fixtures" / "opcw_seed.txt"]))
    statements = unify_speakers([s for r in releases for s in extract_statements(r, None)])
    seed = Meeting("seed", statements, np.full(len(statements), -1))
    model = train(meetings, names, l2=l2)
    rows = seed.content_rows()
    learned = spread(seed, rows, CLUSTERERS[clusterer](seed, rows, probabilities(model, seed, names)))
    current = meeting_topics(seed.corpus)
    return {"statements": seed.n, "current_sizes": np.bincount(current).tolist(),
            "learned_sizes": np.bincount(learned).tolist()}


def main() -> None:
    meetings = load_dev()
    current = [score(m, meeting_topics(m.corpus)) for m in meetings]
    rows: list[list[Any]] = [summary("current: joined cosine, silhouette cut (shipped)", current)]
    variants: list[tuple[str, list[str], str, dict[str, bool]]] = [
        ("cos_joined only", ["cos_joined"], "linkage at p = 0.5", {}),
        ("similarity (cos_cen, cos_tf, cos_joined, z_joined)", SIM, "linkage at p = 0.5", {}),
        ("similarity + position + speaker/side (main)", MAIN, "linkage at p = 0.5", {}),
        ("main + neighbour window + log n", MAIN + ["cos_win", "log_n"], "linkage at p = 0.5", {}),
        ("main, pairs weighted equally (not documents)", MAIN, "linkage at p = 0.5", {"per_document": False}),
        ("main + light flag, every statement clustered", MAIN + ["either_light"], "linkage at p = 0.5",
         {"everything": True}),
        ("main", MAIN, "correlation clustering", {}),
        ("main", MAIN, "silhouette on 1 - p", {}),
        ("main", MAIN, "cosine tree, cut by sum of log-odds", {}),
        ("similarity only", SIM, "cosine tree, cut by sum of log-odds", {}),
    ]
    variants += [(f"main, L2 {l2:g}", MAIN, clusterer, {"l2": l2})
                 for clusterer in ("linkage at p = 0.5", "silhouette on 1 - p") for l2 in L2_GRID[2:]]
    for name, names, clusterer, options in variants:
        scores, auc = learned_row(meetings, names, clusterer, **options)
        rows.append(summary(f"learned p: {name}; {clusterer}", scores, f"{auc:.3f}") + [against(current, scores)])
    nested, chosen = nested_l2(meetings, "silhouette on 1 - p")
    rows.append(summary(f"learned p: main, L2 chosen by inner LOO (per fold: {sorted(set(chosen))}); silhouette on "
                        "1 - p", nested, "") + [against(current, nested)])
    rows.append(summary("*oracle count*: joined cosine, average linkage at the annotated count",
                        oracle_row(meetings, [m.joined @ m.joined.T for m in meetings])))
    held_out = []
    for held in range(len(meetings)):
        model = train([x for i, x in enumerate(meetings) if i != held], MAIN, False, True)
        held_out.append(probabilities(model, meetings[held], MAIN))
    rows.append(summary("*oracle count*: learned p (main), average linkage at the annotated count",
                        oracle_row(meetings, held_out)))
    print(f"dev, {len(meetings)} documents ({sum(m.n >= 15 for m in meetings)} of 15+ statements), "
          "leave one document out\n")
    print(md_table(["variant (dev, LOO CV)", "ARI", "topics", "alone", "ARI n ≥ 15", "topics n ≥ 15",
                    "alone n ≥ 15", "pair AUC (within doc)", "vs current: docs better / worse, mean gain [90% CI]"],
                   [r + [""] * (9 - len(r)) for r in rows]))
    for clusterer, l2 in (("linkage at p = 0.5", 1.0), ("silhouette on 1 - p", 1.0), ("silhouette on 1 - p", 300.0)):
        print(f"\nlearned p (main, L2 {l2:g}), {clusterer}:")
        print("  two Argentina readouts as one input:", two_readouts(meetings, MAIN, clusterer, l2))
        print("  seed release:", seed_release(meetings, MAIN, clusterer, l2))


if __name__ == "__main__":
    main()
