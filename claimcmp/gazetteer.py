"""The gazetteer: countries and organisations, the phrases that name them, and the actors claims name.

One table, read from ``claimcmp/lang/en/gazetteer.txt``, shared by extraction (which side a
mention points at), comparison (which actor a claim blames) and the benchmarks. Each entry maps a
canonical name ("Russia", "OPCW") to its aliases: the full name, short forms, the demonym
("Russian") and institutions that speak for it ("the Kremlin"). Extend it per corpus with a sides
file instead of editing it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .lang import sections

__all__ = ["AMBIGUOUS", "GAZETTEER", "actor_words", "gazetteer_pattern", "lookup_place"]

_DATA = sections("gazetteer")

#: canonical side name -> aliases (the canonical name first). Countries, then organisations.
GAZETTEER: dict[str, tuple[str, ...]] = {row[0]: row for part in ("countries", "organisations") for row in _DATA[part]}

#: Aliases too ambiguous alone (a person, a US state, a common noun); they count only as a canonical name.
AMBIGUOUS: frozenset[str] = frozenset(row[0] for row in _DATA["ambiguous"])


@lru_cache(maxsize=1)
def _alias_index() -> tuple[re.Pattern[str], dict[str, str]]:
    index: dict[str, str] = {}
    for canonical, aliases in GAZETTEER.items():
        for alias in aliases:
            if alias in AMBIGUOUS and alias != canonical:
                continue
            index.setdefault(alias, canonical)
            if alias.startswith("the "):
                index.setdefault(alias[4:], canonical)
    names = sorted(index, key=len, reverse=True)
    body = "|".join(re.escape(name) for name in names)
    pattern = re.compile(rf"(?<![\w.])(?:{body})(?:[’']s)?(?![\w])")
    return pattern, index


def gazetteer_pattern() -> re.Pattern[str]:
    """A compiled regex matching any gazetteer alias (optionally with a possessive 's)."""
    return _alias_index()[0]


def lookup_place(phrase: str) -> str | None:
    """The canonical side name of a gazetteer alias (``"Russian"`` -> ``"Russia"``), else None."""
    index = _alias_index()[1]
    key = re.sub(r"[’']s$", "", phrase.strip())
    if key in index:
        return index[key]
    if key.startswith("the ") and key[4:] in index:
        return index[key[4:]]
    return None


def _word_key(alias: str) -> str:
    return re.sub(r"[^a-z]", "", alias.lower())


@lru_cache(maxsize=1)
def actor_words() -> dict[str, str]:
    """One-word names of actors, lower case and letters only -> the actor's canonical name, lower case.

    Built from the one-word aliases of the gazetteer ("russian" -> "russia", "nato" -> "nato";
    ambiguous ones and acronyms left out) and the ``claim_actors`` section: capitals, plurals and groups that claims
    name as doers without being a side ("moscow", "houthis").
    """
    out: dict[str, str] = {}
    tagged = [(row, True) for row in GAZETTEER.values()] + [(row, False) for row in _DATA["claim_actors"]]
    for row, from_table in tagged:
        actor = row[0].lower()
        for alias in row:
            # Lower-cased, an acronym may be a word ("US" -> "us", "WHO" -> "who"): claim_actors lists the safe ones.
            if " " in alias.strip() or (from_table and (alias in AMBIGUOUS or alias.isupper())):
                continue
            key = _word_key(alias)
            if len(key) > 1:
                out.setdefault(key, actor)
    return dict(sorted(out.items()))
