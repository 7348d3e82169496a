"""Blocks (paragraphs, headings) and sentences, as exact character spans.

Sentence boundaries come from syntok, which knows honorifics, abbreviations
("H.E.", "U.S.", "No.", "incl."), initials and numbers. Paragraphs are found
here first: a blank line always ends one; a single newline ends one when the
line before closes a sentence or is short enough to be a heading, so both
one-paragraph-per-line files and hard-wrapped text work.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import syntok.segmenter as _syntok

__all__ = ["Block", "sentence_spans", "split_blocks", "split_sentences"]

_LINE = re.compile(r"[^\n]*(?:\n|$)")
_TERMINAL = re.compile(r"[.!?:;\"”’)\]]\s*$")
_OPEN_END = re.compile(r"[,(\[\-–—/&]\s*$|\b(?:and|or|of|the|a|an|to|in|with|for|on|by)\s*$", re.IGNORECASE)
_HEADING_MAX_CHARS = 48
_ABBREVIATION_END = re.compile(
    r"(?:\b(?:[A-Z]\.){2,}|\b(?:Amb|Gen|Sen|Rep|Gov|Lt|Col|Adm|Maj|Capt|Sgt|Hon|Rt|Prof|Dr|Mr|Mrs|Ms|Mme|St|No|Nos"
    r"|Art|para|incl|approx|e\.g|i\.e|cf|vs|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Jr|Sr|[A-Z]))\.$"
)
_SENTENCE_STARTER = re.compile(
    r"(?:The|He|She|They|It|In|On|At|This|That|These|Those|We|Our|During|After|Before|Both|Today|A|An|His|Her"
    r"|Their|As|While|When|Since|According|Also|However|Meanwhile|Background)\b"
)
# an abbreviation of initials that ends a sentence before a word that starts one ("… in Washington, D.C. They
# discussed …"), where syntok reads on; "Washington, D.C." closes a place before any capitalised word ("… in
# Washington, D.C. Secretary Blinken and Foreign Minister Shoukry discussed …"; not ", H.E. Mr Lysogorsky")
_INITIALS_BREAK = re.compile(
    rf"(?<![\w.])(?:[A-Z]\.){{2,}}(\s+)(?={_SENTENCE_STARTER.pattern})|(?<=, )D\.C\.(\s+)(?=[A-Z])"
)


@dataclass(frozen=True)
class Block:
    """A paragraph or heading: ``text[start:end]`` with whitespace trimmed off both ends."""

    start: int
    end: int


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line's content, without the newline; blank lines included."""
    spans = []
    for match in _LINE.finditer(text):
        if match.start() == match.end():
            break
        start, end = match.start(), match.end()
        if text[end - 1 : end] == "\n":
            end -= 1
        spans.append((start, end))
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_blocks(text: str) -> list[Block]:
    """Split a release body into paragraphs and headings.

    Parameters
    ----------
    text : str

    Returns
    -------
    list of Block
        In text order, non-empty, non-overlapping.
    """
    blocks: list[Block] = []
    current: tuple[int, int] | None = None
    lines = _lines(text)
    lengths = sorted(e - s for s, e in lines if text[s:e].strip())
    hard_wrapped = bool(lengths) and lengths[len(lengths) // 2] <= 90 and lengths[-1] <= 130 and len(lengths) >= 4
    for start, end in lines:
        start, end = _trim(text, start, end)
        if start == end:
            if current is not None:
                blocks.append(Block(*current))
                current = None
            continue
        if current is None:
            current = (start, end)
            continue
        previous = text[current[0] : current[1]]
        last_line = previous[previous.rfind("\n") + 1 :]
        line = text[start:end]
        single_line = "\n" not in previous
        closes = bool(_TERMINAL.search(last_line)) and not _ABBREVIATION_END.search(last_line)
        ends_paragraph = (closes and not hard_wrapped) or (
            single_line
            and len(last_line) <= _HEADING_MAX_CHARS
            and not _OPEN_END.search(last_line)
        )
        if ends_paragraph or line.startswith(("- ", "* ", "• ", "#")):
            blocks.append(Block(*current))
            current = (start, end)
        else:
            current = (current[0], end)
    if current is not None:
        blocks.append(Block(*current))
    return blocks


# sentence-final punctuation with more text after it: only then can a block hold two sentences
_INNER_STOP = re.compile(r"[.!?…][\"”’')\]]*\s+\S|[a-z]{2}[.!?][A-Z][a-z]|[;:]\s*\n\s*\S")
_FALLBACK_SENTENCE = re.compile(r"[^.!?]*(?:[.!?]+[\"”’)]*|$)")


def _abbreviation_split(chunk: str, bound: int) -> bool:
    """Whether a sentence break at ``bound`` follows an abbreviation that does not end a sentence."""
    before = chunk[:bound].rstrip()
    if not _ABBREVIATION_END.search(before[-12:]):
        return False
    after = chunk[bound:]
    return bool(after[:1].isupper() or after[:1].isdigit()) and not _SENTENCE_STARTER.match(after)


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside ``text[start:end]`` (absolute offsets, whitespace trimmed).

    Parameters
    ----------
    text : str
    start, end : int
        A block's span.

    Returns
    -------
    list of (int, int)
        Contiguous cover of the block's non-space text, in order.
    """
    chunk = text[start:end]
    if _INNER_STOP.search(chunk.rstrip()) is None:  # one sentence at most: no need for syntok
        s, e = _trim(text, start, end)
        return [(s, e)] if s < e else []
    bounds: list[int] = []
    try:
        for paragraph in _syntok.analyze(chunk):
            for sentence in paragraph:
                if sentence:
                    bounds.append(sentence[0].offset)
    except Exception:  # noqa: BLE001 - syntok is third-party; never let it break extraction
        bounds = [m.start() for m in _FALLBACK_SENTENCE.finditer(chunk) if m.group(0).strip()]
    bounds = sorted({b for b in bounds if 0 < b < len(chunk)})
    bounds = [b for b in bounds if not _abbreviation_split(chunk, b)]
    initials = (m.end(1) if m.group(1) is not None else m.end(2) for m in _INITIALS_BREAK.finditer(chunk))
    bounds = sorted({*bounds, *initials})
    cuts = [0, *bounds, len(chunk)]
    spans = []
    for left, right in zip(cuts, cuts[1:], strict=False):
        s, e = _trim(text, start + left, start + right)
        if s < e:
            spans.append((s, e))
    return spans


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence spans of a whole text: its blocks (paragraphs, headings), each split into sentences.

    The package's one sentence splitter; spans are absolute, whitespace-trimmed, in text order.
    """
    return [span for block in split_blocks(text) for span in split_sentences(text, block.start, block.end)]
