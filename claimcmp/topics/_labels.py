"""Words kept out of topic keywords and labels: participants, titles, reporting verbs, boilerplate.

A label should name what a topic is about ("grain exports"), not who spoke or how the release
reports it ("stressed, president, russian"). Three sources, all general:

* the word list ``claimcmp/lang/en/topics_label_noise.txt`` (reporting verbs, titles, readout
  boilerplate), read through :func:`claimcmp.lang.word_set`;
* the statements' own speaker and side fields: each word of a participant's or side's name;
* for a side the gazetteer knows ("Russia", "UK"), every one-word alias of it ("russian",
  "kremlin", "moscow"; "british", "britain"). Other countries stay: in a US-China readout
  "Taiwan" is a subject, not a participant.

Only keywords and labels are affected: clustering sees every word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..gazetteer import GAZETTEER, lookup_place
from ..lang import word_set
from ._terms import STOP_WORDS

__all__ = ["label_stop_words", "participant_words"]

_WORD = re.compile(r"[^\W\d_][\w'-]*", re.UNICODE)


def participant_words(names: Iterable[str | None]) -> frozenset[str]:
    """Lower-cased words of the names, plus the one-word gazetteer aliases of the sides among them."""
    words: set[str] = set()
    for name in {n.strip() for n in names if n and n.strip()}:
        words.update(w.lower() for w in _WORD.findall(name) if len(w) > 1)
        canonical = lookup_place(name)
        if canonical is not None:
            words.update(alias.lower() for alias in GAZETTEER.get(canonical, ()) if " " not in alias.strip())
    return frozenset(words)


def label_stop_words(names: Iterable[str | None] = ()) -> frozenset[str]:
    """Stop words for keywords: English function words, the label-noise list and the participants' words."""
    return STOP_WORDS | word_set("topics_label_noise") | participant_words(names)
