"""One spelling per person: speaker names that differ only in how they are written.

Releases of different offices (and one office over the years) spell one person's name differently: "Abdel Fattah
El-Sisi", "Abdel Fattah al-Sisi", "Al Sisi"; "Fernández" and "Fernandez". :func:`name_key` folds what does not
tell two people apart: case, accents, a hyphen against a space, and the transliteration of the Arabic article
("al", "el") before a name part. :func:`unify_speakers` gives every speaker of a corpus whose key is shared one
spelling: a known canonical name (the issuing offices' principals, or names the caller passes) where one has that
key, else the spelling used most often (the first seen on a tie).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace

from ..lang import unaccented
from ..model import Statement
from ._issuer import principal_names

__all__ = ["name_key", "same_person", "unify_speakers"]

# Transliterations of the Arabic definite article, written before the name part they belong to.
_ARTICLES = frozenset({"al", "el"})
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015]+")


def name_key(name: str) -> str:
    """The name with case, accents, hyphens and the article's transliteration folded.

    Examples
    --------
    >>> name_key("Abdel Fattah El-Sisi") == name_key("Abdel Fattah al-Sisi")
    True
    >>> name_key("Alberto Fernández")
    'alberto fernandez'
    """
    plain = unaccented(name).lower()
    words = [w for w in _SEPARATORS.split(plain.strip()) if w]
    # an article is a particle only before another part: a name that ends in "Al" keeps it as a word
    return " ".join("al" if w in _ARTICLES and i < len(words) - 1 else w for i, w in enumerate(words))


def same_person(a: str, b: str) -> bool:
    """Whether two speaker names are one spelling apart (see :func:`name_key`); several people's names joined
    with "; " are compared name by name."""
    return [name_key(n) for n in a.split("; ")] == [name_key(n) for n in b.split("; ")]


def _canonical(spellings: Counter[str], order: dict[str, int], known: dict[str, str], key: str) -> str:
    if key in known:
        return known[key]
    return max(spellings, key=lambda s: (spellings[s], -order[s]))


def unify_speakers(statements: Sequence[Statement], known: Iterable[str] = ()) -> list[Statement]:
    """The statements with one spelling per speaker across the corpus.

    Parameters
    ----------
    statements : sequence of Statement
        Statements of any number of releases.
    known : iterable of str, default=()
        Canonical names to prefer (e.g. the names of a sides file); the principals of the issuing offices are
        always known.

    Returns
    -------
    list of Statement
        In the same order; a statement whose speaker shares its :func:`name_key` with a known name or with a
        more frequent spelling takes that spelling. Co-speakers joined with "; " are folded one by one.
    """
    known_by_key = {name_key(n): n for n in [*principal_names(), *known]}
    spellings: dict[str, Counter[str]] = {}
    order: dict[str, int] = {}
    for statement in statements:
        for name in (statement.speaker or "").split("; "):
            if name:
                spellings.setdefault(name_key(name), Counter())[name] += 1
                order.setdefault(name, len(order))
    chosen = {key: _canonical(names, order, known_by_key, key) for key, names in spellings.items()}
    result = []
    for statement in statements:
        if not statement.speaker:
            result.append(statement)
            continue
        speaker = "; ".join(chosen[name_key(n)] for n in statement.speaker.split("; "))
        result.append(statement if speaker == statement.speaker else replace(statement, speaker=speaker))
    return result
