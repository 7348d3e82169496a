"""Words of a series that say who or how, never what: closing formulas and person names (issue #21).

Both are learned from the series itself, not listed:

* **Closing words.** Readouts end on procedure ("The two leaders agreed to remain in close contact over the
  coming days."). A word is a closing word when it occurs in at least :data:`MIN_RELEASES` releases and at
  least :data:`CLOSING_LIFT` times as often in the last statement of a release as a word placed at random
  would (the share of statements that are last ones), or, in a series of short releases, in the last
  statement in :data:`MAX_SHARE` of its occurrences. A statement whose lower-case content words
  (:func:`claimcmp.extract.lower_content_words`) are all closing words, or all but one with two closing words
  at least, is a closing line: it takes no part in themes or claims. Closing words are also left out of
  labels.
* **Person names.** A label word is a person's name when extraction finds it inside a person's name
  (:func:`claimcmp.extract.person_names`: "Prime Minister Meloni", "President-elect Bernardo Arévalo") in at
  least half of its occurrences in the series. Words that only sometimes sit in a name ("Climate" in
  "National Climate Advisor Gina McCarthy", "Administration") stay.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from ..extract import person_name_words, words_and_parts

__all__ = ["closing_rows", "closing_words", "edge_themes", "link_words", "mostly_capitalised", "person_name_words"]

#: A closing word is this many times likelier than chance to sit in the last statement of a release.
CLOSING_LIFT = 3.0
#: ... and occurs in at least this many releases (fewer: no statistic).
MIN_RELEASES = 5
#: Where releases are short (most statements are last ones), a share of last statements this high suffices.
MAX_SHARE = 0.9
#: A theme whose statements open (or close) their releases this many times as often as chance is about the
#: meeting itself. On ``wh_readouts`` subject themes reach at most 1.4; opening and closing themes 2.9 to 5.9.
EDGE_LIFT = 2.5
#: A label word is a name when at least this share of its occurrences lies inside a person's name.
NAME_SHARE = 0.5

_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)
_LINK = re.compile(r"(?:https?://|www\.)[^\s)\]>\"]+", re.IGNORECASE)


def _is_last(release_ids: Sequence[str]) -> list[bool]:
    """Whether each statement is the last of its release (statements in series order)."""
    n = len(release_ids)
    return [i == n - 1 or release_ids[i + 1] != release_ids[i] for i in range(n)]


def closing_words(release_ids: Sequence[str], words: Sequence[Sequence[str]]) -> frozenset[str]:
    """The words concentrated in the last statements of releases.

    Parameters
    ----------
    release_ids : sequence of str
        The release of each statement, statements in series order (a release's statements together).
    words : sequence of sequence of str
        The lower-case content words of each statement.
    """
    if not words:
        return frozenset()
    last = _is_last(release_ids)
    needed = min(CLOSING_LIFT * sum(last) / len(last), MAX_SHARE)
    total: Counter[str] = Counter()
    at_end: Counter[str] = Counter()
    releases: dict[str, set[str]] = {}
    for rid, ws, is_last in zip(release_ids, words, last, strict=True):
        for w in set(ws):
            total[w] += 1
            at_end[w] += is_last
            releases.setdefault(w, set()).add(rid)
    return frozenset(
        w for w, n in total.items() if len(releases[w]) >= MIN_RELEASES and at_end[w] >= needed * n
    )


def closing_rows(words: Sequence[Sequence[str]], closing: frozenset[str]) -> list[int]:
    """Rows that are closing lines: every content word a closing word, or all but one and two of them at least.

    The one word let through is what a closing formula adds that the statistic, by a small margin, misses
    ("agreed to remain in *close* contact", "*committed* to stay in regular contact").
    """
    rows = []
    for i, ws in enumerate(words):
        n_closing = sum(w in closing for w in ws)
        if ws and (n_closing == len(ws) or (n_closing >= 2 and n_closing >= len(ws) - 1)):
            rows.append(i)
    return rows


def _in_most(hits: Counter[str], seen: Counter[str]) -> frozenset[str]:
    """The words found in the place looked for (``hits``) in at least :data:`NAME_SHARE` of their occurrences."""
    return frozenset(w for w, n in hits.items() if n >= NAME_SHARE * seen[w])


def mostly_capitalised(texts: Iterable[str], candidates: Iterable[str]) -> frozenset[str]:
    """The candidate words (lower-case) written with a capital, not at a sentence start, in most occurrences.

    A proper name ("Meloni", "Italy") is; a common word that once opens an event's or an office's name
    ("Cooperation" in "Asia-Pacific Economic Cooperation", "Families") is not.
    """
    wanted = {w.lower() for w in candidates}
    seen: Counter[str] = Counter()
    capital: Counter[str] = Counter()
    for text in texts:
        for k, match in enumerate(_WORD.finditer(text)):
            for word in [match.group(0)] + match.group(0).split("-"):
                low = word.lower()
                if low in wanted and k > 0:
                    seen[low] += 1
                    capital[low] += word[:1].isupper()
    return _in_most(capital, seen)


def link_words(texts: Iterable[str], candidates: Iterable[str]) -> frozenset[str]:
    """The candidate words (lower-case) that occur inside web addresses in most of their occurrences.

    Readouts link documents ("https://.../wp-content/uploads/..."): "wp", "uploads", "content" are parts of
    addresses, not what a theme is about.
    """
    wanted = {w.lower() for w in candidates}
    seen: Counter[str] = Counter()
    in_link: Counter[str] = Counter()
    for text in texts:
        present = [w.lower() for w in words_and_parts(text) if w.lower() in wanted]
        if not present:
            continue
        seen.update(present)
        for link in _LINK.findall(text):
            parts = words_and_parts(re.sub(r"[/._?=&%#:]+", " ", link))
            in_link.update(w.lower() for w in parts if w.lower() in wanted)
    return _in_most(in_link, seen)


def edge_themes(release_ids: Sequence[str], theme_ids: Sequence[int]) -> set[int]:
    """Themes whose statements sit in the first or the last place of their releases far more than chance.

    Parameters
    ----------
    release_ids, theme_ids : sequence
        Release and theme of each themed statement, in series order (a release's statements together).

    A readout's first line says who met whom ("President Biden spoke today with ... to congratulate him");
    its last line how they stay in touch. A theme made of such lines (:data:`EDGE_LIFT` times the share of
    first, or last, statements, in at least :data:`MIN_RELEASES` releases) is about the meeting itself.
    """
    n = len(release_ids)
    if n == 0:
        return set()
    last = _is_last(release_ids)
    first = [i == 0 or release_ids[i - 1] != release_ids[i] for i in range(n)]
    base = sum(last) / n
    size: Counter[int] = Counter(theme_ids)
    opening = Counter(t for t, f in zip(theme_ids, first, strict=True) if f)
    closing = Counter(t for t, e in zip(theme_ids, last, strict=True) if e)
    releases: dict[int, set[str]] = {}
    for rid, t in zip(release_ids, theme_ids, strict=True):
        releases.setdefault(t, set()).add(rid)
    needed = min(EDGE_LIFT * base, MAX_SHARE)
    return {
        t
        for t, k in size.items()
        if t >= 0 and len(releases[t]) >= MIN_RELEASES and max(opening[t], closing[t]) >= needed * k
    }
