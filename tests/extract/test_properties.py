"""Property tests: any text in, exact non-overlapping spans out, only typed errors."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcmp.errors import ClaimcmpError
from claimcmp.extract import extract

from ._helpers import covered_once, release

GENRE_PIECES = [
    "The Director-General", " of the OPCW, Ambassador Fernando Arias,", " said", ": “", "”", '"', "‘", "’", " He",
    " She", " stressed", " the two sides", " President Putin of Russia", " H.E. Mr", " U.S.", " No. 5", ". ", "\n",
    "\n\n", "Background\n", "<b>", "</b>", "[link](https://x.org)", " according to him", ",” he said, “", "«", "»",
    " 72,304 metric tonnes", " 7 July 2023", "—", " they agreed", " Mr.", "\u00a0", "\u200b", "é", "中文", "🙂",
]

genre_text = st.lists(st.sampled_from(GENRE_PIECES) | st.text(max_size=12), max_size=40).map("".join)


def _check(text: str) -> None:
    try:
        result = extract(release(text, issuer="OPCW"))
    except ClaimcmpError:
        return
    spans = sorted([(s.start, s.end) for s in result.statements] + [(k.start, k.end) for k in result.skipped])
    for (s1, e1), (s2, _) in zip(spans, spans[1:]):
        assert e1 <= s2
    for statement in result.statements:
        assert text[statement.start : statement.end] == statement.text and statement.text
    for skipped in result.skipped:
        assert text[skipped.start : skipped.end] == skipped.text
    assert covered_once(text, result)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_arbitrary_unicode_text(text):
    _check(text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(genre_text)
def test_genre_fragments_quotes_and_markup(text):
    _check(text)
