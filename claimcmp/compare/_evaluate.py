"""Scoring a side comparison against a gold meeting (``fixtures/meetings/*/gold.json``).

A gold meeting is two readouts of one meeting, one issued by each side, and a
list of the cross-side statement pairs a careful reader calls counter-claims
or agreements. Each gold statement is a verbatim quote of one release; a
predicted relation matches a gold pair when its side-A statement overlaps the
side-A quote and its side-B statement the side-B quote (character spans of
the same release). Unlike scoring isolated pairs, this counts every false
alarm among all the candidate pairs of two whole releases: the base rate an
analyst meets.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import IngestError
from ..model import Release
from .cues import AGREEMENT, COUNTER_CLAIM
from .result import Relation, SideComparison, StatementRef

__all__ = ["GoldMeeting", "GoldPair", "GoldSpan", "load_gold_meeting", "pooled", "score_meeting"]


@dataclass(frozen=True)
class GoldSpan:
    """Where a gold quote lies: release id and character span."""

    release_id: str
    start: int
    end: int

    def overlaps(self, ref: StatementRef) -> bool:
        """Whether a compared statement shares characters with this span."""
        if ref.release_id != self.release_id or ref.start is None or ref.end is None:
            return False
        return min(self.end, ref.end) > max(self.start, ref.start)


@dataclass(frozen=True)
class GoldPair:
    """One gold relation: the side-A quote, the side-B quote, relation and type."""

    relation: str
    type: str
    a: GoldSpan
    b: GoldSpan
    a_text: str
    b_text: str

    def matches(self, relation: Relation) -> bool:
        """Whether a predicted relation joins the same two statements."""
        return self.a.overlaps(relation.evidence.a) and self.b.overlaps(relation.evidence.b)


@dataclass(frozen=True)
class GoldMeeting:
    """A gold meeting: its id, sides, releases and gold pairs."""

    id: str
    sides: tuple[str, str]
    releases: tuple[Release, ...]
    pairs: tuple[GoldPair, ...]
    sides_path: Path


def _locate(quote: str, releases: Sequence[Release], where: Path) -> GoldSpan:
    hits = [(r.id, i) for r in releases for i in _find_all(r.text, quote)]
    if len(hits) != 1:
        raise IngestError(
            f"gold quote {quote[:60]!r} occurs {len(hits)} times in the meeting's releases.",
            path=where, fix="Quote the statement verbatim and long enough to occur exactly once.",
        )
    release_id, start = hits[0]
    return GoldSpan(release_id, start, start + len(quote))


def _find_all(text: str, quote: str) -> list[int]:
    found, i = [], text.find(quote)
    while i >= 0:
        found.append(i)
        i = text.find(quote, i + 1)
    return found


def load_gold_meeting(folder: str | Path) -> GoldMeeting:
    """Read a gold meeting folder: its releases, ``sides.yaml`` and ``gold.json``.

    Raises
    ------
    IngestError
        When a gold quote is not found exactly once in the meeting's releases.
    """
    from ..ingest import load_releases

    folder = Path(folder)
    gold_path = folder / "gold.json"
    gold: dict[str, Any] = json.loads(gold_path.read_text(encoding="utf-8"))
    loaded = load_releases(sorted(folder.glob("*.txt")))
    by_id = {r.id: r for r in loaded.releases}
    releases = tuple(by_id[i] for i in gold["releases"])
    pairs = []
    for relation, key in ((COUNTER_CLAIM, "counter_claims"), (AGREEMENT, "agreements")):
        for item in gold.get(key, []):
            pairs.append(GoldPair(
                relation=relation, type=str(item.get("type", "")),
                a=_locate(item["a"], releases, gold_path), b=_locate(item["b"], releases, gold_path),
                a_text=item["a"], b_text=item["b"],
            ))
    side_a, side_b = gold["sides"]
    return GoldMeeting(str(gold["meeting"]), (side_a, side_b), releases, tuple(pairs), folder / "sides.yaml")


def score_meeting(result: SideComparison, gold: GoldMeeting) -> dict[str, Any]:
    """Precision and recall of counter-claims and agreements against a gold meeting.

    A predicted relation is correct when it matches a gold pair of the same
    relation; a gold pair is found when some predicted relation of its
    relation matches it.

    Returns
    -------
    dict
        Per relation (``counter_claim``, ``agreement``): ``gold``,
        ``predicted``, ``correct`` (predicted and matching), ``found`` (gold
        pairs found), ``precision``, ``recall``; plus ``missed`` and
        ``false`` (texts, for reading the errors).
    """
    out: dict[str, Any] = {"meeting": gold.id, "missed": [], "false": []}
    for relation in (COUNTER_CLAIM, AGREEMENT):
        gold_pairs = [p for p in gold.pairs if p.relation == relation]
        predicted = [r for r in result.relations if r.relation == relation]
        correct = [r for r in predicted if any(p.matches(r) for p in gold_pairs)]
        found = [p for p in gold_pairs if any(p.matches(r) for r in predicted)]
        out[relation] = {
            "gold": len(gold_pairs), "predicted": len(predicted), "correct": len(correct), "found": len(found),
            "precision": len(correct) / len(predicted) if predicted else None,
            "recall": len(found) / len(gold_pairs) if gold_pairs else None,
        }
        out["missed"] += [
            {"relation": relation, "type": p.type, "a": p.a_text, "b": p.b_text} for p in gold_pairs if p not in found
        ]
        out["false"] += [
            {"relation": relation, "p": round(r.score, 3), "a": r.evidence.a.text, "b": r.evidence.b.text,
             "cues": [c.name for c in r.evidence.cues]}
            for r in predicted if r not in correct
        ]
    return out


def pooled(scores: Sequence[Mapping[str, Any]], relation: str) -> dict[str, float | int | None]:
    """Precision and recall of one relation over several meetings' scores (pooled counts)."""
    total = {k: sum(s[relation][k] for s in scores) for k in ("gold", "predicted", "correct", "found")}
    return {
        **total,
        "precision": total["correct"] / total["predicted"] if total["predicted"] else None,
        "recall": total["found"] / total["gold"] if total["gold"] else None,
    }
