"""State Department readout style (issue #22): the opening meeting line and its purpose, affiliations written before
a title, and sentences closed by "Washington, D.C."."""

from __future__ import annotations

from claimcmp.extract import extract_statements
from claimcmp.extract._mentions import find_mentions
from claimcmp.model import Release

STATE = "https://www.state.gov/secretary-blinkens-call/"


def attribution(text: str, title: str = ""):
    rel = Release(id="t", text=text, title=title, date="2022-03-01", source=STATE)
    return [(s.kind.value, s.speaker, s.side) for s in extract_statements(rel)]


def mentions(text: str):
    return [(text[m.start : m.end], m.role, m.name, m.place) for m in find_mentions(text, 0, len(text))]


def test_the_purpose_of_the_meeting_line_is_the_issuers_narration():
    """As ANNOTATION.md's worked example reads "spoke today with … to offer support and condemn …"."""
    for text in (
        "Secretary of State Antony J. Blinken spoke today with Ukrainian Foreign Minister Dmytro Kuleba to offer "
        "support and condemn reports of Russia’s attacks on Ukrainian cities.",
        "Secretary of State Antony J. Blinken spoke today with Qatari Foreign Minister Al-Thani to express "
        "appreciation for our strategic partnership.",
    ):
        assert attribution(text) == [("narration", None, "United States")]


def test_a_meeting_line_without_a_purpose_is_of_no_side_and_a_speech_act_after_it_is_reported():
    assert attribution("Secretary of State Antony J. Blinken spoke today with Slovak Foreign Minister Ivan Korcok.") \
        == [("narration", None, None)]
    got = attribution("Secretary Blinken met with Foreign Minister Kuleba and reaffirmed the commitment to Ukraine.")
    assert got[0][0] == "reported"


def test_a_body_before_a_title_is_its_affiliation():
    assert mentions("Sherman spoke with French Foreign Ministry Secretary General François Delattre.")[-1] == (
        "French Foreign Ministry Secretary General François Delattre", "Secretary General", "François Delattre",
        "France")
    got = mentions("Sherman spoke with Republic of Korea (ROK) First Vice Foreign Minister Choi Jong Kun.")
    assert got[-1][0].startswith("Republic of Korea (ROK) First Vice") and got[-1][3] == "South Korea"
    assert len(mentions("The United States (US) and Japan welcomed the step.")) == 3  # bodies stay bodies


def test_an_unnamed_title_before_a_titled_name_is_one_person():
    got = mentions("Deputy Secretary Sherman and Angolan Minister of State Chief Furtado discussed the ties.")
    assert got[1] == ("Angolan Minister of State Chief Furtado", "Minister of State", "Furtado", "Angola")
    text = ("Deputy Secretary of State Wendy Sherman met today with Angolan Minister of State Chief Francisco Furtado "
            "in Luanda. Deputy Secretary Sherman and Angolan Minister of State Chief Furtado discussed the ties.")
    assert attribution(text)[1] == ("joint", None, "joint")


def test_washington_dc_closes_a_sentence_before_a_capitalised_word():
    text = ("Secretary of State Antony J. Blinken met today with Egyptian Foreign Minister Sameh Shoukry in "
            "Washington, D.C. Secretary Blinken and Foreign Minister Shoukry discussed the strategic partnership.")
    assert attribution(text) == [("narration", None, None), ("joint", None, "joint")]


def test_two_named_counterparts_of_different_affiliations_speak_jointly():
    text = ("Deputy Secretary of State Wendy Sherman spoke today with French Foreign Ministry Secretary General "
            "François Delattre. The Deputy Secretary and Secretary General Delattre reiterated their support for "
            "Ukraine’s sovereignty.")
    assert attribution(text)[1] == ("joint", None, "joint")


def test_a_statement_presented_after_the_byline_as_released_by_several_ministers_speaks_jointly():
    text = (
        "Office of the Spokesperson\n\n"
        "The text of the following statement was released by the G7 foreign ministers of Canada, France, Japan, "
        "and the United States of America.\n\n"
        "We are concerned by the recent threatening military exercises in the strait.\n\n"
        "There is no justification for an escalation of this kind."
    )
    got = attribution(text, title="G7 Foreign Ministers’ Statement on Peace and Stability")
    assert got[-2:] == [("joint", None, "joint"), ("joint", None, "joint")]
