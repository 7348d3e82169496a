"""claimcmp: compare what the sides of a meeting say.

Releases (press releases, readouts, statements) go in; statements attributed
to speakers and sides, topics, cross-side agreements and counter-claims, and
recurring themes come out.

The public API is listed in ``__all__``. Names are imported on first use, so
``import claimcmp`` stays fast and never imports torch or
sentence-transformers.
"""

import importlib as _importlib
import typing as _typing

from ._version import __version__
from .errors import ClaimcmpError
from .model import JOINT_SIDE, Release, Statement, StatementKind

# Public name -> module that defines it. Loaded lazily by __getattr__.
_LAZY: dict[str, str] = {
    "load_releases": "claimcmp.ingest",
    "LoadResult": "claimcmp.ingest",
    "Embedder": "claimcmp.embed",
    "EmbeddingCache": "claimcmp.embed",
    "extract_statements": "claimcmp.extract",
    "Extraction": "claimcmp.extract",
    "SkippedSpan": "claimcmp.extract",
    "Sides": "claimcmp.extract",
    "load_sides": "claimcmp.extract",
    "analyze": "claimcmp.analysis",
    "Analysis": "claimcmp.analysis",
    "TopicModel": "claimcmp.topics",
    "Topic": "claimcmp.topics",
    "compare_sides": "claimcmp.compare",
    "SideComparer": "claimcmp.compare",
    "SideComparison": "claimcmp.compare",
    "Relation": "claimcmp.compare",
    "OneSidedTopic": "claimcmp.compare",
    "track_themes": "claimcmp.themes",
    "ThemeTracker": "claimcmp.themes",
    "ThemeSeries": "claimcmp.themes",
    "Theme": "claimcmp.themes",
    "Claim": "claimcmp.themes",
}

__all__ = [
    "Analysis",
    "Claim",
    "ClaimcmpError",
    "Embedder",
    "EmbeddingCache",
    "Extraction",
    "JOINT_SIDE",
    "LoadResult",
    "OneSidedTopic",
    "Relation",
    "Release",
    "SideComparer",
    "SideComparison",
    "Sides",
    "SkippedSpan",
    "Statement",
    "StatementKind",
    "Theme",
    "ThemeSeries",
    "ThemeTracker",
    "Topic",
    "TopicModel",
    "__version__",
    "analyze",
    "compare_sides",
    "extract_statements",
    "load_releases",
    "load_sides",
    "track_themes",
]

if _typing.TYPE_CHECKING:  # pragma: no cover
    from .analysis import Analysis, analyze
    from .compare import OneSidedTopic, Relation, SideComparer, SideComparison, compare_sides
    from .embed import Embedder, EmbeddingCache
    from .extract import Extraction, Sides, SkippedSpan, extract_statements, load_sides
    from .ingest import LoadResult, load_releases
    from .themes import Claim, Theme, ThemeSeries, ThemeTracker, track_themes
    from .topics import Topic, TopicModel


def __getattr__(name: str) -> _typing.Any:
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module 'claimcmp' has no attribute {name!r}")
    value = getattr(_importlib.import_module(module_name), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
