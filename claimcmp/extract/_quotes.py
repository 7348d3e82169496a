"""Quotation spans: curly, straight and angle double quotes, curly single quotes.

A quote is the pair of marks plus what lies between them; a quote opened
and never closed runs to the end of its block (the convention for a quote
that continues into the next paragraph). Nested quotes are left inside the
outer one. Whether a quote is someone's words or just a scare quote around a
name is decided by :func:`is_speech`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Quote", "find_quotes", "is_speech"]

_PAIRS = {"“": "”", "«": "»", "„": "“", "‘": "’"}
_CLOSERS = {"”", "»", "’"}


@dataclass(frozen=True)
class Quote:
    """Marks at ``open`` and ``close`` (``close`` is the end of the block when unclosed)."""

    open: int
    close: int
    closed: bool

    @property
    def content(self) -> tuple[int, int]:
        """Span of the words inside the marks."""
        return self.open + 1, self.close


def _is_opening_straight(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{:—–-/") and not after.isspace()


def find_quotes(text: str, start: int, end: int) -> list[Quote]:
    """Top-level quotes inside ``text[start:end]``.

    Parameters
    ----------
    text : str
    start, end : int
        A block's span; quotes never cross blocks.

    Returns
    -------
    list of Quote
        In order, non-overlapping.
    """
    quotes: list[Quote] = []
    i = start
    while i < end:
        char = text[i]
        closer: str | None = None
        if char in _PAIRS and char != "‘":
            closer = _PAIRS[char]
        elif char == "‘" and (i == start or not text[i - 1].isalnum()):
            closer = "’"
        elif char == '"' and _is_opening_straight(text, i) or (char == '"' and i == start):
            closer = '"'
        if closer is None:
            i += 1
            continue
        j = i + 1
        depth = 0
        close_at = -1
        while j < end:
            c = text[j]
            if closer == "’" and c == "’":
                nxt = text[j + 1] if j + 1 < end else " "
                if not nxt.isalpha():  # an apostrophe inside a word is not a closing mark
                    close_at = j
                    break
            elif c == closer and closer != "’":
                if depth == 0:
                    close_at = j
                    break
                depth -= 1
            elif c == char and closer not in ('"', "’") and char != closer:
                depth += 1
            j += 1
        if close_at < 0:
            if closer in ('"', "’"):  # an unmatched straight or single mark is usually not a quote
                i += 1
                continue
            quotes.append(Quote(i, end, closed=False))
            break
        quotes.append(Quote(i, close_at, closed=True))
        i = close_at + 1
    return quotes


_WORD = re.compile(r"\w+")
_FRAME_BEFORE = re.compile(r"(?::|,|\bthat|\bsaying|\badding|\bsaid|\bstated|\bnoted|\bwrote)\s*$", re.IGNORECASE)
_FRAME_AFTER = re.compile(r"^\s*[,—–-]?\s*(?:[a-z]+\s+)?(?:he|she|they|[A-Z])", re.UNICODE)


def is_speech(text: str, quote: Quote, unit_start: int, unit_end: int) -> bool:
    """Whether a quote holds someone's words rather than marking a name or term.

    Parameters
    ----------
    text : str
    quote : Quote
    unit_start, unit_end : int
        The span of the sentence unit holding the quote.

    Returns
    -------
    bool
        True for quotes introduced by a colon or a cue, quotes that open a
        sentence, and quotes whose content ends in punctuation, provided they
        hold at least three words.
    """
    start, end = quote.content
    inner = text[start:end]
    words = len(_WORD.findall(inner))
    if words < 3:
        return False
    before = text[unit_start : quote.open]
    if not before.strip():
        return True
    if _FRAME_BEFORE.search(before):
        return True
    stripped = inner.rstrip()
    if stripped.endswith((".", ",", "!", "?", "…")) and words >= 4:
        return True
    return words >= 12
