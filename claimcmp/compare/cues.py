"""Relation cues: readable reasons a pair agrees or counters.

Each cue names the words that triggered it and the relation it favours. The
classifier adds a fixed log-odds bonus per fired cue to the head's calibrated
log-probabilities (:data:`CUE_WEIGHTS`), so a cue can turn a pair the NLI-style
head calls "neutral" -- e.g. the same act blamed on another actor -- into a
counter-claim. The weights are hand-set, documented in ``docs/relations.md``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..lang import word_set
from . import _lexicon as lex
from ._readout_cues import (
    attributed_act,
    evaluative_contrast,
    raises_claim,
    refused_demand,
    rejection_words,
    rival_doers,
)
from .features import agent_swap, antonym_pairs
from .text import TextProfile

__all__ = [
    "Cue", "CUE_WEIGHTS", "detect_cues", "is_related", "negation_contradicts", "AGREEMENT", "COUNTER_CLAIM",
    "UNRELATED", "RELATIONS",
]

AGREEMENT = "agreement"
COUNTER_CLAIM = "counter_claim"
UNRELATED = "unrelated"
#: The relation labels, in the head's column order.
RELATIONS = (AGREEMENT, COUNTER_CLAIM, UNRELATED)

#: Log-odds added to the favoured relation when a cue fires.
CUE_WEIGHTS: dict[str, float] = {
    "opposing_actor": 3.0,
    "opposing_framing": 3.0,
    "rejection": 3.0,
    "attributed_act": 2.0,
    "refused_demand": 2.0,
    "rival_doers": 2.0,
    "rival_claims": 2.0,  # side comparison only (side_cues.rival_claims)
    "mutual_blame": 2.0,  # side comparison only (side_cues.mutual_blame)
    "side_criticism": 0.0,  # acts through the polarity gate only (classifier.POLARITY_CUES)
    "evaluative_contrast": 2.0,
    "denial": 2.0,
    "opposite_stance": 1.5,
    "negation": 1.0,
    "antonym": 0.7,
    "number_mismatch": 0.5,
    "joint_outcome": 1.5,
    "shared_proposition": 1.0,
}


@dataclass(frozen=True)
class Cue:
    """One reason behind a relation.

    Attributes
    ----------
    name : str
        ``shared_proposition``, ``joint_outcome``, ``negation``, ``denial``,
        ``rejection``, ``attributed_act``, ``refused_demand``, ``evaluative_contrast``,
        ``opposing_actor``, ``opposing_framing``, ``opposite_stance``,
        ``antonym``, ``number_mismatch`` or ``model`` (the head alone).
    detail : str
        The words that triggered it.
    favours : str
        The relation it pushes towards.
    """

    name: str
    detail: str
    favours: str

    def to_dict(self) -> dict[str, Any]:
        """A JSON-compatible dict."""
        return {"name": self.name, "detail": self.detail, "favours": self.favours}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Cue:
        """Inverse of :meth:`to_dict`."""
        return cls(name=data["name"], detail=data["detail"], favours=data["favours"])


def _words(items: frozenset[str] | set[str]) -> str:
    return ", ".join(sorted(items))


def _generic_agents(prof: TextProfile) -> set[str]:
    """Non-state doers after "by": "staged by terrorist groups" -> {"armed groups"}."""
    toks = prof.tokens
    out = set()
    for i, tok in enumerate(toks):
        if tok == "by":
            for nxt in toks[i + 1 : i + 4]:
                if nxt in lex.GENERIC_AGENTS:
                    out.add(lex.GENERIC_AGENTS[nxt])
                    break
    return out


def _cue_antonyms(a: TextProfile, b: TextProfile) -> list[tuple[str, str]]:
    ta, tb = set(a.tokens), set(b.tokens)
    found = antonym_pairs(a, b)
    for x, y in sorted(lex.CUE_ANTONYMS):
        if (x in ta and y in tb and x not in tb and y not in ta) or (
            y in ta and x in tb and y not in tb and x not in ta
        ):
            found.append((x, y) if x in ta else (y, x))
    return found


def _singular(words: frozenset[str]) -> set[str]:
    return {w[:-1] if w.endswith("s") and not w.endswith("ss") else w for w in words}


#: Words before "against" that make it a stance ("vote against", "is against"); else it is a
#: preposition ("aggression against Ukraine").
_AGAINST_STANCE = word_set("compare_against_stance")


def _stance(p: TextProfile) -> tuple[frozenset[str], frozenset[str]]:
    """Favourable and unfavourable stance words, "against" only as a stance, "back" only inflected."""
    neg = p.stance_neg
    pos = p.stance_pos - {"back"}  # "bring back", "Build Back Better"; "backed" stays
    if "against" in neg:
        toks = p.tokens
        if not any(t == "against" and i and toks[i - 1] in _AGAINST_STANCE for i, t in enumerate(toks)):
            neg = neg - {"against"}
    return pos, neg


#: Negation words in set phrases that negate no claim ("not only", "without delay").
_IDIOMS = (("not", "only"), ("no", "later"), ("nothing", "less"), ("nothing", "short"), ("no", "doubt"))


def _negated(p: TextProfile) -> set[str]:
    """Stems of what the text negates: after each negation word other than "without" (outside set
    phrases), up to two content words, ending at the first function word after one ("cannot be
    considered accurate and ...": considered, accurate; "no decisions or ...": decisions). A
    negation with no content word after it counts too. Empty when the text negates nothing."""
    toks = p.tokens
    out: set[str] = set()
    for i, tok in enumerate(toks):
        if tok not in lex.NEGATIONS or tok == "without":
            continue
        if (tok, toks[i + 1] if i + 1 < len(toks) else "") in _IDIOMS:
            continue
        scope: list[str] = []
        for t in toks[i + 1 : i + 8]:
            if t in p.content:
                scope.append(t)
            elif scope:
                break
            if len(scope) == 2:
                break
        out |= {_stem(t) for t in scope} or {"<negation>"}
    return out


def _stem(word: str) -> str:
    return word[:5]


def negation_contradicts(a: TextProfile, b: TextProfile) -> bool:
    """One statement negates what the other states: it alone negates, and a word it negates
    occurs in the other ("not blue" / "blue"; not "no decisions without Ukraine" / "Ukraine")."""
    neg_a, neg_b = _negated(a), _negated(b)
    if bool(neg_a) == bool(neg_b):
        return False
    negated, other = (neg_a, b) if neg_a else (neg_b, a)
    return bool(negated & {_stem(t) for t in other.content})


_YEAR = re.compile(r"(1[89]|20)\d\d")


def _quantities(p: TextProfile) -> dict[str, set[str]]:
    """Numbers by the word after them, their unit ("40 percent" -> {"percent": {"40"}}); days of a
    month ("January 27") and years are dates, not quantities."""
    toks = p.tokens
    out: dict[str, set[str]] = {}
    for i, tok in enumerate(toks[:-1]):
        unit = toks[i + 1]
        if not tok[0].isdigit() or unit[0].isdigit() or unit in lex.STOPWORDS:
            continue
        if (i and toks[i - 1] in lex.MONTHS) or unit in lex.MONTHS or _YEAR.fullmatch(tok):
            continue
        out.setdefault(unit, set()).add(tok)
    return out


def number_mismatch(a: TextProfile, b: TextProfile) -> list[str]:
    """Units both statements count with one different number each ("40 percent" / "12 percent").
    Not when both name one country or body and each another one besides: then the counts are
    of those others ("4,000 Afghans" in Italy, "35,000" in Germany, both "to the United States")."""
    if (a.named & b.named) and (a.named - b.named) and (b.named - a.named):
        return []
    qa, qb = _quantities(a), _quantities(b)
    return sorted(u for u in set(qa) & set(qb) if len(qa[u]) == 1 and len(qb[u]) == 1 and qa[u] != qb[u])


def _outcome_words(p: TextProfile) -> set[str]:
    """Words reporting an outcome reached: an outcome verb ("agreed", "signed"), or "agreement to"
    ("welcomed the agreement to restart flights"; not "a binding agreement that")."""
    toks = p.tokens
    found = set(toks) & lex.CUE_OUTCOME_VERBS
    nouns = ("agreement", "decision", "commitment")
    found |= {t for t, nxt in zip(toks, toks[1:], strict=False) if t in nouns and nxt == "to"}
    return found


def is_related(a: TextProfile, b: TextProfile, cosine: float) -> bool:
    """Whether two statements share a subject: cosine >= 0.35, three shared content
    words, or cosine >= 0.2 with a shared actor or one statement refusing what the
    other urges. Cues fire, and counter-claims are possible, only between related
    statements."""
    if cosine >= 0.35 or len(a.content & b.content) >= 3 or bool(a.actors & b.actors) and cosine >= 0.2:
        return True
    return cosine >= 0.2 and bool(refused_demand(a, b))


def detect_cues(a: TextProfile, b: TextProfile, cosine: float) -> list[Cue]:
    """Cues fired by the pair (a, b), strongest first.

    Parameters
    ----------
    a, b : TextProfile
    cosine : float
        Cosine similarity of the two embeddings; gates the topical cues.

    Returns
    -------
    list of Cue
    """
    shared = a.content & b.content
    if not is_related(a, b, cosine):
        return []
    cues = _actor_cues(a, b, shared)
    cues += _refusal_cues(a, b)
    cues += _stance_cues(a, b, shared, cosine)
    cues += _content_cues(a, b, shared, cosine)
    if not any(c.favours == COUNTER_CLAIM for c in cues):
        cues += _agreement_cues(a, b, shared, cosine)
    return cues


def _actor_cues(a: TextProfile, b: TextProfile, shared: frozenset[str]) -> list[Cue]:
    """Who is blamed or framed: opposing actors, else opposing framing, attributed acts or rival doers."""
    cues: list[Cue] = []
    generic_a, generic_b = _generic_agents(a), _generic_agents(b)
    generic_swap = bool(
        (generic_b and (a.places or a.agents) and not generic_a and (a.blame_acts & b.blame_acts))
        or (generic_a and (b.places or b.agents) and not generic_b and (a.blame_acts & b.blame_acts))
    )
    swapped = agent_swap(a, b, targets_only=True)
    if generic_swap and not swapped:
        generic = generic_b or generic_a
        acts = (a.blame_acts & b.blame_acts) - {"use"} or {"use"}
        cues.append(Cue("opposing_actor", f"blames {_words(generic)}; act: {_words(acts)}", COUNTER_CLAIM))
    if swapped and (a.blame_acts | b.blame_acts | a.concern | b.concern):
        blamer, other = (b, a) if (b.agents & a.targets or b.agents) else (a, b)
        actors = (blamer.agents & other.targets) or blamer.agents
        detail = f"blames {_words(actors)}"
        if other.targets & actors:
            detail += f", whom the other names as place or target ({_words(other.targets & actors)})"
        elif other.agents:
            detail += f"; the other blames {_words(other.agents)}"
        acts = (a.blame_acts | b.blame_acts | a.concern | b.concern) - {"use"} or {"use"}
        cues.append(Cue("opposing_actor", f"{detail}; act: {_words(acts)}", COUNTER_CLAIM))
    if cues:
        return cues
    if a.framing and b.framing:
        if a.agents and b.agents and not (a.agents & b.agents):
            cues.append(Cue(
                "opposing_framing",
                f"{_words(a.agents)}: {_words(a.framing)} vs {_words(b.agents)}: {_words(b.framing)}",
                COUNTER_CLAIM,
            ))
        elif not (_singular(a.framing) & _singular(b.framing)) and shared and not (a.actors & b.actors):
            cues.append(Cue("opposing_framing", f"{_words(a.framing)} vs {_words(b.framing)} for {_words(shared)}",
                            COUNTER_CLAIM))
    attributed = attributed_act(a, b)
    if attributed:
        doers, acts = attributed
        cues.append(Cue("attributed_act", f"blames {_words(doers)} for the {_words(acts)} the other condemns",
                        COUNTER_CLAIM))
    else:
        rivals = rival_doers(a, b)
        if rivals:
            cues.append(Cue("rival_doers", f"{_words(rivals[0])} vs {_words(rivals[1])}", COUNTER_CLAIM))
    return cues


def _refusal_cues(a: TextProfile, b: TextProfile) -> list[Cue]:
    """One statement rejects or denies what the other raises, or refuses what it urges."""
    cues: list[Cue] = []
    reject_a, reject_b = rejection_words(a), rejection_words(b)
    if bool(reject_a) != bool(reject_b):
        words = _words(reject_a or reject_b)
        if raises_claim(b if reject_a else a):
            cues.append(Cue("rejection", f"rejects what the other raises: {words}", COUNTER_CLAIM))
        else:
            cues.append(Cue("denial", words, COUNTER_CLAIM))
    refused = refused_demand(a, b)
    if refused:
        cues.append(Cue("refused_demand", f"one urges, the other refuses: {_words(set(refused))}", COUNTER_CLAIM))
    return cues


def _stance_cues(a: TextProfile, b: TextProfile, shared: frozenset[str], cosine: float) -> list[Cue]:
    """Opposite stance words on a shared subject, else an evaluative contrast."""
    (pos_a, neg_a), (pos_b, neg_b) = _stance(a), _stance(b)
    pos_neg = (pos_a - pos_b) and (neg_b - neg_a)
    neg_pos = (neg_a - neg_b) and (pos_b - pos_a)
    if (pos_neg or neg_pos) and (len(shared) >= 1 or cosine >= 0.5):
        words = (pos_a - pos_b) | (neg_b - neg_a) if pos_neg else (neg_a - neg_b) | (pos_b - pos_a)
        return [Cue("opposite_stance", _words(words), COUNTER_CLAIM)]
    contrast = evaluative_contrast(a, b)
    if contrast:
        judged_a, judged_b, subject = contrast
        return [Cue("evaluative_contrast", f"{_words(judged_a)} vs {_words(judged_b)} of {_words(subject)}",
                    COUNTER_CLAIM)]
    return []


def _content_cues(a: TextProfile, b: TextProfile, shared: frozenset[str], cosine: float) -> list[Cue]:
    """Contradictions of one proposition: a negation, antonyms, different numbers of one unit."""
    cues: list[Cue] = []
    # A negation contradicts only a proposition both statements state: what it negates recurs in
    # the other, and most of the shorter statement's content words do (two shared words alone are a topic).
    overlap = len(shared) / (min(len(a.content), len(b.content)) or 1)
    same_proposition = len(shared) >= 2 and overlap >= 0.4
    if negation_contradicts(a, b) and (same_proposition or cosine >= 0.8):
        cues.append(Cue("negation", "negated in one statement only", COUNTER_CLAIM))
    ants = _cue_antonyms(a, b)
    if ants:
        cues.append(Cue("antonym", "; ".join(f"{x}/{y}" for x, y in ants), COUNTER_CLAIM))
    units = number_mismatch(a, b)
    if units and len(shared) >= 2:
        qa, qb = _quantities(a), _quantities(b)
        detail = "; ".join(f"{_words(qa[u])} vs {_words(qb[u])} {u}" for u in units)
        cues.append(Cue("number_mismatch", detail, COUNTER_CLAIM))
    return cues


def _agreement_cues(a: TextProfile, b: TextProfile, shared: frozenset[str], cosine: float) -> list[Cue]:
    """An outcome both report, or one proposition both state (only when nothing conflicts)."""
    cues: list[Cue] = []
    joint_a, joint_b = _outcome_words(a), _outcome_words(b)
    joint = joint_a | joint_b
    if joint_a and joint_b and cosine >= 0.45:
        cues.append(Cue("joint_outcome", _words(joint), AGREEMENT))
    if cosine >= 0.75 or (len(shared) >= 3 and len(shared) / (len(a.content | b.content) or 1) >= 0.5):
        cues.append(Cue("shared_proposition", _words(shared) or f"cosine {cosine:.2f}", AGREEMENT))
    return cues
