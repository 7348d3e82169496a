"""Flat tables of an :class:`~claimcmp.analysis.Analysis` as pandas DataFrames."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from ..errors import ConfigurationError, MissingDependencyError


class Analysis(Protocol):
    """The parts of :class:`~claimcmp.analysis.Analysis` the tables read (a protocol, so this module
    does not import the class that calls it)."""

    @property
    def statements(self) -> Sequence[Any]: ...
    @property
    def statement_topics(self) -> Sequence[int | None]: ...
    @property
    def releases(self) -> Sequence[Any]: ...
    @property
    def topics(self) -> Sequence[Any]: ...
    @property
    def relations(self) -> Sequence[Any]: ...
    @property
    def one_sided_topics(self) -> Sequence[Any]: ...
    @property
    def themes(self) -> Sequence[Any]: ...
    @property
    def claims(self) -> Sequence[Any]: ...
    @property
    def timeline(self) -> Sequence[Any]: ...
    def side_summaries(self) -> Sequence[Any]: ...

__all__ = ["KINDS", "to_dataframe", "rows"]

#: What :func:`to_dataframe` can return.
KINDS = ("statements", "releases", "topics", "relations", "one_sided_topics", "themes", "claims", "timeline", "sides")


def _relation_row(r: Any) -> dict[str, Any]:
    ev = r.evidence
    return {
        "relation": r.relation, "score": r.score, "topic": r.topic, "cue": r.cue,
        "cue_detail": ev.deciding_cue.detail, "cosine": ev.cosine,
        "statement_a": ev.a.id, "side_a": ev.a.side, "text_a": ev.a.text,
        "statement_b": ev.b.id, "side_b": ev.b.side, "text_b": ev.b.text,
        **{f"p_{k}": v for k, v in sorted(r.probabilities.items())},
    }


def rows(analysis: Analysis, kind: str) -> list[dict[str, Any]]:
    """The records of one table as plain dicts (see :data:`KINDS`)."""
    if kind == "statements":
        out = []
        for s, topic in zip(analysis.statements, analysis.statement_topics, strict=True):
            row = s.to_dict()
            row["topic"] = topic
            out.append(row)
        return out
    if kind == "releases":
        return [{k: v for k, v in r.to_dict().items() if k != "metadata"} for r in analysis.releases]
    if kind == "topics":
        return [
            {**{k: v for k, v in t.to_dict().items() if k not in ("side_counts", "representatives")},
             "keywords": ", ".join(t.keywords), "representative_ids": ", ".join(t.representative_ids)}
            for t in analysis.topics
        ]
    if kind == "relations":
        return [_relation_row(r) for r in analysis.relations]
    if kind == "one_sided_topics":
        return [{**t.to_dict(), "statement_ids": ", ".join(t.statement_ids)} for t in analysis.one_sided_topics]
    if kind == "themes":
        return [
            {"id": t.id, "label": t.label, "keywords": ", ".join(t.keywords), "size": t.size,
             "first_seen": t.first_seen, "last_seen": t.last_seen, "releases": len(t.release_ids),
             "trend": t.trend.value}
            for t in analysis.themes
        ]
    if kind == "claims":
        return [
            {"id": c.id, "text": c.text, "theme_id": c.theme_id, "occurrences": len(c.occurrences),
             "releases": len(c.release_ids), "sides": ", ".join(c.sides), "first_date": c.first.date}
            for c in analysis.claims
        ]
    if kind == "timeline":
        return [r.to_dict() for r in analysis.timeline]
    if kind == "sides":
        return [
            {**{k: v for k, v in s.to_dict().items() if k != "kinds"}, "speakers": ", ".join(s.speakers),
             **{f"kind_{k}": n for k, n in s.kinds.items()}}
            for s in analysis.side_summaries()
        ]
    raise ConfigurationError(f"Unknown table {kind!r}.", fix=f"Use one of: {', '.join(KINDS)}.")


def to_dataframe(analysis: Analysis, kind: str) -> Any:
    """``rows(analysis, kind)`` as a pandas DataFrame (columns kept even when empty)."""
    records = rows(analysis, kind)
    try:
        import pandas as pd
    except ImportError as exc:  # pragma: no cover - optional dependency
        raise MissingDependencyError("pandas is not installed.", fix="pip install 'claimcmp[pandas]'") from exc
    return pd.DataFrame.from_records(records)
