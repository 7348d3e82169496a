"""Scene-setting narration: sentences that only report that an event took place.

"President Biden spoke today by phone with Prime Minister Netanyahu of Israel." and "Participants included:"
say who met whom, when, where and who took part; they say nothing on a subject. Such a sentence is real
narration (extraction keeps it), but it should not found a theme or count as a repeated claim.

The test is a residue test, without a parser: take away from the sentence everything the extraction knows to
be setting, and see whether any word of substance is left.

Taken away:

* the mentions extraction finds (persons with their titles and affiliations, collective bodies, "both
  leaders", pronouns) and the gazetteer's places;
* the predicate of meeting (:data:`MEETING_PATTERN`: "met", "spoke today with", "hosted", "participated");
* proper-name chunks (capitalised words, joined by "of", "the", "and", "&") that name a place, an office or
  an event: governed by a place preposition ("in Mexico City", "at Camp David"), or holding a title or
  institution word ("the Office of Public Engagement", "the G7 Summit");
* dates and numbers, function words, and the label-noise list (reporting verbs, titles, readout
  boilerplate: the words that never label a topic either).

A sentence with nothing left is scene-setting. A sentence that says what was discussed keeps its subject
("to discuss the war", "the situation in Gaza", "Gaza" as an object): the test fails on the first word of
substance. Lists of participants ("Tom Perez, Senior Advisor, ... Office of Intergovernmental Affairs") are
scene-setting by the same test: only names, titles and offices.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from ..gazetteer import gazetteer_pattern
from ..lang import word_set
from ._lexicon import MEETING_PATTERN, NAME_STOPWORDS
from ._mentions import Mention, find_mentions

__all__ = [
    "is_list_header",
    "is_scene_setting",
    "lower_content_words",
    "person_name_words",
    "person_names",
    "setting_vocabulary",
    "substance_words",
    "words_and_parts",
]

_TOKEN = re.compile(r"[^\W_][\w'’.&-]*", re.UNICODE)
_NAME_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)
#: Share of a word's occurrences that must fall inside persons' names for :func:`person_name_words`.
PERSON_NAME_SHARE = 0.5
#: A chunk of capitalised words, possibly joined by the small words of proper names.
_CHUNK = re.compile(
    r"(?:[A-Z0-9][\w'’.&-]*)(?:(?:\s+|\s*-\s*)(?:(?:the|and|for|on|&|de|da|al|bin)\s+)*[A-Z0-9][\w'’.&-]*)*"
)
_PLACE_BEFORE = re.compile(r"\b(?:in|at|from|to|near|inside|outside|across|of)\s+(?:the\s+)?$", re.IGNORECASE)
_MARKUP = re.compile(r"<[^<>]*>")
_NUMBER = re.compile(r"\d[\d,.:/]*(?:st|nd|rd|th|s)?", re.IGNORECASE)


@lru_cache(maxsize=1)
def setting_vocabulary() -> frozenset[str]:
    """The lower-case words that never carry a subject here: function words, label noise, titles, months,
    weekdays, the readout's speakers and reporting words."""
    words = set(word_set("stopwords")) | set(word_set("topics_label_noise")) | set(word_set("compare_months"))
    words |= {w.lower().rstrip(".") for w in word_set("extract_title_words")}
    words |= {w.lower() for w in word_set("extract_title_modifiers") | word_set("extract_lower_ranks")}
    words |= {w.lower() for w in NAME_STOPWORDS if w.endswith("day")}  # weekdays, today, yesterday
    words |= word_set("compare_readout_not_a_subject")  # speakers' and reporting words of readouts
    return frozenset(words)


@lru_cache(maxsize=1)
def _institution_words() -> frozenset[str]:
    """Capitalised words that make a chunk the name of an office, a body or an event."""
    return frozenset(word_set("extract_title_words") | NAME_STOPWORDS | word_set("extract_ministry_words"))


def _covered(text: str, mentions: list[Mention]) -> list[tuple[int, int]]:
    """Spans of the setting: mentions, places, the meeting predicate, naming chunks."""
    spans = [(m.start, m.end) for m in mentions]
    spans += [(m.start(), m.end()) for m in gazetteer_pattern().finditer(text)]
    spans += [(m.start(), m.end()) for m in MEETING_PATTERN.finditer(text)]
    institutions = _institution_words()
    last_place_end = -1
    for chunk in _CHUNK.finditer(text):
        words = chunk.group(0).split()
        at_start = not text[: chunk.start()].strip()
        # "in San Francisco, California": the chunk after a place and a comma is the place's region
        placed = _PLACE_BEFORE.search(text, 0, chunk.start()) is not None or (
            last_place_end >= 0 and text[last_place_end : chunk.start()].strip() == ","
        )
        last_place_end = chunk.end() if placed else -1
        named = any(w.strip(".,’'s") in institutions for w in words)
        if (placed or named) and not (at_start and len(words) == 1):
            spans.append((chunk.start(), chunk.end()))
    return spans


def substance_words(text: str) -> list[str]:
    """The words of ``text`` left once the setting is taken away (lower-cased, in order).

    See the module docstring for what the setting is. An empty list means the sentence only sets the scene.
    A line of names and titles alone (a participant in a list: "State Senator Sarah Elfreth (D-MD)") has no
    lower-case word but function words and names a person: its capitalised words are setting too.
    """
    text = _MARKUP.sub(lambda m: " " * len(m.group(0)), text)
    mentions = find_mentions(text, 0, len(text))
    spans = _covered(text, mentions)
    setting = setting_vocabulary()
    left: list[tuple[str, bool]] = []
    lower_words = 0
    for match in _TOKEN.finditer(text):
        raw = match.group(0)
        lower_words += raw[0].islower() and raw.lower() not in word_set("stopwords")
        if any(s <= match.start() and match.end() <= e for s, e in spans):
            continue
        word = re.sub(r"[’']s$", "", raw.strip(".’'-&").lower())
        if len(word) < 2 or _NUMBER.fullmatch(word) or word in setting:
            continue
        left.append((word, raw[0].isupper()))
    if left and lower_words == 0 and all(upper for _, upper in left) and _names_someone(text, mentions):
        return []
    return [word for word, _ in left]


#: A participant line's tail: a party and district code ("(D-NY-10)", "(TX-18)", "(AR)").
_DISTRICT = re.compile(r"\((?:[A-Z]-)?[A-Z]{2}(?:-\d{1,2})?\)\s*$")


def _names_someone(text: str, mentions: list[Mention]) -> bool:
    """Whether a line without lower-case words reads as a participant: "Name, Title, Body" or "Title Name (D-NY)".

    A title-case heading ("*Administration Mounts Response to Extreme Heat*") has none of these marks: no
    person found by extraction, no comma between the name and its titles, no district code; markup at its start
    (a heading's emphasis) rules the comma and code forms out.
    """
    if any(m.kind == "person" for m in mentions):
        return True
    stripped = text.strip()
    if stripped[:1] in "*#_":
        return False
    return "," in stripped or _DISTRICT.search(stripped) is not None


_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]+")
#: Lower-case words of substance that mentions and the meeting predicate can take away at most ("hosted",
#: "the two sides"): a sentence with more of them is not scene-setting, whatever its mentions (a cheap exit).
_MAX_LOWER_IN_SETTING = 4


def _clearly_substantive(text: str) -> bool:
    return len(lower_content_words(text)) > _MAX_LOWER_IN_SETTING


def is_scene_setting(text: str) -> bool:
    """Whether a sentence only reports that an event happened: who met or called whom, when, where, who took part.

    Parameters
    ----------
    text : str
        One statement (a sentence, a list item).

    Returns
    -------
    bool
        True when no word of substance is left once participants, titles, places, dates, the meeting verb
        and readout boilerplate are taken away (:func:`substance_words` is empty).
    """
    return bool(text.strip()) and not _clearly_substantive(text) and not substance_words(text)


#: A list header announces the items that follow ("Participants included:", "The Task Force membership is
#: comprised of the following officials:"); longer lines ending in a colon say something themselves.
_MAX_HEADER_WORDS = 15


def is_list_header(text: str) -> bool:
    """Whether a line only announces a list: it ends with a colon and has at most 15 words.

    Its subject is in the items that follow, so it is neither a theme nor a claim of its own.
    """
    stripped = _MARKUP.sub(" ", text).strip()
    return stripped.endswith(":") and len(stripped.split()) <= _MAX_HEADER_WORDS


def lower_content_words(text: str) -> list[str]:
    """The lower-case words of ``text`` that are not setting words (function words, titles, label noise).

    A cheap stand-in for :func:`substance_words` (no mentions, no places): capitalised words, names and
    places among them, are left out as a whole.
    """
    setting = setting_vocabulary()
    return [w for w in _LOWER_WORD.findall(_MARKUP.sub(" ", text)) if w not in setting]


def person_names(text: str) -> list[str]:
    """The names of the persons extraction finds in ``text`` ("Prime Minister Meloni" gives "Meloni")."""
    return [m.name for m in find_mentions(text, 0, len(text)) if m.kind == "person" and m.name]


def person_name_words(texts: Iterable[str], candidates: Iterable[str]) -> frozenset[str]:
    """The candidate words (lower-case) that are persons' names in at least :data:`PERSON_NAME_SHARE` of their
    occurrences in ``texts`` (names found by :func:`person_names`; a hyphenated word also counts as its parts)."""
    wanted = {w.lower() for w in candidates}
    seen: Counter[str] = Counter()
    in_name: Counter[str] = Counter()
    for text in texts:
        present = [w for w in words_and_parts(text) if w.lower() in wanted]
        if not present:
            continue
        seen.update(w.lower() for w in present)
        if any(w[:1].isupper() for w in present):
            for name in person_names(text):
                in_name.update(w.lower() for w in words_and_parts(name) if w.lower() in wanted)
    return frozenset(w for w, n in in_name.items() if n >= PERSON_NAME_SHARE * seen[w])


def words_and_parts(text: str) -> list[str]:
    """Words of ``text``; a hyphenated word also gives its parts ("Sherwood-Randall", "Sherwood", "Randall")."""
    out: list[str] = []
    for word in _NAME_WORD.findall(text):
        out.append(word)
        if "-" in word:
            out.extend(part for part in word.split("-") if part)
    return out
