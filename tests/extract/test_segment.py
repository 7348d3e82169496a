from claimcmp.extract._segment import split_blocks, split_sentences


def sentences(text: str) -> list[str]:
    out = []
    for block in split_blocks(text):
        out += [text[s:e] for s, e in split_sentences(text, block.start, block.end)]
    return out


def test_honorifics_and_abbreviations_do_not_split():
    text = (
        "H.E. Mr Kirill Lysogorsky met Dr. Jane Smith of the U.S. delegation and the U.N. envoy. "
        "They visited St. Petersburg, incl. approx. 5 sites, and Resolution No. 2231. "
        "Amb. Susan E. Rice spoke."
    )
    assert sentences(text) == [
        "H.E. Mr Kirill Lysogorsky met Dr. Jane Smith of the U.S. delegation and the U.N. envoy.",
        "They visited St. Petersburg, incl. approx. 5 sites, and Resolution No. 2231.",
        "Amb. Susan E. Rice spoke.",
    ]


def test_numbers_and_dates_do_not_split():
    text = "On 7 July 2023, 72,304 metric tonnes were destroyed. It cost 1.5 billion."
    assert sentences(text) == ["On 7 July 2023, 72,304 metric tonnes were destroyed.", "It cost 1.5 billion."]


def test_one_paragraph_per_line_and_headings():
    text = "First paragraph ends here.\nBackground\nThe Russian Federation joined in 1997."
    blocks = [text[b.start : b.end] for b in split_blocks(text)]
    assert blocks == ["First paragraph ends here.", "Background", "The Russian Federation joined in 1997."]


def test_hard_wrapped_lines_join_into_one_paragraph():
    lines = [
        "Vice President Kamala Harris met in London today with Prime Minister",
        "Rishi Sunak of the United Kingdom. The leaders discussed the latest",
        "developments and the law of war. They also met with U.S.",
        "Embassy officials in the afternoon before the Vice President departed.",
    ]
    text = "\n".join(lines) + "\n\nSecond paragraph of the readout is here.\n"
    blocks = [text[b.start : b.end] for b in split_blocks(text)]
    assert len(blocks) == 2
    assert blocks[0].startswith("Vice President") and blocks[0].endswith("departed.")
    got = sentences(text)
    assert "They also met with U.S.\nEmbassy officials in the afternoon before the Vice President departed." in got


def test_spans_are_exact_offsets():
    text = "  One sentence.  Two sentences!\n\n  Three? "
    for block in split_blocks(text):
        for s, e in split_sentences(text, block.start, block.end):
            assert text[s:e] == text[s:e].strip() and text[s:e]


def test_sentence_spans_is_the_one_splitter_of_a_whole_text() -> None:
    from claimcmp.extract import sentence_spans

    text = "Talks in Geneva\n\nThe U.S. delegation met Dr. Smith. Both sides agreed!\nA new line starts here."
    got = [text[s:e] for s, e in sentence_spans(text)]
    assert got == ["Talks in Geneva", "The U.S. delegation met Dr. Smith.", "Both sides agreed!", "A new line starts here."]
