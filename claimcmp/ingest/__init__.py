"""Reading release files (.txt, .md, .html, .jsonl, .json) into :class:`~claimcmp.Release` objects."""

from .dates import normalize_date
from .loader import SUPPORTED_EXTENSIONS, LoadResult, load_release_file, load_releases
from .markdown import markdown_to_text

__all__ = [
    "SUPPORTED_EXTENSIONS",
    "LoadResult",
    "load_release_file",
    "load_releases",
    "markdown_to_text",
    "normalize_date",
]
