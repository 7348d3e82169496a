"""Build a :class:`ThemeSeries` from a tracker's per-statement state."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

import numpy as np

from ..model import Statement
from ._periods import choose_period, period_key
from ._results import Claim, Occurrence, Theme, ThemeSeries, TimelineRow
from ._sides import UNATTRIBUTED, ReleaseInfo, series_order
from ._trends import classify_trend

__all__ = ["summarise", "UNDATED"]

#: Period key of releases without a date.
UNDATED = "undated"


def summarise(
    releases: Sequence[ReleaseInfo],
    statements: Sequence[Statement],
    theme_ids: np.ndarray,
    claim_ids: Sequence[str | None],
    link_similarity: Sequence[float],
    theme_info: Mapping[int, tuple[str, tuple[str, ...]]],
    *,
    period: str,
    min_theme_size: int,
) -> ThemeSeries:
    """Themes (with counts per side per period and trends), repeated claims, timeline rows."""
    order = series_order(list(releases))
    rank = {releases[i].id: k for k, i in enumerate(order)}
    info = {r.id: r for r in releases}
    days = [r.day for r in releases if r.day is not None]
    first, last = (min(days), max(days)) if days else (None, None)
    period = choose_period(days, period)
    bucket = {r.id: (period_key(r.day, period) if r.day else UNDATED) for r in releases}

    members: dict[int, list[int]] = defaultdict(list)
    for i, theme in enumerate(theme_ids.tolist()):
        members[int(theme)].append(i)

    themes: list[Theme] = []
    rows: list[TimelineRow] = []
    for theme_id in sorted(members):
        idx = members[theme_id]
        if len(idx) < min_theme_size:
            continue
        release_ids = sorted({statements[i].release_id for i in idx}, key=rank.__getitem__)
        counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        cell_releases: dict[tuple[str, str], set[str]] = defaultdict(set)
        for i in idx:
            s = statements[i]
            key, side = bucket[s.release_id], s.side or UNATTRIBUTED
            counts[key][side] += 1
            cell_releases[(key, side)].add(s.release_id)
        dated = [info[r].day for r in release_ids if info[r].day is not None]
        label, keywords = theme_info.get(theme_id, (f"theme {theme_id}", ()))
        themes.append(
            Theme(
                id=theme_id,
                label=label,
                keywords=keywords,
                size=len(idx),
                first_seen=min(dated).isoformat() if dated else None,
                last_seen=max(dated).isoformat() if dated else None,
                release_ids=tuple(release_ids),
                counts={p: dict(v) for p, v in counts.items()},
                trend=classify_trend(len(release_ids), dated, first, last),
            )
        )
        for (key, side), rels in sorted(cell_releases.items()):
            rows.append(TimelineRow(theme_id, label, key, side, counts[key][side], len(rels)))
    themes.sort(key=lambda t: (-len(t.release_ids), -t.size, t.id))

    by_claim: dict[str, list[int]] = defaultdict(list)
    for i, claim in enumerate(claim_ids):
        if claim is not None:
            by_claim[claim].append(i)
    claims: list[Claim] = []
    for claim_id, idx in by_claim.items():
        if len({statements[i].release_id for i in idx}) < 2:
            continue
        opener = idx[0]
        idx = sorted(idx, key=lambda i: (rank[statements[i].release_id], statements[i].start, i))
        occurrences = tuple(
            Occurrence(
                statement_id=statements[i].id,
                release_id=statements[i].release_id,
                date=info[statements[i].release_id].date,
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
    rows.sort(key=lambda r: (r.theme_id, r.period, r.side))
    return ThemeSeries(
        period=period,
        first_date=first.isoformat() if first else None,
        last_date=last.isoformat() if last else None,
        n_releases=len(releases),
        n_statements=len(statements),
        themes=tuple(themes),
        claims=tuple(claims),
        timeline=tuple(rows),
    )
