from claimcmp.extract import extract
from claimcmp.model import StatementKind

from ._helpers import covered_once, release


def quotes_of(text: str, issuer: str | None = None):
    result = extract(release(text, issuer))
    return result, [s for s in result.statements if s.kind is StatementKind.DIRECT_QUOTE]


def test_quote_after_colon_spanning_sentences_is_split_per_sentence_and_attributed():
    text = "The Minister of Foreign Affairs of Japan spoke. He stated: “We act now. We will not wait.”"
    result, quotes = quotes_of(text)
    assert [q.text for q in quotes] == ["We act now.", "We will not wait."]
    assert {q.side for q in quotes} == {"Japan"}
    assert any(k.text == "He stated: “" and k.reason == "quote_frame" for k in result.skipped)
    assert covered_once(text, result)


def test_interrupted_quote_gives_two_quotes_of_one_speaker():
    text = "“Finland is a full member of our Alliance,” the NATO Secretary General said, “and it makes us stronger.”"
    result, quotes = quotes_of(text)
    assert [q.text for q in quotes] == ["Finland is a full member of our Alliance,", "and it makes us stronger."]
    assert {q.side for q in quotes} == {"NATO"}
    assert covered_once(text, result)


def test_straight_quotes_and_postposed_speaker():
    text = '"We live in a more dangerous world," said President Emmanuel Macron of France.'
    _, quotes = quotes_of(text)
    assert [(q.text, q.speaker, q.side) for q in quotes] == [
        ("We live in a more dangerous world,", "Emmanuel Macron", "France")
    ]


def test_scare_quotes_stay_inside_reported_sentence():
    text = "President Xi Jinping of China said the “Global Development Initiative” was open to all."
    result, quotes = quotes_of(text)
    assert quotes == []
    assert [s.kind for s in result.statements] == [StatementKind.REPORTED]


def test_substantive_frame_becomes_reported_statement():
    text = (
        "The Prime Minister of India welcomed the progress on the trade corridor and the new port agreement, "
        "adding: “This is a historic step for both our peoples.”"
    )
    result, quotes = quotes_of(text)
    kinds = [s.kind for s in result.statements]
    assert kinds == [StatementKind.REPORTED, StatementKind.DIRECT_QUOTE]
    assert {s.side for s in result.statements} == {"India"}
