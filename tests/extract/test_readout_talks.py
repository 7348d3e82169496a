"""The talks as the subject of a readout sentence, and the line that presents a joint statement (issue #22)."""

from __future__ import annotations

import pytest

from claimcmp.extract import extract_statements
from claimcmp.model import Release


def attribution(text: str, title: str = "", issuer: str | None = "Russia"):
    return [(s.kind.value, s.speaker, s.side) for s in extract_statements(Release(id="t", text=text, title=title,
                                                                                  issuer=issuer))]


@pytest.mark.parametrize("sentence", [
    "An exchange of views took place on possible ways to unblock the ports.",
    "During the meeting, an exchange of views took place on the energy market.",
    "There was a detailed exchange of views on the situation in Libya.",
    "Another topic discussed during the meeting was a cultural cluster on the cape.",
    "One issue raised at the talks was the transit of gas.",
    "Special attention was paid to energy security during the conversation.",
    "Particular attention was given to the humanitarian situation.",
])
def test_the_talks_told_as_their_topic_are_joint(sentence):
    assert attribution(sentence) == [("joint", None, "joint")]


def test_a_topic_of_one_speaker_stays_his():
    got = attribution("Vladimir Putin raised another topic: the transit of gas.")
    assert got[0][:2] == ("reported", "Vladimir Putin")


@pytest.mark.parametrize("line", [
    "The text of the following statement was released by the Governments of the United States and Uruguay:",
    "The following is the text of a joint statement released by the Governments of the United States and Turkey.",
])
def test_the_line_presenting_a_joint_statement_is_of_no_side(line):
    text = f"{line}\nThe two sides reviewed the bilateral relationship and agreed to meet again."
    got = attribution(text, title="Joint Statement on the Strategic Dialogue", issuer="United States")
    assert got[0] == ("narration", None, None)
    assert got[1] == ("joint", None, "joint")


def test_a_statement_presented_as_released_by_two_governments_is_in_their_joint_voice():
    text = ("The text of the following statement was released by the Governments of the United States and Uruguay:\n"
            "These updates can deepen commercial ties and improve the investment climate.")
    got = attribution(text, title="Statement by the Secretary and the Foreign Minister", issuer="United States")
    assert got[1] == ("joint", None, "joint")


def test_initials_that_end_a_sentence_before_a_new_one_break_it():
    from claimcmp.extract._segment import split_sentences

    text = ("Deputy Secretary Sherman met today with Secretary General Sequi in Washington, D.C. They discussed "
            "energy. The U.S. Ambassador spoke. The U.S. and Italy agreed.")
    assert [text[a:b] for a, b in split_sentences(text, 0, len(text))] == [
        "Deputy Secretary Sherman met today with Secretary General Sequi in Washington, D.C.",
        "They discussed energy.", "The U.S. Ambassador spoke.", "The U.S. and Italy agreed."]
    got = attribution(text, issuer="United States")
    assert got[0] == ("narration", None, None) and got[1] == ("joint", None, "joint")


def test_he_as_subject_carries_on_the_account_of_a_speaker_of_either_side():
    text = ("Kassym-Jomart Tokayev believes that a meeting of the CSTO leaders is necessary. "
            "Therefore, he plans to initiate a videoconference of the Council. "
            "The weather in Moscow was cold.")
    title = "Telephone conversation with President of Kazakhstan Kassym-Jomart Tokayev"
    got = attribution(text, title=title)
    assert got[1] == ("reported", "Kassym-Jomart Tokayev", "Kazakhstan")
    assert got[2][0] == "narration"


def test_he_does_not_carry_on_an_account_of_someone_of_another_gender_or_a_passive():
    text = ("Kaja Kallas stressed that the sanctions must stay. He plans to initiate a new package. "
            "Olaf Scholz noted that the talks matter. He was received at the airport.")
    got = attribution(text, title="Telephone conversation with Prime Minister of Estonia Ms Kaja Kallas")
    assert got[1][0] == "narration" and got[3][0] == "narration"


def test_names_with_particles_are_one_name():
    from claimcmp.extract._mentions import find_mentions

    for text, name in (
        ("Vladimir Putin and Abdel Fattah el-Sisi agreed to maintain close contact.", "Abdel Fattah el-Sisi"),
        ("In his turn Mohamed bin Zayed Al Nahyan stated that Russia has the right.", "Mohamed bin Zayed Al Nahyan"),
    ):
        assert name in [m.name for m in find_mentions(text, 0, len(text))]
    got = attribution("Vladimir Putin and Abdel Fattah el-Sisi agreed to maintain close contact.",
                      title="Telephone conversation with President of Egypt Abdel Fattah el-Sisi")
    assert got == [("joint", None, "joint")]


def test_a_name_whose_introduction_a_particle_cut_is_the_person_introduced():
    title = "Telephone conversation with Crown Prince of Saudi Arabia Mohammed bin Salman Al Saud"
    got = attribution("In his turn Mohammed bin Salman Al Saud stated that the oil market was stable.", title=title)
    assert got == [("reported", "Mohammed bin Salman Al Saud", "Saudi Arabia")]


def test_giving_an_explanation_is_a_report():
    got = attribution("Vladimir Putin gave an exhaustive explanation of the reasons for the decision.")
    assert got[0][:2] == ("reported", "Vladimir Putin")


def test_a_speech_act_in_the_passive_is_its_agents():
    got = attribution("This was stated by President Volodymyr Zelenskyy during a conversation with the media.",
                      issuer="Ukraine")
    assert got == [("reported", "Volodymyr Zelenskyy", "Ukraine")]
    assert attribution("The document was signed by the ministers.")[0][0] == "narration"


def test_there_was_also_an_exchange_of_views():
    assert attribution("There was also an exchange of views on the situation on the border.") == [
        ("joint", None, "joint")]
