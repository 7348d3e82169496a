"""Exports: pandas DataFrames and a plain-text side x period x theme table."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol

import numpy as np

from ..errors import ConfigurationError, MissingDependencyError
from ..model import Statement
from ._results import ThemeSeries
from ._sides import ReleaseInfo

__all__ = ["timeline_table", "to_dataframe", "statements_frame"]

_KINDS = ("timeline", "themes", "claims")


def _pandas() -> Any:
    try:
        import pandas as pd
    except ImportError as exc:
        raise MissingDependencyError(
            "pandas is needed for DataFrame export.", fix="pip install pandas"
        ) from exc
    return pd


def to_dataframe(series: ThemeSeries, kind: str = "timeline") -> Any:
    """A DataFrame of the timeline (theme, period, side, counts), the themes, or the claim occurrences.

    Parameters
    ----------
    series : ThemeSeries
    kind : {"timeline", "themes", "claims"}, default="timeline"
        timeline: one row per theme x period x side with ``statements`` and
        ``releases`` counts; themes: one row per theme; claims: one row per
        occurrence of a repeated claim.
    """
    pd = _pandas()
    if kind == "timeline":
        columns = ["theme_id", "theme_label", "period", "side", "statements", "releases"]
        return pd.DataFrame([r.to_dict() for r in series.timeline], columns=columns)
    if kind == "themes":
        columns = ["id", "label", "keywords", "size", "n_releases", "first_seen", "last_seen", "trend", "sides"]
        records = [
            {
                "id": t.id,
                "label": t.label,
                "keywords": ", ".join(t.keywords),
                "size": t.size,
                "n_releases": len(t.release_ids),
                "first_seen": t.first_seen,
                "last_seen": t.last_seen,
                "trend": t.trend.value,
                "sides": ", ".join(f"{s}:{n}" for s, n in t.side_totals.items()),
            }
            for t in series.themes
        ]
        return pd.DataFrame(records, columns=columns)
    if kind == "claims":
        columns = ["claim_id", "theme_id", "release_id", "date", "side", "start", "end", "similarity", "text"]
        records = [
            {"claim_id": c.id, "theme_id": c.theme_id, **{k: v for k, v in o.to_dict().items() if k != "statement_id"}}
            for c in series.claims
            for o in c.occurrences
        ]
        return pd.DataFrame(records, columns=columns)
    raise ConfigurationError(f"Unknown export {kind!r}.", fix="Use one of: " + ", ".join(_KINDS) + ", statements.")


class FittedStatements(Protocol):
    """What :func:`statements_frame` reads of a fitted tracker (a Protocol, so this module needs no import of it)."""

    @property
    def releases_(self) -> Mapping[str, ReleaseInfo]: ...

    @property
    def statements_(self) -> Sequence[Statement]: ...

    @property
    def theme_ids_(self) -> np.ndarray: ...

    @property
    def claim_ids_(self) -> Sequence[str | None]: ...


def statements_frame(tracker: FittedStatements) -> Any:
    """One row per statement: release, date, side, theme, claim, text."""
    pd = _pandas()
    records = [
        {
            "statement_id": s.id,
            "release_id": s.release_id,
            "date": tracker.releases_[s.release_id].date,
            "side": s.side,
            "theme_id": int(t),
            "claim_id": c,
            "text": s.text,
        }
        for s, t, c in zip(tracker.statements_, tracker.theme_ids_.tolist(), tracker.claim_ids_, strict=True)
    ]
    return pd.DataFrame(records, columns=["statement_id", "release_id", "date", "side", "theme_id", "claim_id", "text"])


def timeline_table(series: ThemeSeries, *, top: int = 10, max_periods: int = 12) -> str:
    """Text table: one row per (theme, side), one column per period, cells = statements.

    Parameters
    ----------
    top : int, default=10
        Themes shown (the series' order: most releases first).
    max_periods : int, default=12
        Only the last periods are shown when there are more.
    """
    shown = series.themes[:top]
    periods = sorted({p for t in shown for p in t.counts})
    periods = periods[-max_periods:]
    header = ["theme", "side", *periods]
    rows = []
    for theme in shown:
        for side in theme.side_totals:
            cells = [str(theme.counts.get(p, {}).get(side, "") or ".") for p in periods]
            rows.append([f"{theme.id} {theme.label[:28]}", side, *cells])
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(str(c).ljust(w) for c, w in zip(r, widths, strict=False)).rstrip() for r in [header, *rows]]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)
