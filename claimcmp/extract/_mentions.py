"""Mentions of possible speakers inside a sentence unit.

Four kinds, found with patterns over the text (no parser):

* ``person`` — a role, a name or both, with honorifics, nationality and
  affiliation: "the Director-General of the OPCW, Ambassador Fernando Arias",
  "President Vladimir Putin of Russia", "Chinese Foreign Minister Wang Yi",
  "the Deputy Minister", "Kirill Lysogorsky, Deputy Minister of ...".
* ``pronoun`` — "he", "she" (resolved later by :mod:`._discourse`).
* ``joint`` — "the two sides", "both leaders", "they".
* ``collective`` — a country or organisation speaking as a body ("Russia",
  "the Chinese side", "the Government of Japan").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from ..gazetteer import gazetteer_pattern, lookup_place
from ..lang import word_set
from ._lexicon import (
    HONORIFIC_PATTERN,
    JOINT_PATTERN,
    LOWER_ROLE_PATTERN,
    LOWER_ROLES,
    NAME_STOPWORDS,
    ROLE_GENDER,
    ROLE_PATTERN,
    find_cues,
    honorific_gender,
)

_TITLE_WORDS = word_set("extract_title_words")
_TITLE_MODIFIERS = word_set("extract_title_modifiers")
_MINISTRY_WORDS = word_set("extract_ministry_words")


_FIRST_PERSON = re.compile(r"I(?:[’'](?:m|ve|d|ll))?")  # "But I hope", "So I’m looking forward": not a name


def _bad_name_word(bare: str) -> bool:
    return (
        bare in NAME_STOPWORDS or _FIRST_PERSON.fullmatch(bare) is not None or bare.rstrip(".") in _TITLE_WORDS
        or bool(ROLE_PATTERN.fullmatch(bare))
        or lookup_place(bare) is not None
    )

__all__ = ["Mention", "find_mentions", "is_name_word"]


@dataclass(frozen=True)
class Mention:
    """One mention: ``text[start:end]`` plus what it tells about the speaker."""

    start: int
    end: int
    kind: str  # "person" | "pronoun" | "joint" | "collective"
    name: str | None = None
    role: str | None = None
    place: str | None = None  # canonical gazetteer side found in the mention
    gender: str | None = None
    address: str | None = None  # the style of address it uses: "highness", "excellency", "majesty", "holiness"


_NAME_WORD = r"(?:[A-ZÀ-ÖØ-Þ][\w'’\-]*[\w]|[A-Z]\.|[A-Z](?=\s))"
_PARTICLE = r"(?:de|da|del|della|der|den|van|von|bin|bint|al|el|la|le|du|dos|das|di|ibn|ben|y)"
#: A nickname in quotes between a first name and a surname: Benjamin “Benny” Gantz, Ferdinand "Bongbong" Marcos.
_NICKNAME = r"[“\"‘][A-Z][\w'’\-]*[”\"’][ \t]+"
_NAME = re.compile(
    # a particle may be hyphenated ("Sabah Jawad al-Rikabi") or doubled ("Ursula von der Leyen"); an initial may be
    # glued to the surname or to a second initial ("A.Gurevich", "A.V. Sokolov", "M.V.Zorin": some ministries'
    # style)
    rf"{_NAME_WORD}(?:(?:[ \t\n]+(?:(?:{_PARTICLE}[ \t\n]+){{1,2}}|{_PARTICLE}-(?=[A-Z])|{_NICKNAME})?"
    r"|(?<=\b[A-Z]\.)(?=[A-Z][a-z]|[A-Z]\.\s*[A-Z][a-z]))"
    rf"{_NAME_WORD}){{0,4}}"
    r"(?:,?\s+(?:Jr|Sr)\.?(?!\w)|\s+I{2,3}\b)?"
)
_HONORIFICS = re.compile(rf"(?:{HONORIFIC_PATTERN.pattern}\s+)+")
_AFFILIATION = re.compile(
    r"\s+(?:of|for|to)\s+(?:the\s+)?(?:[A-Z][\w'’.\-]*|\([A-Z]+\))"
    r"(?:(?:\s+|\s*,\s*)(?:(?:and|of|for|the|on|&|in|to)\s+)*(?:[A-Z][\w'’.\-]*|\([A-Z]+\)))*"
)
#: A second portfolio joined to a ministerial title: "Minister of Foreign Affairs and Trade".
_PORTFOLIO = re.compile(
    r"\s+and\s+(?:(?:International|European|Regional|African|Economic|Foreign)\s+)?"
    r"(?:Trade|Cooperation|Co-operation|Development|Worship|Commerce|Integration|Expatriates|Emigrants|Diaspora"
    r"|Investment|Tourism|Industry|Affairs)(?![\w-])"
)
#: After a second office joined by "and", the holder's name: "... and Minister of Foreign Affairs, Dr. Sabah ...".
_JOINED_OFFICE_NAME = re.compile(
    rf"(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][^,;.]{{0,60}}?)?(?:,\s+(?:(?:{HONORIFIC_PATTERN.pattern})\s+)*"
    rf"|\s+(?:(?:{HONORIFIC_PATTERN.pattern})\s+)+)"
    r"[A-Z][\w'’-]+(?:\s+(?:(?:al|el|bin|bint|ibn|de|da|van|von)[\s-])?[A-Z][\w'’-]+)+"
)
_PREFIX_ARTICLE = re.compile(r"(?:\b[Tt]he\s+)$")
_COLLECTIVE_NOUN = re.compile(
    r"\s+(?:side|delegation|government|Government|authorities|leadership|Foreign\s+Ministry|Ministry|MFA)\b"
)
_GOVERNMENT_OF = re.compile(
    r"\b(?:[Tt]he\s+)?(?:Government|Ministry\s+of\s+Foreign\s+Affairs|Foreign\s+Ministry)\s+of\s+(?:the\s+)?$"
)
_ADDRESS = re.compile(r"\b(?:His|Her)\s+(?:Royal\s+)?(Highness|Excellency|Majesty|Holiness)\b")
#: "His Highness affirmed ...": a style of address standing alone for the person it was used for.
_BARE_ADDRESS = re.compile(rf"{_ADDRESS.pattern}(?![’']s)(?!\s+(?:the\s+)?[A-Z])")
_ACCORDING_TO = re.compile(r"\b[Aa]ccording\s+to\s+(?:the\s+)?$")
_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he|him|(?<=according to )her)\b")
_POSSESSIVE = re.compile(r"[’']s$")
_STATE_STYLE = re.compile(r"(?:[A-Z][\w'’\-]*\s+){1,4}of\s+(?:the\s+)?")
_AFTER_PREPOSITION = re.compile(r"\b(?:to|in|at|from|of|on|into|near|across|for)\s+(?:the\s+)?$", re.IGNORECASE)


def is_name_word(word: str) -> bool:
    """Whether ``word`` can be part of a personal name: capitalised, and no title, place or stop word."""
    return re.fullmatch(_NAME_WORD, word) is not None and not _bad_name_word(word)


def _clean_name(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Trim a capitalised run to the words that can be a personal name."""
    words = list(re.finditer(r"\S+", text[start:end]))
    kept_end = None
    for index, word in enumerate(words):
        token = word.group(0).rstrip(",")
        bare = _POSSESSIVE.sub("", token)
        if _bad_name_word(bare):
            break
        if index == 0 and token.endswith(".") and len(token) == 2 and len(words) == 1:
            break
        kept_end = start + word.end()
        if token.endswith(","):
            kept_end -= 1
            if not re.match(r",?\s*(?:Jr|Sr)", text[kept_end : end]):
                break
    if kept_end is None:
        return None
    stripped = _POSSESSIVE.sub("", text[start:kept_end])
    return start, start + len(stripped)


def _name_suffix(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The longest run of name words ending at ``end`` (two words at least)."""
    words = list(re.finditer(r"\S+", text[start:end]))
    first = len(words)
    while first > 0:
        bare = _POSSESSIVE.sub("", words[first - 1].group(0))
        if first < len(words) and re.search(r"\w{2}[.!?]$", bare):
            break  # a sentence ends there ("… with Jacob Sullivan. Andriy Yermak and …")
        particle = re.fullmatch(_PARTICLE, bare) is not None and first > 1 and first < len(words)
        if not particle and re.fullmatch(rf"{_PARTICLE}-[A-Z][\w'’\-]*", bare) is None and (
            _bad_name_word(bare) or not bare[:1].isupper()
        ):
            break  # a particle inside a name ("Mohamed bin Zayed Al Nahyan", "Abdel Fattah el-Sisi") reads on
        first -= 1
    while first < len(words) and not words[first].group(0)[:1].isupper():
        first += 1  # a name opens with a capital
    if len(words) - first < 2:
        return None
    return start + words[first].start(), end


def _name_at(text: str, pos: int, limit: int) -> tuple[int, int] | None:
    match = _NAME.match(text, pos, limit)
    if not match:
        return None
    return _clean_name(text, match.start(), match.end())


def _place_in(text: str) -> str | None:
    """The first gazetteer side named in ``text`` that is not a destination ("to the OPCW")."""
    for match in gazetteer_pattern().finditer(text):
        if re.search(r"\bto\s+(?:the\s+)?$", text[: match.start()]):
            continue
        return lookup_place(match.group(0))
    return None


_MODIFIERS_BEFORE = re.compile(r"(?<![\w-])(?:(?:Vice|Deputy|Acting|Interim|Alternate|First|Senior)\s+)+$")


@lru_cache(maxsize=1)
def _prefix_pattern() -> re.Pattern[str]:
    # title words may stand between the nationality and the title: "Japanese Vice Foreign Minister",
    # "German State Secretary"
    modifiers = "|".join(sorted(_TITLE_WORDS | _TITLE_MODIFIERS))
    return re.compile(rf"(?P<place>{gazetteer_pattern().pattern})\s+(?:(?:{modifiers})\s+){{0,2}}$")


def _prefix_place(head: str) -> re.Match[str] | None:
    """A gazetteer name right before a role ("Chinese Foreign Minister"), if any."""
    tail = head[-60:]
    if not tail[-1:].isspace() or not re.search(r"[A-Z][\w.’']*\s+$", tail):
        return None
    match = _prefix_pattern().search(tail)
    if match is None:
        return None
    offset = len(head) - len(tail)
    return _prefix_pattern().search(head, offset + match.start())


@dataclass
class _PersonDraft:
    """A person mention being widened from its role: bounds so far and what they tell."""

    start: int
    end: int
    gender: str | None
    place: str | None = None
    name: str | None = None


def _person_mentions(text: str, start: int, end: int) -> list[Mention]:
    """Every role in ``text[start:end]`` widened into a person mention (honorifics, place, name)."""
    mentions: list[Mention] = []
    pos = start
    upper = ROLE_PATTERN.search(text, pos, end)
    lower = LOWER_ROLE_PATTERN.search(text, pos, end)
    while True:
        if upper is not None and upper.start() < pos:
            upper = ROLE_PATTERN.search(text, pos, end)
        if lower is not None and lower.start() < pos:
            lower = LOWER_ROLE_PATTERN.search(text, pos, end)
        if upper is None and lower is None:
            break
        lower_case = upper is None or (lower is not None and lower.start() < upper.start())
        role_match = lower if lower_case else upper
        assert role_match is not None
        role = LOWER_ROLES[role_match.group(0)] if lower_case else role_match.group(0)
        draft = _PersonDraft(role_match.start(), role_match.end(), ROLE_GENDER.get(role))
        _widen_left(draft, text, start)
        _widen_office(draft, text, (start, end), role_match.end())
        name_span = _name_after(draft, text, end)
        if name_span:
            _take_name_after(draft, text, end, name_span)
        else:
            _take_name_before(draft, text, start, mentions[-1].end if mentions else start)
        mentions.append(Mention(draft.start, draft.end, "person", name=draft.name, role=role, place=draft.place,
                                gender=draft.gender, address=address_style(text[draft.start : draft.end])))
        pos = max(draft.end, role_match.end())
    return mentions


def _widen_left(draft: _PersonDraft, text: str, start: int) -> None:
    """Leftwards: title words ("Vice" Foreign Minister), honorifics, a nationality or organisation prefix, an
    article."""
    head = text[max(start, draft.start - 80) : draft.start]
    modifiers = _MODIFIERS_BEFORE.search(head)
    if modifiers:
        draft.start -= len(modifiers.group(0))
        head = text[max(start, draft.start - 80) : draft.start]
    hon = re.search(rf"(?:{HONORIFIC_PATTERN.pattern}\s+)+$", head)
    if hon:
        draft.gender = draft.gender or honorific_gender(hon.group(0))
        draft.start -= len(hon.group(0))
        head = text[max(start, draft.start - 80) : draft.start]
    prefix = _prefix_place(head)
    if prefix and not re.search(r"\b(?:of|in|to)\s+(?:the\s+)?$", head[: prefix.start()]):
        draft.place = lookup_place(prefix.group("place"))
        draft.start -= len(prefix.group(0))
        head = text[max(start, draft.start - 80) : draft.start]
    article = _PREFIX_ARTICLE.search(head)
    if article:
        draft.start -= len(article.group(0))


def _widen_office(draft: _PersonDraft, text: str, bounds: tuple[int, int], role_end: int) -> None:
    """Rightwards over the office: a second portfolio ("... Foreign Affairs and Trade"), then an affiliation."""
    start, end = bounds
    joined = re.match(r"\s+and\s+|[ \t]*/[ \t]*", text[draft.end : end])
    second = ROLE_PATTERN.match(text, draft.end + joined.end(), end) if joined else None
    named_before = re.search(r"[A-Z][\w'’\-]*,\s+(?:the\s+)?$", text[max(start, draft.start - 40) : draft.start])
    slashed = joined is not None and "/" in joined.group(0)  # "Prime Minister/Defense Minister X": one holder
    if second and (slashed or named_before or _JOINED_OFFICE_NAME.match(text, second.end(), end)):
        # two offices held by one person named next or just before: "Deputy Prime Minister and Minister of
        # Foreign Affairs, Dr. X", "General Mao Ratana, Deputy Prime Minister and Minister of National Defence"
        draft.end = second.end()  # the first office stays the role: "H.E. Deputy Prime Minister" later
    portfolio = _PORTFOLIO.match(text, draft.end, end)
    if portfolio:
        draft.end = portfolio.end()
    affiliation = _AFFILIATION.match(text, draft.end, end)
    if affiliation:
        draft.end += _cut_affiliation(affiliation.group(0))
        draft.place = draft.place or _place_in(text[role_end : draft.end])


def _name_after(draft: _PersonDraft, text: str, end: int) -> tuple[int, int] | None:
    """The span of the name after the office, directly or in apposition (honorifics tell the gender)."""
    name_span = None
    spaced = draft.end < end and text[draft.end] in " \t\n"
    honorific_end = _HONORIFICS.match(text, draft.end + 1, end) if spaced else None
    name_pos = honorific_end.end() if honorific_end else draft.end + 1
    if honorific_end:
        draft.gender = draft.gender or honorific_gender(honorific_end.group(0))
    if spaced:
        name_span = _name_at(text, name_pos, end)
    if name_span is None:
        appo = re.match(
            rf",\s+((?:{HONORIFIC_PATTERN.pattern}\s+|{ROLE_PATTERN.pattern}\s+)*)", text[draft.end : end]
        )
        if appo:
            candidate = _name_at(text, draft.end + appo.end(), end)
            if candidate and (appo.group(1) or " " in text[candidate[0] : candidate[1]]):
                name_span = candidate
                draft.gender = draft.gender or honorific_gender(appo.group(1) or "")
    return name_span


def _take_name_after(draft: _PersonDraft, text: str, end: int, name_span: tuple[int, int]) -> None:
    """The mention runs to the name, then over "of <country>" (its place)."""
    draft.name = text[name_span[0] : name_span[1]]
    owner = re.match(r"(.+?)[’']s\s", draft.name)
    if owner:  # "President Macron's Address": the name is "Macron", the mention keeps what he owns
        draft.name = owner.group(1)
    draft.end = name_span[1]
    # "Ferdinand Marcos Jr. of the Philippines": the suffix's full stop is not a sentence end
    suffix_stop = r"\.?" if re.search(r"\b(?:Jr|Sr)$", draft.name) else ""
    tail = re.match(rf"{suffix_stop}\s+of\s+(?:the\s+)?", text[draft.end : end])
    if tail:
        at = draft.end + tail.end()
        # the state's full style before its name: "of the Republic of Slovenia", "of the Arab Republic of Egypt"
        style = _STATE_STYLE.match(text, at, end)
        gaz = gazetteer_pattern().match(text, at, end)
        if gaz is None and style is not None:
            gaz = gazetteer_pattern().match(text, style.end(), end)
        if gaz:
            draft.place = draft.place or lookup_place(gaz.group(0))
            draft.end = gaz.end()


def _take_name_before(draft: _PersonDraft, text: str, start: int, lead_from: int) -> None:
    """Name first, in apposition: "Kirill Lysogorsky, Deputy Minister of ..." (the name never reaches before
    ``lead_from``, the end of the previous mention; ``start`` is the unit's)."""
    lead = re.search(r"((?:[A-Z][\w'’\-.]*[ \t]+){1,4}[A-Z][\w'’\-]*),\s+$", text[lead_from : draft.start])
    span = _name_suffix(text, lead_from + lead.start(1), lead_from + lead.end(1)) if lead else None
    if span and _AFTER_PREPOSITION.search(text, max(start, span[0] - 12), span[0]):
        span = None  # "trip to Abu Dhabi, the Vice President": a place, not the name in apposition
    if span and _OBJECT_BEFORE.search(text, max(start, span[0] - 12), span[0]) and _cue_next(text, draft.end):
        span = None  # "direct contact with Vladimir Zelensky, the President of Russia noted": a new subject
    if span:
        draft.name = text[span[0] : span[1]]
        draft.start = span[0]
        before = text[max(start, draft.start - 60) : draft.start]
        hon_before = re.search(rf"(?:{HONORIFIC_PATTERN.pattern}\s+)+$", before)
        if hon_before:
            draft.gender = draft.gender or honorific_gender(hon_before.group(0))
            draft.start -= len(hon_before.group(0))


_OBJECT_BEFORE = re.compile(r"\b(?:with|to|by|about|against|between|and)\s+(?:the\s+)?$", re.IGNORECASE)


def _cue_next(text: str, pos: int) -> bool:
    """Whether a speech-act verb follows ``pos`` directly (over an adverb): the mention ending there is a subject."""
    after = re.match(r"\s+(?:(?:also|again|then|once\s+again|[a-z]+ly)\s+)?", text[pos : pos + 40])
    if after is None:
        return False
    at = pos + after.end()
    return any(cue.start == at for cue in find_cues(text, at, min(len(text), at + 40)))


def address_style(text: str) -> str | None:
    """The style of address a mention uses ("His Royal Highness ..." -> "highness"), else None."""
    match = _ADDRESS.search(text)
    return match.group(1).lower() if match else None


def _address_mentions(text: str, start: int, end: int) -> list[Mention]:
    """A style of address standing alone as a subject: "His Highness affirmed ..."."""
    return [
        Mention(m.start(), m.end(), "person", gender="f" if m.group(0).startswith("Her") else "m",
                address=m.group(1).lower())
        for m in _BARE_ADDRESS.finditer(text, start, end)
    ]


@lru_cache(maxsize=1)
def _placed_lower_role_pattern() -> re.Pattern[str]:
    roles = "|".join(re.escape(r) for r in sorted([*LOWER_ROLES, "leader"], key=len, reverse=True))
    return re.compile(rf"\b[Tt]he\s+(?P<place>{gazetteer_pattern().pattern})\s+(?P<role>{roles})(?![\w-])")


def _placed_lower_role_mentions(text: str, start: int, end: int) -> list[Mention]:
    """A title in lower case after a nationality: "the Russian leader", "the Ukrainian president"."""
    mentions = []
    for match in _placed_lower_role_pattern().finditer(text, start, end):
        place = lookup_place(match.group("place"))
        if place is not None:
            role = LOWER_ROLES.get(match.group("role"), "Leader")
            mentions.append(Mention(match.start(), match.end(), "person", role=role, place=place,
                                    gender=ROLE_GENDER.get(role)))
    return mentions


def _cut_affiliation(aff_text: str) -> int:
    """Length of the affiliation to keep: stop before a form of address ("of Peace H.E. Abebe Tessema"),
    else after a country or ministry word followed by a name."""
    honorific = re.search(rf"\s+(?:{HONORIFIC_PATTERN.pattern})\s+[A-Z]", aff_text)
    if honorific and honorific.start() > 0:
        aff_text = aff_text[: honorific.start()]
    other = re.search(rf"\s+and\s+(?:the\s+)?(?:{ROLE_PATTERN.pattern}|[A-Z][a-z]+-in-Chief\b)", aff_text)
    if other and other.start() > 0:  # "the President of the Republic and the President of South Africa": two people
        aff_text = aff_text[: other.start()]
    for match in gazetteer_pattern().finditer(aff_text):
        rest = aff_text[match.end() :]
        if re.match(r"\s+(?:[A-Z][a-z]|[A-Z]\.)", rest) and not re.match(r"\s+(?:and|of|for)\b", rest):
            return match.end()  # "... of the Russian Federation Sergey Lavrov" or "... M.V.Zorin"
        if re.match(r"\.\s+[A-Z]", rest):
            return match.end()  # the sentence ends after the country
    for match in re.finditer(r"\b[A-Z][\w-]*", aff_text):
        if match.group(0) in _MINISTRY_WORDS:
            rest = aff_text[match.end() :]
            if re.match(r"\s+[A-Z][\w'’-]+\s+[A-Z]", rest) and not re.match(r"\s+(?:and|of|for|the)\b", rest):
                words = rest.split()
                if words and words[0] not in _MINISTRY_WORDS:
                    return match.end()
    named = _trailing_name(aff_text)
    if named is not None:
        return named  # "... of the Office of the President Andriy Smyrnov": the holder's name ends the office
    trimmed = re.sub(r"\s*,\s*[^,]*$", "", aff_text) if aff_text.count(",") else aff_text
    return len(trimmed)


def _trailing_name(aff_text: str) -> int | None:
    """Where the affiliation ends when a personal name closes it right after a title or body word that no name
    holds ("of the Office of the President Andriy Smyrnov", "of the President's Office Ihor Zhovkva", "to the Vice
    President Phil Gordon’s Meeting on …": a possessive name ends it too), else None.

    The word before the name must be capitalised and unable to be part of a name (an office, a body, a place), so
    that "of the Freeman Spogli Institute" keeps its words."""
    if "," in aff_text:
        return None
    words = list(re.finditer(r"\S+", aff_text))
    for index, word in enumerate(words[:-2]):
        bare = _POSSESSIVE.sub("", word.group(0))
        if not bare[:1].isupper() or not _bad_name_word(bare) or _POSSESSIVE.search(word.group(0)):
            continue
        run = 0
        for following in words[index + 1 :]:
            token = following.group(0)
            if not is_name_word(_POSSESSIVE.sub("", token)):
                break
            run += 1
            if _POSSESSIVE.search(token):
                break
        closes = index + 1 + run == len(words) or _POSSESSIVE.search(words[index + run].group(0))
        if run >= 2 and closes:
            return word.end()
    return None


@lru_cache(maxsize=256)
def _names_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    body = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{body})(?:[’']s)?(?![\w-])")


def _known_name_mentions(text: str, start: int, end: int, names: Iterable[str]) -> list[Mention]:
    names = tuple(names)
    if not names:
        return []
    mentions = []
    for match in _names_pattern(names).finditer(text, start, end):
        name = _POSSESSIVE.sub("", match.group(0))
        mentions.append(Mention(match.start(), match.start() + len(name), "person", name=name))
    return mentions


#: A personal honorific and the name after it ("Mr Razvozhayev", "Ms. Al-Khaifi"): a person, even by surname alone.
_HONORED_NAME = re.compile(r"\b(?:Mr|Mrs|Ms|Mme|Dr)\.?[ \t]+(?=[A-ZÀ-ÖØ-Þ])")


def _honored_name_mentions(text: str, start: int, end: int) -> list[Mention]:
    """A name after a personal honorific, which no title introduces ("Mr Razvozhayev mentioned that …"); not a
    form of address to a title ("Mr. President")."""
    mentions = []
    for match in _HONORED_NAME.finditer(text, start, end):
        span = _name_at(text, match.end(), end)
        if span is None or ROLE_PATTERN.match(text, span[0]):
            continue
        honorific = match.group(0)
        gender = "f" if honorific.startswith(("Mrs", "Ms", "Mme")) else "m" if honorific.startswith("Mr") else None
        mentions.append(Mention(match.start(), span[1], "person", name=text[span[0] : span[1]], gender=gender))
    return mentions


_NAME_RUN = (
    rf"((?:[A-Z][\w'’\-.]*[ \t]+(?:{_PARTICLE}[ \t]+)?){{1,3}}(?:{_PARTICLE}-)?[A-Z][\w'’\-]*)"
)
#: A name right before a cue, over the adverbs between ("Vladimir Putin once again set forth").
_NAME_BEFORE_CUE = re.compile(
    _NAME_RUN + r"(?:,?\s+(?:also|again|once\s+again|further|then|in\s+turn|[a-z]+ly)(?=[\s,])){0,2},?\s+$"
)
_NAME_AND = re.compile(_NAME_RUN + r"\s+and\s+$")


def _bare_name_mentions(text: str, start: int, end: int) -> list[Mention]:
    """Unintroduced names right before or after a cue ("John Kirby said", "said Jane Doe"), or as the subject
    opening a sentence ("Vladimir Putin provided ...")."""
    mentions = []
    opening = re.match(_NAME_RUN + r"\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|s)\b", text[start:end])
    span = _name_suffix(text, start + opening.start(1), start + opening.end(1)) if opening else None
    if span and span[0] == start and lookup_place(text[span[0] : span[1]]) is None:
        mentions.append(Mention(span[0], span[1], "person", name=text[span[0] : span[1]]))
    for cue in find_cues(text, start, end):
        if cue.text[:1].isupper() and not re.match(r"\s+[A-Z]", text[cue.end : cue.end + 2]):
            continue  # a capitalised cue in running text is a noun ("coastal West African States."), not a headline's
        before = _NAME_BEFORE_CUE.search(text[start : cue.start])
        span = _name_suffix(text, start + before.start(1), start + before.end(1)) if before else None
        if span and _POSSESSIVE.search(text[span[0] : span[1]]):
            span = None  # "Charles Michel's call for": the name owns the noun, it does not speak
        if span and lookup_place(text[span[0] : span[1]]) is None:  # "European Union said": a body, not a person
            mentions.append(Mention(span[0], span[1], "person", name=text[span[0] : span[1]]))
            # "Vladimir Putin and Angela Merkel agreed": the first of two names joined by "and" too
            first = _NAME_AND.search(text[start : span[0]])
            span = _name_suffix(text, start + first.start(1), start + first.end(1)) if first else None
            if span and lookup_place(text[span[0] : span[1]]) is None:
                mentions.append(Mention(span[0], span[1], "person", name=text[span[0] : span[1]]))
        after = _NAME.match(text, cue.end + 1, end) if text[cue.end : cue.end + 1] == " " else None
        if after:
            span = _clean_name(text, after.start(), after.end())
            owner = span is not None and re.match(r"[’']s\b", text[span[1] : span[1] + 3]) is not None
            if span and " " in text[span[0] : span[1]] and not owner:  # "Responding to Charles Michel's call"
                mentions.append(Mention(span[0], span[1], "person", name=text[span[0] : span[1]]))
    return mentions


def _with_article(text: str, start: int, pos: int) -> int:
    """``pos`` moved back over a preceding "the " (not before ``start``)."""
    article = re.search(r"[Tt]he\s+$", text[max(start, pos - 4) : pos])
    return pos - len(article.group(0)) if article else pos


def _collective_mentions(text: str, start: int, end: int) -> list[Mention]:
    mentions = []
    for match in gazetteer_pattern().finditer(text, start, end):
        token = match.group(0)
        place = lookup_place(token)
        if place is None:
            continue
        s, e = match.start(), match.end()
        noun = _COLLECTIVE_NOUN.match(text, e, end)
        gov = _GOVERNMENT_OF.search(text[max(start, s - 40) : s])
        if noun and not _POSSESSIVE.search(token):
            e = noun.end()
            s = _with_article(text, start, s)
        elif gov:
            s -= len(gov.group(0))
        elif _POSSESSIVE.search(token) and _ACCORDING_TO.search(text, max(start, s - 16), s) and token[:1].isupper():
            e -= len(token) - len(_POSSESSIVE.sub("", token))  # "according to WHO's figures": WHO is the source
        elif _POSSESSIVE.search(token) or token[:1].islower():
            continue
        elif token.endswith(("an", "ese", "ish", "ch", "ic", "i")) and token != place and token not in (
            "Kremlin",
        ):
            continue  # a bare demonym is an adjective ("Russian aggression"), not a speaker
        mentions.append(Mention(s, e, "collective", place=place))
    return mentions


def _alias_spans(text: str, start: int, end: int, names: tuple[str, ...]) -> list[tuple[int, int, str]]:
    """(start with its article, end, alias as written) of each sides-file alias in ``text[start:end]``."""
    if not names:
        return []
    spans = []
    for match in _names_pattern(names).finditer(text, start, end):
        found = _POSSESSIVE.sub("", match.group(0))  # the pattern is case-sensitive: an alias as written
        spans.append((_with_article(text, start, match.start()), match.start() + len(found), found))
    return spans


def _body_mentions(text: str, start: int, end: int, names: tuple[str, ...]) -> list[Mention]:
    """Bodies named in the sides file ("Borealis said", "the Government of Borealis said")."""
    return [Mention(s, e, "collective", place=found) for s, e, found in _alias_spans(text, start, end, names)]


def _role_mentions(text: str, start: int, end: int, roles: tuple[str, ...]) -> list[Mention]:
    """Office holders named by a sides-file role alias ("the Indian DGMO conveyed ...")."""
    return [Mention(s, e, "person", role=found) for s, e, found in _alias_spans(text, start, end, roles)]


def find_mentions(
    text: str, start: int, end: int, known_names: Iterable[str] = (), body_names: tuple[str, ...] = (),
    role_names: tuple[str, ...] = (),
) -> list[Mention]:
    """Every mention inside ``text[start:end]``, in order, without overlaps.

    Parameters
    ----------
    text : str
    start, end : int
    known_names : iterable of str, default=()
        Names and surnames of speakers introduced earlier, found again when
        they appear without a title ("Lysogorsky noted ...").
    body_names : tuple of str, default=()
        Bodies named in the sides file (:attr:`Sides.body_aliases`), found as
        collective speakers.
    role_names : tuple of str, default=()
        Office holders named in the sides file by a role the built-in titles
        do not know (:attr:`Sides.role_aliases`), found as persons.

    Returns
    -------
    list of Mention
        Longer mentions win where two overlap.
    """
    candidates = _person_mentions(text, start, end)
    candidates += _known_name_mentions(text, start, end, known_names)
    candidates += _bare_name_mentions(text, start, end)
    candidates += _honored_name_mentions(text, start, end)
    candidates += _address_mentions(text, start, end)
    candidates += _placed_lower_role_mentions(text, start, end)
    candidates += [
        Mention(m.start(), m.end(), "pronoun", gender="m" if m.group(0).lower() in ("he", "him") else "f")
        for m in _PRONOUN.finditer(text, start, end)
    ]
    candidates += [Mention(m.start(), m.end(), "joint") for m in JOINT_PATTERN.finditer(text, start, end)]
    candidates += _collective_mentions(text, start, end)
    candidates += _body_mentions(text, start, end, body_names)
    candidates += _role_mentions(text, start, end, role_names)
    candidates.sort(key=lambda m: (m.start, -(m.end - m.start)))
    chosen: list[Mention] = []
    for mention in sorted(candidates, key=lambda m: (-(m.end - m.start), m.start)):
        if all(mention.end <= c.start or mention.start >= c.end for c in chosen):
            chosen.append(mention)
    return _affiliated(text, sorted(chosen, key=lambda m: m.start))


# between a body and the title it affiliates: an acronym in brackets, or a word or two of the office ("UNHCR
# Goodwill Ambassador")
_BETWEEN_BODY_AND_TITLE = re.compile(r"(?:\s+\([A-Z]{2,6}\))?(?:\s+[A-Z][a-z]+){0,2}\s+$")


def _affiliated(text: str, mentions: list[Mention]) -> list[Mention]:
    """A body named right before an unplaced title is the title's affiliation: one person mention, placed there
    ("French Foreign Ministry Secretary General François Delattre", "Republic of Korea (ROK) First Vice Foreign
    Minister Choi Jong Kun"); an unnamed title right before a titled name is one person ("Angolan Minister of State
    Chief Furtado")."""
    out: list[Mention] = []
    for mention in mentions:
        if (
            len(out) >= 2 and out[-1].kind == out[-2].kind == "collective" and out[-1].place == out[-2].place
            and text[out[-2].end : out[-1].start] == " (" and mention.kind == "person"
        ):
            out.pop()  # "Republic of Korea (ROK)": the acronym in brackets is the body's own
        body = out[-1] if out else None
        if (
            body is not None and body.kind == mention.kind == "person" and body.name is None and body.role
            and mention.name and text[body.end : mention.start] == " " and text[body.start].isupper()
            and not text.startswith(("The ", "the "), body.start)
        ):
            # "Angolan Minister of State Chief Furtado": an unnamed title right before a titled name is one person
            out[-1] = replace(body, end=mention.end, name=mention.name, gender=body.gender or mention.gender)
            continue
        if (
            body is not None and body.kind == "collective" and mention.kind == "person" and mention.place is None
            and mention.role is not None and _BETWEEN_BODY_AND_TITLE.fullmatch(text, body.end, mention.start)
        ):
            out[-1] = replace(mention, start=body.start, place=body.place)
            continue
        out.append(mention)
    return out
