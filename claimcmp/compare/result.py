"""Result dataclasses of a side comparison; all round-trip through JSON."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from .cues import AGREEMENT, COUNTER_CLAIM, UNRELATED, Cue

__all__ = ["RELATION_ORDER", "StatementRef", "Evidence", "Relation", "OneSidedTopic", "SideComparison"]

#: The order in which relations are listed: counter-claims, then agreements, then unrelated pairs.
RELATION_ORDER: Mapping[str, int] = MappingProxyType({COUNTER_CLAIM: 0, AGREEMENT: 1, UNRELATED: 2})


@dataclass(frozen=True)
class StatementRef:
    """Where a compared statement comes from: id, release, span, side and text."""

    id: str
    release_id: str | None
    start: int | None
    end: int | None
    side: str | None
    text: str
    speaker: str | None = None

    @classmethod
    def of(cls, statement: Any) -> StatementRef:
        """From a :class:`claimcmp.model.Statement` (or anything with those attributes)."""
        return cls(
            id=str(statement.id),
            release_id=getattr(statement, "release_id", None),
            start=getattr(statement, "start", None),
            end=getattr(statement, "end", None),
            side=getattr(statement, "side", None),
            text=str(statement.text),
            speaker=getattr(statement, "speaker", None),
        )

    def to_dict(self) -> dict[str, Any]:
        """A JSON-compatible dict."""
        return {
            "id": self.id, "release_id": self.release_id, "start": self.start, "end": self.end,
            "side": self.side, "text": self.text, "speaker": self.speaker,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> StatementRef:
        """Inverse of :meth:`to_dict`."""
        return cls(
            id=str(data["id"]), release_id=str(data["release_id"]), start=int(data["start"]), end=int(data["end"]),
            side=data.get("side"), text=str(data["text"]), speaker=data.get("speaker"),
        )


@dataclass(frozen=True)
class Evidence:
    """The two statements of a relation and the cues that decided it."""

    a: StatementRef
    b: StatementRef
    cues: tuple[Cue, ...]
    cosine: float

    @property
    def deciding_cue(self) -> Cue:
        """The first cue (cues are ordered strongest first)."""
        return self.cues[0]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-compatible dict."""
        return {
            "a": self.a.to_dict(), "b": self.b.to_dict(),
            "cues": [c.to_dict() for c in self.cues], "cosine": self.cosine,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Evidence:
        """Inverse of :meth:`to_dict`."""
        return cls(
            a=StatementRef.from_dict(data["a"]), b=StatementRef.from_dict(data["b"]),
            cues=tuple(Cue.from_dict(c) for c in data["cues"]), cosine=float(data["cosine"]),
        )


@dataclass(frozen=True)
class Relation:
    """How a statement of one side relates to a statement of the other.

    Attributes
    ----------
    relation : str
        ``"agreement"``, ``"counter_claim"`` or ``"unrelated"``.
    score : float
        Probability of ``relation`` (head + cues, see ``docs/relations.md``).
    probabilities : mapping of str to float
        All three probabilities; they sum to 1.
    topic : int or None
        Topic id shared by the pair (None without topics or when they differ).
    evidence : Evidence
    same_point : float or None
        Probability that the two make the same point (ArgKP key-point scorer).
    """

    relation: str
    score: float
    probabilities: Mapping[str, float]
    topic: int | None
    evidence: Evidence
    same_point: float | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "probabilities", MappingProxyType(dict(self.probabilities)))

    @property
    def cue(self) -> str:
        """Name of the deciding cue."""
        return self.evidence.deciding_cue.name

    def to_dict(self) -> dict[str, Any]:
        """A JSON-compatible dict."""
        return {
            "relation": self.relation, "score": self.score, "probabilities": dict(self.probabilities),
            "topic": self.topic, "evidence": self.evidence.to_dict(), "same_point": self.same_point,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Relation:
        """Inverse of :meth:`to_dict`."""
        return cls(
            relation=data["relation"], score=float(data["score"]),
            probabilities={k: float(v) for k, v in data["probabilities"].items()},
            topic=data.get("topic"), evidence=Evidence.from_dict(data["evidence"]),
            same_point=data.get("same_point"),
        )


@dataclass(frozen=True)
class OneSidedTopic:
    """A topic only one side raised.

    Attributes
    ----------
    topic : int
    label : str
    side : str
        The side that raised it.
    statement_ids : tuple of str
    other : str or None
        The compared side that did not speak to it (set where several pairs of sides are compared).
    """

    topic: int
    label: str
    side: str
    statement_ids: tuple[str, ...]
    other: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-compatible dict."""
        return {"topic": self.topic, "label": self.label, "side": self.side, "statement_ids": list(self.statement_ids),
                "other": self.other}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> OneSidedTopic:
        """Inverse of :meth:`to_dict`."""
        return cls(int(data["topic"]), data["label"], data["side"], tuple(data["statement_ids"]), data.get("other"))


@dataclass(frozen=True)
class SideComparison:
    """Everything :func:`claimcmp.compare_sides` found.

    Attributes
    ----------
    sides : tuple of (str, str)
    relations : tuple of Relation
        Sorted by relation (counter-claims, agreements, unrelated), then score descending.
    one_sided_topics : tuple of OneSidedTopic
    n_statements : mapping of side to int
    n_candidates : int
        Cross-side pairs the classifier scored (after blocking).
    """

    sides: tuple[str, str]
    relations: tuple[Relation, ...]
    one_sided_topics: tuple[OneSidedTopic, ...]
    n_statements: Mapping[str, int] = field(default_factory=dict)
    n_candidates: int = 0

    def __post_init__(self) -> None:
        object.__setattr__(self, "n_statements", MappingProxyType(dict(self.n_statements)))

    @property
    def counter_claims(self) -> tuple[Relation, ...]:
        """Relations labelled ``counter_claim``."""
        return tuple(r for r in self.relations if r.relation == COUNTER_CLAIM)

    @property
    def agreements(self) -> tuple[Relation, ...]:
        """Relations labelled ``agreement``."""
        return tuple(r for r in self.relations if r.relation == AGREEMENT)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-compatible dict."""
        return {
            "sides": list(self.sides),
            "relations": [r.to_dict() for r in self.relations],
            "one_sided_topics": [t.to_dict() for t in self.one_sided_topics],
            "n_statements": dict(self.n_statements),
            "n_candidates": self.n_candidates,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SideComparison:
        """Inverse of :meth:`to_dict`."""
        sides: Sequence[str] = data["sides"]
        return cls(
            sides=(sides[0], sides[1]),
            relations=tuple(Relation.from_dict(r) for r in data["relations"]),
            one_sided_topics=tuple(OneSidedTopic.from_dict(t) for t in data["one_sided_topics"]),
            n_statements={k: int(v) for k, v in data.get("n_statements", {}).items()},
            n_candidates=int(data.get("n_candidates", 0)),
        )
