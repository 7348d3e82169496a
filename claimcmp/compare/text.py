"""Per-statement text profiles: tokens, negations, stance words and actors.

A :class:`TextProfile` is computed once per statement and reused for every pair
it takes part in, so pair features cost a few set operations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..gazetteer import gazetteer_pattern, lookup_place
from . import _lexicon as lex
from ._stems import demand_stems, refusal_stems

__all__ = ["TextProfile", "tokenize", "profile"]

_LETTERS = r"[^\W\d_]+"  # letters of any script: "Türkiye" and "Fernández" are one word each
_TOKEN = re.compile(rf"{_LETTERS}(?:[-\u2010]{_LETTERS})*(?:['\u2019][^\W\d_A-Z]+)?|\d+(?:[.,]\d+)*")
_US = re.compile(r"\bU\.S\.(?:A\.)?|\bUS\b|\bUnited States\b")
_RUSSIA = re.compile(r"\bRussian Federation\b")


def tokenize(text: str) -> list[str]:
    """Lower-case word and number tokens; ``n't`` becomes ``not``, hyphens are dropped
    ("build-up" -> "buildup"), possessive ``'s`` is removed.

    Parameters
    ----------
    text : str

    Returns
    -------
    list of str
    """
    return _tokens_and_possessives(text)[0]


def _tokens_and_possessives(text: str) -> tuple[list[str], list[bool]]:
    """:func:`tokenize`, and for each token whether it was a possessive ("Russia's")."""
    out: list[str] = []
    possessive: list[bool] = []
    for raw in _TOKEN.findall(text):
        tok = raw.lower().replace("-", "").replace("\u2010", "").replace("\u2019", "'")
        if tok.endswith("n't"):
            stem = tok[:-3]
            if stem:
                out.append({"ca": "can", "wo": "will", "sha": "shall"}.get(stem, stem))
                possessive.append(False)
            out.append("not")
            possessive.append(False)
        elif tok.endswith("'s") and len(tok) > 2:
            out.append(tok[:-2])
            possessive.append(True)
        else:
            out.append(tok)
            possessive.append(False)
    return out, possessive


@dataclass(frozen=True)
class TextProfile:
    """What the pair features need to know about one text.

    Attributes
    ----------
    tokens : tuple of str
        Output of :func:`tokenize`.
    content : frozenset of str
        Tokens that are not stop words, negations or numbers.
    n_negations : int
    numbers : frozenset of str
    denials, stance_pos, stance_neg, concern, joint, blame_acts, framing : frozenset of str
        The tokens found in each word list of :mod:`claimcmp.compare._lexicon`.
    actors : frozenset of str
        Canonical actors mentioned (``"ukraine"``, ``"nato"``).
    agents : frozenset of str
        Actors named as doers ("by the Ukrainian armed forces", "Russia's escalation").
    places : frozenset of str
        Actors named as places, targets or victims ("visit to Ukraine").
    targets : frozenset of str
        Actors named only as places or targets, never otherwise; the cues
        use it. "In response to Russia's actions" names Russia as the doer of
        the actions, "strikes on Ukraine's energy infrastructure" names
        Ukraine as the target, "if Russia invades ..., costs on Russia" names
        Russia as a doer too, "called on Russia" and "sanctions against
        Russia" address or punish it.
    demands, refusals : frozenset of str
        Word stems around a demand or support marker, and around a refusal
        marker (:mod:`claimcmp.compare._readout_cues`); the cues use them.
    named : frozenset of str
        Every country or organisation named, from the extractor's gazetteer
        as well as :attr:`actors` (lower case); the cues use it.
    text : str
        The text itself (the cross-encoder reads it).
    """

    tokens: tuple[str, ...]
    content: frozenset[str]
    n_negations: int
    numbers: frozenset[str]
    denials: frozenset[str]
    stance_pos: frozenset[str]
    stance_neg: frozenset[str]
    concern: frozenset[str]
    joint: frozenset[str]
    blame_acts: frozenset[str]
    framing: frozenset[str]
    actors: frozenset[str]
    agents: frozenset[str]
    places: frozenset[str]
    text: str = ""
    targets: frozenset[str] = frozenset()
    demands: frozenset[str] = frozenset()
    refusals: frozenset[str] = frozenset()
    named: frozenset[str] = frozenset()


def _roles(text: str, tokens: list[str], possessive: list[bool]) -> tuple[set[str], set[str], set[str], set[str]]:
    """Actors mentioned, as agents, as places/targets, and named only as places/targets (``TextProfile.targets``)."""
    actors: set[str] = set()
    agents: set[str] = set()
    places: set[str] = set()
    targets: set[str] = set()
    elsewhere: set[str] = set()  # actors also mentioned other than as a place (a subject, a possessive)
    if _US.search(text):
        actors.add("united states")
    for i, tok in enumerate(tokens):
        actor = lex.DEMONYMS.get(tok)
        if actor is None:
            continue
        actors.add(actor)
        prev = tokens[i - 1] if i else ""
        prev2 = tokens[i - 2] if i > 1 else ""
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        nxt2 = tokens[i + 2] if i + 2 < len(tokens) else ""
        after_by = prev == "by" or (prev == "the" and prev2 == "by") or (prev in lex.AGENT_HEADS and prev2 == "by")
        forces = nxt2 in lex.AGENT_HEADS and nxt in {"armed", "security", "military", "special"}
        if after_by or nxt in lex.AGENT_HEADS or forces or nxt in lex.FRAMING_NOUNS or nxt in lex.BLAME_ACTS:
            agents.add(actor)
        elif prev in lex.PLACE_PREPOSITIONS or (prev == "the" and prev2 in lex.PLACE_PREPOSITIONS):
            places.add(actor)
            before = tokens[max(0, i - 6) : i - 1]
            owns_act = possessive[i] and any(
                t in lex.OWNED_ACTS or t in lex.BLAME_ACTS or t in lex.FRAMING_NOUNS for t in tokens[i + 1 : i + 4]
            )
            if not owns_act and not (prev in {"on", "against"} and any(t in lex.ADDRESSING for t in before)):
                targets.add(actor)
                continue
        elsewhere.add(actor)
    if _RUSSIA.search(text):
        actors.add("russia")
    return actors, agents, places, targets - elsewhere


def _gazetteer_names(text: str) -> frozenset[str]:
    """Canonical names (lower case) of the countries and organisations the text names."""
    found = (lookup_place(m.group(0)) for m in gazetteer_pattern().finditer(text))
    return frozenset(name.lower() for name in found if name)


def profile(text: str) -> TextProfile:
    """Build the :class:`TextProfile` of ``text``."""
    tokens, possessive = _tokens_and_possessives(text)
    token_tuple = tuple(tokens)
    toks = set(tokens)
    numbers = frozenset(t for t in toks if t[0].isdigit())
    content = frozenset(
        t for t in toks if t not in lex.STOPWORDS and t not in lex.NEGATIONS and t not in numbers
    )
    n_neg = sum(1 for t in tokens if t in lex.NEGATIONS)
    actors, agents, places, targets = _roles(text, tokens, possessive)
    return TextProfile(
        tokens=token_tuple,
        content=content,
        n_negations=n_neg,
        numbers=numbers,
        denials=frozenset(toks & lex.DENIALS),
        stance_pos=frozenset(toks & lex.STANCE_POSITIVE),
        stance_neg=frozenset(toks & lex.STANCE_NEGATIVE),
        concern=frozenset(toks & lex.CONCERN_WORDS),
        joint=frozenset(toks & lex.JOINT_OUTCOME),
        blame_acts=frozenset(toks & lex.BLAME_ACTS),
        framing=frozenset(toks & lex.FRAMING_NOUNS),
        actors=frozenset(actors),
        agents=frozenset(agents),
        places=frozenset(places - agents),
        text=text,
        targets=frozenset(targets),  # agents are already left out: an agent is named otherwise
        demands=demand_stems(token_tuple),
        refusals=refusal_stems(token_tuple),
        named=frozenset(actors) | _gazetteer_names(text),
    )
