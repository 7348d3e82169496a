"""Cheap keywords for themes created by an update.

Themes found by the initial fit take their label and keywords from the topic
model (class-based TF-IDF over the whole series). A theme that appears later
is described without re-counting the whole series: its words are weighed by
``count_in_theme * log(N / document_frequency)``, with document frequencies
kept up to date one statement at a time.

Labels of every theme leave out setting words (:func:`setting_words`): the names that the series'
scene-setting statements use for participants, places and events ("Meloni", "Italy", "White House"),
the titles extraction knows, and the label-noise list; the tracker adds the series' persons' names,
closing words and words of web addresses (:mod:`claimcmp.themes._boilerplate`). Keywords keep them.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable

__all__ = ["TermStats", "label_terms", "scene_names", "setting_words", "tokens"]

_TOKEN = re.compile(r"[^\W\d_][\w'-]+", re.UNICODE)


def _stop_words() -> frozenset[str]:
    from ..lang import word_set

    return word_set("stopwords") | word_set("topics_label_noise")


def tokens(text: str, stop_words: frozenset[str]) -> list[str]:
    """Lower-cased words of 2+ characters that are not stop words."""
    return [w for w in (m.group(0).lower() for m in _TOKEN.finditer(text)) if w not in stop_words]


class TermStats:
    """Document frequencies of words over the statements seen so far."""

    def __init__(self) -> None:
        self.n_docs = 0
        self.doc_freq: Counter[str] = Counter()
        self._stop: frozenset[str] | None = None

    @property
    def stop_words(self) -> frozenset[str]:
        if self._stop is None:
            self._stop = _stop_words()
        return self._stop

    def add(self, texts: Iterable[str]) -> None:
        """Count the words of more statements."""
        for text in texts:
            self.n_docs += 1
            self.doc_freq.update(set(tokens(text, self.stop_words)))

    def keywords(self, texts: Iterable[str], n: int = 8) -> tuple[str, ...]:
        """The ``n`` words that best tell these statements apart, best first (ties alphabetical)."""
        counts: Counter[str] = Counter()
        for text in texts:
            counts.update(tokens(text, self.stop_words))
        total = max(self.n_docs, 1)
        scored = [(-c * math.log((total + 1) / (self.doc_freq.get(w, 0) + 1)), w) for w, c in counts.items()]
        return tuple(w for _, w in sorted(scored)[:n])


_NAME = re.compile(r"(?<=\S\s)[A-Z][\w'’-]+")


def scene_names(texts: Iterable[str]) -> frozenset[str]:
    """Lower-cased capitalised words (not sentence-initial) of scene-setting statements.

    Those statements name the meeting's participants, their titles and countries, and the places and events:
    across a series of readouts, the words that say who met, never what a theme is about.
    """
    words: set[str] = set()
    for text in texts:
        words.update(part.lower() for m in _NAME.finditer(text) for part in m.group(0).split("-"))
    return frozenset(re.sub(r"[’']s$", "", w) for w in words)


def label_terms(keywords: Iterable[str], setting: frozenset[str]) -> tuple[str, ...]:
    """The keywords none of whose words is a setting word (a participant's name, a title, boilerplate)."""
    return tuple(k for k in keywords if not any(w in setting for w in re.split(r"[\s-]+", k) if w))


def setting_words(scene: frozenset[str]) -> frozenset[str]:
    """Words no theme label holds: the scene's names, the titles extraction knows, the label-noise list.

    The titles and the label-noise list are part of the words the scene-setting test takes away
    (:func:`claimcmp.extract.setting_vocabulary`: also function words, months and weekdays, the readout's
    speakers and reporting words).
    """
    from ..extract import setting_vocabulary

    return scene | setting_vocabulary()
