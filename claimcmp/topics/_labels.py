"""Words kept out of topic keywords and labels: participants, titles, reporting verbs, boilerplate.

A label should name what a topic is about ("grain exports"), not who spoke or how the release
reports it ("stressed, president, russian"). The sources, all general:

* the word list ``claimcmp/lang/en/topics_label_noise.txt`` (reporting verbs, titles, readout
  boilerplate), read through :func:`claimcmp.lang.word_set`;
* the statements' own speaker and side fields: each word of a participant's or side's name, with
  and without its accents;
* for a side the gazetteer knows ("Russia", "UK"), every one-word alias of it ("russian",
  "kremlin", "moscow"; "british", "britain"), and each word of its longer aliases that the
  statements use mostly inside that alias ("federation" of "Russian Federation"; "states" stays
  where the text says "Member States" more often than "United States"). Other countries stay:
  in a US-China readout "Taiwan" is a subject, not a participant;
* at meeting scale, the persons the statements name ("Prime Minister Shmyhal"), found by extraction.

Only keywords and labels are affected: clustering sees every word.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from ..gazetteer import GAZETTEER, lookup_place
from ..lang import unaccented, word_set
from ._terms import STOP_WORDS

__all__ = ["PERSONS_UP_TO", "alias_words", "label_stop_words", "participant_words", "person_words"]

_WORD = re.compile(r"[^\W\d_][\w'-]*", re.UNICODE)


def participant_words(names: Iterable[str | None]) -> frozenset[str]:
    """Lower-cased words of the names, plus the one-word gazetteer aliases of the sides among them."""
    words: set[str] = set()
    for name in {n.strip() for n in names if n and n.strip()}:
        # with and without accents: a transcript labels "Alberto Fernández" whose text says "Fernandez"
        words.update(form for w in _WORD.findall(name) if len(w) > 1 for form in (w.lower(), unaccented(w.lower())))
        canonical = lookup_place(name)
        if canonical is not None:
            words.update(alias.lower() for alias in GAZETTEER.get(canonical, ()) if " " not in alias.strip())
    return frozenset(words)


def alias_words(names: Iterable[str | None], texts: Sequence[str]) -> frozenset[str]:
    """Words of the sides' multi-word gazetteer aliases that ``texts`` use mostly inside such an alias.

    "Federation" in a readout that names the "Russian Federation" three times and no other federation
    names the participant; "states" in one that says "Member States" more often than "United States" does not.
    """
    phrases: set[str] = set()
    for name in {n.strip() for n in names if n and n.strip()}:
        canonical = lookup_place(name)
        if canonical is not None:
            phrases.update(a.strip().lower() for a in GAZETTEER.get(canonical, ()) if " " in a.strip())
    if not phrases or not texts:
        return frozenset()
    text = "\n".join(texts).lower()
    inside: Counter[str] = Counter()
    for phrase in phrases:
        hits = len(re.findall(rf"(?<!\w){re.escape(phrase)}(?!\w)", text))
        for word in set(_WORD.findall(phrase)):
            inside[word] += hits
    return frozenset(
        w for w, n in inside.items()
        if n and len(w) > 1 and 2 * n >= len(re.findall(rf"(?<!\w){re.escape(w)}(?!\w)", text))
    )


def person_words(texts: Sequence[str]) -> frozenset[str]:
    """Lower-cased words (with and without accents) of the texts' capitalised words that name persons in most
    of their occurrences (``extract.person_name_words``, as theme labels use it); a common word inside a
    name, such as "Grace", is not one."""
    from ..extract import person_name_words

    capitalised = {w for text in texts for w in _WORD.findall(text) if len(w) > 1 and w[:1].isupper()}
    found = person_name_words(texts, capitalised)
    return found | frozenset(unaccented(w) for w in found)


#: Up to this many statements (one meeting) the persons named in the texts are kept out of labels too
#: (:func:`person_words`): the label of an agenda item names its subject, not who raised it. Above it the name
#: search would cost more than the clustering.
PERSONS_UP_TO = 200


def label_stop_words(names: Iterable[str | None] = (), texts: Sequence[str] = ()) -> frozenset[str]:
    """Stop words for keywords: English function words, the label-noise list and the participants' words
    (with ``texts``, also the words of the sides' longer names that the texts use as part of them:
    :func:`alias_words`; and for at most :data:`PERSONS_UP_TO` texts, the persons they name: :func:`person_words`)."""
    stop = STOP_WORDS | word_set("topics_label_noise") | participant_words(names) | alias_words(names, texts)
    if 0 < len(texts) <= PERSONS_UP_TO:
        stop |= person_words(texts)
    return stop
