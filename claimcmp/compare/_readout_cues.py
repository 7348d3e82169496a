"""Readout cues that need word order: a rejected claim, an attributed act, a refused demand.

Kept apart from :mod:`claimcmp.compare.text` because the profile there feeds
the trained head (changing it means retraining); these cues only add log-odds.

*Rejection*: one statement rejects ("rejected the allegations", "dismissed
claims ... as groundless", "called the reports a fabrication", "does not
accept the conclusions") what the other raises or asserts.

*Attributed act*: one statement condemns or is concerned about an act and
names no doer; the other names a doer for that act ("the shelling was carried
out by the Ukrainian armed forces").

*Refused demand*: one statement urges or backs an action ("urged the release of",
"called for an extension of", "should be renewed", "expressed support for a
moratorium"), the other refuses it ("will not extend", "would oppose the
draft", "would vote against prolonging", "could not agree to suspending",
"would keep its curbs in place"), and the words around the two markers share
a word stem (a few policy synonyms joined: renew/extend/prolong,
lift/remove, curbs/controls/restrictions, moratorium/suspend).

*Evaluative contrast*: the two statements judge a shared subject in opposite
terms ("the sanctions had failed" / "the sanctions were working", "restricts
press freedom" / "protects press freedom", "lawful" / "arbitrary and
unlawful"); a "not" up to two words before a judgement turns it round.
"""

from __future__ import annotations

from ..lang import word_set
from . import _lexicon as lex
from .text import TextProfile

__all__ = [
    "rejection_words", "raises_claim", "attributed_act", "refused_demand", "evaluative_contrast", "rival_doers",
    "BAD_JUDGEMENTS",
]

_REJECT_VERBS = word_set("compare_readout_reject_verbs")
# Not "dispute" or "contest": in readouts they are mostly nouns and adjectives
# ("the maritime boundary dispute", "disputed waters", "contested elections").
#: Labels a speaker pins on the other side's claim.
_REJECT_LABELS = word_set("compare_readout_reject_labels")
#: After a rejection verb these make it a refused act, not a rejected claim ("denied access").
_REFUSED_OBJECTS = word_set("compare_readout_refused_objects")
#: Before a label these make it a subject of concern, not a verdict ("the spread of disinformation").
_TOPIC_MARKERS = word_set("compare_readout_topic_markers")
#: After "lies" these make it the verb of place ("lies in", "lies beyond"), not a verdict.
_LOCATING = word_set("compare_readout_locating")
#: Before a label these make it a norm ("must not be politicised"), not a verdict.
_NORMATIVE = word_set("compare_readout_normative")
_ACCEPT = word_set("compare_readout_accept")
#: Verbs that assert a finding (the claim a rejection answers).
_ASSERT = word_set("compare_readout_assert")
_DOER_VERBS = word_set("compare_readout_doer_verbs")


def rejection_words(p: TextProfile) -> set[str]:
    """Words by which the statement rejects a claim (empty when it rejects none)."""
    toks = p.tokens
    found: set[str] = set()
    for i, tok in enumerate(toks):
        if tok in _REJECT_VERBS:
            if not any(t in _REFUSED_OBJECTS for t in toks[i + 1 : i + 3]):
                found.add(tok)
        elif tok in _REJECT_LABELS:
            nxt = toks[i + 1] if i + 1 < len(toks) else ""
            if tok == "lies" and nxt in _LOCATING:  # "the deposit lies in a region": a place, not a verdict
                continue
            if any(t in _TOPIC_MARKERS for t in toks[max(0, i - 2) : i]):
                continue
            if any(t in lex.NEGATIONS or t in _NORMATIVE for t in toks[max(0, i - 3) : i]):
                continue  # "aid should never be politicized": a norm both sides may hold, not a verdict on a claim
            found.add(tok)
        elif tok in _ACCEPT and any(
            t in lex.NEGATIONS or t in {"cannot", "refuses", "refused"} for t in toks[max(0, i - 3) : i]
        ):
            found.add(f"not {tok}")
    return found


def raises_claim(p: TextProfile) -> bool:
    """Whether the statement raises a concern, an accusation or a finding."""
    return bool(p.concern or p.blame_acts or set(p.tokens) & _ASSERT)


def attributed_act(a: TextProfile, b: TextProfile) -> tuple[frozenset[str], frozenset[str]] | None:
    """(doers, acts) when one statement condemns an act with no doer and the other names its doer."""
    for accuser, other in ((a, b), (b, a)):
        acts = (accuser.blame_acts & other.blame_acts) - {"use"}
        if not acts or not accuser.concern or accuser.agents or accuser.actors & other.agents:
            continue
        if other.agents and (set(other.tokens) & _DOER_VERBS or "by" in other.tokens):
            return frozenset(other.agents), frozenset(acts)
    return None


#: Harm done: one of these in both statements makes their doers rivals for one act.
_HARM = word_set("compare_readout_harm")
#: Words after which the doer follows ("carried out by", "originated from", "the work of").
_DOER_BEFORE = word_set("compare_readout_doer_before")
_DOER_SKIP = lex.STOPWORDS | frozenset(["own", "other", "itself", "themselves", "its"])
_DOER_LEN = 4
#: Before "from", these make it what one is shielded from, not who did it ("defend its territory from attacks").
_SHIELD = word_set("compare_readout_shield")


def _doer_phrases(tokens: tuple[str, ...]) -> list[frozenset[str]]:
    """Content words of each named doer: after "by", "from", "blamed", "the work of", and in "it was X that"."""
    out = []
    for i, tok in enumerate(tokens):
        start = None
        if tok in _DOER_BEFORE or (tok == "work" and i + 1 < len(tokens) and tokens[i + 1] == "of"):
            start = i + (2 if tok == "work" else 1)
        elif tok == "was" and i and tokens[i - 1] == "it":
            start = i + 1
        if start is None or (tok == "from" and set(tokens[max(0, i - 6) : i]) & _SHIELD):
            continue
        words: list[str] = []
        for t in tokens[start:]:
            if (t in {"that", "who", "for", "to", "in", "on", "and", "which", "with"} or t in lex.NEGATIONS) and words:
                break  # "it was militia fighters, not the army, that ...": the doer ends at "not"
            if t not in _DOER_SKIP and t not in _HARM:
                words.append(lex.DEMONYMS.get(t, t))
            if len(words) == _DOER_LEN:
                break
        if words:
            out.append(frozenset(words))
    return out


def rival_doers(a: TextProfile, b: TextProfile) -> tuple[frozenset[str], frozenset[str]] | None:
    """(one statement's doer words, the other's) when both blame a harm on a named doer and no doer of
    one shares a word with a doer of the other; else None."""
    if not (set(a.tokens) & _HARM and set(b.tokens) & _HARM):
        return None
    doers_a, doers_b = _doer_phrases(a.tokens), _doer_phrases(b.tokens)
    if not doers_a or not doers_b:
        return None
    words_a = frozenset().union(*doers_a)
    words_b = frozenset().union(*doers_b)
    if words_a & words_b:
        return None
    return words_a, words_b


def refused_demand(a: TextProfile, b: TextProfile) -> frozenset[str]:
    """Word stems shared by one statement's demand and the other's refusal (empty if none)."""
    if a.refusals and b.refusals:  # both refuse: no demand is refused
        return frozenset()
    return (a.demands & b.refusals) | (b.demands & a.refusals)


#: Favourable judgements of a policy, an event or a state of affairs.
_GOOD = word_set("compare_readout_good")
#: Unfavourable judgements of the same.
_BAD = word_set("compare_readout_bad")
#: The unfavourable judgement words, for other cue modules.
BAD_JUDGEMENTS = _BAD

#: Speakers and reporting words: shared by most readout pairs, never the subject judged.
_NOT_A_SUBJECT = word_set("compare_readout_not_a_subject")


_JUDGED_WINDOW = 6


def _judgements(p: TextProfile) -> list[tuple[str, bool, int]]:
    """(word, favourable, position) of each judgement word; a negation up to two words before turns it round."""
    out = []
    toks = p.tokens
    for i, tok in enumerate(toks):
        if tok not in _GOOD and tok not in _BAD:
            continue
        negated = any(t in lex.NEGATIONS for t in toks[max(0, i - 2) : i])
        out.append((("not " if negated else "") + tok, (tok in _GOOD) != negated, i))
    return out


def _judged_subjects(
    p: TextProfile, judgements: list[tuple[str, bool, int]], subject: frozenset[str] | set[str]
) -> set[str]:
    """Subject words within a few words of any judgement."""
    toks = p.tokens
    near: set[str] = set()
    for _, _, i in judgements:
        near |= set(toks[max(0, i - _JUDGED_WINDOW) : i + 1 + _JUDGED_WINDOW]) & subject
    return near


def evaluative_contrast(a: TextProfile, b: TextProfile) -> tuple[frozenset[str], frozenset[str], frozenset[str]] | None:
    """(one side's judgements, the other's, the subject judged) when the two judge a shared subject in
    opposite terms: each statement judges one way only, and a shared content word (not a speaker or a
    reporting word) stands within six words of a judgement in both. Else None."""
    judged_a, judged_b = _judgements(a), _judgements(b)
    ways_a, ways_b = {f for _, f, _ in judged_a}, {f for _, f, _ in judged_b}
    if len(ways_a) != 1 or len(ways_b) != 1 or ways_a == ways_b:
        return None
    subject = (a.content & b.content) - _NOT_A_SUBJECT - _GOOD - _BAD
    judged = _judged_subjects(a, judged_a, subject) & _judged_subjects(b, judged_b, subject)
    if not judged:
        return None
    return frozenset(w for w, _, _ in judged_a), frozenset(w for w, _, _ in judged_b), frozenset(judged)
