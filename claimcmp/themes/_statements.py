"""Statements of a release for theme tracking: real extraction, then windowing.

The tracker calls :func:`claimcmp.extract.extract_statements`. Two things are
added on top of it:

* statements longer than ``max_words`` words are cut into windows of about
  ``window_words`` words (on word boundaries, inside the statement's span).
  Some corpora have their punctuation stripped (part of the Senate press
  releases): a sentence splitter then returns whole paragraphs, which embed
  poorly and never match a repeated claim;
* a release for which extraction yields no statement (or which extraction
  cannot read) falls back to plain sentence spans, windowed the same way, so
  that every release with text takes part in the timeline.

Every statement keeps the invariant ``release.text[start:end] == text``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from typing import Any

from ..errors import ClaimcmpError
from ..extract import sentence_spans
from ..model import Release, Statement, StatementKind

__all__ = ["release_statements", "window_spans", "sentence_spans"]

logger = logging.getLogger(__name__)

_WORD = re.compile(r"\S+")

Extractor = Callable[..., Sequence[Statement]]


def window_spans(text: str, start: int, end: int, *, max_words: int, window_words: int) -> list[tuple[int, int]]:
    """Word-boundary windows covering ``text[start:end]``.

    Parameters
    ----------
    text : str
    start, end : int
        The span to cut.
    max_words : int
        Spans with at most this many words are returned whole.
    window_words : int
        Target words per window; the last window takes the remainder when it
        would be shorter than half a window.

    Returns
    -------
    list of (int, int)
        Absolute, non-overlapping spans, in order.
    """
    words = [(m.start(), m.end()) for m in _WORD.finditer(text[start:end])]
    if len(words) <= max_words:
        return [(start, end)] if words else []
    spans = []
    i = 0
    while i < len(words):
        j = min(len(words), i + window_words)
        if len(words) - j < window_words // 2:
            j = len(words)
        spans.append((start + words[i][0], start + words[j - 1][1]))
        i = j
    return spans


def _default_extractor() -> Extractor | None:
    try:
        from ..extract import extract_statements
    except ImportError:  # extraction not installed in this build
        return None
    return extract_statements


def release_statements(
    release: Release,
    *,
    sides: Any = None,
    extractor: Extractor | None = None,
    max_words: int = 60,
    window_words: int = 40,
) -> list[Statement]:
    """The statements of one release, long ones cut into windows.

    Parameters
    ----------
    release : Release
    sides : optional
        Passed to the extractor as ``sides=``.
    extractor : callable, optional
        ``extractor(release, sides=...) -> list[Statement]``; default
        :func:`claimcmp.extract.extract_statements`.
    max_words, window_words : int, default=60, 40
        See :func:`window_spans`.

    Returns
    -------
    list of Statement
        In text order.
    """
    extract = extractor or _default_extractor()
    found: list[Statement] = []
    if extract is not None:
        try:
            found = list(extract(release, sides=sides))
        except ClaimcmpError as error:
            logger.warning("extraction failed for %s, using sentences: %s", release.id, error.one_line())
    if not found:
        found = [
            Statement.from_span(release, s, e, kind=StatementKind.NARRATION)
            for s, e in sentence_spans(release.text)
        ]
    out: list[Statement] = []
    for statement in found:
        spans = window_spans(
            release.text, statement.start, statement.end, max_words=max_words, window_words=window_words
        )
        if spans == [(statement.start, statement.end)]:
            out.append(statement)
            continue
        for s, e in spans:
            out.append(
                Statement.from_span(
                    release, s, e,
                    speaker=statement.speaker, side=statement.side, kind=statement.kind, cue=statement.cue,
                )
            )
    out.sort(key=lambda st: (st.start, st.end))
    return out
