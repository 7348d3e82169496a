"""Readout attribution of issue #22: titles bound to names, the people of the release title, generic titles,
reporting cues of the genre, and sentence units around quotes."""

from __future__ import annotations

from claimcmp.extract import extract_statements
from claimcmp.extract._lexicon import find_cues
from claimcmp.extract._mentions import find_mentions
from claimcmp.extract._pipeline import _units
from claimcmp.model import Release


def attribution(text: str, issuer: str | None = None, title: str | None = None):
    rel = Release(id="t", text=text, issuer=issuer, title=title)
    return [(s.kind.value, s.speaker, s.side) for s in extract_statements(rel)]


def mentions(text: str):
    return [(text[m.start : m.end], m.role, m.name, m.place) for m in find_mentions(text, 0, len(text))]


def test_a_title_met_before_the_name_takes_the_name_of_its_one_holder():
    text = ("The Russian President stressed that the sanctions were unlawful. "
            "Vladimir Putin confirmed Russia's readiness to supply grain.")
    got = attribution(text, issuer="Russia")
    assert got[0] == ("reported", "Vladimir Putin", "Russia")
    assert got[1] == ("reported", "Vladimir Putin", "Russia")


def test_a_title_keeps_its_office_when_two_people_of_its_side_could_hold_it():
    text = ("The Russian President stressed that the sanctions were unlawful. "
            "Vladimir Putin confirmed the offer. Sergey Lavrov noted the risks.")
    assert attribution(text, issuer="Russia")[0][1] == "President of Russia"


def test_a_title_is_not_named_after_the_other_side():
    text = ("The President of Russia stressed that the sanctions were unlawful. "
            "Olaf Scholz noted the risks.")
    title = "Telephone conversation with Federal Chancellor of Germany Olaf Scholz"
    got = attribution(text, issuer="Russia", title=title)
    assert got[0][1] == "President of Russia"
    assert got[1] == ("reported", "Olaf Scholz", "Germany")


def test_generic_titles_stand_for_the_head_of_state():
    text = ("President of Ukraine Volodymyr Zelenskyy met the Prime Minister of Slovakia. "
            "The Head of State thanked Slovakia for its help. The Ukrainian leader noted the progress.")
    got = attribution(text, issuer="Ukraine")
    assert got[1] == ("reported", "Volodymyr Zelenskyy", "Ukraine")
    assert got[2] == ("reported", "Volodymyr Zelenskyy", "Ukraine")


def test_a_nationality_and_a_lower_case_title_make_a_person():
    assert mentions("The Russian leader also spoke.") == [("The Russian leader", "Leader", None, "Russia")]
    assert mentions("He met the French president.")[1] == ("the French president", "President", None, "France")


def test_a_name_glued_to_an_unrecognised_affiliation_is_found_again():
    text = ("The President heard Head of the Northern Regional Military Administration Oleksandr Starukh. "
            "Oleksandr Starukh reported that the bridge was repaired. According to him, the roads are open.")
    got = attribution(text, issuer="Ukraine")
    assert got[1] == ("reported", "Oleksandr Starukh", "Ukraine")
    assert got[2] == ("reported", "Oleksandr Starukh", "Ukraine")


def test_the_people_of_a_readout_title_bring_their_side():
    text = "Nikol Pashinyan informed the President about his recent contacts."
    title = "Telephone conversation with Prime Minister of Armenia Nikol Pashinyan"
    got = attribution(text, issuer="Russia", title=title)
    assert got == [("reported", "Nikol Pashinyan", "Armenia")]


def test_an_affiliation_stops_before_a_second_office():
    assert [m[0] for m in mentions("A call between the President of the Republic and the President of Chile")] == [
        "the President of the Republic", "the President of Chile"]


def test_the_first_person_pronoun_is_no_name():
    assert mentions("But I hope that we will meet again.") == []
    assert mentions("So I’m looking forward to it.") == []


def test_reporting_verbs_of_readouts():
    def cues(text):
        return [c.text for c in find_cues(text, 0, len(text))]

    assert cues("Vladimir Putin once again set forth the principled approaches.") == ["set forth"]
    assert cues("In particular, he focused on the defence support.") == ["focused on"]
    assert cues("He focuses on trade.") == ["focuses on"]
    assert cues("The President of Russia gave an assessment of the situation.") == ["gave an assessment"]
    assert cues("The President instructed the governors to help.") == ["instructed"]
    assert cues("He gave a speech and set up a fund.") == []


def test_a_quote_opening_after_a_sentence_end_starts_a_new_unit():
    text = 'Hubs have been set up. "Most people come from the south," said the official.'
    units = [text[s:e] for s, e, _, _ in _units(text, 0, len(text))]
    assert units == ["Hubs have been set up.", '"Most people come from the south," said the official.']
