"""Build a :class:`ThemeSeries` from a tracker's per-statement state."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from ..model import Statement
from ._periods import choose_period, period_key
from ._results import Claim, Occurrence, Theme, ThemeSeries, TimelineRow
from ._sides import UNATTRIBUTED, ReleaseInfo, series_order
from ._trends import classify_trend

__all__ = ["SeriesState", "summarise", "UNDATED"]

#: Period key of releases without a date.
UNDATED = "undated"


@dataclass(frozen=True)
class _Calendar:
    """Where each release falls: its rank in the series, its period, and the series' first and last day."""

    rank: Mapping[str, int]
    info: Mapping[str, ReleaseInfo]
    bucket: Mapping[str, str]
    first: dt.date | None
    last: dt.date | None
    period: str

    @classmethod
    def of(cls, releases: Sequence[ReleaseInfo], period: str) -> _Calendar:
        order = series_order(list(releases))
        days = [r.day for r in releases if r.day is not None]
        first, last = (min(days), max(days)) if days else (None, None)
        period = choose_period(days, period)
        return cls(
            rank={releases[i].id: k for k, i in enumerate(order)},
            info={r.id: r for r in releases},
            bucket={r.id: (period_key(r.day, period) if r.day else UNDATED) for r in releases},
            first=first,
            last=last,
            period=period,
        )


@dataclass(frozen=True)
class SeriesState:
    """A fitted tracker's per-statement state: what :func:`summarise` reads."""

    releases: Sequence[ReleaseInfo]
    statements: Sequence[Statement]
    theme_ids: np.ndarray
    claim_ids: Sequence[str | None]
    link_similarity: Sequence[float]
    theme_info: Mapping[int, tuple[str, tuple[str, ...]]]
    administrative: frozenset[int] = frozenset()


def summarise(state: SeriesState, *, period: str, min_theme_size: int) -> ThemeSeries:
    """Themes (with counts per side per period and trends), repeated claims, timeline rows."""
    releases, statements, theme_ids, theme_info = state.releases, state.statements, state.theme_ids, state.theme_info
    calendar = _Calendar.of(releases, period)
    members: dict[int, list[int]] = defaultdict(list)
    for i, theme in enumerate(theme_ids.tolist()):
        if theme >= 0:  # -1: scene-setting narration, in no theme
            members[int(theme)].append(i)
    themes: list[Theme] = []
    rows: list[TimelineRow] = []
    for theme_id in sorted(members):
        if len(members[theme_id]) >= min_theme_size:
            label_keywords = theme_info.get(theme_id, (f"theme {theme_id}", ()))
            theme, theme_rows = _theme(theme_id, members[theme_id], statements, calendar, label_keywords)
            themes.append(dataclasses.replace(theme, administrative=theme_id in state.administrative))
            rows += theme_rows
    # administrative themes (who met whom) after the others, each group by releases
    themes.sort(key=lambda t: (t.administrative, -len(t.release_ids), -t.size, t.id))
    claims = _claims(statements, theme_ids, state.claim_ids, state.link_similarity, calendar)
    rows.sort(key=lambda r: (r.theme_id, r.period, r.side))
    return ThemeSeries(
        period=calendar.period,
        first_date=calendar.first.isoformat() if calendar.first else None,
        last_date=calendar.last.isoformat() if calendar.last else None,
        n_releases=len(releases),
        n_statements=len(statements),
        themes=tuple(themes),
        claims=tuple(claims),
        timeline=tuple(rows),
    )


def _theme(
    theme_id: int,
    idx: Sequence[int],
    statements: Sequence[Statement],
    calendar: _Calendar,
    label_keywords: tuple[str, tuple[str, ...]],
) -> tuple[Theme, list[TimelineRow]]:
    """One theme of the series and its timeline rows (one per period and side)."""
    release_ids = sorted({statements[i].release_id for i in idx}, key=calendar.rank.__getitem__)
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    cell_releases: dict[tuple[str, str], set[str]] = defaultdict(set)
    for i in idx:
        s = statements[i]
        key, side = calendar.bucket[s.release_id], s.side or UNATTRIBUTED
        counts[key][side] += 1
        cell_releases[(key, side)].add(s.release_id)
    dated = [day for r in release_ids if (day := calendar.info[r].day) is not None]
    label, keywords = label_keywords
    theme = Theme(
        id=theme_id,
        label=label,
        keywords=keywords,
        size=len(idx),
        first_seen=min(dated).isoformat() if dated else None,
        last_seen=max(dated).isoformat() if dated else None,
        release_ids=tuple(release_ids),
        counts={p: dict(v) for p, v in counts.items()},
        trend=classify_trend(len(release_ids), dated, calendar.first, calendar.last),
    )
    rows = [
        TimelineRow(theme_id, label, key, side, counts[key][side], len(rels))
        for (key, side), rels in sorted(cell_releases.items())
    ]
    return theme, rows


def _claims(
    statements: Sequence[Statement],
    theme_ids: np.ndarray,
    claim_ids: Sequence[str | None],
    link_similarity: Sequence[float],
    calendar: _Calendar,
) -> list[Claim]:
    """The claims repeated in two releases or more, each with its occurrences in series order."""
    by_claim: dict[str, list[int]] = defaultdict(list)
    for i, claim in enumerate(claim_ids):
        if claim is not None:
            by_claim[claim].append(i)
    claims: list[Claim] = []
    for claim_id, found in by_claim.items():
        if len({statements[i].release_id for i in found}) < 2:
            continue
        opener = found[0]
        idx = sorted(found, key=lambda i: (calendar.rank[statements[i].release_id], statements[i].start, i))
        occurrences = tuple(
            Occurrence(
                statement_id=statements[i].id,
                release_id=statements[i].release_id,
                date=calendar.info[statements[i].release_id].date,
                side=statements[i].side,
                start=statements[i].start,
                end=statements[i].end,
                text=statements[i].text,
                similarity=float(link_similarity[i]),
            )
            for i in idx
        )
        claims.append(Claim(claim_id, statements[opener].text, int(theme_ids[opener]), occurrences))
    claims.sort(key=lambda c: (-len(c.release_ids), c.first.date or "~", c.id))
    return claims
