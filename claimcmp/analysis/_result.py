"""The :class:`Analysis` result: everything one run of the pipeline found."""

from __future__ import annotations

import importlib
import os
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ShapeMismatchError
from ..model import Release, Statement
from ._schema import SCHEMA_VERSION, check_schema_version
from ._settings import RunSettings
from ._similarity import SimilarityMatrix

if TYPE_CHECKING:  # pragma: no cover
    from ..compare import OneSidedTopic, Relation
    from ..themes import Claim, Theme, TimelineRow
    from ..topics import Topic

__all__ = ["Analysis", "SideSummary"]


@dataclass(frozen=True)
class SideSummary:
    """What one side said: counts of statements, releases, speakers and kinds.

    Parameters
    ----------
    side : str
    statements : int
    releases : int
        Releases holding at least one of its statements.
    speakers : tuple of str
        Speakers by decreasing number of statements (ties by name).
    kinds : mapping of str to int
        Statements per :class:`~claimcmp.StatementKind` value.
    topics : int
        Topics it has statements in.
    """

    side: str
    statements: int
    releases: int
    speakers: tuple[str, ...]
    kinds: Mapping[str, int]
    topics: int

    def to_dict(self) -> dict[str, Any]:
        """A JSON-compatible dict."""
        return {
            "side": self.side,
            "statements": self.statements,
            "releases": self.releases,
            "speakers": list(self.speakers),
            "kinds": dict(self.kinds),
            "topics": self.topics,
        }


#: Side name used in summaries for statements without a side (narration).
UNATTRIBUTED = "(no side)"


@dataclass(frozen=True, eq=True)
class Analysis:
    """The result of :func:`claimcmp.analyze`: releases to themes, with the settings used.

    Every collection is a tuple in a stable order, so equal inputs and
    settings give equal analyses and byte-identical reports.

    Parameters
    ----------
    releases : tuple of Release
        In input order.
    statements : tuple of Statement
        Release by release, in text order.
    statement_topics : tuple of int or None
        Topic id of each statement (same order as ``statements``).
    topics : tuple of Topic
        Indexed by id.
    relations : tuple of Relation
        Agreements and counter-claims between ``settings.compared_sides``.
    one_sided_topics : tuple of OneSidedTopic
    themes : tuple of Theme
    claims : tuple of Claim
        Claims repeated in at least two releases.
    timeline : tuple of TimelineRow
        Statements per theme, period and side.
    theme_period : str or None
        Period of ``timeline`` (``"day"``, ``"week"``, ``"month"``, ``"quarter"``).
    similarity : SimilarityMatrix or None
        Cross-side similarity (the report's heatmap).
    settings : RunSettings
    notes : tuple of str
        Steps that found nothing to do, and why (e.g. a single side).
    """

    releases: tuple[Release, ...]
    statements: tuple[Statement, ...]
    statement_topics: tuple[int | None, ...]
    topics: tuple[Topic, ...]
    relations: tuple[Relation, ...]
    one_sided_topics: tuple[OneSidedTopic, ...]
    themes: tuple[Theme, ...]
    claims: tuple[Claim, ...]
    timeline: tuple[TimelineRow, ...]
    theme_period: str | None
    similarity: SimilarityMatrix | None
    settings: RunSettings
    notes: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        for name in (
            "releases", "statements", "statement_topics", "topics", "relations",
            "one_sided_topics", "themes", "claims", "timeline", "notes",
        ):
            object.__setattr__(self, name, tuple(getattr(self, name)))
        if len(self.statement_topics) != len(self.statements):
            raise ShapeMismatchError(
                f"{len(self.statement_topics)} topic ids for {len(self.statements)} statements.",
                fix="Give one topic id (or None) per statement.",
            )

    __hash__ = None  # type: ignore[assignment]  # settings hold dicts

    # ------------------------------------------------------------ look-ups

    @property
    def compared_sides(self) -> tuple[str, str] | None:
        """The two sides compared, or None when fewer than two were found."""
        return self.settings.compared_sides

    @property
    def agreements(self) -> tuple[Relation, ...]:
        """Relations labelled ``agreement``, best first."""
        return tuple(r for r in self.relations if r.relation == "agreement")

    @property
    def counter_claims(self) -> tuple[Relation, ...]:
        """Relations labelled ``counter_claim``, best first."""
        return tuple(r for r in self.relations if r.relation == "counter_claim")

    def topic_of(self) -> dict[str, int | None]:
        """Statement id -> topic id."""
        return {s.id: t for s, t in zip(self.statements, self.statement_topics, strict=True)}

    def side_summaries(self) -> tuple[SideSummary, ...]:
        """One summary per side (compared sides first, then by statements; no-side narration last)."""
        by_side: dict[str, list[int]] = {}
        for i, s in enumerate(self.statements):
            by_side.setdefault(s.side or UNATTRIBUTED, []).append(i)
        first = list(self.compared_sides or ())

        def order(side: str) -> tuple[int, int, int, str]:
            rank = first.index(side) if side in first else len(first)
            return (side == UNATTRIBUTED, rank, -len(by_side[side]), side)

        out = []
        for side in sorted(by_side, key=order):
            rows = by_side[side]
            speakers = Counter(speaker for i in rows if (speaker := self.statements[i].speaker))
            kinds = Counter(self.statements[i].kind.value for i in rows)
            out.append(
                SideSummary(
                    side=side,
                    statements=len(rows),
                    releases=len({self.statements[i].release_id for i in rows}),
                    speakers=tuple(n for n, _ in sorted(speakers.items(), key=lambda kv: (-kv[1], kv[0]))),
                    kinds=dict(sorted(kinds.items())),
                    topics=len({topic for i in rows if (topic := self.statement_topics[i]) is not None}),
                )
            )
        return tuple(out)

    # ------------------------------------------------------- serialisation

    def to_dict(self) -> dict[str, Any]:
        """A JSON-compatible dict in the report schema (``schema_version`` included).

        The ``summary`` block is derived from the rest and ignored by :meth:`from_dict`.
        """
        statements = []
        for s, topic in zip(self.statements, self.statement_topics, strict=True):
            row = s.to_dict()
            row["topic"] = topic
            statements.append(row)
        return {
            "schema_version": SCHEMA_VERSION,
            "settings": self.settings.to_dict(),
            "summary": {
                "releases": len(self.releases),
                "statements": len(self.statements),
                "topics": len(self.topics),
                "agreements": len(self.agreements),
                "counter_claims": len(self.counter_claims),
                "one_sided_topics": len(self.one_sided_topics),
                "themes": len(self.themes),
                "claims": len(self.claims),
                "sides": [s.to_dict() for s in self.side_summaries()],
            },
            "notes": list(self.notes),
            "releases": [r.to_dict() for r in self.releases],
            "statements": statements,
            "topics": [t.to_dict() for t in self.topics],
            "relations": [r.to_dict() for r in self.relations],
            "one_sided_topics": [t.to_dict() for t in self.one_sided_topics],
            "themes": {
                "period": self.theme_period,
                "themes": [t.to_dict() for t in self.themes],
                "claims": [c.to_dict() for c in self.claims],
                "timeline": [r.to_dict() for r in self.timeline],
            },
            "similarity": None if self.similarity is None else self.similarity.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Analysis:
        """Inverse of :meth:`to_dict` (also reads a parsed JSON report)."""
        from ..compare import OneSidedTopic, Relation
        from ..themes import Claim, Theme, TimelineRow
        from ..topics import Topic

        check_schema_version(data)
        statements = data.get("statements", [])
        themes = data.get("themes") or {}
        similarity = data.get("similarity")
        return cls(
            releases=tuple(Release.from_dict(r) for r in data.get("releases", [])),
            statements=tuple(Statement.from_dict(s) for s in statements),
            statement_topics=tuple(None if s.get("topic") is None else int(s["topic"]) for s in statements),
            topics=tuple(Topic.from_dict(t) for t in data.get("topics", [])),
            relations=tuple(Relation.from_dict(r) for r in data.get("relations", [])),
            one_sided_topics=tuple(OneSidedTopic.from_dict(t) for t in data.get("one_sided_topics", [])),
            themes=tuple(Theme.from_dict(t) for t in themes.get("themes", [])),
            claims=tuple(Claim.from_dict(c) for c in themes.get("claims", [])),
            timeline=tuple(TimelineRow.from_dict(r) for r in themes.get("timeline", [])),
            theme_period=themes.get("period"),
            similarity=None if similarity is None else SimilarityMatrix.from_dict(similarity),
            settings=RunSettings.from_dict(data["settings"]),
            notes=tuple(data.get("notes", [])),
        )

    # ------------------------------------------------------------ reports

    def to_json(self, path: str | os.PathLike[str] | None = None) -> str:
        """The JSON report: sorted keys, floats to 4 decimals, byte-identical for equal analyses.

        Parameters
        ----------
        path : path-like, optional
            Also write it there (UTF-8).
        """
        return _written(_render("json", self), path)

    def to_markdown(self, path: str | os.PathLike[str] | None = None) -> str:
        """The Markdown report (tables), optionally written to ``path``."""
        return _written(_render("markdown", self), path)

    def to_html(self, path: str | os.PathLike[str] | None = None) -> str:
        """The self-contained HTML report (no network, no scripts), optionally written to ``path``."""
        return _written(_render("html", self), path)

    def to_dataframe(self, kind: str = "statements") -> Any:
        """One part of the analysis as a pandas DataFrame.

        Parameters
        ----------
        kind : str, default="statements"
            One of "statements", "releases", "topics", "relations", "one_sided_topics", "themes",
            "claims", "timeline", "sides".

        Returns
        -------
        pandas.DataFrame
        """
        from ._frames import to_dataframe

        return to_dataframe(self, kind)


#: The renderer of each report format, named rather than imported: :mod:`claimcmp.report` sits above
#: this layer and imports :class:`Analysis`, so importing it here would make a cycle.
RENDERERS = {
    "json": "claimcmp.report.json_report:render_json",
    "markdown": "claimcmp.report.markdown:render_markdown",
    "html": "claimcmp.report.html:render_html",
}


def _render(fmt: str, analysis: Analysis) -> str:
    module_name, _, function = RENDERERS[fmt].partition(":")
    renderer: Callable[[Analysis], str] = getattr(importlib.import_module(module_name), function)
    return renderer(analysis)


def _written(text: str, path: str | os.PathLike[str] | None) -> str:
    if path is not None:
        Path(path).write_text(text, encoding="utf-8")
    return text
