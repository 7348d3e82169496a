from claimcmp.extract import extract_statements
from claimcmp.model import JOINT_SIDE, StatementKind

from ._helpers import release


def attribution(text: str, issuer: str | None = None):
    return [(s.kind.value, s.speaker, s.side) for s in extract_statements(release(text, issuer))]


def test_pronouns_resolve_to_last_compatible_speaker():
    text = (
        "Ms. Yoko Kamikawa, Minister for Foreign Affairs of Japan, met Mr. Wang Yi, Foreign Minister of China. "
        "Minister Wang stressed the importance of stability. She noted concern over the East China Sea. "
        "He said that China would stay in contact."
    )
    got = attribution(text)
    assert got[1:] == [
        ("reported", "Wang Yi", "China"),
        ("reported", "Yoko Kamikawa", "Japan"),
        ("reported", "Wang Yi", "China"),
    ]


def test_role_mentions_resolve_to_introduced_speakers():
    text = (
        "The Director-General of the OPCW, Ambassador Fernando Arias, met the Deputy Minister of Industry and "
        "Trade of the Russian Federation, H.E. Mr Kirill Lysogorsky. The Deputy Minister raised the issue of "
        "assistance. The Director-General noted the findings."
    )
    got = attribution(text, issuer="OPCW")
    assert got == [
        ("narration", None, None),
        ("reported", "Kirill Lysogorsky", "Russia"),
        ("reported", "Fernando Arias", "OPCW"),
    ]


def test_joint_subjects():
    text = (
        "President Joseph R. Biden, Jr. spoke today with President Xi Jinping of China. "
        "The two leaders discussed trade. President Biden and President Xi agreed to keep channels open. "
        "They also exchanged views on Taiwan. Both sides are committed to further talks."
    )
    got = attribution(text, issuer="The White House")
    assert got[0] == ("narration", None, None)
    assert [g[0] for g in got[1:]] == ["joint"] * 4
    assert {g[2] for g in got[1:]} == {JOINT_SIDE}


def test_issuer_officials_take_the_issuer_side():
    text = "President Joseph R. Biden, Jr. spoke with President Gabriel Boric of Chile. The President underscored support."
    got = attribution(text, issuer="The White House")
    assert got[1] == ("reported", "Joseph R. Biden", "United States")


def test_nationality_adjectives_and_collective_sides():
    text = (
        "Chinese Foreign Minister Wang Yi met Russia's Deputy Foreign Minister. "
        "The Chinese side stressed its position. The Deputy Foreign Minister noted the progress."
    )
    got = attribution(text, issuer="Ministry of Foreign Affairs of the People's Republic of China")
    assert got[1] == ("reported", None, "China")  # a side as the agent: its side, no speaker (ANNOTATION.md)
    assert got[2] == ("reported", "Deputy Foreign Minister of Russia", "Russia")


def test_issuer_position_in_narration():
    text = (
        "The Ministry strongly condemns the attack on the embassy. "
        "The building was opened in 1998. We call on all partners to act."
    )
    got = attribution(text, issuer="Ministry of Foreign Affairs of the Republic of Lithuania")
    assert [g[2] for g in got] == ["Lithuania", "Lithuania", "Lithuania"]
    assert {g[0] for g in got} == {StatementKind.NARRATION.value}


def test_background_section_has_no_side():
    text = "The Minister of Iran said Iran was ready.\nBackground\nThe IAEA was set up in 1957 and it urges restraint."
    got = attribution(text, issuer="IAEA")
    assert got == [("reported", "Minister of Iran", "Iran"), ("narration", None, None)]


def test_statements_are_in_order_with_stable_ids():
    text = "President Vladimir Putin of Russia said Russia was ready. He warned against escalation."
    first = extract_statements(release(text))
    second = extract_statements(release(text))
    assert first == second
    assert [s.start for s in first] == sorted(s.start for s in first)
    assert all(s.id == f"t@{s.start}-{s.end}" for s in first)


def test_organisations_named_in_full_are_collective_speakers_not_people_or_joint():
    text = (
        "The European Union said the sanctions would stay in place. "
        "The United Nations said humanitarian aid must reach Gaza. "
        "The two nations agreed to keep talking."
    )
    got = attribution(text, issuer="Government of Israel")
    assert got == [
        ("reported", None, "EU"),  # a body as the agent: its side, no speaker (ANNOTATION.md)
        ("reported", None, "UN"),
        ("joint", None, JOINT_SIDE),
    ]
