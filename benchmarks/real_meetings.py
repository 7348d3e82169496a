"""Relations on real two-sided meetings: the hand-annotated gold of ``benchmarks/gold_real``.

A *unit* is what one comparison sees: the gold statements of the two sides of
one two-sided document (a transcript or readout where two different sides
speak), or of two documents about one meeting (``pairs.gold.json``, compared
across the documents only). Gold statements are used, not extracted ones, so
extraction errors do not confound the comparer's figures.

Gold relations are exhaustive within a unit (``ANNOTATION.md``): every
cross-side pair not listed is a negative ("unrelated"), except that a
predicted pair with an end in the document's ``ambiguities`` is not counted
against precision.

Used by ``bench_meetings.py --real`` and by ``training/train_learned_comparer.py``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimcmp.model import Statement

GOLD_REAL = Path(__file__).resolve().parent / "gold_real"
LABELS = ("agreement", "counter_claim")

__all__ = [
    "GOLD_REAL", "LABELS", "Unit", "baseline_all", "candidate_recall", "compare_unit", "document_of", "errors",
    "load_units", "score_units", "split_of",
]


@dataclass(frozen=True)
class Unit:
    """The statements of two sides to compare and the gold relations among them.

    ``side_a`` / ``side_b``: the two sides' statement indices into ``statements``;
    ``gold``: ``(i, j) -> label`` with i in side A and j in side B;
    ``lenient``: indices whose statement an annotator marked ambiguous.
    """

    name: str
    split: str
    sides: tuple[str, str]
    statements: tuple[Statement, ...]
    side_a: tuple[int, ...]
    side_b: tuple[int, ...]
    gold: Mapping[tuple[int, int], str]
    lenient: frozenset[int] = field(default_factory=frozenset)

    def cross_pairs(self) -> list[tuple[int, int]]:
        """Every pair of a side-A and a side-B statement, in a fixed order."""
        return [(i, j) for i in self.side_a for j in self.side_b]


def split_of() -> dict[str, str]:
    """Document name -> split (dev / test / test2)."""
    return dict(json.loads((GOLD_REAL / "split.json").read_text(encoding="utf-8")))


def _gold_doc(name: str) -> dict[str, Any]:
    return dict(json.loads((GOLD_REAL / "gold" / f"{name}.gold.json").read_text(encoding="utf-8")))


def _statements(name: str, gold: Mapping[str, Any]) -> list[Statement]:
    """The gold statements of one document as claimcmp statements (spans into its text)."""
    body = (GOLD_REAL / "docs" / f"{name}.txt").read_text(encoding="utf-8")
    out = []
    for s in gold["statements"]:
        start = body.index(s["text"])
        end = start + len(s["text"])
        out.append(Statement(Statement.make_id(name, start, end), name, s["text"], start, end,
                             s.get("speaker"), s.get("side"), s.get("kind") or "narration"))
    return out


def _two_sides(statements: Sequence[Statement]) -> tuple[str, str] | None:
    """The two most frequent real sides (not joint, not None), in order of first appearance; None if fewer."""
    counts: dict[str, int] = {}
    for s in statements:
        if s.side and s.side != "joint":
            counts[s.side] = counts.get(s.side, 0) + 1
    if len(counts) < 2:
        return None
    top = sorted(counts, key=lambda k: -counts[k])[:2]
    first = [s.side for s in statements if s.side in top]
    return (top[0], top[1]) if first.index(top[0]) < first.index(top[1]) else (top[1], top[0])


def _side_pairs(statements: Sequence[Statement]) -> list[tuple[str, str]]:
    """Every pair of real sides (not joint, not None) of one document, each in order of first appearance."""
    order: list[str] = []
    for s in statements:
        if s.side and s.side != "joint" and s.side not in order:
            order.append(s.side)
    return [(a, b) for k, a in enumerate(order) for b in order[k + 1 :]]


def _document_units(name: str, split: str) -> list[Unit]:
    """One unit per pair of sides of the document: a two-sided document gives one unit named after it; a
    document in which more sides speak (three ministers with the Secretary) one unit per pair of sides, named
    ``"<document> [<side A> | <side B>]"``, so that every gold relation is a cross pair of one unit."""
    gold = _gold_doc(name)
    statements = _statements(name, gold)
    pairs = _side_pairs(statements)
    lenient = frozenset(int(k) for k in gold.get("ambiguities", {}) if str(k).isdigit())
    units = []
    for sides in pairs:
        a = tuple(i for i, s in enumerate(statements) if s.side == sides[0])
        b = tuple(i for i, s in enumerate(statements) if s.side == sides[1])
        labels: dict[tuple[int, int], str] = {}
        for r in gold["relations"]:
            i, j = int(r["a"]), int(r["b"])
            if statements[i].side == sides[1]:
                i, j = j, i
            if statements[i].side == sides[0] and statements[j].side == sides[1]:
                labels[(i, j)] = r["relation"]
        unit_name = name if len(pairs) == 1 else f"{name} [{sides[0]} | {sides[1]}]"
        units.append(Unit(unit_name, split, sides, tuple(statements), a, b, labels, lenient))
    return units


def document_of(unit_name: str) -> str:
    """The document a unit comes from (the unit of one pair of sides of a many-sided document included)."""
    return unit_name.split(" [", 1)[0]


def _pair_unit(pair: Mapping[str, Any], split: str) -> Unit | None:
    """Two documents of one meeting, compared across the documents only."""
    docs = list(pair["docs"])
    golds = [_gold_doc(d) for d in docs]
    parts = [_statements(d, g) for d, g in zip(docs, golds, strict=True)]
    offset = {docs[0]: 0, docs[1]: len(parts[0])}
    statements = parts[0] + parts[1]
    sides = _two_sides(statements)
    if sides is None:
        return None
    in_first = set(range(len(parts[0])))
    a = tuple(i for i, s in enumerate(statements) if s.side == sides[0])
    b = tuple(i for i, s in enumerate(statements) if s.side == sides[1])
    labels: dict[tuple[int, int], str] = {}
    for r in pair["relations"]:
        i = offset[r["a"]["doc"]] + int(r["a"]["index"])
        j = offset[r["b"]["doc"]] + int(r["b"]["index"])
        if statements[i].side == sides[1]:
            i, j = j, i
        labels[(i, j)] = r["relation"]
    lenient = frozenset(
        offset[d] + int(k) for d, g in zip(docs, golds, strict=True) for k in g.get("ambiguities", {})
        if str(k).isdigit()
    )
    # across the documents only: side A in one, side B in the other
    a_first = tuple(i for i in a if i in in_first)
    b_second = tuple(j for j in b if j not in in_first)
    a_second = tuple(i for i in a if i not in in_first)
    b_first = tuple(j for j in b if j in in_first)
    cross = {(i, j) for i in a_first for j in b_second} | {(i, j) for i in a_second for j in b_first}
    return _CrossDocUnit(f"pair:{pair['pair_id']}", split, sides, tuple(statements), a, b, labels, lenient,
                         frozenset(cross))


@dataclass(frozen=True)
class _CrossDocUnit(Unit):
    allowed: frozenset[tuple[int, int]] = field(default_factory=frozenset)

    def cross_pairs(self) -> list[tuple[int, int]]:
        return [(i, j) for i in self.side_a for j in self.side_b if (i, j) in self.allowed]


def load_units(splits: Iterable[str] = ("dev",), *, pairs: bool = True) -> list[Unit]:
    """The two-sided documents (and, with ``pairs``, the cross-document pairs) of the given splits."""
    split = split_of()
    wanted = set(splits)
    units: list[Unit] = []
    for name in sorted(split):
        if split[name] in wanted:
            units.extend(_document_units(name, split[name]))
    if pairs:
        for pair in json.loads((GOLD_REAL / "pairs.gold.json").read_text(encoding="utf-8")):
            docs_split = {split[d] for d in pair["docs"]}
            if len(docs_split) == 1 and docs_split <= wanted:
                unit = _pair_unit(pair, docs_split.pop())
                if unit is not None:
                    units.append(unit)
    return units


Predictor = Callable[[Unit], Mapping[tuple[int, int], str]]


def _ratio(num: int, den: int) -> float | None:
    return None if den == 0 else round(num / den, 3)


def score_units(units: Sequence[Unit], predictions: Sequence[Mapping[tuple[int, int], str]]) -> dict[str, Any]:
    """Pooled precision / recall per label.

    ``predictions[k]``: ``(i, j) -> label`` for unit k (i of side A, j of side B;
    a pair given the other way round is turned). A predicted pair not in the
    gold with an end in ``lenient`` is not counted.
    """
    out: dict[str, Any] = {}
    for label in LABELS:
        gold_n = pred_n = correct = 0
        for unit, pred in zip(units, predictions, strict=True):
            side_a = set(unit.side_a)
            turned = {((i, j) if i in side_a else (j, i)): lab for (i, j), lab in pred.items()}
            gold = {p for p, lab in unit.gold.items() if lab == label}
            mine = {p for p, lab in turned.items() if lab == label}
            gold_n += len(gold)
            correct += len(gold & mine)
            pred_n += sum(1 for p in mine if p in gold or not (set(p) & unit.lenient))
        out[label] = {"gold": gold_n, "predicted": pred_n, "correct": correct,
                      "precision": _ratio(correct, pred_n), "recall": _ratio(correct, gold_n)}
    return out


def baseline_all(units: Sequence[Unit], label: str) -> dict[str, Any]:
    """Every cross pair labelled ``label``."""
    return score_units(units, [{p: label for p in u.cross_pairs()} for u in units])


def candidate_recall(units: Sequence[Unit], candidates: Sequence[set[tuple[int, int]]]) -> dict[str, Any]:
    """The share of gold pairs among the candidates (pairs given either way round)."""
    found = total = proposed = 0
    for unit, cand in zip(units, candidates, strict=True):
        both = cand | {(j, i) for i, j in cand}
        total += len(unit.gold)
        found += sum(1 for p in unit.gold if p in both)
        proposed += len(cand)
    return {"gold": total, "found": found, "recall": _ratio(found, total), "candidates": proposed,
            "cross_pairs": sum(len(u.cross_pairs()) for u in units)}


def compare_unit(unit: Unit, embedder: Any, **options: Any) -> tuple[dict[tuple[int, int], str], set[tuple[int, int]]]:
    """``compare_sides`` on the unit's gold statements of its two sides: the relations reported
    (restricted to the unit's cross pairs) and the candidate pairs, as unit indices."""
    from claimcmp.compare import SideComparer

    idx = list(unit.side_a) + list(unit.side_b)
    statements = [unit.statements[i] for i in idx]
    emb = embedder.encode([s.text for s in statements])
    comparer = SideComparer(unit.sides, **options).fit(statements, embeddings=emb)
    pos = {s.id: i for i, s in zip(idx, statements, strict=True)}
    allowed = set(unit.cross_pairs())
    side_a = set(unit.side_a)
    out: dict[tuple[int, int], str] = {}
    for r in comparer.relations_:
        i, j = pos[r.evidence.a.id], pos[r.evidence.b.id]
        p = (i, j) if i in side_a else (j, i)
        if p in allowed:
            out[p] = r.relation
    cands = {(idx[int(a)], idx[int(b)]) for a, b in comparer.candidates_.tolist()}
    cands = {(i, j) if i in side_a else (j, i) for i, j in cands}
    return out, cands & allowed


def errors(unit: Unit, predicted: Mapping[tuple[int, int], str]) -> list[str]:
    """Readable missed and false relations of one unit."""
    lines = []
    for (i, j), label in sorted(unit.gold.items()):
        if predicted.get((i, j)) != label:
            lines.append(f"MISSED {label} [{unit.name[:40]}] {unit.statements[i].text[:90]!r} || "
                         f"{unit.statements[j].text[:90]!r} (said {predicted.get((i, j), 'unrelated')})")
    for (i, j), label in sorted(predicted.items()):
        if unit.gold.get((i, j)) != label and not ({i, j} & unit.lenient):
            lines.append(f"FALSE {label} [{unit.name[:40]}] {unit.statements[i].text[:90]!r} || "
                         f"{unit.statements[j].text[:90]!r} (gold {unit.gold.get((i, j), 'unrelated')})")
    return lines
