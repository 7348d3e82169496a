"""Who holds the floor: speaker labels of transcripts, and the signer of a first-person text.

A transcript prints each turn after a label: ``PRESIDENT BIDEN:`` on its own line (White House,
State Department), ``Vladimir Putin:`` inside a paragraph (Kremlin), ``QUESTION:`` or ``Q`` for the
press. A label is recognised by its form (a short run of capitalised words ending in a colon) *and*
by what it names: a person (title and name, honorific and name, a known name) or a press or
procedural role. Words the turn holds are the labelled speaker's own.

A first-person text ("Statement by …", "Address by …", a State Department statement under a
spokesperson's byline) is in its signer's voice from the first word.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from ..lang import word_set
from ._lexicon import HONORIFIC_PATTERN, ROLE_PATTERN, honorific_gender
from ._mentions import Mention, find_mentions, is_name_word
from ._segment import _trim

__all__ = ["Label", "find_labels", "label_mention", "signer_mention", "title_case"]

#: The press and the people who run a session: their turns are no side's words.
PRESS_ROLES = frozenset({"q", "question", "questions", "reporter", "journalist", "audience member", "press"})
PROCEDURE_ROLES = word_set("extract_turns_procedure_roles")

_CONNECTOR = r"(?:of|the|and|for|on|de|da|del|der|van|von|bin|bint|al|el|ibn|y|la|le|du|dos|das|di)"
# a capitalised word; a full stop only after an initial or an abbreviated title ("J.", "Mr."), so that
# "Welcome. President of Mongolia …:" starts its label after the sentence
_CAP_WORD = r"(?:[A-Z]\.|(?:Mr|Ms|Mrs|Dr|Jr|Sr|St)\.|[A-ZÀ-ÖØ-Þ][\w'’\-]*)"
_LABEL = re.compile(
    rf"(?P<who>{_CAP_WORD}(?:[ \t]+(?:{_CONNECTOR}[ \t]+)*{_CAP_WORD}){{0,13}})"
    r"[ \t]*(?P<note>\([^()\n]{1,40}\))?[ \t]*:[ \t]+(?=\S)"
)
_BARE_Q = re.compile(r"Q(?::|\.)?[ \t]+(?=\S)")
_ORDINAL = re.compile(r"\s+(?:one|two|three|four|five|six|\d+|[ivx]+)$", re.IGNORECASE)
#: An official the briefing does not name: "Senior State Department Official One", "Senior Administration Official".
_ANONYMOUS = re.compile(r"(?:[A-Z][\w.’'-]*\s+){1,4}Official")
_LOWER_CONNECTORS = frozenset(_CONNECTOR[3:-1].split("|"))
_NAME_PARTICLES = _LOWER_CONNECTORS - {"of", "the", "and", "for", "on"}


@dataclass(frozen=True)
class Label:
    """A speaker label: ``text[start:end]`` is the label with its colon; the turn starts at ``end``.

    ``role`` is ``"speaker"``, ``"press"`` or ``"procedure"``; ``mention`` is who speaks (speaker only);
    ``weak`` marks a bare name with nothing else in the label to say it is a person.
    """

    start: int
    end: int
    designation: str
    role: str
    mention: Mention | None = None
    weak: bool = False

    def trimmed_end(self, text: str) -> int:
        """The end of the label itself, without the spaces after its colon."""
        return _trim(text, self.start, self.end)[1]


def title_case(words: str) -> str:
    """``"PRIME MINISTER OF THE UK"`` -> ``"Prime Minister of the UK"``; mixed case is kept."""
    if not words.isupper():
        return words
    parts: list[str] = []
    for word in words.split():
        lower = word.lower()
        if lower in _LOWER_CONNECTORS and parts:
            parts.append(lower)
        elif len(word) <= 3 and word.isalpha() and word not in ("MR", "MS", "MRS", "DR", "THE"):
            parts.append(word)  # "UK", "EU", "UN", "USA" stay as they are
        else:
            parts.append("-".join(p[:1] + p[1:].lower() for p in word.split("-")))
    return " ".join(parts)


def label_mention(designation: str) -> tuple[str, Mention | None, bool] | None:
    """What a label names: ``(role, mention, weak)``, or None when it names no one.

    ``designation`` is the label without its colon or stage note, in title case.
    """
    folded = designation.casefold().rstrip(".")
    if folded in PRESS_ROLES:
        return "press", None, False
    if folded in PROCEDURE_ROLES:
        return "procedure", None, False
    people = [
        m for m in find_mentions(designation, 0, len(designation))
        if m.kind == "person" and (m.role is not None or (m.start, m.end) == (0, len(designation)))
    ]
    if people:
        best = max(people, key=lambda m: (m.name is not None, m.end - m.start))
        return "speaker", _with_particled_name(designation, best), False
    honorific = HONORIFIC_PATTERN.match(designation)
    if honorific:
        rest = designation[honorific.end() :].strip(" .")
        if rest and all(is_name_word(w) for w in rest.split()):
            mention = Mention(0, len(designation), "person", name=rest, gender=honorific_gender(designation))
            return "speaker", mention, False
    role = _ORDINAL.sub("", designation)
    if _ANONYMOUS.fullmatch(role):
        return "speaker", Mention(0, len(designation), "person", role=role), False
    if ROLE_PATTERN.fullmatch(role) or (role.startswith("The ") and ROLE_PATTERN.fullmatch(role[4:])):
        return "speaker", Mention(0, len(designation), "person", role=ROLE_PATTERN.search(role).group(0)), False  # type: ignore[union-attr]
    words = designation.split()
    capitalised = [w for w in words if w not in _NAME_PARTICLES]
    if 1 <= len(capitalised) <= 4 and all(is_name_word(w) for w in capitalised) and len(words) >= 2:
        return "speaker", Mention(0, len(designation), "person", name=designation), True
    return None


def _with_particled_name(designation: str, mention: Mention) -> Mention:
    """A title-only mention followed by a name with lower-case particles ("President von der Leyen", "Minister de
    Croo"), which the mention finder leaves out, gets that name."""
    rest = designation[mention.end :].split()
    if mention.name is not None or not rest or not any(is_name_word(w) for w in rest):
        return mention
    if not all(w in _NAME_PARTICLES or is_name_word(w) for w in rest) or rest[-1] in _NAME_PARTICLES:
        return mention
    return replace(mention, end=len(designation), name=" ".join(rest))


def _label_at(text: str, pos: int, end: int) -> Label | None:
    bare_q = _BARE_Q.match(text, pos, end)
    if bare_q:
        return Label(pos, bare_q.end(), "Q", "press")
    match = _LABEL.match(text, pos, end)
    if match is None:
        return None
    designation = title_case(match.group("who"))
    found = label_mention(designation)
    if found is None:
        return None
    role, mention, weak = found
    return Label(match.start(), match.end(), designation, role, mention, weak)


def find_labels(text: str, start: int, end: int) -> list[Label]:
    """Speaker labels in ``text[start:end]``, in order.

    A label opens a line, or follows the end of a sentence inside a paragraph (the Kremlin's style).
    A bare name ("Vladimir Putin:") is a label only where a surer label or the same name labelled
    twice shows the text is a transcript, and where its words never occur in lower case (so
    "Begin Text:" is none).
    """
    labels: list[Label] = []
    pos = start
    for line in re.finditer(r"[^\n]+", text[start:end]):
        line_start = start + line.start()
        line_end = start + line.end()
        while line_start < line_end and text[line_start] in " \t":
            line_start += 1
        candidates = [line_start]
        candidates += [
            line_start + m.start() for m in re.finditer(r"(?<=[.!?…\"”’)\]*]) +(?=[A-ZÀ-Þ])", text[line_start:line_end])
        ]
        candidates = sorted({*candidates, *_after_flattened_headings(text, line_start, line_end)})
        for candidate in candidates:
            at = candidate
            while at < line_end and text[at] == " ":
                at += 1
            if at < pos:
                continue
            label = _label_at(text, at, line_end)
            if label is None:
                continue
            inline = at != line_start
            if inline and label.role != "speaker":
                continue  # "… as follows: Question: …" inside prose is no turn
            labels.append(label)
            pos = label.end
    return _confirmed(text, labels)


# "*** Beginning of Russian-Palestinian talks President of Russia Vladimir Putin: …": a section heading run into the
# paragraph before the first turn (kremlin.ru text that lost its line breaks); the heading ends at no full stop.
_SECTION_MARK = re.compile(r"\*{3}[ \t]*")
_HEADING_STOP = re.compile(r"[.!?…:]")
_HEADING_WORDS = 6


def _after_flattened_headings(text: str, start: int, end: int) -> list[int]:
    """Starts of a sure speaker label (a role or a full name, not a bare name) within a few words after "***".

    When the heading names someone too ("Beginning of talks with President of Mongolia Ukhnaagiin Khurelsukh
    President of Russia Vladimir Putin:"), the label is the last stretch before the colon that still gives a role
    and a name.
    """
    found = []
    for mark in _SECTION_MARK.finditer(text, start, end):
        stop = _HEADING_STOP.search(text, mark.end(), end)
        reach = stop.end() if stop is not None else end
        starts = [mark.end() + word.start() for word in re.finditer(r"(?<=\s)[A-ZÀ-Þ]", text[mark.end() : reach])]
        sure = [(at, label) for at in starts if (label := _label_at(text, at, end)) is not None
                and label.role == "speaker" and not label.weak]
        if not sure or len(text[mark.end() : sure[0][0]].split()) > _HEADING_WORDS:
            continue
        named = [at for at, label in sure if label.mention is not None and label.mention.role and label.mention.name]
        found.append(named[-1] if named else sure[0][0])
    return found


def _confirmed(text: str, labels: list[Label]) -> list[Label]:
    strong = [lab for lab in labels if not lab.weak and lab.role == "speaker"]
    weak_counts = Counter(label.designation for label in labels if label.weak)
    # the text's lower-case words, read only when a bare-name label needs them (extraction reads every release)
    lowered = set(re.findall(r"\b[a-zà-ÿ][\w’'-]*", text)) if weak_counts else set()
    kept = []
    for label in labels:
        if label.weak:
            words = [w for w in label.designation.split() if w not in _LOWER_CONNECTORS]
            if any(w.lower() in lowered for w in words):
                continue
            if not strong and weak_counts[label.designation] < 2 and len(weak_counts) < 2:
                continue
        kept.append(label)
    if not any(lab.role == "speaker" for lab in kept):
        return []  # "Question:" lines without any speaker are a form, not a transcript
    return kept


_FIRST_PERSON_TITLE = re.compile(
    # a headline may come first: "It was another day … - address by President X"
    r"^\s*(?:(?:[^-–—:]+?\s[-–—]\s+|[^:]+?:\s+)?(?:Joint\s+)?(?:Video\s+)?(?:Address|Statement|Remarks|Speech|Message|Letter|Op-Ed|Greeting|Appeal)"
    r"(?:\s+(?:by|of|from))\s+(?P<by>.+?)(?:\s+(?:on|to|at|in|regarding|following|marking|before|after|for)\s+.*)?$"
    r"|(?P<subject>.+?)\s+(?:addressed|addresses|appealed\s+to)\b.*$)",
    re.IGNORECASE,
)
# "Statement on …", "Press Statement on …", "U.S. Statement on …": one issuer's statement (never "Joint …")
_STATEMENT_TITLE = re.compile(
    r"^\s*(?!Joint\b)(?:[A-Z][\w.’'-]*\s+){0,2}Statement\s+(?:on|regarding|about|following|marking|concerning)\b"
)
_BYLINE = re.compile(rf"^(?P<name>{_CAP_WORD}(?:\s+{_CAP_WORD}){{1,4}}),\s+(?P<role>[A-Z][\w .,’'-]{{2,80}})$")


#: Words of a speaker's own voice; quotes are left out before they are counted.
_FIRST_PERSON_WORD = re.compile(r"\b(?:I|[Ww]e|[Mm]y|[Oo]ur|[Uu]s|[Mm]e)\b")
_QUOTED = re.compile(r"[“\"][^”\"]*[”\"]")
#: Share of first-person words (outside quotes) above which a body is the speaker's own text. Real
#: addresses run at 0.02-0.09; third-person accounts of an address at 0.003-0.009.
FIRST_PERSON_SHARE = 0.015


def speaks_in_first_person(body: str) -> bool:
    """Whether a body, its quotes left out, is written in the first person (an address, not an account of one)."""
    words = _QUOTED.sub(" ", body).split()
    if not words:
        return False
    return len(_FIRST_PERSON_WORD.findall(" ".join(words))) >= FIRST_PERSON_SHARE * len(words)


def signer_mention(title: str | None, byline: str | None, body: str | None = None) -> Mention | None:
    """The signer of a first-person text, from its title ("Statement by President X on …") or,
    for a titled statement ("Statement on …"), from a byline ("Ned Price, Department Spokesperson").

    A title that only reports an address ("President X addressed the plenary session") names a signer
    only when the ``body`` is in the first person: otherwise it is an account of the address.
    Returns None for texts that are not first-person, or whose signer is several people.
    """
    title = (title or "").strip()
    match = _FIRST_PERSON_TITLE.match(title)
    if match and match.group("subject") and body is not None and not speaks_in_first_person(body):
        match = None
    if match:
        who = match.group("by") or match.group("subject") or ""
        if re.search(r"\band\b|&|\bjoint\b", who, re.IGNORECASE) or re.search(r"^\s*joint\b", title, re.IGNORECASE):
            return None
        people = [m for m in find_mentions(who, 0, len(who)) if m.kind == "person"]
        if people:
            return people[0]
    if byline and (_STATEMENT_TITLE.match(title) or match):
        by = _BYLINE.match(byline.strip())
        role = ROLE_PATTERN.search(by.group("role")) if by else None
        if by and role:
            return Mention(0, len(byline), "person", name=by.group("name"), role=role.group(0))
    return None
