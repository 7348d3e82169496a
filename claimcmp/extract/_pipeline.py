"""The extraction pipeline: blocks -> units -> attributed pieces -> statements."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..errors import ConfigurationError
from ..model import JOINT_SIDE, Release, Statement, StatementKind
from ._attribute import Piece, attribute_unit, impersonal_report
from ._boilerplate import block_skip_reason, dateline_end, enumerator_end, heading_section, inline_section
from ._discourse import Discourse, Entity
from ._floor import Floor
from ._issuer import home_place, issuer_from_source, principal_of
from ._lexicon import MEETING_PATTERN, find_cues
from ._mentions import find_mentions
from ._quotes import Quote, find_quotes, is_speech
from ._result import Extraction, SkippedSpan
from ._segment import split_blocks, split_sentences
from ._sides import SideResolver, Sides, load_sides
from ._turns import find_labels, signer_mention

__all__ = ["extract", "extract_statements"]

SidesLike = Sides | str | Path | Mapping[str, Any] | None
_JOINS_PREVIOUS = re.compile(r"^(?:[a-z]|[”’\"),;:—–])")


def _units(text: str, start: int, end: int) -> list[tuple[int, int, list[int], list[Quote]]]:
    """Sentences of a block, joined where a quote runs across them or a fragment follows one."""
    sentences = split_sentences(text, start, end)
    quotes = find_quotes(text, start, end)
    units: list[list[Any]] = []
    for s, e in sentences:
        if units:
            last = units[-1]
            open_quote = any(q.open < last[1] <= q.close for q in quotes)
            opens_quote = any(q.open == s for q in quotes)  # '. "Over the last …' starts a quote, and a sentence
            if open_quote or (_JOINS_PREVIOUS.match(text[s : s + 1]) and not opens_quote):
                last[1] = e
                last[2].append(s)
                continue
        units.append([s, e, [s]])
    result = []
    for u_start, u_end, cuts in units:
        inside = [q for q in quotes if u_start <= q.open < u_end]
        speech = [q for q in inside if is_speech(text, q, u_start, u_end)]
        result.append((u_start, u_end, cuts, speech))
    return result


def _check_release(release: Any) -> Release:
    if not isinstance(release, Release):
        raise ConfigurationError(
            f"extract_statements() needs a Release, got {type(release).__name__}.",
            fix="Load releases with claimcmp.load_releases(...) or build claimcmp.Release(id=..., text=...).",
        )
    if not isinstance(release.text, str):
        raise ConfigurationError("Release.text must be a string.", fix="Pass the body text as str.")
    return release


def extract(release: Release, sides: SidesLike = None) -> Extraction:
    """Statements of one release, with the spans deliberately skipped.

    Parameters
    ----------
    release : Release
    sides : Sides, str, Path, mapping or None, default=None
        Who is on which side: a :class:`Sides`, a path to a YAML sides file,
        or its parsed mapping. None infers sides from the release.

    Returns
    -------
    Extraction
        ``statements`` in text order and ``skipped`` spans; together they
        cover every non-space character of ``release.text`` exactly once.

    Raises
    ------
    SidesFileError
        If the sides file is missing or malformed.
    ConfigurationError
        If ``release`` is not a :class:`~claimcmp.model.Release`.
    """
    release = _check_release(release)
    pieces, skipped, resolver = _extract_pieces(release, sides)
    statements = [_statement(release, piece, resolver.issuer_side) for piece in pieces]
    skipped.extend(_gaps(release.text, [(s.start, s.end) for s in statements] + [(k.start, k.end) for k in skipped]))
    skipped.sort(key=lambda k: k.start)
    return Extraction(release.id, tuple(statements), tuple(skipped), resolver.issuer_side)


def _extract_pieces(release: Release, sides: SidesLike) -> tuple[list[Piece], list[SkippedSpan], SideResolver]:
    """Attributed pieces (with source mention spans) and block-level skips, before gap filling."""
    resolver = SideResolver(load_sides(sides), release.issuer or issuer_from_source(release))
    discourse = Discourse(resolver, principal_of(release))
    text = release.text
    pieces: list[Piece] = []
    skipped: list[SkippedSpan] = []
    section: str | None = None
    blocks = split_blocks(text)
    joint_voice = _joint_voice(release, blocks)
    signer = signer_mention(release.title, _byline(text, blocks), text)
    floor = Floor(discourse, find_labels(text, 0, len(text)), signer, release.title)
    turn_starts = {label.start for label in floor.labels}
    for block in blocks:
        block_text = text[block.start : block.end]
        reason = block_skip_reason(block_text, section)
        if reason == "heading" and block.start in turn_starts:
            reason = None  # a short line opened by a speaker label is a turn ("Q Sir —"), not a heading
        if reason is not None:
            if reason == "heading":
                section = heading_section(block_text) or section
            skipped.append(SkippedSpan(block.start, block.end, block_text, reason))
            continue
        section = inline_section(block_text) or section
        body_start = block.start
        for finder, why in ((enumerator_end, "boilerplate"), (dateline_end, "dateline")):
            after = finder(text, body_start, block.end)
            if after > body_start:
                end = after
                while end > body_start and text[end - 1].isspace():
                    end -= 1
                skipped.append(SkippedSpan(body_start, end, text[body_start:end], why))
                body_start = after
        previous: Piece | None = None
        for seg_start, seg_end, label in floor.segments(body_start, block.end):
            if label is not None:
                label_end = label.trimmed_end(text)
                skipped.append(SkippedSpan(label.start, label_end, text[label.start : label_end], "speaker_label"))
            for u_start, u_end, cuts, quotes in _units(text, seg_start, seg_end):
                found = attribute_unit(text, u_start, u_end, quotes, cuts, discourse, section)
                for piece in floor.voiced(text, u_start, u_end, cuts, found):
                    carried = _carried_account(previous, piece, text, resolver.issuer_side, floor.role is None)
                    if carried is not None:
                        piece = replace(piece, kind=StatementKind.REPORTED, entity=carried, issuer_side=False)
                    elif _continues_position(previous, piece, text):
                        piece = replace(piece, issuer_side=True)
                    if joint_voice:
                        piece = _in_joint_voice(piece, text)
                    pieces.append(piece)
                    previous = piece
    if resolver.issuer_side is None:
        home = home_place(text, (e.place for e in discourse.entities if e.kind == "person"))
        resolver.issuer_side = resolver.for_place(home) if home else None
    discourse.name_titles()
    return pieces, skipped, resolver


_JOINT_STATEMENT = re.compile(
    r"\bjoint\s+(?:statement|declaration|communiqu[ée])|\b(?:released|issued|adopted|agreed)\s+the\s+following\s+"
    r"(?:joint\s+)?(?:statement|declaration)|\bthe\s+following\s+(?:joint\s+)?(?:statement|declaration)\s+was\s+"
    r"(?:released|issued|adopted|agreed)\s+by\s+the\s+(?:\w+\s+){1,3}of\s+[^.]*\band\b",
    re.IGNORECASE,
)
# The line that presents a statement's text ("The following is the text of a joint statement released by …", "The
# text of the following statement was released by …"): the editor's words, of no side.
_PRESENTS = re.compile(
    r"\W*(?:the\s+)?(?:following\s+is\s+the\s+text|text\s+of\s+the\s+following|following\s+(?:joint\s+)?statement"
    r"\s+was)\b",
    re.IGNORECASE,
)


def _byline(text: str, blocks: list[Any]) -> str | None:
    """The first block when it is a short line without a sentence end ("Ned Price, Department Spokesperson")."""
    if not blocks:
        return None
    first = text[blocks[0].start : blocks[0].end]
    return first if "\n" not in first and len(first) <= 120 and not first.rstrip().endswith((".", "!", "?")) else None


def _joint_voice(release: Release, blocks: list[Any]) -> bool:
    """Whether the release is a statement of several parties, so that "we" speaks for all of them."""
    if _JOINT_STATEMENT.search(release.title or ""):
        return True
    # the first block, or the second after a byline ("Office of the Spokesperson")
    return any(_opens_joint(release.text[b.start : b.end]) for b in blocks[:2])


def _opens_joint(opening: str) -> bool:
    """A heading ("Joint Statement of …") or a line presenting the text; a sentence of a readout that names a joint
    statement as something the leaders adopted ("The presidents adopted a joint statement on …") is no such line."""
    heading = "\n" not in opening.strip() and len(opening) <= 200 and not opening.rstrip().endswith(".")
    found = _JOINT_STATEMENT.search(opening)
    presents = "following" in opening[: found.end()].lower() if found is not None else False
    return found is not None and (heading or presents)


_SCENE = re.compile(r"\b(?:took\s+place|was\s+held|were\s+held)\b", re.IGNORECASE)


def _in_joint_voice(piece: Piece, text: str) -> Piece:
    """A piece of a statement of several parties: one party named as the speaker is its own report ("The United
    States welcomed Turkey's efforts ..."); other narration is all of theirs (joint)."""
    if _PRESENTS.match(text, piece.start, piece.end):  # the editor's line, whoever it names as the statement's parties
        return replace(piece, kind=StatementKind.NARRATION, entity=None, co_speakers=(), issuer_side=False)
    if piece.kind is StatementKind.NARRATION and piece.issuer_side and piece.cue and piece.source:
        return replace(piece, kind=StatementKind.REPORTED)
    if _speaks_jointly(piece, text):
        return replace(piece, kind=StatementKind.JOINT, issuer_side=False)
    return piece


def _speaks_jointly(piece: Piece, text: str) -> bool:
    """In a statement of several parties, its own voice is all of theirs: narration is joint, except the
    line that presents the statement ("The following is the text of a joint statement released by …") and the
    scene it opens with ("Representatives of ... met in Brussels", "... the meeting took place")."""
    if piece.kind is not StatementKind.NARRATION or _JOINT_STATEMENT.search(text, piece.start, piece.end):
        return False
    chunk = text[piece.start : piece.end]
    if re.match(r"\W*(?:we|our)\b", chunk, re.IGNORECASE):
        return True
    if _SCENE.search(chunk):
        return False
    met = MEETING_PATTERN.search(chunk)
    if met is None or not re.match(r"met\b|\w+ed\b|held\b|spoke\b", met.group(0)):
        return True  # no past meeting told: "The delegations will meet again in June" is a plan of all parties
    # "Under Secretary Nuland and Deputy Foreign Minister Onal ... met": the parties themselves met
    first = next(iter(find_mentions(text, piece.start, piece.start + met.start())), None)
    return first is not None and first.kind in ("person", "joint") and first.start - piece.start < 20


_ACCOUNT = re.compile(
    r"\b(?:that|about|according\s+to|in\s+(?:his|her)\s+(?:words|view|opinion)|(?:report|brief|inform)\w*\s+on"
    # a comment clause: "As the Head of State noted in his speech, the three initiatives …"
    r"|as\s+(?:the\s+)?\w[\w'’-]*(?:\s+\w[\w'’-]*){0,4}?\s+(?:noted|said|stressed|emphasi[sz]ed|pointed\s+out"
    r"|underlined|stated|recalled|explained))\b", re.I
)
_ABOUT_THE_TALKS = re.compile(r"\b(?:conversation|talks|meeting|call|visit|discussion|atmosphere|agenda)\b", re.I)


def _carried_account(
    previous: Piece | None, piece: Piece, text: str, issuer: str | None, narrated: bool = False
) -> Entity | None:
    """The speaker whose account ``piece`` carries on (see :func:`_continues_account`), else None. In narration
    (no transcript turn), a quote of the speaker's is an account too: "… whose whereabouts are unknown," she said.
    Based on these data, it will also be possible to …" carries her words on."""
    if previous is None:
        return None
    if narrated and previous.kind is StatementKind.DIRECT_QUOTE and previous.entity is not None:
        previous = replace(previous, kind=StatementKind.REPORTED, cue=None)
    if _continues_account(previous, piece, text, issuer):
        return previous.entity
    return None


def _continues_account(previous: Piece | None, piece: Piece, text: str, issuer: str | None) -> bool:
    """An unmarked sentence right after an account an issuer's speaker gave, in one paragraph, carries it on
    ("Vladimir Putin emphasised that Kiev refused ... Ukraine's provocative attempts ... are a source of special
    concern."): the account reports content (a "that" clause, "about", "according to him", or an account carried
    on already); the sentence has no cue (an impersonal report aside), names no one, is not about the talks and
    does not open a list. A sentence whose subject is "he"/"she" carries on the account of a speaker of any side
    ("Kassym-Jomart Tokayev believes that … Therefore, he plans to initiate …")."""
    if previous is None or previous.kind is not StatementKind.REPORTED or previous.entity is None:
        return False
    if previous.cue is not None and not _ACCOUNT.search(text, previous.start, previous.end):
        return False
    if text[piece.start : piece.end].rstrip().endswith(":"):
        return False
    entity = previous.entity
    pronoun = _subject_pronoun(text, piece, entity)
    if entity.kind != "person" or (pronoun is None and (issuer is None or (entity.side or issuer) != issuer)):
        return False
    # an impersonal report ("It was noted that NATO was not ready ...", joint on its own) has its speaker left
    # out: him
    impersonal = impersonal_report(text, piece.start, piece.end)
    if piece.kind is not (StatementKind.JOINT if impersonal else StatementKind.NARRATION) or piece.entity is not None:
        return False
    told = find_cues(text, piece.start, piece.end) and not impersonal
    if told or MEETING_PATTERN.search(text, piece.start, piece.end):
        return False
    if _ABOUT_THE_TALKS.search(text, piece.start, piece.end):
        return False
    return not any(  # a joint word later in the sentence ("together with its partners") names no one
        (m.kind in ("person", "pronoun") and m.start != pronoun) or (m.kind == "joint" and m.start < piece.start + 40)
        for m in find_mentions(text, piece.start, piece.end)
    )


# "he"/"she" as the subject opening a sentence, after an optional connective ("Therefore, he plans to …")
_PRONOUN_SUBJECT = re.compile(r"\W*(?:(?:[A-Z]\w+|In\s+\w+(?:\s+\w+)?),\s+)?(?P<p>[Hh]e|[Ss]he)\s+(?!was\b|is\b)[a-z]")


def _subject_pronoun(text: str, piece: Piece, entity: Entity) -> int | None:
    """Where "he"/"she" opens the piece as its subject, of a gender the speaker may have (else None)."""
    match = _PRONOUN_SUBJECT.match(text, piece.start, piece.end)
    if match is None:
        return None
    gender = "m" if match.group("p").lower() == "he" else "f"
    return match.start("p") if entity.gender in (None, gender) else None


def _continues_position(previous: Piece | None, piece: Piece, text: str) -> bool:
    """Narration right after the issuer's own position, in one paragraph, carries it on."""
    return (
        previous is not None and previous.kind is StatementKind.NARRATION and previous.issuer_side
        and piece.kind is StatementKind.NARRATION and not piece.issuer_side
        and not MEETING_PATTERN.search(text, piece.start, piece.end)
    )


def _statement(release: Release, piece: Piece, issuer_side: str | None) -> Statement:
    speaker = side = None
    if piece.kind is StatementKind.JOINT:
        side = JOINT_SIDE
    elif piece.entity is not None:
        # co-speakers of one side ("Andriy Yermak and Valerii Zaluzhny thanked …") are joined with "; "
        speaker = "; ".join(e.canonical for e in piece.co_speakers) or piece.entity.canonical
        if piece.entity.kind == "collective":
            speaker = None  # a state or body as the agent ("Russia proposed …"): its side, no speaker (ANNOTATION.md)
        side = piece.entity.side or issuer_side
    elif piece.issuer_side:
        side = issuer_side
    return Statement.from_span(
        release, piece.start, piece.end, speaker=speaker, side=side, kind=piece.kind, cue=piece.cue
    )


def _gaps(text: str, covered: list[tuple[int, int]]) -> list[SkippedSpan]:
    """Skipped spans for the non-space text no statement or skip covers (quote marks and frames)."""
    gaps = []
    pos = 0
    for start, end in sorted(covered) + [(len(text), len(text))]:
        if start > pos:
            s, e = pos, start
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            for line in re.finditer(r"[^\n]+", text[s:e]):
                ls, le = s + line.start(), s + line.end()
                while ls < le and text[ls].isspace():
                    ls += 1
                while le > ls and text[le - 1].isspace():
                    le -= 1
                if ls < le:
                    gaps.append(SkippedSpan(ls, le, text[ls:le], "quote_frame"))
        pos = max(pos, end)
    return gaps


def extract_statements(release: Release, sides: SidesLike = None) -> list[Statement]:
    """The statements of a release, each attributed to a speaker and a side.

    Parameters
    ----------
    release : Release
    sides : Sides, str, Path, mapping or None, default=None
        See :func:`extract`.

    Returns
    -------
    list of Statement
        In text order, non-overlapping; ids from :meth:`Statement.make_id`.
        Use :func:`extract` to get the skipped spans too.
    """
    return list(extract(release, sides).statements)
