"""Word lists of the readout genre: speech-act cues, roles, honorifics, joint subjects.

Pure data plus the compiled patterns built from it. Verbs are listed by their
base form; :func:`_inflect` adds the -s, -ed and -ing forms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lang import records, word_set

__all__ = [
    "CUE_PATTERN",
    "Cue",
    "HEAD_TITLES",
    "find_cues",
    "HONORIFIC_PATTERN",
    "JOINT_PATTERN",
    "LOWER_ROLE_PATTERN",
    "LOWER_ROLES",
    "MEETING_PATTERN",
    "PRONOUN_GENDER",
    "ROLE_GENDER",
    "ROLE_PATTERN",
    "STANCE_PATTERN",
    "NAME_STOPWORDS",
    "NOMINAL_REPORT_PATTERN",
]

# base form -> irregular past (or "" for regular).
_SPEECH_VERBS: dict[str, str] = {
    "say": "said", "state": "", "stress": "", "note": "", "warn": "", "reiterate": "", "express": "",
    "urge": "", "welcome": "", "reject": "", "thank": "", "emphasise": "", "emphasize": "", "underscore": "",
    "underline": "", "highlight": "", "affirm": "", "reaffirm": "", "point": "", "brief": "", "inform": "",
    "tell": "told", "explain": "", "add": "", "assert": "", "insist": "", "acknowledge": "", "convey": "",
    "raise": "", "outline": "", "recall": "", "propose": "", "suggest": "", "invite": "", "congratulate": "",
    "condemn": "", "commend": "", "praise": "", "appreciate": "", "assure": "", "confirm": "", "agree": "",
    "voice": "", "share": "", "describe": "", "present": "", "report": "", "announce": "", "declare": "",
    "mention": "", "observe": "", "remark": "", "argue": "", "claim": "", "maintain": "", "hope": "",
    "believe": "", "encourage": "", "request": "", "ask": "", "demand": "", "oppose": "", "support": "",
    "discuss": "", "review": "", "commit": "committed", "pledge": "", "offer": "", "vow": "", "promise": "",
    "address": "", "criticise": "", "criticize": "", "regret": "regretted", "deplore": "", "caution": "",
    "signal": "", "signall": "signalled", "refer": "referred", "elaborate": "", "detail": "", "respond": "",
    "reply": "replied", "answer": "", "indicate": "", "extend": "", "applaud": "", "lament": "",
    "denounce": "", "accuse": "", "deny": "denied", "dismiss": "", "call": "", "touch": "", "recognise": "",
    "recognize": "", "speak": "spoke", "reassure": "", "remind": "", "stipulate": "", "contend": "",
    "advocate": "", "notice": "", "reflect": "", "update": "", "question": "",
    "hail": "", "salute": "", "lay": "laid", "set": "set", "make": "made", "put": "put",
    "look": "", "appeal": "", "recommend": "", "assess": "", "concede": "", "admit": "admitted",
    "predict": "", "cite": "", "complain": "", "protest": "", "clarify": "clarified", "specify": "specified",
    "exchange": "", "laud": "", "reinforce": "", "restate": "", "celebrate": "", "honor": "", "honour": "",
    "mourn": "", "press": "", "seek": "sought", "resolve": "", "flag": "flagged", "decry": "decried",
    "draw": "drew", "take": "took", "focus": "", "give": "gave", "instruct": "", "talk": "", "pay": "paid",
}

# Verbs that only count with the particle that follows them.
_PARTICLE_VERBS = {
    "point": r"\s+out", "touch": r"\s+(?:on|upon)",
    "call": r"(?:\s+(?:for|on|upon)|(?=\s+(?:the|this|these|those|that|such|it)\s+(?-i:[a-z])))",
    "speak": r"\s+(?:about|of|on)",
    "lay": r"\s+out", "set": r"\s+(?:out|forth)", "make": r"\s+(?:clear|it\s+clear|the\s+case|a\s+statement|remarks)",
    "put": r"\s+forward", "look": r"\s+forward", "refer": r"\s+to", "respond": r"\s+to", "appeal": r"\s+(?:to|for)",
    "reflect": r"\s+on", "signal": r"", "signall": r"", "share": r"", "extend": r"", "present": r"",
    "update": r"", "review": r"", "address": r"", "offer": r"", "raise": r"", "brief": r"",
    "press": r"\s+(?:for|on|ahead)", "seek": r"\s+(?:to|a|an|the)", "resolve": r"\s+to",
    "draw": r"\s+(?:(?:the|his|her|their|its)\s+)?attention", "take": r"\s+up",
    "pay": r"\s+(?:[a-z]+\s+){0,2}attention\s+to",  # "paid special attention to the energy security issues"
    "focus": r"\s+(?:(?:in\s+particular|particularly|specifically)\s+)?on", "talk": r"\s+(?:about|of)",
    "give": r"\s+(?:an?|his|her|their|its)\s+(?:\w+\s+)?"
    r"(?:assessment|overview|account|update|briefing|evaluation|explanation|analysis)",
}

#: "The Foreign Secretary was clear that ...": a copula and a word of firmness before "that".
_COPULA_CUE = r"(?:was|were)\s+(?:clear|firm|adamant|emphatic|categorical)(?=\s+that\b)"

_NOUN_CUES = [
    r"according\s+to",
    r"in\s+(?:his|her|their)\s+(?:words|view|views|remarks|statement|opening\s+remarks|assessment|opinion|judgement|judgment)",
    r"for\s+(?:his|her|its|their)\s+part", r"in\s+(?:his|her)\s+(?:address|speech|intervention)",
]


# Base forms that also serve as cues ("we call on", "they agree"); other base forms are too often nouns.
_BASE_CUES = word_set("extract_base_cues")


def _inflect(base: str, past: str) -> list[str]:
    if base.endswith("e"):
        forms = [base, base + "s", base + "d", base[:-1] + "ing"]
    elif base.endswith(("ss", "sh", "ch", "x", "us")):
        forms = [base, base + "es", base + "ed", base + "ing"]
    elif base.endswith("y") and base[-2] not in "aeiou":
        forms = [base, base[:-1] + "ies", base[:-1] + "ied", base + "ing"]
    else:
        forms = [base, base + "s", base + "ed", base + "ing"]
    if past:
        forms[2] = past
        if past.endswith(("tted", "lled", "rred")):
            forms.append(past[:-2] + "ing")
    if base == "say":
        forms[1] = "says"
    if base not in _BASE_CUES:
        forms = forms[1:]
    return forms


def _cue_regex() -> re.Pattern[str]:
    alternatives = []
    for base, past in _SPEECH_VERBS.items():
        forms = "|".join(sorted(set(_inflect(base, past)), key=len, reverse=True))
        particle = _PARTICLE_VERBS.get(base)
        if particle is None:
            alternatives.append(rf"(?:{forms})")
        elif particle:
            alternatives.append(rf"(?:{forms}){particle}")
        else:
            alternatives.append(rf"(?:{forms})")
    alternatives.append(_COPULA_CUE)
    verbs = "|".join(alternatives)
    nouns = "|".join(_NOUN_CUES)
    return re.compile(rf"\b(?:(?P<verb>{verbs})|(?P<noun>{nouns}))\b", re.IGNORECASE)


#: Speech-act cue: a verb of saying ("stressed", "touched on") or a noun cue ("according to").
CUE_PATTERN = _cue_regex()


@dataclass(frozen=True)
class Cue:
    """A speech-act cue found in a text: ``text[start:end]``; ``noun`` for "according to" and the like."""

    start: int
    end: int
    text: str
    noun: bool


def _cue_index() -> dict[str, list[tuple[re.Pattern[str], bool]]]:
    index: dict[str, list[tuple[re.Pattern[str], bool]]] = {}
    for base, past in _SPEECH_VERBS.items():
        particle = _PARTICLE_VERBS.get(base) or ""
        for form in set(_inflect(base, past)):
            pattern = re.compile(rf"{form}{particle}\b", re.IGNORECASE)
            index.setdefault(form, []).append((pattern, False))
    for copula in ("was", "were"):
        index.setdefault(copula, []).append((re.compile(_COPULA_CUE, re.IGNORECASE), False))
    for noun in _NOUN_CUES:
        first = re.match(r"[a-z]+", noun)
        assert first is not None
        index.setdefault(first.group(0), []).append((re.compile(noun + r"\b", re.IGNORECASE), True))
    return index


_CUE_INDEX = _cue_index()
_WORD_RE = re.compile(r"[A-Za-z]+")


# A word before an -s form that makes it a plural noun: "member states", "their concerns", "two calls".
_NOUN_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|its|their|his|her|our|your|my|these|those|such|many|several|all|both|other|member|some|any"
    r"|no|two|three|four|five|of|and|or|nuclear|sovereign|independent|neighbou?ring|participating|partner|arab"
    r"|island|coastal|small|developing|baltic|gulf|united|federated|\d+)|[’']s)\s+$",
    re.IGNORECASE,
)


# A word before an -ed form that makes it an adjective: "their shared vision", "to discuss shared concerns".
_ADJECTIVE_BEFORE = re.compile(
    r"\b(?:the|a|an|its|their|his|her|our|your|these|those|such|of|for|with|on|about|in|to|by|discuss(?:es|ed|ing)?"
    r"|exchang(?:es|ed|ing)|highlight(?:s|ed|ing)|reaffirm(?:s|ed|ing)|underscor(?:es|ed|ing))\s+$",
    re.IGNORECASE,
)


def _noun_use(text: str, start: int, form: str) -> bool:
    """Whether a cue form is a noun or an adjective here ("member states", "their shared vision")."""
    if form.endswith("ed"):
        return _ADJECTIVE_BEFORE.search(text, max(0, start - 16), start) is not None
    if not form.endswith("s") or form in ("says", "is"):
        return False
    return _NOUN_BEFORE.search(text, max(0, start - 16), start) is not None


def find_cues(text: str, start: int, end: int) -> list[Cue]:
    """Every speech-act cue inside ``text[start:end]``, in order (same matches as :data:`CUE_PATTERN`).

    An -s form used as a plural noun ("member states", "their calls") is left out.
    """
    cues = []
    for word in _WORD_RE.finditer(text, start, end):
        lowered = word.group(0).lower()
        options = _CUE_INDEX.get(lowered)
        if not options:
            continue
        if word.start() > 0 and (text[word.start() - 1].isalnum() or text[word.start() - 1] == "_"):
            continue
        if _noun_use(text, word.start(), lowered):
            continue
        for pattern, noun in options:
            match = pattern.match(text, word.start(), end)
            if match:
                cues.append(Cue(match.start(), match.end(), match.group(0), noun))
                break
    return cues

def _nominals(base: str) -> set[str]:
    """Nouns a speech verb may make ("announce" -> "announcement", "declare" -> "declaration", "propose" ->
    "proposal", "warn" -> "warning"); forms that are no word never occur in text, so over-generating is harmless."""
    stem = base[:-1] if base.endswith("e") else base
    forms = {base, base + "s", base + "ment", base + "ments", base + "ion", base + "ing", stem + "ation", stem + "al",
             stem + "ion", stem + "ance", stem + "ence"}
    return {form for form in forms if len(form) > 3}


#: "the announcement by US President Joseph Biden of ...", "the mention once again by X of ...": a speech-act noun
#: with its agent after "by" (the agent's mention starts where the match ends).
NOMINAL_REPORT_PATTERN = re.compile(
    r"\bthe\s+(?:(?:recent|latest|new|repeated|public|official)\s+)?(?:"
    + "|".join(sorted({n for base in _SPEECH_VERBS for n in _nominals(base)}, key=len, reverse=True))
    + r")\s+(?:(?:once\s+again|again|also|today|yesterday|earlier)\s+)?by\s+(?:the\s+)?",
    re.IGNORECASE,
)


#: Verbs that describe the meeting itself rather than anything said in it.
MEETING_PATTERN = re.compile(
    r"\b(?:met|meets|meet|meeting\s+with|had\s+a\s+(?:meeting|call|phone\s+call|conversation|telephone\s+conversation)"
    r"|held\s+(?:talks|a\s+meeting|a\s+call|consultations|a\s+phone\s+call)|received|receives|hosted|hosts|visited"
    r"|spoke\s+(?:(?:today|yesterday|earlier|again|separately|virtually|by\s+phone)\s+){0,2}(?:with|to)"
    r"|spoke\s+by\s+phone|speaks\s+with|participated|attended|arrived|travelled|traveled|toured|joined"
    # a meeting still to come: "The heads of state will have a conversation in a vis-a-vis format"
    r"|(?:will|are\s+to|is\s+to)\s+(?:also\s+)?(?:meet|(?:have|hold)\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}(?:meeting"
    r"|conversation|talks|call|consultations)))\b",
    re.IGNORECASE,
)

#: The issuer taking a position in its own voice.
STANCE_PATTERN = re.compile(
    r"\b(?:condemns|deplores|regrets|rejects|welcomes|calls\s+(?:on|upon|for)|urges|commends|applauds"
    r"|remains\s+(?:fully\s+|firmly\s+|deeply\s+)?(?:committed|concerned|determined|ready|convinced|steadfast|opposed)"
    r"|stands\s+(?:with|by|ready)|reaffirms|reiterates|is\s+(?:deeply\s+|gravely\s+|seriously\s+)?(?:concerned|alarmed)"
    r"|strongly\s+(?:supports|opposes|believes)|firmly\s+(?:supports|opposes|believes)|we|our)\b",
    re.IGNORECASE,
)

_ROLES = [
    "President", "Vice President", "Vice-President", "Prime Minister", "Deputy Prime Minister",
    "First Deputy Prime Minister", "Minister", "Deputy Minister", "Vice Minister", "Vice-Minister",
    "State Minister", "Minister of State", "Foreign Minister", "Deputy Foreign Minister", "Defence Minister",
    "Defense Minister", "Minister for Foreign Affairs", "Minister of Foreign Affairs", "Secretary",
    "Secretary of State", "Deputy Secretary of State", "Deputy Secretary", "Under Secretary", "Assistant Secretary",
    "Secretary-General", "Secretary General", "Deputy Secretary-General", "Deputy Secretary General",
    "Under-Secretary-General", "Director-General", "Director General", "Deputy Director-General", "Director",
    "Executive Director", "Chancellor", "Federal Chancellor", "Premier", "Vice Premier", "State Councilor",
    "State Councillor", "King", "Queen", "Crown Prince", "Prince", "Emir", "Amir", "Sultan", "Chairman",
    "Chairwoman", "Chair", "Chairperson", "Co-Chair", "Commissioner", "High Commissioner", "High Representative",
    "Special Envoy", "Envoy", "Special Representative", "Special Coordinator", "Ambassador",
    "Permanent Representative", "Foreign Secretary", "Home Secretary", "National Security Advisor",
    "National Security Adviser", "Spokesperson", "Spokesman", "Spokeswoman", "Governor", "Mayor", "Senator",
    "Speaker", "Administrator", "Chief of Staff", "Chief Executive", "Commander", "Pope", "Patriarch",
    "Counsellor", "Consul General", "Attorney General", "Secretary of Defense", "Defense Secretary",
    "Treasury Secretary", "Secretary of the Treasury", "Taoiseach", "Head of State", "Head of Government",
    "Head of Delegation", "Minister-President", "Grand Duke", "Federal President", "Deputy Director",
    "Director-General of the Secretariat", "First Vice President", "First Vice-President", "Deputy Head",
    "Head", "Chief", "Representative", "Minister of Defence", "Minister of Defense", "Trade Minister",
    "Finance Minister", "Minister of Finance", "Interior Minister", "Health Minister", "Deputy Chairman",
    "Advisor", "Adviser", "National Security Advisor", "Deputy National Security Advisor", "Senior Advisor",
    "Principal Deputy National Security Advisor", "Coordinator", "Counselor", "Press Secretary", "Ambassador-at-Large",
    "Assistant to the President", "Deputy Assistant to the President", "Envoy", "Presidential Envoy",
    "Foreign Affairs Minister", "External Affairs Minister", "Minister of External Affairs", "Cabinet Secretary",
    "Union Minister", "EAM",  # India's and Myanmar's cabinet ministers; India's External Affairs Minister
    "Leader",
]

#: Generic title -> the offices it can stand for ("Head of State" -> President, King, ...).
HEAD_TITLES: dict[str, frozenset[str]] = {
    record[0]: frozenset(record[1:]) for record in records("extract_head_titles")
}

_ROLE_ALTERNATION = "|".join(re.escape(r) for r in sorted(set(_ROLES), key=len, reverse=True))

#: A role title ("Deputy Minister"), longest first so "Deputy Secretary-General" beats "Secretary"; two titles
#: joined by a hyphen count as one ("Crown Prince-Prime Minister").
ROLE_PATTERN = re.compile(
    rf"(?:{_ROLE_ALTERNATION})(?:-(?:{_ROLE_ALTERNATION}))?(?:-(?:elect|designate|[Ee]lect|[Dd]esignate))?(?![\w-])"
)

# Titles too generic to be a speaker when written in lower case ("the head of", "the chair").
_GENERIC_LOWER = word_set("extract_generic_lower")
_LOWER_ROLES = {r.lower(): r for r in sorted(set(_ROLES), key=len) if r.lower() not in _GENERIC_LOWER}

#: A role title in lower case after "the" ("the minister", "the foreign minister"); see :data:`LOWER_ROLES`.
LOWER_ROLE_PATTERN = re.compile(
    r"(?<=\b[Tt]he )(?:" + "|".join(re.escape(r) for r in sorted(_LOWER_ROLES, key=len, reverse=True)) + r")(?![\w-])"
)

#: Lower-case title -> its usual capitalised form ("foreign minister" -> "Foreign Minister").
LOWER_ROLES = _LOWER_ROLES

ROLE_GENDER = {
    "King": "m", "Queen": "f", "Prince": "m", "Crown Prince": "m", "Emir": "m", "Amir": "m", "Sultan": "m",
    "Chairman": "m", "Chairwoman": "f", "Spokesman": "m", "Spokeswoman": "f", "Grand Duke": "m", "Pope": "m",
    "Patriarch": "m",
}

#: Forms of address before a name. The group ``g`` tells the gender where it is known.
HONORIFIC_PATTERN = re.compile(
    r"(?:H\.\s?E\.|HE|His\s+(?:Excellency|Majesty|Royal\s+Highness|Highness|Holiness)"
    r"|Her\s+(?:Excellency|Majesty|Royal\s+Highness|Highness)|Mr\.?|Mrs\.?|Ms\.?|Mme\.?|Madam|Dr\.?|Prof\.?"
    r"|Professor|Sir|Dame|Sheikh|Sheikha|Hon\.?|Honourable|Honorable|Rt\.?\s?Hon\.?|Lord|Lady|Baroness|Dato'?|Datuk)"
    r"(?![\w])"
)

_MALE_HONORIFICS = re.compile(r"\b(?:Mr|His|Sir|Sheikh|Lord)\b")
_FEMALE_HONORIFICS = re.compile(r"\b(?:Mrs|Ms|Mme|Madam|Her|Dame|Sheikha|Lady|Baroness)\b")


def honorific_gender(text: str) -> str | None:
    """``"m"``, ``"f"`` or None for an honorific such as ``"Mr"`` or ``"Her Excellency"``."""
    if _FEMALE_HONORIFICS.search(text):
        return "f"
    if _MALE_HONORIFICS.search(text):
        return "m"
    return None


PRONOUN_GENDER = {"he": "m", "she": "f", "him": "m", "her": "f"}

_JOINT_NOUNS = (
    r"sides|leaders|ministers|presidents|prime\s+ministers|parties|countries|nations|delegations|interlocutors"
    r"|participants|counterparts|governments|heads\s+of\s+(?:state|delegation)(?:\s+and\s+government)?|officials"
    r"|secretaries|premiers|chancellors|principals|two|three|men|women|partners|co-chairs|chairs|ambassadors"
    r"|envoys|representatives|advisors|advisers|teams|negotiators|commissions|commissioners"
)

#: A joint subject: "the two sides", "both leaders", "the interlocutors", "They".
JOINT_PATTERN = re.compile(
    rf"(?:\b(?:[Tt]he|[Bb]oth|[Aa]ll|[Ee]ach\s+of\s+the)\s+(?!United\s+Nations\b)(?:(?:two|three|four|five|2|3|4)\s+)?"
    rf"(?:[A-Za-z-]+\s+){{0,2}}?(?i:{_JOINT_NOUNS})\b(?!['’]s?\s+(?:own|respective))"
    rf"|\b(?:his|her|their)\s+(?:[A-Za-z-]+\s+)?counterparts?\b"
    # without an article, as some house styles write it: "Leaders were unanimous in their assessment of …" (not a
    # name's part: "Leaders' Statement", "Leaders Summit")
    rf"|\b(?:Leaders|Interlocutors|Sides)\b(?!['’]|\s+[A-Z])"
    rf"|\b(?:[Tt]hey|[Tt]ogether|[Jj]ointly|[Bb]oth)\b)"
)

#: Capitalised words that never start or continue a personal name.
NAME_STOPWORDS = word_set("extract_name_stopwords")
