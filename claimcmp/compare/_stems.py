"""Demand and refusal markers and the word stems around them.

A profile (:mod:`claimcmp.compare.text`) stores these stems; the refused-demand cue
(:mod:`claimcmp.compare._readout_cues`) compares one statement's demands with the other's refusals.
"""

from __future__ import annotations

from ..lang import word_set
from . import _lexicon as lex

__all__ = ["demand_stems", "refusal_stems"]

_DEMAND = word_set("compare_stems_demand")
_CALL = word_set("compare_stems_call")
_MODAL = word_set("compare_stems_modal")
_REFUSE = word_set("compare_stems_refuse")
#: "keep ... in place": a refusal to lift only with "place" after it ("keep funding" is no refusal).
_KEEP = word_set("compare_stems_keep")
_FUTURE = word_set("compare_stems_future")
_VOTE = word_set("compare_stems_vote")
_WINDOW = 5  # words before a marker
_OBJECT_WINDOW = 8  # words after it: the object ("urged the Council to lift the export restrictions")
#: Policy words that name one action in other words, joined under one stem
#: ("renew" / "extend" / "prolong" a mandate; "lift" / "remove" restrictions; "curbs" / "controls").
_SAME_ACTION = {
    "renew": "exten", "prolo": "exten", "remov": "lift", "lifti": "lift", "easin": "lift", "scrap": "lift",
    "curbs": "restr", "curb": "restr", "contr": "restr", "limit": "restr", "embar": "restr", "sanct": "restr",
    "morat": "suspe", "freez": "suspe", "froze": "suspe", "pause": "suspe",
}


def _stems(tokens: tuple[str, ...] | list[str]) -> set[str]:
    """Five-letter prefixes of content words ("extension", "extend" -> "exten"), synonyms joined."""
    out = set()
    for t in tokens:
        if len(t) > 3 and t not in lex.STOPWORDS and t not in lex.NEGATIONS:
            out.add(_SAME_ACTION.get(t[:5], t[:5]))
    return out


def _around(tokens: tuple[str, ...], i: int) -> set[str]:
    return _stems(tokens[max(0, i - _WINDOW) : i] + tokens[i + 1 : i + 1 + _OBJECT_WINDOW])


def demand_stems(tokens: tuple[str, ...]) -> frozenset[str]:
    """Word stems around each demand or support marker ("urged", "called for", "backed", "should be")."""
    out: set[str] = set()
    for i, tok in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if (
            tok in _DEMAND
            or (tok in _CALL and nxt in {"for", "on"})
            or (tok in _MODAL and nxt == "be")
            or (tok == "support" and nxt == "for")  # "expressed support for"; not "financial support to"
        ):
            out |= _around(tokens, i)
    return frozenset(out)


def refusal_stems(tokens: tuple[str, ...]) -> frozenset[str]:
    """Word stems around each refusal marker ("will not", "refused", "vote against", "keep ... in place")."""
    out: set[str] = set()
    for i, tok in enumerate(tokens):
        prev = tokens[i - 1] if i else ""
        if (
            tok in _REFUSE
            or (tok in lex.NEGATIONS and prev in _FUTURE)
            or tok == "won't"
            or (tok == "against" and prev in _VOTE)
            or (tok in _KEEP and "place" in tokens[i + 1 : i + 1 + _OBJECT_WINDOW])
        ):
            out |= _around(tokens, i)
    return frozenset(out)
