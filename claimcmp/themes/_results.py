"""Result records of theme tracking: themes, repeated claims, timeline rows.

All are frozen dataclasses with ``to_dict`` / ``from_dict`` JSON round-trips.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from ._trends import Trend

__all__ = ["Claim", "Occurrence", "Theme", "ThemeSeries", "TimelineRow"]


def _counts(value: Mapping[str, Mapping[str, int]]) -> Mapping[str, Mapping[str, int]]:
    return MappingProxyType(
        {
            str(p): MappingProxyType({str(s): int(n) for s, n in sorted(dict(v).items())})
            for p, v in sorted(dict(value).items())
        }
    )


@dataclass(frozen=True)
class Theme:
    """A theme followed over the series.

    Parameters
    ----------
    id : int
        Stable id: never renumbered by an update.
    label : str
    keywords : tuple of str
    size : int
        Statements in the theme.
    first_seen, last_seen : str or None
        ISO dates of the first and last dated release it appears in.
    release_ids : tuple of str
        Releases it appears in, in series order.
    counts : mapping of period key to mapping of side to int
        Statements per side per period (sides without one: ``"unattributed"``).
    trend : Trend
    administrative : bool
        Every distinctive word of the theme names a participant, an office or a place (openings saying
        who met whom, with no subject in common): listed after the other themes (issue #21).
    """

    id: int
    label: str
    keywords: tuple[str, ...]
    size: int
    first_seen: str | None
    last_seen: str | None
    release_ids: tuple[str, ...]
    counts: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    trend: Trend = Trend.ONE_OFF
    administrative: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "keywords", tuple(self.keywords))
        object.__setattr__(self, "release_ids", tuple(self.release_ids))
        object.__setattr__(self, "counts", _counts(self.counts))
        object.__setattr__(self, "trend", Trend(self.trend))

    def __hash__(self) -> int:
        return hash((self.id, self.label, self.size, self.release_ids))

    @property
    def side_totals(self) -> dict[str, int]:
        """Statements per side over the whole series."""
        totals: dict[str, int] = {}
        for by_side in self.counts.values():
            for side, n in by_side.items():
                totals[side] = totals.get(side, 0) + n
        return dict(sorted(totals.items()))

    def to_dict(self) -> dict[str, Any]:
        """A JSON-compatible dict."""
        return {
            "id": self.id,
            "label": self.label,
            "keywords": list(self.keywords),
            "size": self.size,
            "first_seen": self.first_seen,
            "last_seen": self.last_seen,
            "release_ids": list(self.release_ids),
            "counts": {p: dict(v) for p, v in self.counts.items()},
            "trend": self.trend.value,
            "administrative": self.administrative,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Theme:
        """Inverse of :meth:`to_dict`."""
        return cls(
            id=int(data["id"]),
            label=str(data["label"]),
            keywords=tuple(data.get("keywords", ())),
            size=int(data["size"]),
            first_seen=data.get("first_seen"),
            last_seen=data.get("last_seen"),
            release_ids=tuple(data.get("release_ids", ())),
            counts=data.get("counts") or {},
            trend=Trend(data.get("trend", "one-off")),
            administrative=bool(data.get("administrative", False)),
        )


@dataclass(frozen=True)
class Occurrence:
    """One place a claim is made: a statement span of a release.

    Parameters
    ----------
    statement_id, release_id : str
    date : str or None
    side : str or None
    start, end : int
        Span in the release text.
    text : str
    similarity : float
        Cosine similarity to the statement it was grouped through (1.0 for
        the first occurrence and exact repeats).
    """

    statement_id: str
    release_id: str
    date: str | None
    side: str | None
    start: int
    end: int
    text: str
    similarity: float = 1.0

    def __post_init__(self) -> None:
        object.__setattr__(self, "similarity", round(float(self.similarity), 6))

    def to_dict(self) -> dict[str, Any]:
        """A JSON-compatible dict."""
        return {
            "statement_id": self.statement_id,
            "release_id": self.release_id,
            "date": self.date,
            "side": self.side,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "similarity": self.similarity,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Occurrence:
        """Inverse of :meth:`to_dict`."""
        return cls(
            statement_id=str(data["statement_id"]),
            release_id=str(data["release_id"]),
            date=data.get("date"),
            side=data.get("side"),
            start=int(data["start"]),
            end=int(data["end"]),
            text=str(data["text"]),
            similarity=float(data.get("similarity", 1.0)),
        )


@dataclass(frozen=True)
class Claim:
    """A claim repeated across releases, word for word or in paraphrase.

    Parameters
    ----------
    id : str
        Stable id derived from the statement id of its first grouped
        occurrence (``"c-"`` + 12 hex digits): never depends on cluster numbering.
    text : str
        The first occurrence's text.
    theme_id : int or None
        The theme of the first occurrence.
    occurrences : tuple of Occurrence
        In series order (date, then release order).
    """

    id: str
    text: str
    theme_id: int | None
    occurrences: tuple[Occurrence, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "occurrences", tuple(self.occurrences))

    def __hash__(self) -> int:
        return hash((self.id, len(self.occurrences)))

    @property
    def first(self) -> Occurrence:
        """The first appearance (earliest dated occurrence, else the first added)."""
        dated = [o for o in self.occurrences if o.date]
        return min(dated, key=lambda o: o.date or "") if dated else self.occurrences[0]

    @property
    def release_ids(self) -> tuple[str, ...]:
        """Distinct releases the claim is made in, in order."""
        return tuple(dict.fromkeys(o.release_id for o in self.occurrences))

    @property
    def sides(self) -> tuple[str, ...]:
        """Distinct sides making the claim, sorted."""
        return tuple(sorted({o.side for o in self.occurrences if o.side}))

    def to_dict(self) -> dict[str, Any]:
        """A JSON-compatible dict (``first`` included for readers)."""
        return {
            "id": self.id,
            "text": self.text,
            "theme_id": self.theme_id,
            "first": self.first.to_dict(),
            "occurrences": [o.to_dict() for o in self.occurrences],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Claim:
        """Inverse of :meth:`to_dict`."""
        theme = data.get("theme_id")
        return cls(
            id=str(data["id"]),
            text=str(data["text"]),
            theme_id=None if theme is None else int(theme),
            occurrences=tuple(Occurrence.from_dict(o) for o in data.get("occurrences", ())),
        )


@dataclass(frozen=True)
class TimelineRow:
    """Statements of one theme by one side in one period (side x time x topic)."""

    theme_id: int
    theme_label: str
    period: str
    side: str
    statements: int
    releases: int

    def to_dict(self) -> dict[str, Any]:
        """A JSON-compatible dict."""
        return {
            "theme_id": self.theme_id,
            "theme_label": self.theme_label,
            "period": self.period,
            "side": self.side,
            "statements": self.statements,
            "releases": self.releases,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TimelineRow:
        """Inverse of :meth:`to_dict`."""
        return cls(**{k: data[k] for k in ("theme_id", "theme_label", "period", "side", "statements", "releases")})


@dataclass(frozen=True)
class ThemeSeries:
    """Everything tracked over a series of releases.

    Parameters
    ----------
    period : str
        Bucket size of ``counts`` and ``timeline``.
    first_date, last_date : str or None
        Span of the series.
    n_releases, n_statements : int
    themes : tuple of Theme
        Themes with at least ``min_theme_size`` statements, most releases first.
    claims : tuple of Claim
        Claims made in at least two releases, most releases first.
    timeline : tuple of TimelineRow
        Sorted by theme id, period, side.
    """

    period: str
    first_date: str | None
    last_date: str | None
    n_releases: int
    n_statements: int
    themes: tuple[Theme, ...]
    claims: tuple[Claim, ...]
    timeline: tuple[TimelineRow, ...]

    def __post_init__(self) -> None:
        for name in ("themes", "claims", "timeline"):
            object.__setattr__(self, name, tuple(getattr(self, name)))

    def theme(self, theme_id: int) -> Theme:
        """The theme with this id (KeyError if absent)."""
        for theme in self.themes:
            if theme.id == theme_id:
                return theme
        raise KeyError(theme_id)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-compatible dict."""
        return {
            "period": self.period,
            "first_date": self.first_date,
            "last_date": self.last_date,
            "n_releases": self.n_releases,
            "n_statements": self.n_statements,
            "themes": [t.to_dict() for t in self.themes],
            "claims": [c.to_dict() for c in self.claims],
            "timeline": [r.to_dict() for r in self.timeline],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ThemeSeries:
        """Inverse of :meth:`to_dict`."""
        return cls(
            period=str(data["period"]),
            first_date=data.get("first_date"),
            last_date=data.get("last_date"),
            n_releases=int(data["n_releases"]),
            n_statements=int(data["n_statements"]),
            themes=tuple(Theme.from_dict(t) for t in data.get("themes", ())),
            claims=tuple(Claim.from_dict(c) for c in data.get("claims", ())),
            timeline=tuple(TimelineRow.from_dict(r) for r in data.get("timeline", ())),
        )

    def timeline_rows(self, sides: Sequence[str] | None = None) -> list[TimelineRow]:
        """Timeline rows, optionally only for some sides."""
        if sides is None:
            return list(self.timeline)
        keep = set(sides)
        return [r for r in self.timeline if r.side in keep]
