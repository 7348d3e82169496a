"""Markdown releases: YAML front matter, then a body turned into plain text.

The body keeps one paragraph per block: hard-wrapped lines are joined with a
space, heading marks, emphasis, link targets, images, HTML comments and
backslash escapes are removed, list items stay one per line. Statement spans
are offsets into this plain text.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..errors import HeaderError

__all__ = ["parse_markdown", "markdown_to_text"]

_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_FENCE = re.compile(r"^\s*(```|~~~)")


def parse_markdown(text: str, path: Path) -> tuple[dict[str, Any], dict[str, int], str]:
    """Split a Markdown release into front-matter fields, their line numbers, and plain-text body."""
    fields: dict[str, Any] = {}
    line_numbers: dict[str, int] = {}
    body = text
    lines = text.split("\n")
    if lines and lines[0].strip() == "---":
        try:
            end = next(i for i in range(1, len(lines)) if lines[i].strip() in {"---", "..."})
        except StopIteration:
            raise HeaderError(
                "front matter opened with '---' is never closed.",
                path=path,
                line=1,
                fix="End the YAML front matter with a line '---'.",
            ) from None
        import yaml

        block = "\n".join(lines[1:end])
        try:
            loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
            data = yaml.load(block, Loader=loader) if block.strip() else {}  # noqa: S506 - a safe loader
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 2 if mark is not None else 1
            raise HeaderError(
                f"front matter is not valid YAML ({getattr(exc, 'problem', None) or exc}).",
                path=path,
                line=line,
                fix="Fix the YAML between the two '---' lines (quote values holding ':' or '#').",
            ) from None
        if not isinstance(data, dict):
            raise HeaderError(
                "front matter must be a mapping of keys to values.",
                path=path,
                line=2,
                fix="Write the front matter as 'key: value' lines.",
            )
        for key, value in data.items():
            fields[str(key).lower()] = value
        for number, line in enumerate(lines[1:end], start=2):
            key = line.split(":", 1)[0].strip().lower()
            if key in fields and key not in line_numbers:
                line_numbers[key] = number
        body = "\n".join(lines[end + 1 :])
    return fields, line_numbers, markdown_to_text(body)


def markdown_to_text(markdown: str) -> str:
    """Markdown as readable plain text: one paragraph or list item per line, blank line between blocks."""
    blocks: list[list[str]] = [[]]
    in_fence = False
    for raw in _COMMENT.sub("", markdown).split("\n"):
        if _FENCE.match(raw):
            in_fence = not in_fence
            continue
        line = raw.strip()
        if not line and not in_fence:
            blocks.append([])
            continue
        if _HEADING.match(line) or _ITEM.match(line):
            blocks.append([])
        blocks[-1].append(_inline(line))
        if _HEADING.match(line):
            blocks.append([])
    paragraphs = [" ".join(part for part in block if part).strip() for block in blocks]
    return "\n\n".join(p for p in paragraphs if p)


def _inline(line: str) -> str:
    line = _HEADING.sub("", line)
    line = _ITEM.sub("", line)
    line = _IMAGE.sub(r"\1", line)
    line = _LINK.sub(r"\1", line)
    line = _REF_LINK.sub(r"\1", line)
    line = _EMPHASIS.sub(r"\2", line)
    line = _ESCAPE.sub(r"\1", line)
    return " ".join(line.split())
