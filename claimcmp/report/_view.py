"""What the Markdown and HTML reports show, computed once from an :class:`~claimcmp.analysis.Analysis`.

Plain data only (dicts, lists, strings): templates decide the markup and
escape every string. Long lists are cut to the ``Limits`` given, and every
cut list carries the number of items left out.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from ..compare.learned import SHARED_WORDS_LABEL
from ..model import JOINT_SIDE

if TYPE_CHECKING:  # pragma: no cover
    from ..analysis import Analysis

__all__ = ["Limits", "build_view", "evidence_terms", "highlight", "safe_url"]


@dataclass(frozen=True)
class Limits:
    """How much of each list a report shows (the rest is counted, never dropped silently).

    Parameters
    ----------
    topics : int, default=40
        Topics shown side by side (the largest).
    statements_per_cell : int, default=6
        Statements per side per topic.
    relations : int, default=100
        Agreements shown, and counter-claims shown.
    one_sided : int, default=60
    themes : int, default=40
    claims : int, default=40
    release_text_chars : int, default=2_000_000
        Release texts are shown in full while their total stays under this.
    releases_listed : int, default=2000
    """

    topics: int = 40
    statements_per_cell: int = 6
    relations: int = 100
    one_sided: int = 60
    themes: int = 40
    claims: int = 40
    release_text_chars: int = 2_000_000
    releases_listed: int = 2000


_SAFE_SCHEMES = ("http", "https")
_TERM = re.compile(r"[A-Za-z][A-Za-z'’-]{2,}")
_CUE_WORDS = frozenset((
    "act", "blames", "whom", "the", "other", "names", "place", "target", "negated", "in", "one", "statement", "only",
    "cosine", "and", "vs", "of", "as", "or",
))


def safe_url(url: str | None) -> str | None:
    """``url`` when it is an http(s) URL with a host, else None (never ``javascript:`` and the like)."""
    if not url or any(ch in url for ch in "\x00\n\r\t <>\"'`"):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme.lower() in _SAFE_SCHEMES and parts.netloc else None


def evidence_terms(relation: Any) -> list[str]:
    """Words named by the relation's cues, to highlight in both statements."""
    terms: set[str] = set()
    for cue in relation.evidence.cues:
        detail = cue.detail or ""
        if cue.name == "model":  # a probability names no words of the texts; the learned comparer's shared words do
            detail = detail.split(SHARED_WORDS_LABEL, 1)[1] if SHARED_WORDS_LABEL in detail else ""
        for word in _TERM.findall(detail):
            if word.lower() not in _CUE_WORDS:
                terms.add(word.lower())
    return sorted(terms, key=lambda w: (-len(w), w))


def highlight(text: str, terms: Sequence[str]) -> list[tuple[str, bool]]:
    """``text`` cut into (piece, is_evidence) segments; words starting with a term are evidence."""
    if not terms:
        return [(text, False)]
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(t) for t in terms) + r")\w*", re.IGNORECASE)
    out: list[tuple[str, bool]] = []
    pos = 0
    for match in pattern.finditer(text):
        if match.start() > pos:
            out.append((text[pos : match.start()], False))
        out.append((match.group(0), True))
        pos = match.end()
    if pos < len(text) or not out:
        out.append((text[pos:], False))
    return out


def _side_class(side: str | None, pair: Sequence[str]) -> str:
    if side is None:
        return "none"
    if side in pair:
        return f"s{list(pair).index(side)}"
    return "joint" if side == JOINT_SIDE else "other"


def _shown_release_ids(releases: Sequence[Any], limits: Limits) -> set[str]:
    """Ids of the releases whose text is shown in full, in order, while under the character budget."""
    shown: set[str] = set()
    budget = limits.release_text_chars
    for r in releases[: limits.releases_listed]:
        if len(r.text) > budget:
            break
        budget -= len(r.text)
        shown.add(r.id)
    return shown


def _capped(items: Sequence[Any], n: int, fn: Callable[[Any], dict[str, Any]]) -> dict[str, Any]:
    """The first ``n`` items through ``fn``, with the total and the number left out."""
    return {"items": [fn(x) for x in items[:n]], "total": len(items), "more": max(0, len(items) - n)}


class _Refs:
    """Indexes of one analysis, and the statement and relation views built from them."""

    def __init__(self, analysis: Analysis, pair: list[str], shown_text: set[str]) -> None:
        self.analysis = analysis
        self.pair = pair
        self.shown_text = shown_text
        self.releases = analysis.releases
        self.rel_index = {r.id: i for i, r in enumerate(self.releases)}
        self.stmt_index = {s.id: i for i, s in enumerate(analysis.statements)}
        self.topic_of = analysis.topic_of()
        self.topics_by_id = {t.id: t for t in analysis.topics}

    def side_class(self, side: str | None) -> str:
        return _side_class(side, self.pair)

    def ref(self, statement_id: str, text: str, side: str | None, speaker: str | None, release_id: str | None,
            terms: Sequence[str] = ()) -> dict[str, Any]:
        """One statement as the templates show it: text segments, side, source release and anchor."""
        ri = self.rel_index.get(release_id or "")
        release = self.releases[ri] if ri is not None else None
        si = self.stmt_index.get(statement_id)
        anchor = f"s-{si}" if si is not None and release is not None and release.id in self.shown_text else (
            f"r-{ri}" if ri is not None else None
        )
        stmt = self.analysis.statements[si] if si is not None else None
        return {
            "id": statement_id,
            "segments": highlight(text, terms),
            "text": text,
            "side": side,
            "side_class": self.side_class(side),
            "speaker": speaker,
            "kind": stmt.kind.value if stmt else None,
            "anchor": anchor,
            "release_title": (release.title or release.id) if release else (release_id or ""),
            "release_date": release.date if release else None,
            "release_url": safe_url(release.source) if release else None,
            "topic": self.topic_of.get(statement_id),
        }

    def stmt_ref(self, i: int) -> dict[str, Any]:
        """The ``i``-th statement of the analysis, as :meth:`ref` shows it."""
        s = self.analysis.statements[i]
        return self.ref(s.id, s.text, s.side, s.speaker, s.release_id)

    def relation(self, rel: Any) -> dict[str, Any]:
        """One agreement or counter-claim, its cues and both statements with the evidence words marked."""
        terms = evidence_terms(rel)
        a, b = rel.evidence.a, rel.evidence.b
        topic = self.topics_by_id.get(rel.topic) if rel.topic is not None else None
        return {
            "relation": rel.relation,
            "score": rel.score,
            "probabilities": dict(rel.probabilities),
            "cosine": rel.evidence.cosine,
            "cue": rel.cue,
            "cue_detail": rel.evidence.deciding_cue.detail,
            "cues": [{"name": c.name, "detail": c.detail, "favours": c.favours} for c in rel.evidence.cues],
            "topic": rel.topic,
            "topic_label": topic.label if topic else None,
            "a": self.ref(a.id, a.text, a.side, a.speaker, a.release_id, terms),
            "b": self.ref(b.id, b.text, b.side, b.speaker, b.release_id, terms),
        }

    def one_sided(self, t: Any) -> dict[str, Any]:
        """A topic raised by one side only, with two example statements."""
        return {
            "topic": t.topic, "label": t.label, "side": t.side, "side_class": self.side_class(t.side),
            "other": t.other, "other_class": self.side_class(t.other), "count": len(t.statement_ids),
            "examples": [self.stmt_ref(self.stmt_index[i]) for i in t.statement_ids[:2] if i in self.stmt_index],
        }

    def claim(self, c: Any) -> dict[str, Any]:
        """A claim repeated across releases, with its first occurrence."""
        return {
            "id": c.id, "text": c.text, "theme_id": c.theme_id, "occurrences": len(c.occurrences),
            "releases": len(c.release_ids), "sides": list(c.sides), "first_date": c.first.date,
            "first": self.ref(c.first.statement_id, c.first.text, c.first.side, None, c.first.release_id),
        }


def _theme(t: Any) -> dict[str, Any]:
    """A theme over time: label, trend, dates and counts per side."""
    return {
        "id": t.id, "label": t.label, "keywords": list(t.keywords[:6]), "size": t.size,
        "trend": t.trend.value, "first_seen": t.first_seen, "last_seen": t.last_seen,
        "releases": len(t.release_ids), "sides": t.side_totals,
    }


def _summary(analysis: Analysis, pair: list[str]) -> dict[str, Any]:
    """Counts, date span and per-side summaries (the first seven sides as cards, the rest listed)."""
    releases = analysis.releases
    dates = sorted(r.date for r in releases if r.date)
    summary: dict[str, Any] = {
        "releases": len(releases),
        "statements": len(analysis.statements),
        "topics": len(analysis.topics),
        "agreements": len(analysis.agreements),
        "counter_claims": len(analysis.counter_claims),
        "one_sided_topics": len(analysis.one_sided_topics),
        "themes": len(analysis.themes),
        "claims": len(analysis.claims),
        "first_date": dates[0] if dates else None,
        "last_date": dates[-1] if dates else None,
        "pair": pair,
        "pairs": [list(p) for p in analysis.settings.compared_pairs],
        "sides": [
            {**s.to_dict(), "side_class": _side_class(None if s.side == "(no side)" else s.side, pair)}
            for s in analysis.side_summaries()
        ],
    }
    cards = [s for s in summary["sides"] if s["side"] != "(no side)"]
    summary["side_cards"] = cards[:7] + [s for s in summary["sides"] if s["side"] == "(no side)"]
    summary["other_sides"] = cards[7:]
    return summary


#: At most this many compared sides get a column in the topics shown side by side (joint statements get one more).
MAX_TOPIC_COLUMNS = 4


def _topic_columns(analysis: Analysis, pair: list[str], summary: dict[str, Any]) -> list[str]:
    """The sides shown side by side: the compared sides, main pair first (and joint statements), else the first
    three sides."""
    compared = list(dict.fromkeys(side for p in analysis.settings.compared_pairs for side in p))
    columns: list[str] = compared[:MAX_TOPIC_COLUMNS] or [
        s["side"] for s in summary["sides"] if s["side"] != "(no side)"
    ][:3]
    if pair and any(s.side == JOINT_SIDE for s in analysis.statements):
        columns = [*columns, JOINT_SIDE]
    return columns


def _topics_side_by_side(refs: _Refs, columns: list[str], limits: Limits) -> dict[str, Any]:
    """The largest topics, each with a cell of statements per column side."""
    analysis = refs.analysis
    members: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for i, s in enumerate(analysis.statements):
        t = analysis.statement_topics[i]
        if t is not None and s.side in columns:
            members[t][s.side].append(i)
    ranked = sorted(members, key=lambda t: (-sum(len(v) for v in members[t].values()), t))
    topic_rows = []
    for t in ranked[: limits.topics]:
        topic = refs.topics_by_id.get(t)
        cells = []
        for side in columns:
            rows = members[t].get(side, [])
            cells.append({
                "side": side,
                "side_class": refs.side_class(side),
                "statements": [refs.stmt_ref(i) for i in rows[: limits.statements_per_cell]],
                "more": max(0, len(rows) - limits.statements_per_cell),
            })
        topic_rows.append({
            "id": t,
            "label": topic.label if topic else str(t),
            "keywords": list(topic.keywords[:6]) if topic else [],
            "size": topic.size if topic else sum(len(v) for v in members[t].values()),
            "cells": cells,
        })
    return {"items": topic_rows, "total": len(ranked), "more": max(0, len(ranked) - limits.topics)}


def _release_pieces(refs: _Refs, release: Any, statement_rows: list[int]) -> list[dict[str, Any]]:
    """The release text cut into plain pieces and statement spans (overlapping spans are skipped)."""
    analysis = refs.analysis
    pieces: list[dict[str, Any]] = []
    pos = 0
    for i in sorted(statement_rows, key=lambda k: analysis.statements[k].start):
        s = analysis.statements[i]
        if s.start < pos:
            continue
        if s.start > pos:
            pieces.append({"text": release.text[pos : s.start], "anchor": None})
        pieces.append({
            "text": s.text, "anchor": f"s-{i}", "side_class": refs.side_class(s.side),
            "title": f"{s.side or 'no side'} · {s.kind.value}" + (f" · {s.speaker}" if s.speaker else "")
            + (f" · topic {analysis.statement_topics[i]}" if analysis.statement_topics[i] is not None else ""),
        })
        pos = s.end
    if pos < len(release.text):
        pieces.append({"text": release.text[pos:], "anchor": None})
    return pieces


def _releases(refs: _Refs, limits: Limits) -> dict[str, Any]:
    """The listed releases, with their statements' spans where the text is shown."""
    releases = refs.releases
    by_release: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(refs.analysis.statements):
        by_release[s.release_id].append(i)
    release_rows = []
    for ri, r in enumerate(releases[: limits.releases_listed]):
        row: dict[str, Any] = {
            "anchor": f"r-{ri}", "id": r.id, "title": r.title or r.id, "date": r.date, "issuer": r.issuer,
            "source": r.source, "url": safe_url(r.source), "statements": len(by_release.get(r.id, [])),
            "pieces": None,
        }
        if r.id in refs.shown_text:
            row["pieces"] = _release_pieces(refs, r, by_release.get(r.id, []))
        release_rows.append(row)
    return {
        "items": release_rows, "total": len(releases), "more": max(0, len(releases) - limits.releases_listed),
        "texts_shown": len(refs.shown_text),
    }


def build_view(analysis: Analysis, limits: Limits | None = None) -> dict[str, Any]:
    """Everything the templates render, as plain data (see the module docstring)."""
    limits = limits or Limits()
    pair = list(analysis.compared_sides or ())
    refs = _Refs(analysis, pair, _shown_release_ids(analysis.releases, limits))
    summary = _summary(analysis, pair)
    columns = _topic_columns(analysis, pair, summary)
    return {
        "summary": summary,
        "notes": list(analysis.notes),
        "columns": [{"side": c, "side_class": _side_class(c, pair)} for c in columns],
        "topics": _topics_side_by_side(refs, columns, limits),
        "counter_claims": _capped(analysis.counter_claims, limits.relations, refs.relation),
        "agreements": _capped(analysis.agreements, limits.relations, refs.relation),
        "one_sided": _capped(analysis.one_sided_topics, limits.one_sided, refs.one_sided),
        "themes": _capped(analysis.themes, limits.themes, _theme),
        "theme_period": analysis.theme_period,
        "claims": _capped(analysis.claims, limits.claims, refs.claim),
        "releases": _releases(refs, limits),
        "settings": analysis.settings.to_dict(),
        "similarity": analysis.similarity,
    }
