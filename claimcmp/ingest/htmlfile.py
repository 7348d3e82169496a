"""HTML releases: title, date and main text found by trafilatura.

trafilatura removes navigation, headers, footers and other boilerplate; its
metadata step reads the usual ``<title>``, Open Graph, ``article:published_time``
and ``<time>`` tags.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import MissingDependencyError

__all__ = ["parse_html"]


def parse_html(text: str, path: Path) -> tuple[dict[str, Any], dict[str, int], str]:
    """Return metadata fields, (no) line numbers, and the main text of an HTML page."""
    try:
        import trafilatura
    except ImportError as exc:  # pragma: no cover - a hard dependency
        raise MissingDependencyError(
            "Reading HTML needs trafilatura.", fix="pip install trafilatura"
        ) from exc
    document = trafilatura.bare_extraction(
        text,
        url=None,
        include_comments=False,
        include_tables=True,
        include_formatting=False,
        with_metadata=True,
        deduplicate=False,
        favor_precision=True,
    )
    fields: dict[str, Any] = {}
    body = ""
    if document is not None:
        data = document.as_dict() if hasattr(document, "as_dict") else dict(document)
        body = data.get("text") or ""
        for key, target in (("title", "title"), ("date", "date"), ("sitename", "issuer"), ("url", "source")):
            value = data.get(key)
            if value:
                fields[target] = value
        for key in ("author", "description"):
            if data.get(key):
                fields[key] = data[key]
    return fields, {}, body
