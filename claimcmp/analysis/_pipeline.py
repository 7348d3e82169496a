"""``analyze()``: ingest -> extract -> embed -> topics -> relations -> themes, in one call."""

from __future__ import annotations

import dataclasses
import logging
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import numpy as np

from ..errors import ConfigurationError
from ..model import JOINT_SIDE, Release, Statement
from ._pairs import SidePairs, pair_scopes
from ._result import Analysis
from ._settings import RunSettings, library_versions
from ._similarity import MAX_STATEMENTS, MAX_TOPICS, SimilarityMatrix, cross_side_similarity

__all__ = ["analyze"]

logger = logging.getLogger(__name__)

PathLike = str | os.PathLike[str]


def _is_url(text: str) -> bool:
    return "://" in text or text.startswith(("mailto:", "urn:"))


def portable_sources(releases: Sequence[Release], cwd: Path | None = None) -> list[Release]:
    """Releases whose absolute file-path ``source`` is made relative.

    Relative to ``cwd`` when the file lies under it, else to the common folder
    of those files, so reports hold no machine-specific (e.g. temporary) paths.
    """
    cwd = (cwd or Path.cwd()).resolve()
    absolute = [r.source for r in releases if r.source and not _is_url(r.source) and os.path.isabs(r.source)]
    outside = [p for p in absolute if not Path(p).resolve().is_relative_to(cwd)]
    base = None
    if outside:
        common = Path(os.path.commonpath(outside))
        base = common.parent if len(set(outside)) == 1 or Path(outside[0]) == common else common
    out = []
    for release in releases:
        source = release.source
        if source and not _is_url(source) and os.path.isabs(source):
            path = Path(source).resolve()
            rel = path.relative_to(cwd) if path.is_relative_to(cwd) else Path(source).relative_to(base or "/")
            release = dataclasses.replace(release, source=rel.as_posix())
        out.append(release)
    return out


def _load(inputs: Any, on_error: Literal["raise", "skip"]) -> list[Release]:
    if isinstance(inputs, Release):
        return [inputs]
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    items = list(inputs)
    if items and all(isinstance(i, Release) for i in items):
        return items
    if any(isinstance(i, Release) for i in items):
        raise ConfigurationError(
            "analyze() got a mix of Release objects and paths.", fix="Pass either paths or Release objects."
        )
    from ..ingest import load_releases

    return portable_sources(list(load_releases(items, on_error=on_error)))


def _extract(releases: Sequence[Release], sides: Any, show_progress: bool) -> tuple[list[Statement], dict[str, Any]]:
    """The statements of every release (one spelling per speaker across them), and each release's issuing side."""
    from ..extract import extract, unify_speakers

    iterable: Iterable[Release] = releases
    if show_progress and len(releases) > 1:
        from tqdm.auto import tqdm

        iterable = tqdm(releases, desc="extract", unit="release")
    extractions = [extract(r, sides=sides) for r in iterable]
    statements = unify_speakers([s for x in extractions for s in x.statements])
    return statements, {x.release_id: x.issuer_side for x in extractions}


def _model_identity(embedder: Any) -> tuple[str, str]:
    resolved = getattr(embedder, "resolved", None)
    if resolved is not None:
        return str(resolved.name), str(resolved.identity)
    name = type(embedder).__name__
    return name, str(getattr(embedder, "identity", name))


def _plain(value: Any) -> Any:
    """Parameters as JSON values (objects by class name)."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, os.PathLike):
        return Path(value).name
    return type(value).__name__


def analyze(
    inputs: PathLike | Release | Iterable[PathLike] | Iterable[Release],
    *,
    sides: Any = None,
    pair: Sequence[str] | None = None,
    side_pairs: SidePairs | None = None,
    model: PathLike | None = None,
    backend: str = "auto",
    embedder: Any = None,
    cache_dir: PathLike | None = None,
    topic_options: Mapping[str, Any] | None = None,
    compare_options: Mapping[str, Any] | None = None,
    theme_options: Mapping[str, Any] | None = None,
    on_error: Literal["raise", "skip"] = "raise",
    show_progress: bool = False,
    reuse: bool = True,
) -> Analysis:
    """Run the whole pipeline on releases and return everything it found.

    Parameters
    ----------
    inputs : path, Release, or iterable of paths or of Release
        Release files or folders (read with :func:`claimcmp.load_releases`),
        or releases already loaded.
    sides : path, mapping or Sides, optional
        The sides file (see ``docs/sides.md``); default: sides are inferred.
    pair : (str, str), optional
        The main pair of sides to compare (it orders the report and draws its
        heatmap); default the two with most statements.
    side_pairs : {"together", "largest", "all"} or sequence of pairs, optional
        Which other pairs of sides to compare: ``"together"`` every pair that
        speaks in one release (a meeting of three parties gives three pairs),
        ``"largest"`` none, ``"all"`` every pair, or the pairs themselves.
        Default ``"largest"`` when ``pair`` is given, else ``"together"``.
    model : str or path, optional
        Embedding model (default the bundled all-MiniLM-L6-v2).
    backend : {"auto", "torch", "onnx"}, default="auto"
        Embedding backend (see :class:`~claimcmp.embed.Embedder`).
    embedder : object, optional
        Anything with ``encode(list[str]) -> ndarray``; replaces ``model``.
    cache_dir : path, optional
        Embedding cache folder (default ``$CLAIMCMP_CACHE_DIR`` or the user cache).
    topic_options, compare_options, theme_options : mapping, optional
        Extra arguments of :class:`~claimcmp.topics.TopicModel`,
        :func:`~claimcmp.compare.compare_sides` and
        :class:`~claimcmp.themes.ThemeTracker`.
    on_error : {"raise", "skip"}, default="raise"
        What to do with an unreadable release file.
    show_progress : bool, default=False
        Progress bars for extraction and embedding (on stderr).
    reuse : bool, default=True
        Load the stored result of an earlier run on the same releases with
        the same settings and claimcmp files, and store this one (gzip JSON
        in ``<cache folder>/analyses``; see ``docs/performance.md``). Runs
        with a custom head, clusterer or embedder without ``identity`` are
        never stored. ``False`` always recomputes (the embedding cache is
        still used).

    Returns
    -------
    Analysis

    Raises
    ------
    ClaimcmpError
        An ingest, sides-file, model or configuration problem (message and fix).
    """
    from ..extract import load_sides

    releases = _load(inputs, on_error)
    sides_obj = load_sides(sides)
    if embedder is None:
        from ..embed import Embedder

        embedder = Embedder(model, cache_dir=cache_dir, show_progress=show_progress, backend=backend)
    stored = _stored_run(
        releases, embedder, cache_dir,
        {"sides": None if sides_obj is None else sides_obj.to_dict(), "pair": pair,
         "side_pairs": side_pairs, "topics": topic_options,
         "compare": compare_options, "themes": theme_options, "on_error": on_error},
    ) if reuse else None
    if stored is not None and (found := stored[0].get(stored[1])) is not None:
        return found  # type: ignore[no-any-return]
    steps = _Steps.of(topic_options, compare_options, theme_options, on_error=on_error, show_progress=show_progress)
    analysis = _run(releases, sides_obj, (pair, side_pairs), embedder, steps)
    if stored is not None:
        stored[0].put(stored[1], analysis)
    return analysis


@dataclass(frozen=True)
class _Steps:
    """The options of each step of one run, with the defaults ``analyze()`` adds."""

    topics: dict[str, Any]
    compare: dict[str, Any]
    themes: dict[str, Any]
    on_error: str
    show_progress: bool

    @classmethod
    def of(
        cls,
        topic_options: Mapping[str, Any] | None,
        compare_options: Mapping[str, Any] | None,
        theme_options: Mapping[str, Any] | None,
        *,
        on_error: str,
        show_progress: bool,
    ) -> _Steps:
        """The users' options over the defaults (a ``compare_options`` embedder is dropped: the run's is used)."""
        compare = {"top_k": 5, "min_cosine": 0.3, **dict(compare_options or {})}
        compare.pop("embedder", None)
        return cls(
            topics={"random_state": 0, **dict(topic_options or {})},
            compare=compare,
            themes={"random_state": 0, **dict(theme_options or {})},
            on_error=on_error,
            show_progress=show_progress,
        )


@dataclass(frozen=True)
class _Grouping:
    """Statement vectors, and the topics and themes fitted on them."""

    vectors: np.ndarray
    topics: tuple[Any, ...]
    topic_ids: list[int | None]
    themes: Any


@dataclass(frozen=True)
class _Comparison:
    """What the comparison of the sides found."""

    relations: tuple[Any, ...] = ()
    one_sided: tuple[Any, ...] = ()
    similarity: SimilarityMatrix | None = None


def _run(
    releases: list[Release], sides: Any, pairs: tuple[Sequence[str] | None, SidePairs | None], embedder: Any,
    steps: _Steps,
) -> Analysis:
    """Extract, embed, group and compare (the run ``analyze()`` did not find stored)."""
    statements, release_sides = _extract(releases, sides, steps.show_progress)
    notes: list[str] = []
    grouping = _Grouping(np.zeros((0, 0), dtype=np.float32), (), [None] * len(statements), None)
    if statements:
        grouping = _group(releases, statements, embedder, sides, steps)
    else:
        notes.append("No statements were found in the releases: nothing to compare.")
    compared = pair_scopes(statements, *pairs)
    comparison = _Comparison()
    if not compared:
        if statements:
            notes.append(_one_side_note(statements))
    else:
        known: dict[str, Any] = {"release_sides": release_sides}  # who issued each release; the sides file's names
        if sides is not None:
            known["side_aliases"] = sides.aliases
        comparison = _compare(statements, compared, grouping, embedder, known, steps.compare)
    settings = _settings(embedder, [p for p, _ in compared], pairs[1], sides, steps)
    return _analysis(releases, statements, grouping, comparison, settings, notes)


def _group(
    releases: Sequence[Release], statements: Sequence[Statement], embedder: Any, sides: Any, steps: _Steps
) -> _Grouping:
    """Embed the statements, then fit topics and themes on the vectors."""
    vectors = np.asarray(embedder.encode([s.text for s in statements]), dtype=np.float32)
    themes, topics, topic_ids = _topics_and_themes(
        releases, statements, vectors, embedder, sides, steps.topics, steps.themes
    )
    return _Grouping(vectors, topics, topic_ids, themes)


def _one_side_note(statements: Sequence[Statement]) -> str:
    """Why no relations were looked for: statements of fewer than two sides."""
    found = sorted({s.side for s in statements if s.side and s.side != JOINT_SIDE})
    return (
        f"Statements of {len(found)} side(s) found ({', '.join(found) or 'none'}): relations need two. "
        "Pass a sides file naming both parties, or releases issued by each side."
    )


def _compare(
    statements: Sequence[Statement],
    pairs: Sequence[tuple[tuple[str, str], frozenset[str] | None]],
    grouping: _Grouping,
    embedder: Any,
    known: Mapping[str, Any],
    compare_params: Mapping[str, Any],
) -> _Comparison:
    """Relations and one-sided topics of each pair (within its releases, None: all), and the similarity matrix
    of the main (first) pair.

    Relations of all pairs are listed together: counter-claims, then agreements, then unrelated, each by score
    (ties in pair order); a one-sided topic names the compared side that did not speak to it.
    """
    from ..compare import compare_sides
    from ..compare.result import RELATION_ORDER

    relations: list[Any] = []
    one_sided: list[Any] = []
    seen: set[frozenset[str]] = set()  # a pair of joint statements can be read in two pairs: reported once
    for pair, releases in pairs:
        rows = [i for i, s in enumerate(statements) if releases is None or s.release_id in releases]
        comparison = compare_sides(
            [statements[i] for i in rows], pair, embeddings=grouping.vectors[rows] if rows else None,
            topics=_FittedTopics([grouping.topic_ids[i] for i in rows], grouping.topics) if rows else None,
            embedder=embedder, **{**known, **compare_params},
        )
        for relation in comparison.relations:
            key = frozenset((relation.evidence.a.id, relation.evidence.b.id))
            if key not in seen:
                seen.add(key)
                relations.append(relation)
        one_sided += [
            dataclasses.replace(t, other=pair[1] if t.side == pair[0] else pair[0])
            for t in comparison.one_sided_topics
        ]
    relations.sort(key=lambda r: (RELATION_ORDER[r.relation], -r.score))  # stable: pair order breaks ties
    labels = {t.id: t.label for t in grouping.topics}
    similarity = None
    if statements:
        similarity = cross_side_similarity(statements, grouping.vectors, grouping.topic_ids, labels, pairs[0][0])
    return _Comparison(tuple(relations), tuple(one_sided), similarity)


def _settings(
    embedder: Any, pairs: Sequence[tuple[str, str]], side_pairs: SidePairs | None, sides: Any, steps: _Steps
) -> RunSettings:
    """What the run used: model, compared sides, sides file, each step's parameters, library versions."""
    model_name, identity = _model_identity(embedder)
    return RunSettings(
        model=model_name,
        model_identity=identity,
        compared_sides=pairs[0] if pairs else None,
        compared_pairs=tuple(pairs),
        sides=None if sides is None else sides.to_dict(),
        parameters={
            "topics": _plain(steps.topics),
            "compare": _plain(steps.compare),
            "side_pairs": _plain(side_pairs),
            "themes": _plain(steps.themes),
            "similarity": {"max_statements": MAX_STATEMENTS, "max_topics": MAX_TOPICS},
            "on_error": steps.on_error,
        },
        versions=library_versions(),
    )


def _analysis(
    releases: Sequence[Release],
    statements: Sequence[Statement],
    grouping: _Grouping,
    comparison: _Comparison,
    settings: RunSettings,
    notes: Sequence[str],
) -> Analysis:
    """The result object of the run."""
    themes = grouping.themes
    return Analysis(
        releases=tuple(releases),
        statements=tuple(statements),
        statement_topics=tuple(grouping.topic_ids),
        topics=tuple(grouping.topics),
        relations=tuple(comparison.relations),
        one_sided_topics=tuple(comparison.one_sided),
        themes=() if themes is None else themes.themes,
        claims=() if themes is None else themes.claims,
        timeline=() if themes is None else themes.timeline,
        theme_period=None if themes is None else themes.period,
        similarity=comparison.similarity,
        settings=settings,
        notes=tuple(notes),
    )


def _stored_run(
    releases: Sequence[Release], embedder: Any, cache_dir: PathLike | None, options: Mapping[str, Any]
) -> tuple[Any, str] | None:
    """(store, key) for this run, or None when its settings cannot key a stored result."""
    from ..embed.cache import default_cache_dir
    from ._store import AnalysisStore, plain_or_none

    identity = getattr(embedder, "identity", None)
    settings = {**{k: plain_or_none(v) for k, v in options.items()}, "embedder": identity}
    if not isinstance(identity, str) or any(settings[k] is None and options[k] is not None for k in options):
        return None
    store = AnalysisStore(Path(cache_dir if cache_dir is not None else default_cache_dir()) / "analyses")
    return store, store.key(releases, settings)


class _FittedTopics:
    """Topic ids and topics in the shape ``compare_sides`` reads from a fitted model."""

    def __init__(self, topic_ids: Sequence[int | None], topics: Sequence[Any]) -> None:
        self.labels_ = np.asarray([-1 if t is None else t for t in topic_ids], dtype=np.int64)
        self.topics_ = list(topics)


def _topics_and_themes(
    releases: Sequence[Release],
    statements: Sequence[Statement],
    vectors: np.ndarray,
    embedder: Any,
    sides: Any,
    topic_params: Mapping[str, Any],
    theme_params: Mapping[str, Any],
) -> tuple[Any, tuple[Any, ...], list[int | None]]:
    """Fit the theme tracker once; its topic model gives the topics (theme ids = topic ids)."""
    from ..themes import ThemeTracker
    from ..topics import TopicModel

    tracker = ThemeTracker(
        embedder=embedder, sides=sides, topic_model=TopicModel(**topic_params), **theme_params
    ).fit(releases, statements=statements, embeddings=vectors)
    model = tracker.topic_model_
    # scene-setting statements (theme -1: "X spoke today with Y") are in no topic
    label_of = {s.id: int(t) for s, t in zip(tracker.statements_, tracker.theme_ids_, strict=True) if t >= 0}
    topic_ids: list[int | None] = [label_of.get(s.id) for s in statements]
    return tracker.result(), tuple(model.topics_), topic_ids
