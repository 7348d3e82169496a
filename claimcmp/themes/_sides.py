"""Release-level sides (``side_of=``) and the release facts the tracker keeps."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from ..errors import ConfigurationError
from ..model import Release
from ._periods import parse_date

__all__ = ["ReleaseInfo", "SideOf", "release_side", "UNATTRIBUTED"]

#: Side shown for statements that have none.
UNATTRIBUTED = "unattributed"

SideOf = Callable[[Release], str | None] | Mapping[str, str] | None


def release_side(release: Release, side_of: SideOf) -> str | None:
    """The side of a whole release, or None to keep the statements' own sides.

    ``side_of`` is a callable ``release -> side or None``, or a mapping looked
    up by release id, then issuer.
    """
    if side_of is None:
        return None
    if callable(side_of):
        side = side_of(release)
    elif isinstance(side_of, Mapping):
        side = side_of.get(release.id)
        if side is None and release.issuer is not None:
            side = side_of.get(release.issuer)
    else:
        raise ConfigurationError(
            f"side_of must be a callable or a mapping, not {type(side_of).__name__}.",
            fix="Pass side_of=lambda release: ... or a dict of release id or issuer to side.",
        )
    return None if side is None else str(side)


@dataclass(frozen=True)
class ReleaseInfo:
    """What the tracker keeps of a release (not its text)."""

    id: str
    date: str | None
    title: str
    issuer: str | None
    side: str | None

    @property
    def day(self) -> dt.date | None:
        return parse_date(self.date)

    @classmethod
    def of(cls, release: Release, side: str | None) -> ReleaseInfo:
        day = parse_date(release.date)
        return cls(release.id, day.isoformat() if day else None, release.title, release.issuer, side)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "date": self.date, "title": self.title, "issuer": self.issuer, "side": self.side}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ReleaseInfo:
        return cls(str(data["id"]), data.get("date"), str(data.get("title", "")), data.get("issuer"), data.get("side"))


def series_order(infos: list[ReleaseInfo]) -> list[int]:
    """Positions of ``infos`` in series order: by date (undated last), ties by release id."""
    return sorted(range(len(infos)), key=lambda i: (infos[i].date is None, infos[i].date or "", infos[i].id))
