"""Attribution of one sentence unit: who speaks, in which kind of statement.

A *unit* is a sentence, or several sentences joined because a quotation runs
across them. The rules, in order:

1. A quote holding someone's words yields one ``direct_quote`` statement per
   sentence inside the marks. Its speaker is the subject of the framing cue
   ("He stated:", "“…,” said Director-General Arias"), else a person named in
   the frame, else the previous speaker (a quote continuing a quote).
   The framing words become a ``reported`` statement only when they say
   something themselves (more than a few content words); otherwise they,
   and the marks, are skipped as ``quote_frame``.
2. Sentences under a background heading are ``narration`` with no side.
3. A joint subject ("the two sides", "both leaders", "they", or two
   participants of different sides joined by "and") makes a ``joint``
   statement.
4. A person (or a country or organisation speaking as a body) as the subject
   of a speech-act cue ("stressed", "touched on", "according to") makes a
   ``reported`` statement; the issuer itself as subject is its own
   ``narration``.
5. Anything else is ``narration``; its side is the issuer's when it takes a
   position ("condemns", "remains committed", "we"), else none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lang import word_set
from ..model import StatementKind
from ._discourse import Discourse, Entity
from ._lexicon import HONORIFIC_PATTERN, MEETING_PATTERN, NOMINAL_REPORT_PATTERN, STANCE_PATTERN, Cue, find_cues
from ._mentions import Mention, find_mentions
from ._quotes import Quote

__all__ = ["Piece", "after_comment_as", "attribute_unit", "impersonal_report"]


@dataclass(frozen=True)
class Piece:
    """A statement before it becomes a :class:`~claimcmp.model.Statement`.

    ``issuer_side`` marks narration in the issuer's own voice taking a position.
    ``source`` is the subject mention's span, kept for attribution benchmarks.
    ``co_speakers``: officials of one side joined as the subject ("Andriy Yermak and Valerii Zaluzhny thanked
    …"), in text order, ``entity`` among them; empty for a single speaker.
    """

    start: int
    end: int
    kind: StatementKind
    entity: Entity | None = None
    cue: str | None = None
    issuer_side: bool = False
    source: tuple[int, int] | None = None
    co_speakers: tuple[Entity, ...] = ()


_NON_SUBJECT_BEFORE = re.compile(
    r"\b(?:with|to|of|by|for|on|from|at|in|into|about|between|among|amongst|towards?|than|against|including|like"
    r"|via|upon|under|over|after|before|during|without|as|and|or|met|meets|received|hosted|thanked|told|urged"
    r"|invited|congratulated|briefed|informed|welcomed|called|visited|whom|accompanied|joined|behalf)\s*[,]?\s*$",
    re.IGNORECASE,
)
_COORDINATION = re.compile(rf"^\s*,?\s+(?:and|&)\s+(?:the\s+)?(?:(?:{HONORIFIC_PATTERN.pattern})\s+)*$")
_CONTENT_WORD = re.compile(r"[A-Za-zÀ-ÿ]{3,}")
# "It was agreed that ...", "It was further decided to ...", "Agreement was reached on ...": an outcome of
# both sides in the impersonal voice of a readout.
_IMPERSONAL_OUTCOME = re.compile(
    r"\W*(?:(?:[A-Z][^,.;]{0,60},\s+)?it\s+was\s+(?:also\s+|further\s+|likewise\s+|jointly\s+|therefore\s+)?"
    r"(?:agreed|decided|resolved)\b|(?:an?\s+)?(?:agreement|understanding|consensus)\s+was\s+(?:also\s+)?reached\b"
    r"|the\s+(?:meeting|talks|consultations)\s+(?:also\s+|further\s+|likewise\s+)?(?:agreed|decided|resolved)\b)",
    re.IGNORECASE,
)
# "The migration crisis ... was also discussed.", "The importance of inter-faith dialogue was underscored.",
# "Special attention was paid to energy security.": a point of the talks in the agentless passive, with a noun
# phrase (not "it") as subject and no "by" agent.
_AGENTLESS_CONTENT = re.compile(
    r"\W*(?!It\b)[A-Z][^;:]{0,240}?\s(?:was|were)\s+(?:also\s+|further\s+|again\s+|once\s+again\s+|thoroughly\s+)?"
    r"(?:discussed|considered|reviewed|addressed|touched\s+(?:up)?on|raised|exchanged|confirmed|underscored"
    r"|underlined|emphasi[sz]ed|stressed|noted|highlighted|reaffirmed|agreed\s+upon|paid\s+to|given\s+to)"
    r"(?![^.;]*\bby\b)[^;]{0,200}?[.!]?\s*$",
)
# "A package of documents was approved during the visit.": an outcome of the talks in the agentless passive, as the
# main verb (no comma or relative pronoun before it: "… the decision, which was adopted …" is no outcome told).
_AGENTLESS_OUTCOME = re.compile(
    r"\W*(?!It\b)[A-Z](?:(?!\b(?:which|that|who|whom)\b)[^;:,]){0,200}?\s(?:was|were)\s+(?:also\s+|further\s+)?"
    r"(?:approved|adopted|signed|endorsed)\b(?![^.;]*\bby\b)"
)
# "The discussion covered ...", "The main focus of the conversation was on ...", "The talks focused on ...": the
# talks themselves as the subject of what they dealt with, a point of both sides.
_TALKS_CONTENT = re.compile(
    r"\W*(?:[A-Z][^,.;]{0,60},\s+)?the\s+(?:(?:main|primary|particular|special)\s+)?(?:focus|emphasis|subject|topic)s?"
    r"\s+of\s+(?:the|their)\s+(?:conversation|discussion|talks|meeting|call|exchange|consultations)\s+(?:was|were)\b"
    r"|\W*(?:[A-Z][^,.;]{0,60},\s+)?the\s+(?:conversation|discussion|talks|meeting|call|exchange|consultations)"
    r"\s+(?:also\s+|mainly\s+|largely\s+|primarily\s+)?(?:covered|focused|focussed|centred|centered|dealt\s+with"
    r"|touched\s+(?:up)?on|addressed|concentrated|revolved|included|was\s+(?:devoted|dedicated)\s+to)\b"
    # "Another topic discussed during the meeting was …", "An exchange of views took place on …": a point of the
    # talks told as their topic, or the exchange itself as the subject
    r"|\W*(?:[A-Z][^,.;]{0,60},\s+)?(?:another|one|the\s+(?:other|next|last|final))\s+(?:topic|issue|subject|question"
    r"|matter)\s+(?:discussed|considered|raised|reviewed)\b"
    # "Among the most pressing issues discussed were …", "Among the important issues of the meeting were …", "The
    # main focus was on …": the talks' points told by their rank, with the talks left out or named after
    r"|\W*among\s+the\s+(?:[\w-]+\s+){0,3}(?:issues|topics|subjects|questions|matters|items)\s+(?:discussed"
    r"|considered|raised|reviewed|on\s+the\s+agenda|of\s+(?:the|their)\s+[^,.;]{0,60}?(?:meeting|conversation|talks"
    r"|call|discussion)s?\b[^,.;]{0,60}?)\s+(?:were|was)\b"
    r"|\W*(?:[A-Z][^,.;]{0,60},\s+)?the\s+(?:main|primary|particular|special|key)\s+(?:focus|emphasis)\s+(?:was|were)"
    r"\s+(?:placed\s+)?on\b"
    r"|\W*(?:[A-Z][^,.;]{0,60},\s+)?(?:there\s+was\s+(?:also\s+)?)?an?\s+(?:\w+\s+)?exchange\s+of\s+(?:views|opinions)"
    r"(?:\s+(?:also\s+|then\s+)?took\s+place)?\s+(?:on|about|regarding|concerning)\b",
    re.IGNORECASE,
)
# "According to the Head of State, ... were discussed.": a source named first makes the sentence its report.
_SOURCE_FIRST = re.compile(r"\W*(?:according\s+to|in\s+(?:his|her|their)\s+(?:words|view|opinion))\b", re.IGNORECASE)
# "It was stressed that ...", "As regards the lorries, it was explained that ...": a point of the talks told in the
# impersonal voice, with no teller named (the house style of several foreign ministries).
_IMPERSONAL_REPORT = re.compile(
    r"\W*(?:[A-Z][^.;]{0,200}?,\s+)?it\s+was\s+(?:also\s+|further\s+|again\s+|once\s+again\s+|repeatedly\s+"
    r"|particularly\s+|especially\s+|specifically\s+|firmly\s+|clearly\s+)*"
    r"(?:emphasi[sz]ed|stressed|noted|underlined|underscored|pointed\s+out|explained|highlighted|reaffirmed"
    r"|reiterated|recalled|observed|stated|indicated|affirmed|conveyed|made\s+clear|drawn\s+to|clarified)\b",
    re.IGNORECASE,
)
# "The Lithuanian side was informed that ...": the subject of a passive verb of telling is the one told.
_TOLD_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+|also\s+|again\s+|once\s+again\s+)*$", re.I)
_TELLING = re.compile(
    r"(?:inform|told|tell|assur|remind|brief|notif|advis|warn|reassur|updat)\w*$", re.IGNORECASE
)
# Participles that, after "is"/"was", still tell the subject's own stance ("The United States is committed to …",
# "… is opposed to …"): the passive of other cues makes its subject the one spoken about.
_STANCE_PARTICIPLE = re.compile(
    r"(?:committed|opposed|resolved|agreed|focused|focussed|encouraged|reassured)\b", re.IGNORECASE
)
# "… something that was agreed upon years ago": after "that"/"which" the participle's subject is a thing, so even a
# stance participle is a passive there, not the stance of a person named earlier.
_RELATIVE_PASSIVE = re.compile(
    r"\b(?:that|which)\s+(?:has\s+|have\s+|had\s+)?(?:was|were|been|is|are|being)\s+(?:\w+ly\s+|also\s+)*$", re.I
)
_FRAME_FILLER = word_set("extract_frame_filler")
_FRAME_SUBSTANCE = 5


def impersonal_report(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` reports in the impersonal voice: "It was stressed that ...", "As regards X, it
    was explained that ..."."""
    return _IMPERSONAL_REPORT.match(text, start, end) is not None


def _outside(quotes: list[Quote], start: int, end: int) -> bool:
    return all(end <= q.open or start > q.close for q in quotes)


def _cue_case_ok(text: str, unit_start: int, pos: int) -> bool:
    """A capitalised cue mid-sentence is a noun ("Member States"), not a verb."""
    if not text[pos].isupper():
        return True
    before = text[unit_start:pos].rstrip()
    return not before or before[-1] in "”\"’:;—–-("


def _told_passive(text: str, unit_start: int, cue: Cue) -> bool:
    return bool(_TELLING.match(cue.text) and _TOLD_PASSIVE.search(text[max(unit_start, cue.start - 40) : cue.start]))


def _told_other_side(
    text: str, unit_start: int, unit_end: int, resolved: list[tuple[Mention, Entity | None]], issuer_side: str | None
) -> bool:
    """ "The Lithuanian side was informed that ..." in a Belarusian readout: the issuer's side told the other."""
    if issuer_side is None:
        return False
    for cue in find_cues(text, unit_start, unit_end):
        if _told_passive(text, unit_start, cue):
            told = [e for m, e in resolved if m.end <= cue.start and _is_subject(text, unit_start, m)]
            return bool(told) and told[-1] is not None and told[-1].side not in (None, issuer_side)
    return False


def _told_at_home(unit: _Unit, discourse: Discourse) -> bool:
    """ "Volodymyr Zelenskyy was informed about …" with no teller named, at a meeting of the issuer's own people
    (no participant of another side so far): his own officials told him; a report of the issuer's side with no
    named speaker. Only with the issuing office's principal known."""
    issuer = discourse.resolver.issuer_side
    if issuer is None or discourse.principal is None:
        return False
    if any(e.kind == "person" and _home(e, issuer) != issuer for e in discourse.entities):
        return False
    for cue in find_cues(unit.text, unit.start, unit.end):
        if _told_passive(unit.text, unit.start, cue):
            told = [e for m, e in unit.resolved if m.end <= cue.start and _is_subject(unit.text, unit.start, m)]
            return bool(told) and told[-1] is not None and told[-1].kind == "person"
    return False


def _is_subject(text: str, unit_start: int, mention: Mention) -> bool:
    if _NON_SUBJECT_BEFORE.search(text[max(unit_start, mention.start - 30) : mention.start]):
        return False
    # a possessive or a part of a compound ("Ukraine's", "the Ukraine-EU Summit", "the U.S.-Latvia project") is no
    # subject
    if re.search(r"(?<![\w.\-])[A-Z][\w.]*-$", text[max(unit_start, mention.start - 20) : mention.start]):
        return False
    return not re.match(r"[’']s\b|-\w", text[mention.end : mention.end + 3])


@dataclass
class _Speaker:
    entity: Entity | None
    joint: bool
    cue: str | None
    source: tuple[int, int] | None
    co: tuple[Entity, ...] = ()  # co-speakers of one side joined as one subject, the speaker among them


@dataclass(frozen=True)
class _Unit:
    """One unit being attributed: the release text, the unit's span, its quotes and its resolved mentions."""

    text: str
    start: int
    end: int
    quotes: list[Quote]
    resolved: list[tuple[Mention, Entity | None]]


def _find_speaker(unit: _Unit, discourse: Discourse) -> _Speaker | None:
    """The speaker of the unit's first speech-act cue that has one (outside quotes), or None."""
    text, resolved = unit.text, unit.resolved
    cues = [
        c for c in find_cues(text, unit.start, unit.end)
        if _outside(unit.quotes, c.start, c.end) and _cue_case_ok(text, unit.start, c.start)
        and not _hosting(text, c, resolved) and not _purpose_of_meeting(text, unit.start, c)
        and not _reduced_relative(text, unit.start, c)
    ]
    passive: Cue | None = None
    for cue in cues:
        if _told_passive(text, unit.start, cue):  # "X was informed (by Y) that ...": X is told; Y tells
            return _passive_agent(unit, cue)  # what follows is what was told: its cues are not the speaker's
        if _TOLD_PASSIVE.search(text[max(unit.start, cue.start - 40) : cue.start]):
            agent = _passive_agent(unit, cue)  # "This was stated by President Volodymyr Zelenskyy …": the agent
            if agent is not None:
                return agent
            stance = _STANCE_PARTICIPLE.match(cue.text) and not _RELATIVE_PASSIVE.search(
                text[max(unit.start, cue.start - 40) : cue.start]
            )
            if _PARTICIPLE.match(cue.text.split()[0]) and not stance:
                passive = passive or cue
                continue  # "Russia is being groundlessly accused of …": its subject is spoken about, not speaking
        clause_start = _clause_start(unit, cue)
        before = [
            (m, e) for m, e in resolved
            if clause_start <= m.start and m.end <= cue.start
            and (_is_subject(text, clause_start, m) or _comment_clause(text, clause_start, m, cue))
        ]
        people = [(m, e) for m, e in before if m.kind in ("person", "pronoun", "joint")]
        pool = people or before
        if cue.noun:
            pool = []
            own = _own_view(unit, cue, discourse)
            if own is not None:
                return own
        if pool:
            mention, entity = _apposition_head(text, pool, cue.start)
            if mention.kind == "joint":
                return _Speaker(None, True, cue.text, (mention.start, mention.end))
            # with the issuing office's principal known, an unplaced office holder is the issuer's (see _home)
            issuer = discourse.resolver.issuer_side if discourse.principal is not None else None
            chain = _coordination_chain(text, mention, resolved, cue.start)
            joint = _coordinated(text, mention, entity, resolved, issuer) or _mutual(
                text, cue, entity, resolved, issuer
            ) or any(_other_side(m, e, entity, issuer) for m, e in chain if m is not mention)
            if entity is None and mention.kind == "pronoun":
                continue
            co = _co_speakers(chain) if not joint else ()
            return _Speaker(entity, joint, cue.text, (mention.start, mention.end), co)
        postposed = _postposed_speaker(unit, cue, clause_start)
        if postposed is not None:
            return postposed
    return _agentless(unit, passive) if not unit.quotes else None


# What sets off an apposition between a subject and its verb: ", Adviser - President's Commissioner for …, said".
_APPOSITION = re.compile(r"\s*(?:,|\s[-–—])\s*[^,;.:()\"“”]*(?:,[^,;.:()\"“”]*)?,\s*(?:\w+ly\s+|also\s+)?")


def _apposition_head(
    text: str, pool: list[tuple[Mention, Entity | None]], cue_start: int
) -> tuple[Mention, Entity | None]:
    """The subject of a cue among the mentions before it: the last one, unless it lies in an apposition set off by
    commas (or a dash) after a named person ("Daria Herasymchuk, Adviser - President's Commissioner for Children's
    Rights, said"): the titles there describe that person, who is the subject."""
    for mention, entity in reversed(pool[:-1]):
        if entity is not None and entity.name and mention.kind == "person" and _APPOSITION.fullmatch(
            text, mention.end, cue_start
        ):
            return mention, entity
    return pool[-1]


# Verbs of what is said in talks, whose agentless passive is a point of the talks ("Hope was expressed that …",
# "… was supported"); not verbs of doing ("New facilities are being added", "A competition has been announced").
_TALK_PASSIVE = re.compile(
    r"(?:expressed|discussed|noted|stressed|emphasi[sz]ed|underlined|underscored|supported|confirmed|reaffirmed"
    r"|reiterated|pointed\s+out|voiced|welcomed|highlighted|considered|reviewed|exchanged|agreed|touched\s+(?:up)?on"
    r"|affirmed|recogni[sz]ed|appreciated|praised|condemned|acknowledged)\b",
    re.IGNORECASE,
)
_PAST_PASSIVE = re.compile(r"\b(?:was|were|been)\s+(?:\w+ly\s+|also\s+|again\s+|once\s+again\s+)*$", re.IGNORECASE)
_SUBORDINATE = re.compile(r"\b(?:that|which|who|whom|whether|because|since|although|though|while|when|if|as)\b", re.I)


def _agentless(unit: _Unit, passive: Cue | None) -> _Speaker | None:
    """A speech act in the agentless passive as the main verb ("The expediency of stepping up the efforts … was
    supported."): a point of the talks made by no one named, joint (ANNOTATION.md); not inside a subordinate clause
    ("Having noted that Russia is being accused of …") and not the impersonal "It was …" (the issuer's)."""
    if passive is None or not _TALK_PASSIVE.match(passive.text):
        return None
    if _SUBORDINATE.search(unit.text, unit.start, passive.start):
        return None
    if not _PAST_PASSIVE.search(unit.text, max(unit.start, passive.start - 40), passive.start):
        return None  # a present passive describes a document ("Key programs are highlighted below"), not the talks
    if re.match(r"\W*(?:[A-Z][^,.;]{0,60},\s+|[A-Z][a-z]+\s+)?it\s", unit.text[unit.start : passive.start], re.I):
        return None
    return _Speaker(None, True, passive.text, None)


# "by" and an agent; not a means ("noted by phone")
_AGENT_AFTER = re.compile(r",?\s+by\s+(?!(?:tele)?phone\b|video\w*|letter\b|e-?mail\b|text\b|telegram\b)", re.I)
_PARTICIPLE = re.compile(r"[a-z]+(?:ed|en|ne|wn|ld|ot|ut|id|de|ew|ht)$", re.IGNORECASE)


def _reduced_relative(text: str, unit_start: int, cue: Cue) -> bool:
    """A past participle with its agent after a noun, with no auxiliary ("war crimes committed by Russian aggressors",
    "the proposals put forward by Paris"): it describes the noun; the noun's clause has its own verb."""
    if cue.noun or not _AGENT_AFTER.match(text, cue.end, cue.end + 40):
        return False
    head = cue.text.split()[0]
    if not _PARTICIPLE.match(head) or _TOLD_PASSIVE.search(text[max(unit_start, cue.start - 40) : cue.start]):
        return False
    return re.search(r"[a-z]\w*\s+$", text[max(unit_start, cue.start - 30) : cue.start]) is not None


def _passive_agent(unit: _Unit, cue: Cue) -> _Speaker | None:
    """The teller of a passive "was told": the mention after "by" ("by the Minister", "by A.Gurevich"), if known."""
    text = unit.text
    agent = re.match(r"\s+by\s+", text[cue.end : cue.end + 10])
    at = cue.end + agent.end() if agent else -1
    for mention, entity in unit.resolved:
        if at >= 0 and mention.start >= at and re.fullmatch(r"(?:the\s+|[A-Z]\.\s*)*", text[at : mention.start]):
            if entity is not None:
                return _Speaker(entity, False, cue.text, (mention.start, mention.end))
            break
    return None


def after_comment_as(text: str, start: int, subject_start: int) -> bool:
    """Whether ``text[start:subject_start]`` ends in the "as" that opens a comment clause: at the start or after a
    comma, bracket or dash ("…, as the Head of State noted, …"; "As the President said, …")."""
    return re.search(r"(?:^|[,(—–])\s*[Aa]s\s+$", text[start:subject_start]) is not None


def _comment_clause(text: str, clause_start: int, mention: Mention, cue: Cue) -> bool:
    """ "The third initiative, as the Head of State noted, lies …": a comment clause ("as" + subject + cue, set off
    by commas) names the speaker of the sentence around it; "as" there is no preposition."""
    return after_comment_as(text, clause_start, mention.start) and bool(
        re.fullmatch(r"\s+(?:\w+ly\s+|also\s+)?", text[mention.end : cue.start])
    )


def _clause_start(unit: _Unit, cue: Cue) -> int:
    """Where the cue's clause starts: after the last semicolon and the last quote before the cue."""
    clause_start = unit.start
    for boundary in re.finditer(r";", unit.text[unit.start : cue.start]):
        clause_start = unit.start + boundary.end()
    for quote in unit.quotes:
        if quote.close < cue.start:
            clause_start = max(clause_start, quote.close + 1)
    return clause_start


def _own_view(unit: _Unit, cue: Cue, discourse: Discourse) -> _Speaker | None:
    """A noun cue's own possessive: "In his view, ..." is his ("For his part, the Turkish Minister ..." is not)."""
    text = unit.text
    own = re.search(r"\b(his|her)\b", cue.text)
    named = [
        e for m, e in unit.resolved if m.kind == "person" and re.fullmatch(r"\s*,?\s*", text[cue.end : m.start])
    ]
    named_next = named or any(
        m.kind != "pronoun" and re.fullmatch(r"\s*,?\s*", text[cue.end : m.start]) for m, _ in unit.resolved
    )
    if own and named and named[0] is not None:  # "For her part, Maria Lenska …": the possessive tells her gender
        named[0].gender = named[0].gender or ("m" if own.group(1) == "his" else "f")
    if own and not named_next:
        at = cue.start + own.start()
        pronoun = Mention(at, at + 3, "pronoun", gender="m" if own.group(1) == "his" else "f")
        entity = discourse.resolve(pronoun, own.group(1))
        if entity is not None:
            return _Speaker(entity, False, cue.text, (pronoun.start, pronoun.end))
    return None


def _postposed_speaker(unit: _Unit, cue: Cue, clause_start: int) -> _Speaker | None:
    """A known speaker named right after a cue that ends the clause's opening ("..., said the Minister")."""
    text = unit.text
    postposed = cue.noun or re.search(r"[”\"’,]\s*$|^\s*$", text[clause_start : cue.start])
    after = [
        (m, e) for m, e in unit.resolved
        if postposed and m.kind in ("person", "pronoun", "collective")
        and re.fullmatch(r"\s*", text[cue.end : m.start])
    ]
    if after and after[0][1] is not None:
        mention, entity = after[0]
        return _Speaker(entity, False, cue.text, (mention.start, mention.end))
    return None


_LIST_COMMA = re.compile(rf"^\s*,\s+(?:the\s+)?(?:(?:{HONORIFIC_PATTERN.pattern})\s+)*$")


def _coordination_chain(
    text: str, mention: Mention, resolved: list[tuple[Mention, Entity | None]], limit: int
) -> list[tuple[Mention, Entity | None]]:
    """The members of the coordinated subject holding ``mention``, in text order, none past ``limit`` (the cue):
    "A and B", "A, B and C", "The Deputy Secretary, Minister, and Vice Minister" (commas, then one "and"); just
    ``mention`` when it is joined to nothing."""
    members = [pair for pair in resolved if pair[0].end <= limit]
    at = next((i for i, (m, _) in enumerate(members) if m is mention), None)
    if at is None:
        return []
    first = last = at
    while first > 0 and _joined(text, members[first - 1][0], members[first][0]):
        first -= 1
    while last + 1 < len(members) and _joined(text, members[last][0], members[last + 1][0]):
        last += 1
    links = [_COORDINATION.match(text[a[0].end : b[0].start]) is not None
             for a, b in zip(members[first:last], members[first + 1 : last + 1], strict=True)]
    # a list: commas, then one "and" closing it ("A, B, and C"); a comma with no "and" after it is an apposition
    while links and not links[-1]:
        links.pop()
        last -= 1
    if at > last or sum(links) != 1:
        return [members[at]]
    return members[first : last + 1]


def _joined(text: str, left: Mention, right: Mention) -> bool:
    """Whether two mentions of possible speakers are joined as members of one subject (by "and" or a comma)."""
    if left.kind not in ("person", "collective") or right.kind not in ("person", "collective"):
        return False
    gap = text[left.end : right.start]
    return bool(_COORDINATION.match(gap) or _LIST_COMMA.match(gap))


def _co_speakers(chain: list[tuple[Mention, Entity | None]]) -> tuple[Entity, ...]:
    """The distinct people of a coordinated subject of one side, each named there, when there are two or more, else
    (). A bare title ("The President and Prime Minister discussed …") may stand for the counterpart even where its
    side is unknown: the subject keeps its one speaker."""
    people: list[Entity] = []
    for mention, entity in chain:
        if mention.kind != "person" or entity is None or mention.name is None:
            return ()
        if all(entity is not other for other in people):
            people.append(entity)
    return tuple(people) if len(people) >= 2 else ()


def _coordinated(
    text: str, mention: Mention, entity: Entity | None, resolved: list[tuple[Mention, Entity | None]],
    issuer: str | None = None,
) -> bool:
    """Whether ``mention`` is joined by "and" to a participant of another side (after it or before it)."""
    for other, other_entity in resolved:
        if other.start >= mention.end:
            joined = _COORDINATION.match(text[mention.end : other.start])
        elif other.end <= mention.start:
            joined = _COORDINATION.match(text[other.end : mention.start])
        else:
            continue
        if joined:
            return _other_side(other, other_entity, entity, issuer)
    return False


def _other_side(other: Mention, other_entity: Entity | None, entity: Entity | None, issuer: str | None = None) -> bool:
    if other.kind == "joint":
        return True
    if other_entity is None or entity is None:
        return other.kind != "pronoun"
    if issuer is not None:
        # an official with no place of his own speaks for the issuer: "Andriy Yermak (Head of the President's
        # Office) and Valerii Zaluzhny (of Ukraine) thanked …" in Ukraine's readout are one side
        return _home(other_entity, issuer) != _home(entity, issuer)
    return other_entity.side != entity.side or other_entity.place != entity.place


def _home(entity: Entity, issuer: str) -> str:
    """The side an entity speaks for: its own, its place's, the issuer's for an unplaced office holder (not a guest
    holding the principal's office: "President Bolsonaro" in a White House readout); a bare name
    of no known side is on no side but its own ("Naftali Bennet", misspelt)."""
    if entity.side or entity.place:
        return entity.side or entity.place or issuer
    return issuer if entity.role and not entity.guest else f"person:{entity.key}"


_MUTUAL_CUE = re.compile(r"(?:discuss|exchang|agree|review|consult|confer)\w*$", re.IGNORECASE)


def _mutual(
    text: str, cue: Cue, entity: Entity | None, resolved: list[tuple[Mention, Entity | None]], issuer: str | None = None
) -> bool:
    """A two-way verb with a participant of another side as partner: "X discussed with Y ...", "X agreed with Y"."""
    if not _MUTUAL_CUE.match(cue.text):
        return False
    partner = re.match(r"\s+(?:views\s+)?with\s+", text[cue.end : cue.end + 20])
    if partner is None:
        return False
    at = cue.end + partner.end()
    for other, other_entity in resolved:
        if other.start == at or (other.start > at and text[at : other.start].strip(" ").lower() not in ("", "the")):
            near = other.start - at <= 4 and other.kind != "pronoun"
            return near and _other_side(other, other_entity, entity, issuer)
    return False


_PURPOSE = re.compile(r"\s(?:in\s+order\s+)?to\s+(?:[a-z]+ly\s+)?[a-z]+\b")


def _purpose_of_meeting(text: str, start: int, cue: Cue) -> bool:
    """A cue in the purpose of a meeting told before it ("X spoke today with Y to offer support and condemn …",
    "… to express appreciation for …"): the issuer says why they met, no one speaks."""
    before = text[start : cue.start + len(cue.text)]
    meeting = MEETING_PATTERN.search(before)
    if meeting is None:
        return False
    purpose = _PURPOSE.search(before, meeting.end())
    return purpose is not None and cue.start - (start + purpose.start()) <= 60 and "," not in before[purpose.start() :]


def _hosting(text: str, cue: Cue, resolved: list[tuple[Mention, Entity | None]]) -> bool:
    """ "welcomed X to the White House", "welcomed X back": a meeting described, not a speech act."""
    if not cue.text.lower().startswith("welcom"):
        return False
    for other, _ in resolved:
        if other.start >= cue.end:
            if text[cue.end : other.start].strip():
                return False
            return re.match(r"\s*(?:,[^,]{0,80},\s*)?(?:to|back|at|in)\b", text[other.end : other.end + 90]) is not None
    return False


def _frame_segments(text: str, unit_start: int, unit_end: int, quotes: list[Quote]) -> list[tuple[int, int]]:
    segments, pos = [], unit_start
    for quote in quotes:
        segments.append((pos, quote.open))
        pos = min(unit_end, quote.close + 1)
    segments.append((pos, unit_end))
    trimmed = []
    for s, e in segments:
        while s < e and (text[s].isspace() or text[s] in ",:;—–-"):
            s += 1
        while e > s and (text[e - 1].isspace() or text[e - 1] in ",:;—–-"):
            e -= 1
        if s < e:
            trimmed.append((s, e))
    return trimmed


def _substance(text: str, start: int, end: int, resolved: list[tuple[Mention, Entity | None]]) -> int:
    chunk = list(text[start:end])
    for mention, _ in resolved:
        for i in range(max(start, mention.start), min(end, mention.end)):
            chunk[i - start] = " "
    for cue in find_cues(text, start, end):
        for i in range(cue.start, cue.end):
            chunk[i - start] = " "
    words = [w for w in _CONTENT_WORD.findall("".join(chunk)) if w.lower() not in _FRAME_FILLER]
    return len(words)


def attribute_unit(
    text: str,
    unit_start: int,
    unit_end: int,
    quotes: list[Quote],
    sentence_cuts: list[int],
    discourse: Discourse,
    section: str | None,
) -> list[Piece]:
    """Statements of one unit (see the module docstring for the rules).

    Parameters
    ----------
    text : str
        The release text.
    unit_start, unit_end : int
        The unit's span.
    quotes : list of Quote
        Quotes holding speech, inside the unit.
    sentence_cuts : list of int
        Sentence starts inside the unit, used to split long quotes.
    discourse : Discourse
        Speakers so far; updated.
    section : str or None
        ``"background"`` forces narration without a side.
    """
    mentions = [
        m for m in find_mentions(
            text, unit_start, unit_end, discourse.known_names(), discourse.body_names(), discourse.role_names()
        )
        if _outside(quotes, m.start, m.end)
    ]
    resolved = [(m, discourse.resolve(m, text[m.start : m.end])) for m in mentions]
    unit = _Unit(text, unit_start, unit_end, quotes, resolved)
    _meet_guests(unit, discourse.resolver.issuer_side if discourse.principal is not None else None)
    nominal = _nominal_report(unit, discourse) if not quotes and section != "background" else None
    if nominal is not None:
        return nominal
    return _unit_pieces(unit, sentence_cuts, discourse, section)


_HOSTING_VERB = re.compile(
    r"\b(?:met|meets|meeting|spoke|speaks|talked|hosted|hosts|received|receives|welcomed|held\s+(?:talks|a\s+(?:call"
    r"|meeting|conversation|phone\s+call))|had\s+a\s+(?:call|meeting|conversation|phone\s+call|telephone\s+conversation))"
    r"\b(?:[^;.]{0,40}?\bwith\b)?",
    re.IGNORECASE,
)


def _meet_guests(unit: _Unit, issuer: str | None) -> None:
    """In "X (of the issuer) met with Y", Y is X's counterpart: a person after the meeting verb whose side is
    unknown is marked a guest, never taken for the issuer's own official when two speakers are joined later
    ("Mr. Sullivan and Director Wang discussed …" is joint). Only with the issuing office's principal known."""
    if issuer is None:
        return
    met = _HOSTING_VERB.search(unit.text, unit.start, unit.end)
    if met is None:
        return
    hosts = [e for m, e in unit.resolved if m.end <= met.start() and m.kind == "person" and e is not None]
    if not hosts or any(_home(e, issuer) != issuer for e in hosts):
        return
    for mention, entity in unit.resolved:
        after = mention.start >= met.end() and mention.kind == "person" and entity is not None
        if after and entity is not None and all(entity is not h for h in hosts) and not (entity.side or entity.place):
            entity.guest = entity.guest or (entity.name is not None and entity.canonical != hosts[0].canonical)
        if ";" in unit.text[met.end() : mention.start]:
            break


def _unit_pieces(unit: _Unit, sentence_cuts: list[int], discourse: Discourse, section: str | None) -> list[Piece]:
    fixed = _fixed_kind(unit, section)
    if fixed is not None:
        return [fixed]
    speaker = _find_speaker(unit, discourse)
    if unit.quotes:
        return _quote_pieces(unit, sentence_cuts, discourse, speaker, section)
    return [_speech_piece(unit, discourse, speaker)]


def _report_noun(phrase: str) -> str:
    """The noun of a nominal report's opening ("the announcement by " -> "announcement")."""
    return re.sub(r"^the\s+|\s+by\s+(?:the\s+)?$", "", phrase.strip() + " ", flags=re.IGNORECASE).strip()


_REPORT_CONTENT = re.compile(r"\s*,?\s*(?:of|that|on|about|regarding|concerning|for)\b")


def _nominal_report(unit: _Unit, discourse: Discourse) -> list[Piece] | None:
    """A speech-act noun with its agent, embedded late in a sentence ("The conversation took place a few hours
    before the announcement by US President Joseph Biden of a new aid package"): the report is the agent's own
    ``reported`` statement, from the noun's article to the sentence end; the words before it are attributed as a
    unit of their own. None when there is no such report, or too little before it to stand alone."""
    text = unit.text
    if " by " not in text[unit.start : unit.end]:
        return None  # the report's agent follows "by": most units have none, and the noun pattern is long
    for match in NOMINAL_REPORT_PATTERN.finditer(text, unit.start, unit.end):
        head_end = match.start()
        while head_end > unit.start and (text[head_end - 1].isspace() or text[head_end - 1] in ",;:—–-"):
            head_end -= 1
        if len(_CONTENT_WORD.findall(text, unit.start, head_end)) < 4:
            continue  # the report is the sentence's subject: "The statement by X that … was welcomed"
        agent = next(((m, e) for m, e in unit.resolved if m.start == match.end()), None)
        if agent is None or agent[1] is None or agent[0].kind != "person":
            continue
        if not _REPORT_CONTENT.match(text, agent[0].end, unit.end):
            continue
        head = _Unit(text, unit.start, head_end, [], [r for r in unit.resolved if r[0].end <= head_end])
        pieces = _unit_pieces(head, [], discourse, None)
        pieces.append(Piece(
            match.start(), unit.end, StatementKind.REPORTED, entity=agent[1], cue=_report_noun(match.group(0)),
            source=(agent[0].start, agent[0].end),
        ))
        return pieces
    return None


def _fixed_kind(unit: _Unit, section: str | None) -> Piece | None:
    """The unit's piece when its kind is fixed before any speaker is looked for: background narration,
    impersonal reports and agentless outcomes (joint)."""
    text, start, end = unit.text, unit.start, unit.end
    if section == "background" and not unit.quotes:
        return Piece(start, end, StatementKind.NARRATION)
    if not unit.quotes and _IMPERSONAL_REPORT.match(text, start, end):
        # an unnamed teller ("It was stressed that …"): a point of the talks, joint (ANNOTATION.md), unless it
        # carries on an account of the issuer's principal (``_pipeline._continues_account``)
        return Piece(start, end, StatementKind.JOINT)
    agentless = _AGENTLESS_CONTENT.match(text, start, end) or _AGENTLESS_OUTCOME.match(text, start, end)
    if not unit.quotes and (_TALKS_CONTENT.match(text, start, end) or (
        agentless and not _SOURCE_FIRST.match(text, start, end)
    )):
        return Piece(start, end, StatementKind.JOINT)
    return None


def _speech_piece(unit: _Unit, discourse: Discourse, speaker: _Speaker | None) -> Piece:
    """The piece of a unit without quotes: narration, joint or reported, by its speaker (or its absence)."""
    text, start, end, resolved = unit.text, unit.start, unit.end, unit.resolved
    issuer_side = discourse.resolver.issuer_side
    if speaker is None and _IMPERSONAL_OUTCOME.match(text, start, end):
        return Piece(start, end, StatementKind.JOINT)
    if speaker is None and _told_other_side(text, start, end, resolved, issuer_side):
        return Piece(start, end, StatementKind.NARRATION, issuer_side=True)
    if speaker is None and _told_at_home(unit, discourse):
        return Piece(start, end, StatementKind.REPORTED, issuer_side=True)
    if speaker is None:
        subject = next(((m, e) for m, e in resolved if _is_subject(text, start, m)), None)
        if subject is not None and subject[1] is not None and subject[0].kind == "person":
            discourse.note_subject(subject[1])
        return _narration(text, start, end, resolved, issuer_side)
    if speaker.joint:
        if MEETING_PATTERN.search(text, start, end) and not speaker.cue:
            return Piece(start, end, StatementKind.NARRATION)
        for mention, entity in resolved:  # "Vladimir Putin and Angela Merkel agreed": both are subjects
            if entity is not None and mention.kind == "person" and speaker.source and mention.end <= speaker.source[1]:
                discourse.note_subject(entity)
        return Piece(start, end, StatementKind.JOINT, cue=speaker.cue, source=speaker.source)
    entity = speaker.entity
    assert entity is not None
    delegation = speaker.source is not None and re.search(
        r"(?:side|delegation)$", text[speaker.source[0] : speaker.source[1]]
    )
    if entity.kind == "collective" and not delegation and entity.side is not None and entity.side == issuer_side:
        return Piece(start, end, StatementKind.NARRATION, cue=speaker.cue, issuer_side=True, source=speaker.source)
    discourse.note_speaker(entity)
    return Piece(
        start, end, StatementKind.REPORTED, entity=entity, cue=speaker.cue, source=speaker.source,
        co_speakers=speaker.co,
    )


# A passive predicate with its agent right after a subject: "… will be headed by", "… was represented by".
_PASSIVE_AFTER = re.compile(
    r"\s+(?:(?:will|would|shall|is\s+to|are\s+to|was\s+to|were\s+to)\s+)?(?:be|been|being|was|were|is|are"
    r"|has\s+been|have\s+been|had\s+been)\s+(?:\w+ly\s+|also\s+|being\s+)?[a-z]+(?:ed|en|wn|ld|nt)\s+by\b"
)


def _narration(
    text: str, start: int, end: int, resolved: list[tuple[Mention, Entity | None]], issuer_side: str | None
) -> Piece:
    chunk = text[start:end]
    meeting = bool(MEETING_PATTERN.search(chunk))
    subject = next(((m, e) for m, e in resolved if _is_subject(text, start, m)), None)
    first_person = re.match(r"\W*(?:we|our)\b", chunk, re.IGNORECASE) is not None
    if subject and not meeting and not first_person:
        mention, entity = subject
        lead = text[start : mention.start]
        adverb_late = text[mention.start : mention.end].lower() in ("together", "jointly") and len(lead.split()) > 2
        if (
            mention.kind == "joint" and not adverb_late  # "..., together with new sanctions" is no joint subject
            and not find_cues(lead, 0, len(lead)) and not re.search(r"\bwe\b", lead, re.I)
        ):
            return Piece(start, end, StatementKind.JOINT, source=(mention.start, mention.end))
        if (
            mention.kind == "collective" and entity is not None and entity.side == issuer_side and issuer_side
            and not _PASSIVE_AFTER.match(text, mention.end, end)
        ):  # "Ukraine condemns …" takes a position; "The Ukrainian delegation will be headed by …" tells who came
            return Piece(start, end, StatementKind.NARRATION, issuer_side=True)
    # a position of the issuer's own: stance words, and no meeting described; or the purpose of the meeting
    takes_position = bool(STANCE_PATTERN.search(chunk)) and not meeting
    if meeting and any(_purpose_of_meeting(text, start, cue) for cue in find_cues(text, start, end)):
        return Piece(start, end, StatementKind.NARRATION, issuer_side=True)
    if takes_position and re.search(r"\b(?:we|our)\b", chunk, re.IGNORECASE) is None:
        takes_position = not [m for m, _ in resolved if m.kind == "person"]
    return Piece(start, end, StatementKind.NARRATION, issuer_side=takes_position)


def _quote_pieces(
    unit: _Unit, sentence_cuts: list[int], discourse: Discourse, speaker: _Speaker | None, section: str | None
) -> list[Piece]:
    """The pieces of a unit with quotes: one per sentence inside the marks, and the frame when it says something."""
    voice = _quote_voice(unit, discourse, speaker)
    pieces: list[Piece] = []
    frame = _frame_piece(unit, voice, section)
    if frame is not None:
        pieces.append(frame)
    pieces += _quoted_sentences(unit, sentence_cuts, voice)
    if voice.entity is not None and not voice.joint:
        discourse.note_speaker(voice.entity)
    return sorted(pieces, key=lambda p: p.start)


def _quote_voice(unit: _Unit, discourse: Discourse, speaker: _Speaker | None) -> _Speaker:
    """Who speaks the quotes: the frame's speaker, else the first known person named, else the last speaker."""
    if speaker is not None:
        return _Speaker(speaker.entity, bool(speaker.joint), speaker.cue, speaker.source)
    people = [(m, e) for m, e in unit.resolved if e is not None and m.kind in ("person", "pronoun")]
    if people:
        return _Speaker(people[0][1], False, None, (people[0][0].start, people[0][0].end))
    return _Speaker(discourse.last_speaker(), False, None, None)


def _frame_piece(unit: _Unit, voice: _Speaker, section: str | None) -> Piece | None:
    """The framing words outside the quotes, as a statement when they say more than a few content words."""
    text, resolved = unit.text, unit.resolved
    frames = _frame_segments(text, unit.start, unit.end, unit.quotes)
    if not frames:
        return None
    biggest = max(frames, key=lambda span: _substance(text, span[0], span[1], resolved))
    if _substance(text, biggest[0], biggest[1], resolved) <= _FRAME_SUBSTANCE:
        return None
    kind = StatementKind.JOINT if voice.joint else (
        StatementKind.NARRATION if voice.entity is None or section == "background" else StatementKind.REPORTED
    )
    entity = None if voice.joint else voice.entity
    return Piece(biggest[0], biggest[1], kind, entity=entity, cue=voice.cue, source=voice.source)


def _quoted_sentences(unit: _Unit, sentence_cuts: list[int], voice: _Speaker) -> list[Piece]:
    """One piece per sentence inside each quote's marks (space trimmed; pieces without a word dropped)."""
    text = unit.text
    kind = StatementKind.JOINT if voice.joint else StatementKind.DIRECT_QUOTE
    entity = None if voice.joint else voice.entity
    pieces = []
    for quote in unit.quotes:
        own = _framed_after(unit, quote) if len(unit.quotes) > 1 and not voice.joint else None
        speaker, source = (own[0], own[1]) if own is not None else (entity, voice.source)
        start, end = quote.content
        cuts = [start, *(c for c in sentence_cuts if start < c < end), end]
        for left, right in zip(cuts, cuts[1:], strict=False):
            s, e = left, right
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if s < e and re.search(r"\w", text[s:e]):
                pieces.append(Piece(s, e, kind, entity=speaker, cue=voice.cue, source=source))
    return pieces


def _framed_after(unit: _Unit, quote: Quote) -> tuple[Entity, tuple[int, int]] | None:
    """The speaker of a frame right after a quote, before the next quote ("…," said Ben Stiller; "…,"
    Volodymyr Zelenskyy said in response): with several quotes in one unit, each quote is its own frame's."""
    text = unit.text
    after = quote.close + 1
    limit = min([q.open for q in unit.quotes if q.open > quote.close] + [unit.end])
    cue = next(iter(find_cues(text, after, limit)), None)
    if cue is None:
        return None
    for mention, entity in unit.resolved:
        if entity is None or mention.kind not in ("person", "pronoun") or not after <= mention.start < limit:
            continue
        cue_first = re.fullmatch(r"[\s,]*", text[after : cue.start]) and text[cue.end : mention.start].isspace()
        name_first = re.fullmatch(r"[\s,]*", text[after : mention.start]) and re.fullmatch(
            r"\s+(?:\w+ly\s+|also\s+)?", text[mention.end : cue.start]
        )
        if cue_first or name_first:
            return entity, (mention.start, mention.end)
    return None
