"""The voice a stretch of text is in: a labelled turn of a transcript, or the signer of a first-person text.

:class:`Floor` walks a release block by block: it cuts blocks at speaker labels and turns what the
ordinary attribution found into the current speaker's own words. Inside a speaker's turn every
sentence is that speaker's ``direct_quote``, except what the turn reports another participant said
(an aide: "the President stressed …"), which stays ``reported`` with that participant as speaker.
Inside a turn of the press or of an operator, sentences are neutral narration.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import StatementKind
from ._attribute import Piece, after_comment_as
from ._discourse import Discourse, Entity
from ._mentions import Mention, find_mentions
from ._segment import _trim
from ._turns import Label

__all__ = ["Floor"]


class Floor:
    """Who holds the floor while a release is read.

    Parameters
    ----------
    discourse : Discourse
        The release's speakers; labels resolve against it.
    labels : list of Label
        The release's speaker labels (:func:`~._turns.find_labels`).
    signer : Mention or None
        The signer of a first-person text, whose voice holds until the first label.
    title : str or None
        The release title: its people are introduced before the first turn
        ("Remarks by President Biden and Prime Minister Albanese of Australia").
    """

    def __init__(self, discourse: Discourse, labels: list[Label], signer: Mention | None, title: str | None) -> None:
        self.discourse = discourse
        self.labels = labels
        self.role: str | None = None
        self.voice: Entity | None = None
        self.interlocutors: list[Entity] = []  # who has held the floor: talk about them is conversation, not report
        self._introduce(title or "")
        if signer is not None:
            self.role, self.voice = "speaker", discourse.resolve(signer, signer.name or signer.role or "")
            if self.voice is not None and self.voice.name is None:
                discourse.signers.add(self.voice.key)

    def _introduce(self, title: str) -> None:
        """Meet the people of the title. A title names the host first ("Remarks by President Biden and Prime
        Minister Albanese at …"): a later person with no affiliation of their own belongs to the one foreign
        side the title names, if it names exactly one."""
        resolver = self.discourse.resolver
        people: list[Entity] = []
        foreign: set[str] = set()
        for mention in find_mentions(title, 0, len(title)):
            if mention.place is not None:
                side = resolver.for_mention(title[mention.start : mention.end], mention.place, mention.name)
                if side is not None and side != resolver.issuer_side:
                    foreign.add(side)
            if mention.kind == "person":
                entity = self.discourse.resolve(mention, title[mention.start : mention.end])
                if entity is not None and all(entity is not e for e in people):
                    people.append(entity)
        if len(foreign) == 1 and resolver.issuer_side is not None:
            (side,) = foreign
            for entity in people[1:]:
                if entity.side is None:
                    entity.side = side

    def segments(self, start: int, end: int) -> Iterator[tuple[int, int, Label | None]]:
        """``(start, end, label)`` pieces of ``text[start:end]``, cut at labels; taking a label
        passes the floor to whom it names."""
        inside = [label for label in self.labels if start <= label.start < end]
        if not inside:
            yield start, end, None
            return
        if inside[0].start > start:
            yield start, inside[0].start, None
        for label, following in zip(inside, inside[1:] + [None], strict=True):
            self._take(label)
            yield label.end, following.start if following is not None else end, label

    def _take(self, label: Label) -> None:
        self.role = label.role
        self.voice = None
        if label.role == "speaker" and label.mention is not None:
            self.voice = self._resolve(label)
            if self.voice is not None:
                self.discourse.note_speaker(self.voice)
                if all(self.voice is not e for e in self.interlocutors):
                    self.interlocutors.append(self.voice)

    def _resolve(self, label: Label) -> Entity | None:
        mention = label.mention
        assert mention is not None
        if mention.name is None:
            # "President of the Argentine Republic Alberto Fernandez Fernandez AlbertoPresident of Argentina":
            # a garbled label still names someone introduced by surname
            known = [
                n for n in self.discourse.known_names()
                if re.search(rf"(?<!\w){re.escape(n)}(?!\w)", label.designation)
            ]
            if known:
                mention = Mention(
                    mention.start, mention.end, "person", name=known[0], role=mention.role, place=mention.place
                )
        return self.discourse.resolve(mention, label.designation)

    def voiced(self, text: str, start: int, end: int, cuts: list[int], pieces: list[Piece]) -> list[Piece]:
        """``pieces`` of the unit ``text[start:end]`` as said by whoever holds the floor."""
        if self.role is None:
            return pieces
        if self.role != "speaker" or self.voice is None:
            return [Piece(s, e, StatementKind.NARRATION) for s, e in _sentences(text, start, end, cuts)]
        voice = self.voice
        reports = [
            p for p in pieces
            if p.kind is StatementKind.REPORTED and p.entity is not None and p.entity is not voice
            and p.entity.kind == "person" and all(p.entity is not e for e in self.interlocutors)
            and not _addressed(text, p) and _told_before(text, p) and not _credited(text, p)
            and not _with_the_speaker(text, p)
        ]
        if reports:
            return pieces
        return [Piece(s, e, StatementKind.DIRECT_QUOTE, entity=voice) for s, e in _sentences(text, start, end, cuts)]


_BASE_FORM = re.compile(r"(?:to\s+)?[a-z]+(?<!ed)(?<!ing)(?<![^s]s)\b")


def _addressed(text: str, piece: Piece) -> bool:
    """Whether the piece's "speaker" is only the one spoken to: a name set off by a comma before a verb in its
    base form ("Mr. Prime Minister, welcome to the White House", "Mr. President, to welcome you") or before "you"
    ("Mr. President, you are meeting with our war cabinet")."""
    if piece.source is None or piece.cue is None:
        return False
    after = text[piece.source[1] : piece.source[1] + 12]
    if not after.startswith(","):
        return False
    base = _BASE_FORM.fullmatch(piece.cue.split()[0].lower()) is not None
    return base or re.match(r",\s+your?\b", after) is not None


def _with_the_speaker(text: str, piece: Piece) -> bool:
    """Whether the piece's "speaker" shares the subject with the one holding the floor ("Mr. President and I
    reaffirmed …", "I and the Chancellor agreed …"): the turn speaker's own account, not a report of another."""
    if piece.source is None:
        return False
    start, end = piece.source
    return re.match(r",?\s+and\s+I\b", text[end : end + 10]) is not None or re.search(
        r"\bI\s+and\s+$", text[max(0, start - 8) : start]
    ) is not None


def _credited(text: str, piece: Piece) -> bool:
    """Whether the piece's "speaker" is only credited in a comment clause ("We firmly believe, as President Biden
    said last night, that freedom will triumph"; "As the President said, we stand together"): in a turn, the
    sentence around the clause is the turn speaker's own; in a readout the clause names the speaker (the same
    clause, :func:`~._attribute.after_comment_as`)."""
    return piece.source is not None and after_comment_as(text, piece.start, piece.source[0])


# Irregular past forms of the speech verbs (claimcmp.extract._lexicon) and "-ed" forms: a speech act told as past.
_PAST = re.compile(r"[a-z]+ed|said|told|spoke|made|put|laid|set|gave|took|drew|sought|wrote")
_PRESENT_BEFORE = re.compile(r"\b(?:is|are|am|will|would|wants?\s+to)\s+(?:\w+ly\s+|also\s+|very\s+much\s+)*$", re.I)


def _told_before(text: str, piece: Piece) -> bool:
    """Whether a report inside someone's turn tells a speech act of the past ("the President stressed that …", an
    aide's account): what a turn says another person is doing now or will do ("President Biden is very much looking
    forward to …", "he believes …") is the turn speaker's own words."""
    if piece.cue is None or re.match(r"(?:according|in|for)\b", piece.cue, re.I):
        return True  # a report carried on from the sentence before, or a noun cue ("according to the President")
    word = piece.cue.split()[0].lower()
    if piece.source is not None:
        between = text[piece.source[1] : piece.source[1] + 60]
        cue_at = between.lower().find(word)
        if cue_at >= 0 and _PRESENT_BEFORE.search(between[:cue_at]):
            return False
    return _PAST.fullmatch(word) is not None


def _sentences(text: str, start: int, end: int, cuts: list[int]) -> list[tuple[int, int]]:
    bounds = sorted({start, *(c for c in cuts if start < c < end)}) + [end]
    spans = []
    for left, right in zip(bounds, bounds[1:], strict=False):
        s, e = _trim(text, left, right)
        if s < e and re.search(r"\w", text[s:e]):
            spans.append((s, e))
    return spans
