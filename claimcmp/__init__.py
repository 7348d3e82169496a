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
}

__all__ = [
    "JOINT_SIDE",
    "Analysis",
    "ClaimcmpError",
    "Embedder",
    "EmbeddingCache",
    "Extraction",
    "LoadResult",
    "Release",
    "Sides",
    "SkippedSpan",
    "Statement",
    "StatementKind",
    "__version__",
    "analyze",
    "extract_statements",
    "load_releases",
    "load_sides",
]

if _typing.TYPE_CHECKING:  # pragma: no cover
    from .analysis import Analysis, analyze
    from .embed import Embedder, EmbeddingCache
    from .extract import Extraction, Sides, SkippedSpan, extract_statements, load_sides
    from .ingest import LoadResult, load_releases


def __getattr__(name: str) -> _typing.Any:
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module 'claimcmp' has no attribute {name!r}")
    value = getattr(_importlib.import_module(module_name), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
