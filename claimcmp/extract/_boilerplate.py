"""Text that is no statement: headings, bylines, link lines, datelines, end marks.

Also tells which section a heading opens: ``"background"`` ("Background",
"About the OPCW", "Notes to editors"), whose sentences are the issuer's
narration with no side, and ``"trailer"`` ("More Information", "Media
contacts"), whose non-sentence lines are skipped.
"""

from __future__ import annotations

import re

__all__ = ["block_skip_reason", "dateline_end", "enumerator_end", "heading_section", "inline_section"]

# Labels of a background section, as a heading or opening a paragraph ("Background: ...").
_BACKGROUND_LABEL = (
    r"background(?:\s+information)?|notes?\s+(?:to|for)\s+(?:the\s+)?editors?|editor['’]?s\s+notes?"
    r"|context|facts?\s+and\s+figures|key\s+facts"
)
_BACKGROUND = re.compile(rf"^(?:{_BACKGROUND_LABEL}|about\s+.{{1,60}}|history)[:.]?$", re.IGNORECASE)
_INLINE_BACKGROUND = re.compile(rf"^\W{{0,3}}(?:{_BACKGROUND_LABEL})\W{{0,3}}\s*[:—–]\s*\S", re.IGNORECASE)
_TRAILER = re.compile(
    r"^(?:more\s+information|further\s+information|for\s+(?:more|further)\s+information.*|related(?:\s+\w+)?"
    r"|(?:media|press)?\s*contacts?.*|useful\s+links|see\s+also|links|documents|downloads|follow\s+us.*"
    r"|share(?:\s+this)?.*|tags?:.*|read\s+more.*)$",
    re.IGNORECASE,
)
_BOILERPLATE_LINE = re.compile(
    r"^(?:\\?#{2,}\s*|[-*_=~•]{3,}|[-–—]*\s*(?:end|ends)\s*[-–—]*|for\s+immediate\s+release.*|press\s+release"
    r"|by\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}|(?:photo|image|credit|source|print|email|e-mail|tel|phone"
    r"|fax|web|website)\s*[:|].*|\d{1,2}\s+\w+\s+\d{4}|\w+\s+\d{1,2},\s+\d{4}|page\s+\d+(?:\s+of\s+\d+)?)$",
    re.IGNORECASE,
)
_URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|\[[^\]]*\]\([^)]*\)|\+?\d[\d\s().-]{7,}\d")
_SENTENCE_END = re.compile(r"[.!?:;\"”’)]$")
_WORD = re.compile(r"[A-Za-zÀ-ÿ]{2,}")
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z'’.\-]+(?:\s+[A-Z][A-Z'’.\-]+){0,3}(?:,\s*[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*){0,2})?)"
    r"\s*(?:\([A-Za-z ]+\)\s*)?[—–-]{1,2}\s*"
    r"(?:(?:\d{1,2}\s+[A-Z][a-z]+\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4})\s*[—–-]{1,2}\s*)?"
)


def heading_section(line: str) -> str | None:
    """``"background"``, ``"trailer"`` or None for a heading's text."""
    line = line.strip().strip("#*_ ").strip()
    if _BACKGROUND.match(line):
        return "background"
    if _TRAILER.match(line):
        return "trailer"
    return None


def inline_section(block: str) -> str | None:
    """``"background"`` for a paragraph that opens with its own label ("Background: The EU imposed ..."),
    else None."""
    return "background" if _INLINE_BACKGROUND.match(block.lstrip()) else None


def block_skip_reason(block: str, section: str | None) -> str | None:
    """Why a whole block is skipped (``"heading"``, ``"link"``, ``"boilerplate"``), or None to read it.

    Parameters
    ----------
    block : str
        The block's text.
    section : str or None
        The section the block sits in (see :func:`heading_section`).
    """
    stripped = block.strip()
    if not _WORD.search(stripped):
        return "boilerplate"
    if _BOILERPLATE_LINE.match(stripped):
        return "boilerplate"
    without_links = _URL.sub(" ", stripped)
    if without_links != stripped and (
        len(_WORD.findall(without_links)) <= 3 or len(_WORD.findall(without_links)) <= len(_WORD.findall(stripped)) // 4
    ):
        return "link"
    if "\n" not in stripped and not _SENTENCE_END.search(stripped):
        words = len(stripped.split())
        if words <= 10 or section == "trailer":
            return "heading"
    return None


_ENUMERATOR = re.compile(r"(?:\(?\d{1,2}[.)]|\(?[a-z][.)]|[-*•–])\s+")


def enumerator_end(text: str, start: int, end: int) -> int:
    """Offset just after a list marker ("1.", "(a)", "-") opening a block, else ``start``."""
    match = _ENUMERATOR.match(text, start, end)
    return match.end() if match and match.end() < end else start


def dateline_end(text: str, start: int, end: int) -> int:
    """Offset just after a leading dateline ("THE HAGUE, Netherlands—29 November 2024—"), else ``start``."""
    match = _DATELINE.match(text, start, end)
    if not match:
        return start
    caps = re.sub(r"[^A-Z]", "", match.group(0).split(",")[0])
    if len(caps) < 3 or match.end() >= end:
        return start
    return match.end()
