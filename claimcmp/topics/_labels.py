"""Words kept out of topic keywords and labels: names, titles, reporting verbs, readout boilerplate.

A label should name what a topic is about ("grain exports"), not who spoke or how the release
reports it ("stressed, president, russia"). Three sources, all general:

* the word list ``claimcmp/lang/en/topics_label_noise.txt`` (reporting verbs, titles, readout
  boilerplate), read through :func:`claimcmp.lang.word_set`;
* the gazetteer's countries: every one-word name and demonym ("Russia", "Russian");
  organisations, places and agreements stay (they are content);
* the statements' own speaker and side fields: each word of a participant's or side's name.

Only keywords and labels are affected: clustering sees every word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ..lang import sections, word_set
from ._terms import STOP_WORDS

__all__ = ["country_words", "label_stop_words"]

_WORD = re.compile(r"[^\W\d_][\w'-]*", re.UNICODE)


@lru_cache(maxsize=1)
def country_words() -> frozenset[str]:
    """Lower-cased one-word country names and demonyms of the gazetteer."""
    words: set[str] = set()
    for row in sections("gazetteer")["countries"]:
        words.update(alias.lower() for alias in row if " " not in alias.strip())
    return frozenset(words)


def label_stop_words(names: Iterable[str | None] = ()) -> frozenset[str]:
    """Stop words for keywords: English function words, the label-noise list, countries, and the words of ``names``."""
    own = {w.lower() for name in names if name for w in _WORD.findall(name) if len(w) > 1}
    return STOP_WORDS | word_set("topics_label_noise") | country_words() | frozenset(own)
