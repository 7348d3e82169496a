"""Plain-text releases: an optional ``key: value`` header ended by ``---``, then the body."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..errors import HeaderError

__all__ = ["parse_text"]

_KEY_LINE = re.compile(r"^([A-Za-z][\w-]*)\s*:\s?(.*)$")
_KNOWN = {"id", "title", "date", "issuer", "source"}


def parse_text(text: str, path: Path) -> tuple[dict[str, Any], dict[str, int], str]:
    """Split a ``.txt`` release into header fields, their line numbers, and body.

    A header is present when the first line is ``key: value`` with a known key
    (id, title, date, issuer, source) and a line holding only ``---`` follows;
    every line before that ``---`` must then be ``key: value`` (or blank).
    The body is everything after the ``---`` line, unchanged.
    """
    lines = text.split("\n")
    first = _KEY_LINE.match(lines[0]) if lines else None
    if first is None or first.group(1).lower() not in _KNOWN:
        return {}, {}, text
    try:
        end = next(i for i, line in enumerate(lines) if line.strip() == "---")
    except StopIteration:
        return {}, {}, text
    fields: dict[str, Any] = {}
    line_numbers: dict[str, int] = {}
    for number, line in enumerate(lines[:end], start=1):
        if not line.strip():
            continue
        match = _KEY_LINE.match(line)
        if match is None:
            raise HeaderError(
                f"header line {line!r} is not 'key: value'.",
                path=path,
                line=number,
                fix="Write each header line as 'key: value' and end the header with a line '---'.",
            )
        key = match.group(1).lower()
        if key in fields:
            raise HeaderError(
                f"header key {key!r} appears twice.",
                path=path,
                line=number,
                fix="Keep one line per header key.",
            )
        fields[key] = match.group(2).strip()
        line_numbers[key] = number
    body = "\n".join(lines[end + 1 :])
    return fields, line_numbers, body
