"""The :class:`Topic` result: one labelled cluster of statements."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

__all__ = ["Topic"]


@dataclass(frozen=True)
class Topic:
    """One topic: a labelled group of statements.

    Parameters
    ----------
    id : int
        Stable id: topics of a fit are numbered 0.. by decreasing size, ties
        by their earliest statement; topics added later get the next free id.
    label : str
        Short readable name built from the top keywords.
    keywords : tuple of str
        Top terms (words and bigrams) by class-based TF-IDF, best first.
    size : int
        Statements in the topic.
    side_counts : mapping of str to int
        Statements per side, for statements that have a side (so the counts
        may sum to less than ``size``).
    representative_ids : tuple of str
        Ids of the statements closest to the topic centre, closest first
        (for plain strings: their position in the input, as a string).
    representatives : tuple of str
        The texts of those statements, same order.
    """

    id: int
    label: str
    keywords: tuple[str, ...]
    size: int
    side_counts: Mapping[str, int] = field(default_factory=dict)
    representative_ids: tuple[str, ...] = ()
    representatives: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "keywords", tuple(self.keywords))
        object.__setattr__(self, "representative_ids", tuple(self.representative_ids))
        object.__setattr__(self, "representatives", tuple(self.representatives))
        counts = {str(k): int(v) for k, v in sorted(dict(self.side_counts).items())}
        object.__setattr__(self, "side_counts", MappingProxyType(counts))

    def __hash__(self) -> int:
        return hash((self.id, self.label, self.keywords, self.size))

    def __reduce__(self) -> tuple[type[Topic], tuple[object, ...]]:
        """Pickle through the constructor (a mappingproxy cannot be pickled)."""
        fields = (self.id, self.label, self.keywords, self.size, dict(self.side_counts))
        return (Topic, fields + (self.representative_ids, self.representatives))

    @property
    def is_singleton(self) -> bool:
        """Whether the topic holds a single statement."""
        return self.size == 1

    def to_dict(self) -> dict[str, Any]:
        """A JSON-compatible dict (``is_singleton`` included for readers)."""
        return {
            "id": self.id,
            "label": self.label,
            "keywords": list(self.keywords),
            "size": self.size,
            "is_singleton": self.is_singleton,
            "side_counts": dict(self.side_counts),
            "representative_ids": list(self.representative_ids),
            "representatives": list(self.representatives),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Topic:
        """Inverse of :meth:`to_dict`."""
        return cls(
            id=int(data["id"]),
            label=str(data["label"]),
            keywords=tuple(data.get("keywords", ())),
            size=int(data["size"]),
            side_counts=data.get("side_counts") or {},
            representative_ids=tuple(data.get("representative_ids", ())),
            representatives=tuple(data.get("representatives", ())),
        )
