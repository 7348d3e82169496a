"""Training pairs of the learned comparer (``training/train_learned_comparer.py``).

Every set is a list of *groups* (one meeting or document each, the unit of
cross-validation); each group holds all the cross-side pairs a comparison of
that meeting would consider, with their labels, so the base rate of relations
among pairs is the real one:

* ``real``: the two-sided documents of ``benchmarks/gold_real`` in the
  ``dev`` split, and the cross-document pair of ``pairs.gold.json`` whose
  documents are dev; gold statements of the two sides; a pair the annotators
  did not list is ``unrelated`` (their relations are exhaustive).
* ``fixtures``: the ``dev`` meetings of ``fixtures/meetings`` (two readouts
  each, written inside the project, the source of counter-claims: the real dev
  gold has none); statements as the extractor finds them, a pair labelled when
  its two statements overlap a gold pair's quotes.
* ``silver``: pairs labelled by reading real releases of
  ``../shared/datasets/real_readouts/raw`` (``training/silver_pairs.json``),
  each its own group, with negatives drawn from the same two documents.

The test and test2 splits are never read here.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
for p in (ROOT, ROOT / "benchmarks"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

from claimcmp.compare.context import context_features  # noqa: E402
from claimcmp.compare.cues import RELATIONS  # noqa: E402
from claimcmp.compare.learned import head_readings, learned_features  # noqa: E402
from claimcmp.compare.sides import SideComparer, reporting_sides  # noqa: E402
from claimcmp.compare.text import profile  # noqa: E402

LABEL_INDEX = {r: k for k, r in enumerate(RELATIONS)}


@dataclass
class Group:
    """The pairs of one meeting: features, labels (index into RELATIONS) and readable ends."""

    name: str
    source: str
    x: np.ndarray
    y: np.ndarray
    emb_a: np.ndarray
    emb_b: np.ndarray
    texts: list[tuple[str, str]]


def pair_group(
    name: str, source: str, statements: list[Any], pairs: list[tuple[int, int]], labels: list[str],
    sides: tuple[str, str], emb: np.ndarray, aliases: Any = None,
    members: tuple[Sequence[int], Sequence[int]] | None = None,
) -> Group:
    """Features of ``pairs`` (i of side A, j of side B) exactly as ``compare_sides(comparer="learned")`` builds them;
    ``members``: the two sides' statements, among which each pair's context is read (default: the pairs' ends)."""
    comparer = SideComparer(sides, side_aliases=aliases)
    gi = np.array([i for i, _ in pairs], dtype=np.int64)
    gj = np.array([j for _, j in pairs], dtype=np.int64)
    own = np.array([s.side in sides for s in statements], dtype=bool)
    cues = comparer.pair_cues(statements, emb, (gi, gj), own, sides)
    kinds = ([str(statements[i].kind) for i in gi], [str(statements[j].kind) for j in gj])
    profiles = [profile(s.text) for s in statements]
    head = head_readings(([profiles[i] for i in gi], [profiles[j] for j in gj]), emb[gi], emb[gj])
    side_a, side_b = members if members is not None else (sorted(set(gi.tolist())), sorted(set(gj.tolist())))
    context = context_features(emb, [p.content for p in profiles], [s.release_id for s in statements],
                               (np.asarray(side_a, dtype=np.int64), np.asarray(side_b, dtype=np.int64)), (gi, gj))
    x = learned_features(emb[gi], emb[gj], cues, kinds, head, context)
    y = np.array([LABEL_INDEX[lab] for lab in labels], dtype=np.int64)
    return Group(name, source, x, y, emb[gi], emb[gj],
                 [(statements[i].text, statements[j].text) for i, j in pairs])


def real_groups(embedder: Any, splits: tuple[str, ...] = ("dev",)) -> list[Group]:
    """The real gold units of ``splits`` (see the module docstring)."""
    from real_meetings import load_units

    out = []
    for unit in load_units(splits):
        statements = list(unit.statements)
        emb = np.asarray(embedder.encode([s.text for s in statements]), dtype=np.float32)
        pairs = unit.cross_pairs()
        labels = [unit.gold.get((i, j), "unrelated") for i, j in pairs]
        out.append(pair_group(unit.name, "real", statements, pairs, labels, unit.sides, emb,
                              members=(unit.side_a, unit.side_b)))
    return out


def _fixture_group(folder: Path, embedder: Any) -> Group | None:
    from claimcmp.compare._evaluate import load_gold_meeting
    from claimcmp.extract import extract, load_sides

    gold = load_gold_meeting(folder)
    sides_file = load_sides(gold.sides_path)
    extractions = [extract(r, sides=sides_file) for r in gold.releases]
    statements = [s for x in extractions for s in x.statements]
    sides = gold.sides
    reporter = reporting_sides(statements, sides, {x.release_id: x.issuer_side for x in extractions})
    a = [i for i, r in enumerate(reporter) if r == sides[0]]
    b = [j for j, r in enumerate(reporter) if r == sides[1]]
    own = [s.side in sides for s in statements]
    pairs = [(i, j) for i in a for j in b
             if (own[i] and own[j]) or statements[i].release_id != statements[j].release_id]
    if not pairs:
        return None
    labels = []
    for i, j in pairs:
        label = "unrelated"
        for g in gold.pairs:
            ra, rb = _ref(statements[i]), _ref(statements[j])
            if (g.a.overlaps(ra) and g.b.overlaps(rb)) or (g.a.overlaps(rb) and g.b.overlaps(ra)):
                label = g.relation
        labels.append(label)
    emb = np.asarray(embedder.encode([s.text for s in statements]), dtype=np.float32)
    return pair_group(folder.name, "fixtures", statements, pairs, labels, sides, emb, sides_file.aliases, (a, b))


def _ref(statement: Any) -> Any:
    from claimcmp.compare.result import StatementRef

    return StatementRef.of(statement)


def fixture_groups(embedder: Any, split: str = "dev") -> list[Group]:
    """The meetings of ``fixtures/meetings`` whose gold says ``split``."""
    out = []
    for gold_path in sorted((ROOT / "fixtures" / "meetings").glob("*/gold.json")):
        if json.loads(gold_path.read_text(encoding="utf-8")).get("split") != split:
            continue
        group = _fixture_group(gold_path.parent, embedder)
        if group is not None:
            out.append(group)
    return out


def silver_groups(embedder: Any, path: Path = ROOT / "training" / "silver_pairs.json") -> list[Group]:
    """Pairs labelled by reading real releases: ``{"groups": [{name, sides, note, sources, a: [...], b: [...],
    relations}]}`` (``training/README.md``).

    ``a`` / ``b``: statements (``text``, ``kind``, ``source``: the raw document it is quoted from) of each
    side, quoted exactly from the releases; ``relations``: ``[ia, ib, label]``; every other (a, b) pair of a
    group is ``unrelated`` (each group lists all of its relations).
    """
    from claimcmp.model import Statement

    if not path.exists():
        return []
    out = []
    for g in json.loads(path.read_text(encoding="utf-8"))["groups"]:
        sides = (g["sides"][0], g["sides"][1])
        statements = []
        for side, items in ((sides[0], g["a"]), (sides[1], g["b"])):
            for item in items:
                text = item["text"]
                statements.append(Statement(Statement.make_id(g["name"], 0, len(text)), f"{g['name']}:{side}", text,
                                            0, len(text), None, side, item.get("kind", "reported")))
        n_a = len(g["a"])
        rel = {(int(i), n_a + int(j)): lab for i, j, lab in g["relations"]}
        pairs = [(i, j) for i in range(n_a) for j in range(n_a, len(statements))]
        labels = [rel.get(p, "unrelated") for p in pairs]
        emb = np.asarray(embedder.encode([s.text for s in statements]), dtype=np.float32)
        out.append(pair_group(g["name"], "silver", statements, pairs, labels, sides, emb,
                              members=(range(n_a), range(n_a, len(statements)))))
    return out
