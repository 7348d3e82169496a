from claimcmp.errors import ExtractionError
from claimcmp.model import Release, Statement
from claimcmp.themes._statements import release_statements, sentence_spans, window_spans

UNPUNCTUATED = " ".join(f"word{i}" for i in range(130))


def test_short_spans_are_kept_whole() -> None:
    text = "one two three"
    assert window_spans(text, 0, len(text), max_words=5, window_words=3) == [(0, 13)]
    assert window_spans("   ", 0, 3, max_words=5, window_words=3) == []


def test_long_unpunctuated_text_is_cut_into_word_windows() -> None:
    spans = window_spans(UNPUNCTUATED, 0, len(UNPUNCTUATED), max_words=60, window_words=40)
    words = [len(UNPUNCTUATED[s:e].split()) for s, e in spans]
    assert words == [40, 40, 50]  # the short remainder joins the last window
    assert all(not UNPUNCTUATED[s:e].startswith(" ") and not UNPUNCTUATED[s:e].endswith(" ") for s, e in spans)
    assert spans[0][0] == 0 and spans[-1][1] == len(UNPUNCTUATED)


def test_sentence_spans_split_on_punctuation_and_lines() -> None:
    text = "First one. Second one!\nA heading\nThird?"
    assert [text[s:e] for s, e in sentence_spans(text)] == ["First one.", "Second one!", "A heading", "Third?"]


def test_extracted_statements_are_windowed_and_keep_attribution() -> None:
    release = Release("r", "Intro. " + UNPUNCTUATED)

    def extractor(r: Release, sides: object = None) -> list[Statement]:
        return [Statement.from_span(r, 7, len(r.text), speaker="Ann", side="A", kind="reported", cue="said")]

    out = release_statements(release, extractor=extractor)
    assert len(out) == 3
    for s in out:
        assert release.text[s.start : s.end] == s.text
        assert (s.speaker, s.side, s.kind.value, s.cue) == ("Ann", "A", "reported", "said")


def test_falls_back_to_sentences_when_extraction_yields_nothing_or_fails() -> None:
    release = Release("r", "Alpha beta. Gamma delta.")
    empty = release_statements(release, extractor=lambda r, sides=None: [])
    assert [s.text for s in empty] == ["Alpha beta.", "Gamma delta."]

    def broken(r: Release, sides: object = None) -> list[Statement]:
        raise ExtractionError("cannot")

    assert [s.text for s in release_statements(release, extractor=broken)] == ["Alpha beta.", "Gamma delta."]


def test_default_uses_the_real_extraction(series: list[Release]) -> None:
    out = release_statements(series[0])
    assert out, "the first fixture release has statements"
    assert all(series[0].text[s.start : s.end] == s.text for s in out)
    assert any("peaceful resolution" in s.text for s in out)
