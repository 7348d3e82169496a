"""Result types: the statements of a release plus the spans deliberately skipped."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..model import Statement

__all__ = ["Extraction", "SkippedSpan"]

#: Why a span is no statement.
SKIP_REASONS = ("heading", "boilerplate", "link", "dateline", "quote_frame", "speaker_label")


@dataclass(frozen=True)
class SkippedSpan:
    """A span of a release that is deliberately no statement.

    Parameters
    ----------
    start, end : int
        Character offsets into the release text.
    text : str
        Exactly ``release.text[start:end]``.
    reason : str
        One of ``"heading"``, ``"boilerplate"``, ``"link"``, ``"dateline"``,
        ``"quote_frame"`` (the "He stated:" around a quote, and the marks),
        ``"speaker_label"`` (a transcript's ``PRESIDENT BIDEN:``).
    """

    start: int
    end: int
    text: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        """A JSON-compatible dict."""
        return {"start": self.start, "end": self.end, "text": self.text, "reason": self.reason}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SkippedSpan:
        """Inverse of :meth:`to_dict`."""
        return cls(int(data["start"]), int(data["end"]), data["text"], data["reason"])


@dataclass(frozen=True)
class Extraction:
    """Everything :func:`~claimcmp.extract.extract` found in one release.

    Every non-space character of ``release.text`` lies in exactly one
    statement or one skipped span.

    Parameters
    ----------
    release_id : str
    statements : tuple of Statement
        In text order.
    skipped : tuple of SkippedSpan
        In text order.
    issuer_side : str or None
        The side that issued the release (from its ``issuer`` or source
        address, else the home of its officials), None when unknown.
    """

    release_id: str
    statements: tuple[Statement, ...]
    skipped: tuple[SkippedSpan, ...]
    issuer_side: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-compatible dict."""
        return {
            "release_id": self.release_id,
            "statements": [s.to_dict() for s in self.statements],
            "skipped": [s.to_dict() for s in self.skipped],
            "issuer_side": self.issuer_side,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Extraction:
        """Inverse of :meth:`to_dict`."""
        return cls(
            release_id=data["release_id"],
            statements=tuple(Statement.from_dict(s) for s in data["statements"]),
            skipped=tuple(SkippedSpan.from_dict(s) for s in data["skipped"]),
            issuer_side=data.get("issuer_side"),
        )
