"""How far two annotators agree on the agenda topics of real meetings, next to claimcmp's meeting topics.

The 22 two-sided transcripts of the scored splits ``test8``, ``test9`` and ``test10`` were given agenda topics a
second time by an annotator who saw the document text and its gold statements only, never the first annotation
(``gold_real/topics/``), following the same rules (``gold_real/README.md``, "Agenda-item topics"):
``gold_real/second_annotator/topics_test8_test9_test10.json``.

For each document, ARI between:

* the two annotations, over the statements both put in a topic (the human ceiling of the agenda-topic ARI);
* claimcmp's ``TopicModel()`` (gold statements with their speakers and sides, as ``bench_topics.py`` fits them)
  and each annotation, over the statements that annotation put in a topic (the figure ``bench_topics.py``
  reports against the first).

Also how often the annotators agree that a statement is pure courtesy (``unassigned``), and their topic counts.
Printed and recorded (``results/topic_agreement.json``).

Run from the repository root: ``python benchmarks/topic_agreement.py``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
from _harness import md_table, record

GOLD_REAL = Path(__file__).resolve().parent / "gold_real"
SECOND = GOLD_REAL / "second_annotator" / "topics_test8_test9_test10.json"
SPLITS = ("test8", "test9", "test10")


def check_annotation(agenda: Mapping[str, Any], n_statements: int) -> None:
    """Raise ``ValueError`` unless every statement index is listed exactly once, in a topic or ``unassigned``."""
    listed = [int(i) for topic in agenda["topics"] for i in topic["statements"]] + [
        int(i) for i in agenda["unassigned"]]
    if sorted(listed) != list(range(n_statements)):
        raise ValueError(f"{agenda['doc']}: statement indices must be 0..{n_statements - 1}, each listed once")


def ari_over(reference: Mapping[int, int], other: Mapping[int, int] | np.ndarray) -> float | None:
    """ARI of ``other`` against ``reference`` over the statements ``reference`` puts in a topic (and ``other``
    too, when it is a partial mapping); ``None`` when fewer than two such statements remain."""
    from sklearn.metrics import adjusted_rand_score

    if isinstance(other, np.ndarray):
        rows = sorted(reference)
        got = [int(other[i]) for i in rows]
    else:
        rows = sorted(set(reference) & set(other))
        got = [other[i] for i in rows]
    if len(rows) < 2:
        return None
    return float(adjusted_rand_score([reference[i] for i in rows], got))


def courtesy_agreement(first: Mapping[str, Any], second: Mapping[str, Any], n_statements: int) -> dict[str, int]:
    """Statements each annotator left unassigned, and those both did."""
    a = {int(i) for i in first["unassigned"]}
    b = {int(i) for i in second["unassigned"]}
    return {"statements": n_statements, "first": len(a), "second": len(b), "both": len(a & b)}


def _mean(values: list[float | None]) -> float | None:
    kept = [v for v in values if v is not None]
    return round(float(np.mean(kept)), 3) if kept else None


def main() -> int:
    from bench_gold_real import refuse_unscored
    from bench_topics import agenda_topics, gold_statements

    from claimcmp.embed import Embedder
    from claimcmp.topics import TopicModel

    refuse_unscored(SPLITS)
    split = json.loads((GOLD_REAL / "split.json").read_text())
    embedder = Embedder()
    docs = []
    for second in json.loads(SECOND.read_text(encoding="utf-8")):
        name = second["doc"]
        if split[name] not in SPLITS:
            raise SystemExit(f"{name}: not in {', '.join(SPLITS)}")
        first = json.loads((GOLD_REAL / "topics" / f"{name}.topics.json").read_text())
        statements = gold_statements(name)
        n = len(statements)
        check_annotation(first, n)
        check_annotation(second, n)
        vectors = np.asarray(embedder.encode([s.text for s in statements]), dtype=np.float32)
        labels = np.asarray(TopicModel().fit(statements, embeddings=vectors).labels_)
        one, two = agenda_topics(first), agenda_topics(second)
        docs.append({
            "doc": name, "split": split[name], "statements": n,
            "topics": {"first": len(first["topics"]), "second": len(second["topics"]),
                       "claimcmp": int(len(np.unique(labels)))},
            "ari": {"second vs first": ari_over(one, two), "claimcmp vs first": ari_over(one, labels),
                    "claimcmp vs second": ari_over(two, labels)},
            "courtesy": courtesy_agreement(first, second, n),
        })
    keys = ("second vs first", "claimcmp vs first", "claimcmp vs second")
    summary: dict[str, Any] = {"documents": len(docs)}
    rows = []
    for part in (*SPLITS, "all"):
        chosen = [d for d in docs if part in ("all", d["split"])]
        figures = {k: _mean([d["ari"][k] for d in chosen]) for k in keys}
        topics = {k: round(float(np.mean([d["topics"][k] for d in chosen])), 2)
                  for k in ("first", "second", "claimcmp")}
        summary[part] = {"documents": len(chosen), "mean_ari": figures, "mean_topics": topics}
        rows.append([part, len(chosen), *[figures[k] for k in keys],
                     f"{topics['first']} / {topics['second']} / {topics['claimcmp']}"])
    courtesy = {k: sum(d["courtesy"][k] for d in docs) for k in ("statements", "first", "second", "both")}
    summary["courtesy"] = courtesy
    figures_out = {"summary": summary, "docs": docs}
    md = "\n\n".join([
        f"Agenda topics of {len(docs)} two-sided transcripts (splits {', '.join(SPLITS)}), annotated a second time "
        "blind (`gold_real/second_annotator/topics_test8_test9_test10.json`). Mean ARI per document, each over the "
        "statements the reference annotation puts in a topic (the annotators' row: statements both put in a topic).",
        md_table(["split", "documents", "ARI second annotator vs first", "ARI claimcmp vs first",
                  "ARI claimcmp vs second", "topics: first / second / claimcmp"], rows),
        f"Pure courtesy (unassigned): first annotator {courtesy['first']}, second {courtesy['second']}, both "
        f"{courtesy['both']} of {courtesy['statements']} statements.",
    ])
    print(md)
    record("topic_agreement", "Topics: agreement between two annotators", md, figures_out, order=46)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
