"""Cues that need to know which side made each statement.

In a side comparison each statement of a pair comes from a known side. When
one side's statement criticises the other side (names it, with words of
concern, blame, denial or a demand to stop) and the other side speaks to the
same subject, the two seldom agree: the other side is answering, defending
or doing what it is criticised for. "The President raised concerns about the
PRC's support for Russia's defence industry" / "China has never provided
lethal weapons to any party"; "The Director General expressed concern at the
growth of Iran's stockpile" / "Iran's programme is entirely peaceful".

:func:`side_criticism` reads the pair and the two sides' names; the side
comparison adds its cue to those :func:`~.cues.detect_cues` finds.

:func:`rival_claims`: each side claims one thing for itself ("the UK has no
doubt about its sovereignty over the Falkland Islands, South Georgia ..." /
"the sovereignty rights of the Argentine Republic over the Malvinas, South
Georgia ..."): rival claims of sovereignty, territory or jurisdiction.

:func:`mutual_blame`: each side names the other as the doer of a hostile act
on one subject ("Cambodian troops fired ... at a Thai position" / "Thai
soldiers had advanced beyond their agreed positions and opened fire first").

:func:`side_negation`: one side negating what the other side states, on one
subject, is a contradiction even when the two share few words ("have fully
restored the right of Hungarian pupils to be taught in their mother tongue" /
"the rights the Hungarian community enjoyed ... have still not been
restored"). Between any two statements the ``negation`` cue needs one
proposition stated in both; between the two sides' own statements a cosine of
:data:`NEGATION_COSINE` will do.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache

from ..gazetteer import GAZETTEER, lookup_place
from ..lang import word_set
from . import _lexicon as lex
from ._readout_cues import BAD_JUDGEMENTS
from .cues import COUNTER_CLAIM, Cue, is_related, negation_contradicts
from .text import TextProfile

__all__ = ["ANCHORED_WORDS", "CLAIM_PATTERN", "COMPLETION_COSINE", "COMPLETION_WORDS", "CRITICAL_WORDS",
           "HANDED_BACK_WORDS", "MIN_COSINE", "NEGATION_COSINE", "PRAISE_BEFORE", "UNFINISHED_WORDS", "blames",
           "claims_for_itself", "completion_dispute", "criticises", "criticism_cue", "mutual_blame", "mutual_blame_cue",
           "on_one_subject", "rival_claims", "rival_claims_cue", "side_criticism", "side_names", "side_negation"]

#: Words that make a statement that names a side critical of it.
CRITICAL_WORDS = (
    lex.CONCERN_WORDS | lex.FRAMING_NOUNS | lex.DENIALS | lex.NEGATIONS - {"without"} | BAD_JUDGEMENTS
    | word_set("compare_side_critical")
)

#: Critical only with the other side named just before them: "the Armenian side has not presented",
#: "urged the Philippine side to refrain from"; not "is prepared to refrain from exceeding the limits" or
#: "the controls are not designed to hold back China's economy".
ANCHORED_WORDS = (lex.NEGATIONS - {"without"}) | frozenset(["stop", "refrain", "cease", "halt", "desist"])

#: How close before an anchored word the other side must be named, in characters.
ANCHOR_REACH = 60

#: Praise of or agreement with the side named just after ("commended Colombia for ...", "shares the American
#: assessment that ..."): the statement's critical words are about someone else.
PRAISE_BEFORE = re.compile(
    r"\b(?:commend\w*|prais\w*|appreciat\w*|shar(?:e|es|ed|ing)|agree(?:s|d)?\s+with|laud\w*|applaud\w*"
    r"|congratulat\w*)\s+(?:\S+\s+){0,2}$"
)

#: The two statements must be at least this similar (one subject).
MIN_COSINE = 0.4
#: The least cosine at which one side's statement negating a word of the other side's is a ``negation`` cue.
NEGATION_COSINE = 0.6


@lru_cache(maxsize=256)
def side_names(side: str) -> frozenset[str]:
    """Lower-case names that point at a side in a :class:`~.text.TextProfile`: the side's own
    name, its gazetteer name and the actors its aliases and demonyms map to ("United States" ->
    united states; "European Union" -> european union, eu)."""
    names = {side.lower().strip()}
    canonical = lookup_place(side)
    aliases: tuple[str, ...] = (side,)
    if canonical:
        names.add(canonical.lower())
        aliases += GAZETTEER.get(canonical, ())
    for alias in aliases:
        key = re.sub(r"[^a-z]", "", alias.lower())
        if key in lex.DEMONYMS:
            names.add(lex.DEMONYMS[key])
    return frozenset(names)


@lru_cache(maxsize=256)
def _side_pattern(side: str, aliases: tuple[str, ...] = ()) -> re.Pattern[str]:
    """The lower-case words that name a side in running text: its name, gazetteer aliases and
    demonyms ("china", "chinese", "prc", "beijing"), and the ``aliases`` of a sides file."""
    forms = {side.lower()} | {alias.lower().strip() for alias in aliases}
    canonical = lookup_place(side)
    if canonical:
        forms |= {alias.lower() for alias in GAZETTEER.get(canonical, ())}
    actors = side_names(side)
    forms |= {word for word, actor in lex.DEMONYMS.items() if actor in actors}
    body = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True) if len(f) > 1)
    if not body:  # a one-letter side name ("A") names nothing in running text
        return re.compile(r"(?!)")
    return re.compile(rf"(?<![\w.])(?:the\s+)?(?:{body})(?![\w])")


def _coordinated(text: str, own: re.Pattern[str], other: re.Pattern[str]) -> str:
    """``text`` without the other side's names joined to one's own ("China and the Philippines",
    "EU-China"): those name the pair, not a target."""
    link = r"\s*(?:and|-|–|—|/)\s*"
    for first, second in ((own, other), (other, own)):
        text = re.sub(rf"(?:{first.pattern}){link}(?:{second.pattern})", " ", text)
    return text


def criticises(
    p: TextProfile, other_side: str, own_side: str, aliases: Mapping[str, Sequence[str]] | None = None
) -> frozenset[str]:
    """The critical words of a statement that names the other side (not only as one of the pair,
    "China and the Philippines"); empty if it names it not, praises or agrees with it
    (:data:`PRAISE_BEFORE`), or says nothing critical. ``aliases``:
    side -> the names a sides file gives it."""
    aliases = aliases or {}
    other = _side_pattern(other_side, tuple(aliases.get(other_side, ())))
    own = _side_pattern(own_side, tuple(aliases.get(own_side, ())))
    text = _coordinated(p.text.lower(), own, other)
    found_names = list(other.finditer(text))
    if not found_names or any(PRAISE_BEFORE.search(text[max(0, m.start() - 40) : m.start()]) for m in found_names):
        return frozenset()
    named = [m.end() for m in found_names]
    toks = p.tokens
    found = {
        t for i, t in enumerate(toks)  # a judgement negated just before ("not designed to restrict") is none
        if t in CRITICAL_WORDS and (t in ANCHORED_WORDS or not set(toks[max(0, i - 4) : i]) & lex.NEGATIONS)
    }
    for word in found & ANCHORED_WORDS:
        starts = [m.start() for m in re.finditer(rf"\b{word}\b", text)]
        if not any(0 <= start - end <= ANCHOR_REACH for start in starts for end in named):
            found.discard(word)
    return frozenset(found)


def side_criticism(
    a: TextProfile, b: TextProfile, cosine: float, side_a: str, side_b: str,
    aliases: Mapping[str, Sequence[str]] | None = None,
) -> Cue | None:
    """A ``side_criticism`` cue when side A's statement ``a`` criticises side B, or ``b`` side A,
    and the two are related with cosine >= :data:`MIN_COSINE`; else None.

    ``aliases`` maps a side to more names for it (a sides file's). Joint statements ("the two
    sides agreed ...") should not be passed: they speak for both sides.
    """
    if not on_one_subject(a, b, cosine):
        return None
    return criticism_cue(criticises(a, side_b, side_a, aliases), criticises(b, side_a, side_b, aliases))


def on_one_subject(a: TextProfile, b: TextProfile, cosine: float) -> bool:
    """Whether a pair is close enough for :func:`side_criticism` to read: cosine >= :data:`MIN_COSINE`
    and related (:func:`~.cues.is_related`)."""
    return cosine >= MIN_COSINE and is_related(a, b, cosine)


def criticism_cue(by_a: frozenset[str], by_b: frozenset[str]) -> Cue | None:
    """The ``side_criticism`` cue of a related pair, from what each statement criticises the other
    side with (:func:`criticises`); None when neither does. :func:`side_criticism` in one call."""
    if not (by_a or by_b):
        return None
    parts = []
    if by_a:
        parts.append(f"one side criticises the other ({', '.join(sorted(by_a))})")
    if by_b:
        parts.append(f"the other side criticises the first ({', '.join(sorted(by_b))})")
    return Cue("side_criticism", "; ".join(parts) + ", on one subject", COUNTER_CLAIM)


def side_negation(a: TextProfile, b: TextProfile, cosine: float) -> Cue | None:
    """The ``negation`` cue of two sides' own statements on one subject when one alone negates a
    word the other states (:func:`~.cues.negation_contradicts`, cosine >= :data:`NEGATION_COSINE`),
    or one reports done what the other reports not yet done (:func:`completion_dispute`, cosine >=
    :data:`COMPLETION_COSINE`); else None."""
    if cosine >= NEGATION_COSINE and negation_contradicts(a, b):
        return Cue("negation", "one side negates what the other side states, on one subject", COUNTER_CLAIM)
    if cosine >= COMPLETION_COSINE and is_related(a, b, cosine) and completion_dispute(a, b):
        return Cue("negation", "one side reports done what the other reports not yet done", COUNTER_CLAIM)
    return None


#: Words that report a task done, and words that report it not done.
COMPLETION_WORDS = word_set("compare_side_completion")
UNFINISHED_WORDS = word_set("compare_side_unfinished")
#: Verbs that report a thing done when perfect or passive ("has been handed over", "were returned").
HANDED_BACK_WORDS = word_set("compare_side_handed_back")
_PERFECT = frozenset(["has", "have", "had", "been", "was", "were"])
#: The least cosine at which a completion dispute is a ``negation`` cue.
COMPLETION_COSINE = 0.5


def _done_and_undone(p: TextProfile) -> tuple[bool, bool]:
    toks = p.tokens
    done = undone = False
    for i, tok in enumerate(toks):
        following = toks[i + 1] if i + 1 < len(toks) else ""
        if tok in UNFINISHED_WORDS:
            undone = True
        elif tok in COMPLETION_WORDS or (tok in HANDED_BACK_WORDS and set(toks[max(0, i - 3) : i]) & _PERFECT):
            window = toks[max(0, i - 4) : i]
            if set(window) & lex.NEGATIONS or ("yet" in window and "to" in window):
                undone = True  # "have not yet been resolved", "is yet to be completed"
            else:
                done = True
        elif tok == "still" or (tok in ("continue", "continues") and following == "to") or (
            tok == "yet" and following == "to" and i and toks[i - 1] in ("has", "have", "is", "are")
        ):
            undone = True  # "continues to occupy", "are still held", "has yet to deliver"
    return done, undone


def completion_dispute(a: TextProfile, b: TextProfile) -> bool:
    """Whether one statement reports something done ("had been completed", "was concluded on
    schedule", "has been handed over to its owners") and the other, saying nothing done, reports it
    not done ("has not yet been concluded", "remain unresolved", "is yet to be completed", "the
    military continues to occupy", "are still held")."""
    done_a, undone_a = _done_and_undone(a)
    done_b, undone_b = _done_and_undone(b)
    a_only, b_only = done_a and not undone_a, done_b and not undone_b
    return (a_only and undone_b and not done_b) or (b_only and undone_a and not done_a)


#: Words that claim a thing for its holder: sovereignty, territory, jurisdiction, ownership.
CLAIM_PATTERN = re.compile(
    r"\b(?:sovereignty|sovereign\s+rights?|territorial\s+claims?|(?:is|are|was|were)\s+(?:an\s+)?(?:inalienable|"
    r"integral)\s+part\s+of|jurisdiction|belongs?\s+to|(?:is|are)\s+\w+\s+territory|ownership)\b"
)
#: Up to three words between a holder and its claim that are not function words ("indisputable", "full").
_MODIFIERS = r"(?:(?!(?:for|of|to|the|with|and|on|in|by|a|an|respect|support)\b)[a-z-]+\s+){0,3}"


def _holder(text: str, claim: re.Match[str], side: re.Pattern[str]) -> bool:
    """Whether ``side`` holds the claim: "China's (indisputable) sovereignty", "China has sovereignty",
    "sovereignty (rights) of China", "belongs to China", "is Thai territory"."""
    name = rf"(?:{side.pattern})"
    before = text[max(0, claim.start() - 60) : claim.start()]
    after = text[claim.end() : claim.end() + 60]
    return bool(
        re.search(rf"{name}(?:[’']s)?\s+(?:(?:has|have|holds|enjoys|exercises|retains)\s+)?{_MODIFIERS}$", before)
        or re.match(rf"\s+(?:rights\s+)?(?:of|to|over)?\s*{name}", after)
        or side.search(claim.group(0))
    )


def claims_for_itself(
    p: TextProfile, own_side: str, other_side: str, aliases: Mapping[str, Sequence[str]] | None = None
) -> bool:
    """Whether a side's statement claims sovereignty, territory or jurisdiction for its own side:
    its name right before a claim word ("China's indisputable sovereignty", "China has sovereignty"),
    "its"/"our" there, or its name right after ("sovereignty rights of the Argentine Republic",
    "belongs to Cambodia"); not when the other side holds it ("respect for the sovereignty of
    Somalia" in Ethiopia's statement claims nothing for Ethiopia)."""
    aliases = aliases or {}
    own = _side_pattern(own_side, tuple(aliases.get(own_side, ())))
    other = _side_pattern(other_side, tuple(aliases.get(other_side, ())))
    text = _coordinated(p.text.lower(), own, other)
    for claim in CLAIM_PATTERN.finditer(text):
        if _holder(text, claim, other):
            continue
        if _holder(text, claim, own) or re.search(rf"\b(?:its|our)\s+{_MODIFIERS}$", text[: claim.start()]):
            return True
    return False


def rival_claims(
    a: TextProfile, b: TextProfile, cosine: float, side_a: str, side_b: str,
    aliases: Mapping[str, Sequence[str]] | None = None,
) -> Cue | None:
    """A ``rival_claims`` cue when side A's statement claims for side A, and side B's for side B,
    sovereignty, territory or jurisdiction, on one subject (:func:`on_one_subject`); else None."""
    if not on_one_subject(a, b, cosine):
        return None
    return rival_claims_cue(
        claims_for_itself(a, side_a, side_b, aliases), claims_for_itself(b, side_b, side_a, aliases), side_a, side_b
    )


def rival_claims_cue(a_claims: bool, b_claims: bool, side_a: str, side_b: str) -> Cue | None:
    """The ``rival_claims`` cue of a pair on one subject, from whether each statement claims for its
    own side (:func:`claims_for_itself`); :func:`rival_claims` in one call."""
    if a_claims and b_claims:
        return Cue("rival_claims", f"{side_a} and {side_b} each claim it for themselves", COUNTER_CLAIM)
    return None


#: Hostile acts a side is named as doing ("Cambodian troops fired", "the Indian side violated").
HOSTILE_ACTS = word_set("compare_side_hostile_acts")
#: Words that may stand between a side's name and its act: the forces it acts through, auxiliaries.
_DOER_FILLERS = (
    r"(?:(?:armed|military|naval|border|security|coast|guard|regular|forces?|troops|soldiers|army|navy|vessels?|ships?|"
    r"units?|side|patrols?|militias?|drones?|aircraft|jets|had|have|has|also|then|first|repeatedly|deliberately|"
    r"again|\w+ly)\s+)"
)


def blames(p: TextProfile, doer_side: str, aliases: Mapping[str, Sequence[str]] | None = None) -> bool:
    """Whether a statement names ``doer_side`` as the doer of a hostile act: its name, then at most
    four words of forces or auxiliaries, then an act of :data:`HOSTILE_ACTS` ("Cambodian troops
    fired", "Thai soldiers had advanced")."""
    aliases = aliases or {}
    doer = _side_pattern(doer_side, tuple(aliases.get(doer_side, ())))
    text = p.text.lower()
    for match in doer.finditer(text):
        after = re.match(rf"(?:[’']s)?\s+{_DOER_FILLERS}{{0,4}}([a-z]+)\b", text[match.end() : match.end() + 80])
        if after and after.group(1) in HOSTILE_ACTS:
            return True
    return False


def mutual_blame(
    a: TextProfile, b: TextProfile, cosine: float, side_a: str, side_b: str,
    aliases: Mapping[str, Sequence[str]] | None = None,
) -> Cue | None:
    """A ``mutual_blame`` cue when side A's statement names side B as the doer of a hostile act and
    side B's names side A, on one subject (:func:`on_one_subject`); else None."""
    if not on_one_subject(a, b, cosine):
        return None
    return mutual_blame_cue(blames(a, side_b, aliases), blames(b, side_a, aliases), side_a, side_b)


def mutual_blame_cue(a_blames: bool, b_blames: bool, side_a: str, side_b: str) -> Cue | None:
    """The ``mutual_blame`` cue of a pair on one subject, from whether each statement names the other
    side as doer (:func:`blames`); :func:`mutual_blame` in one call."""
    if a_blames and b_blames:
        detail = f"{side_a} blames {side_b}, and {side_b} blames {side_a}, for the acts"
        return Cue("mutual_blame", detail, COUNTER_CLAIM)
    return None
