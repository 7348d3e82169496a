"""The issuing office's principal (issue #22): who holds the unnamed titles of a head-of-state office's readouts,
and names brought in by an honorific alone."""

from __future__ import annotations

from claimcmp.extract import extract_statements
from claimcmp.extract._discourse import title_fits
from claimcmp.extract._issuer import Principal, principal_of
from claimcmp.extract._mentions import find_mentions
from claimcmp.model import Release

KREMLIN = "http://en.kremlin.ru/events/president/news/1"
UA = "https://www.president.gov.ua/en/news/1"
STATE = "https://www.state.gov/secretary-blinkens-call/"


def attribution(text: str, source: str | None = None, title: str = "", date: str | None = "2022-03-01"):
    rel = Release(id="t", text=text, title=title, date=date, source=source)
    return [(s.kind.value, s.speaker, s.side) for s in extract_statements(rel)]


def test_the_principal_comes_from_the_issuing_domain_and_the_date():
    rel = Release(id="t", text="x", date="2022-03-01", metadata={"source_url": KREMLIN})
    assert principal_of(rel) == Principal("Russia", "President", "Vladimir Putin")
    assert principal_of(Release(id="t", text="x", date="2022-03-01", source=STATE)).name == "Antony J. Blinken"
    assert principal_of(Release(id="t", text="x", date="2019-01-01", source=UA)) is None  # before his term
    assert principal_of(Release(id="t", text="x", source=KREMLIN)) is None  # no date
    assert principal_of(Release(id="t", text="x", date="2022-03-01", source="https://example.org/")) is None


def test_a_bare_title_of_a_kremlin_readout_is_the_president_of_russia_though_never_named():
    text = ("The President of Russia extended birthday greetings to the Prime Minister. "
            "The President supported the request.")
    got = attribution(text, KREMLIN, title="Telephone conversation with Prime Minister of Armenia Nikol Pashinyan")
    assert got == [("reported", "Vladimir Putin", "Russia")] * 2


def test_a_bare_title_is_not_the_guest_of_the_same_title():
    text = ("Emmanuel Macron informed his counterpart about his contacts in Kiev. "
            "The President stressed that the negotiations must continue.")
    got = attribution(text, KREMLIN, title="Telephone conversation with President of France Emmanuel Macron")
    assert got[0][1:] == ("Emmanuel Macron", "France")
    assert got[1] == ("reported", "Vladimir Putin", "Russia")


def test_a_title_placed_at_the_other_side_keeps_its_holder():
    text = "The President of France noted the risks of escalation."
    got = attribution(text, KREMLIN, title="Telephone conversation with President of France Emmanuel Macron")
    assert got == [("reported", "Emmanuel Macron", "France")]


def test_the_president_of_ukraine_never_takes_the_name_of_a_guest_of_unknown_side():
    text = ("President of Ukraine met with Josep Borrell. Josep Borrell noted the support of the partners. "
            "The President of Ukraine stressed the need for new sanctions.")
    got = attribution(text, UA)
    assert got[2] == ("reported", "Volodymyr Zelenskyy", "Ukraine")
    assert got[1][1] == "Josep Borrell"


def test_the_head_of_state_stands_for_the_principal():
    got = attribution("The Head of State thanked the partners for their support.", UA)
    assert got == [("reported", "Volodymyr Zelenskyy", "Ukraine")]


def test_the_unnamed_signer_of_an_address_is_the_principal():
    got = attribution("Dear Ukrainians! We are holding on.", UA, title="Address by the President of Ukraine")
    assert got and all(item == ("direct_quote", "Volodymyr Zelenskyy", "Ukraine") for item in got)


def test_the_principal_named_in_the_text_is_one_person_with_his_titles():
    text = ("Vladimir Putin had a telephone conversation with Olaf Scholz. "
            "The Russian President stressed that the sanctions were unlawful.")
    got = attribution(text, KREMLIN)
    assert got[1] == ("reported", "Vladimir Putin", "Russia")


def test_without_a_principal_a_bare_title_behaves_as_before():
    text = "The President stressed that the negotiations must continue."
    assert attribution(text, None)[0][1] == "President"


def test_a_first_word_title_takes_the_name_of_the_fuller_office():
    """ "The Secretary" of a release title is "Secretary of State Antony J. Blinken", with or without a principal."""
    title = "The Secretary’s Call with Greek Foreign Minister Dendias"
    text = ("Secretary of State Antony J. Blinken spoke today with Greek Foreign Minister Nikos Dendias. "
            "The Secretary thanked Greece for its steadfast support of Ukraine.")
    for source in ("https://www.example.gov/", STATE):  # a US issuer without a principal, then with one
        assert attribution(text, source, title=title)[1][:2] == ("reported", "Antony J. Blinken")
    assert title_fits("Secretary", "Secretary of State") and title_fits("Minister", "Foreign Minister")
    assert not title_fits("President", "Vice President") and not title_fits("Deputy Secretary", "Secretary of State")


def test_an_honorific_brings_in_a_surname_alone():
    text = "Mr Razvozhayev mentioned that a new museum would open."
    found = [(text[m.start : m.end], m.name, m.gender) for m in find_mentions(text, 0, len(text))]
    assert found == [("Mr Razvozhayev", "Razvozhayev", "m")]
    address = "Mr. President, welcome."
    assert [m.name for m in find_mentions(address, 0, len(address))] == [None]


def test_a_surname_after_an_honorific_finds_the_person_of_the_title():
    title = "Meeting with Governor of Sevastopol Mikhail Razvozhayev"
    text = ("Vladimir Putin asked Mr Razvozhayev to extend his greetings. "
            "The Governor recalled another landmark date. Mr Razvozhayev mentioned that a museum would open.")
    got = attribution(text, KREMLIN, title=title)
    assert got[1] == ("reported", "Razvozhayev", "Russia") and got[2] == ("reported", "Razvozhayev", "Russia")


def test_the_name_the_text_gives_the_principal_wins_over_the_listed_one():
    """The fullest name the release gives ("Biden"), as the White House gold reads it; the list's name only where
    the text names him not at all."""
    wh = "https://www.whitehouse.gov/briefing-room/statements-releases/1/"
    text = "The President spoke with the Amir of Qatar. President Biden stressed the importance of the partnership."
    assert [speaker for _, speaker, _ in attribution(text, wh)] == [None, "Biden"]
    assert attribution("The President stressed the importance of the partnership.", wh)[0][1] == "Joseph R. Biden"


def test_a_guest_of_no_known_side_or_office_never_holds_a_title_of_the_issuer():
    text = ("The Prime Minister of Ukraine had a conversation with Josep Borrell. "
            "Josep Borrell noted the importance of the sanctions. "
            "The Prime Minister of Ukraine stressed the need for weapons.")
    got = attribution(text, UA)
    assert got[1][1] == "Josep Borrell"
    assert got[2] == ("reported", "Prime Minister of Ukraine", "Ukraine")


def test_two_officials_of_the_issuer_report_together_and_a_guest_makes_it_joint():
    title = ("Andriy Yermak and Valerii Zaluzhny discussed new package of military aid for Ukraine with Jacob Sullivan "
             "and Mark Milley")
    text = ("Head of the President's Office Andriy Yermak and Commander-in-Chief of the Armed Forces of Ukraine "
            "Valerii Zaluzhny had a phone conversation with US National Security Advisor Jacob Sullivan. "
            "Andriy Yermak and Valerii Zaluzhny thanked the United States for its assistance. "
            "\"We have discussed future arms supplies to our army,\" said the Head of the President's Office.")
    got = attribution(text, UA, title=title)
    assert got[1] == ("reported", "Andriy Yermak; Valerii Zaluzhny", "Ukraine")  # co-speakers of one side
    assert got[2] == ("direct_quote", "Andriy Yermak", "Ukraine")
    kremlin = attribution("Vladimir Putin and Naftali Bennet agreed to stay in touch.", KREMLIN,
                          title="Telephone conversation with Prime Minister of Israel Naftali Bennett")
    assert kremlin == [("joint", None, "joint")]  # a misspelt guest is still the guest


def test_a_sentence_end_stops_a_name_and_a_second_office_ends_an_affiliation():
    text = ("Head of the President's Office Andriy Yermak and Commander-in-Chief of the Armed Forces of Ukraine "
            "Valerii Zaluzhny talked with Jacob Sullivan. Andriy Yermak and Valerii Zaluzhny thanked the partners.")
    names = [m.name for m in find_mentions(text, 0, len(text)) if m.kind == "person"]
    assert "Valerii Zaluzhny" in names and "Andriy Yermak" in names
    assert not any(name and "." in name for name in names)


def test_without_a_principal_an_unplaced_office_holder_is_not_taken_for_the_issuers():
    """In a NATO release (no listed principal) "Prime Minister Orpo" of no known place and the Secretary General
    discussing together stay joint."""
    text = ("NATO Secretary General Jens Stoltenberg welcomed the Prime Minister of Finland, Petteri Orpo, to NATO "
            "Headquarters on Monday. Prime Minister Orpo thanked the Secretary General for his engagement. "
            "The Prime Minister and the Secretary General also discussed preparations for the NATO Summit.")
    got = [(s.kind.value, s.side) for s in extract_statements(Release(id="t", text=text, issuer="NATO"))]
    assert got[-1] == ("joint", "joint")
