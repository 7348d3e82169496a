"""The data model: a :class:`Release` owns its text; a :class:`Statement` is a span of it.

Both are frozen dataclasses that serialise to plain JSON-compatible dicts and
back without loss (``to_dict`` / ``from_dict``). A statement always satisfies
``release.text[statement.start:statement.end] == statement.text``: build one
with :meth:`Statement.from_span` to get that guarantee by construction.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from types import MappingProxyType
from typing import Any

from .errors import ConfigurationError

__all__ = ["Release", "Statement", "StatementKind", "JOINT_SIDE"]

#: Side given to statements made jointly by the parties ("the two sides agreed").
JOINT_SIDE = "joint"


class StatementKind(str, Enum):  # noqa: UP042 - StrEnum would change str() of a kind, which reports print
    """How a statement is voiced in its release."""

    DIRECT_QUOTE = "direct_quote"
    """The speaker's own words, inside quotation marks."""
    REPORTED = "reported"
    """A named participant's speech act in the issuer's words ("He stressed ...")."""
    JOINT = "joint"
    """Something the parties said or did together ("the two sides exchanged views")."""
    NARRATION = "narration"
    """The issuer's own voice: context, background, description."""

    def __str__(self) -> str:
        return self.value


def _frozen_mapping(value: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return MappingProxyType(dict(value or {}))


@dataclass(frozen=True)
class Release:
    """One official release: a press release, readout or statement.

    Parameters
    ----------
    id : str
        Stable identifier, unique within a corpus.
    text : str
        The body text. Statement spans are offsets into it.
    title : str, default=""
    date : str or None, default=None
        ISO 8601 date (``YYYY-MM-DD``).
    issuer : str or None, default=None
        Who published it (an organisation, ministry or office).
    source : str or None, default=None
        Where it came from: a URL or a file path.
    metadata : mapping, default={}
        Any other fields found in the file's header, kept as read.
    """

    id: str
    text: str
    title: str = ""
    date: str | None = None
    issuer: str | None = None
    source: str | None = None
    metadata: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not isinstance(self.id, str) or not self.id:
            raise ConfigurationError(
                "Release.id must be a non-empty string.",
                fix="Give every release an id, e.g. from its file name.",
            )
        object.__setattr__(self, "metadata", _frozen_mapping(self.metadata))

    def __hash__(self) -> int:
        return hash((self.id, self.text))

    def to_dict(self) -> dict[str, Any]:
        """A JSON-compatible dict holding every field."""
        return {
            "id": self.id,
            "title": self.title,
            "date": self.date,
            "issuer": self.issuer,
            "source": self.source,
            "metadata": dict(self.metadata),
            "text": self.text,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Release:
        """Inverse of :meth:`to_dict`."""
        return cls(
            id=data["id"],
            text=data["text"],
            title=data.get("title", "") or "",
            date=data.get("date"),
            issuer=data.get("issuer"),
            source=data.get("source"),
            metadata=data.get("metadata") or {},
        )


@dataclass(frozen=True)
class Statement:
    """A span of a release, attributed to a speaker and a side.

    Parameters
    ----------
    id : str
        Stable identifier: ``"<release_id>@<start>-<end>"``.
    release_id : str
        The release the statement comes from.
    text : str
        Exactly ``release.text[start:end]``.
    start, end : int
        Character offsets into the release text.
    speaker : str or None
        Canonical speaker name, or None for narration.
    side : str or None
        The side the statement belongs to, ``"joint"``, or None.
    kind : StatementKind
    cue : str or None, default=None
        The words that decided the attribution ("stressed", "said:").
    """

    id: str
    release_id: str
    text: str
    start: int
    end: int
    speaker: str | None
    side: str | None
    kind: StatementKind
    cue: str | None = None

    def __post_init__(self) -> None:
        if not (0 <= self.start <= self.end):
            raise ConfigurationError(
                f"Statement span {self.start}-{self.end} is not a valid range.",
                fix="Use 0 <= start <= end.",
            )
        if self.end - self.start != len(self.text):
            raise ConfigurationError(
                f"Statement text has {len(self.text)} characters but its span "
                f"{self.start}-{self.end} has {self.end - self.start}.",
                fix="Build statements with Statement.from_span(release, start, end, ...).",
            )
        object.__setattr__(self, "kind", StatementKind(self.kind))

    @staticmethod
    def make_id(release_id: str, start: int, end: int) -> str:
        """The stable id of the statement at ``start:end`` of a release."""
        return f"{release_id}@{start}-{end}"

    @classmethod
    def from_span(
        cls,
        release: Release,
        start: int,
        end: int,
        *,
        speaker: str | None = None,
        side: str | None = None,
        kind: StatementKind | str = StatementKind.NARRATION,
        cue: str | None = None,
    ) -> Statement:
        """Build the statement covering ``release.text[start:end]``."""
        if not (0 <= start <= end <= len(release.text)):
            raise ConfigurationError(
                f"Span {start}-{end} lies outside release {release.id!r} "
                f"({len(release.text)} characters).",
                fix="Pass offsets into release.text.",
            )
        return cls(
            id=cls.make_id(release.id, start, end),
            release_id=release.id,
            text=release.text[start:end],
            start=start,
            end=end,
            speaker=speaker,
            side=side,
            kind=StatementKind(kind),
            cue=cue,
        )

    def to_dict(self) -> dict[str, Any]:
        """A JSON-compatible dict holding every field."""
        return {
            "id": self.id,
            "release_id": self.release_id,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "speaker": self.speaker,
            "side": self.side,
            "kind": self.kind.value,
            "cue": self.cue,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Statement:
        """Inverse of :meth:`to_dict`."""
        return cls(
            id=data["id"],
            release_id=data["release_id"],
            text=data["text"],
            start=int(data["start"]),
            end=int(data["end"]),
            speaker=data.get("speaker"),
            side=data.get("side"),
            kind=StatementKind(data["kind"]),
            cue=data.get("cue"),
        )
