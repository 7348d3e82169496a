"""Who tells a point when the sentence does not say it plainly (issue #22, second round): unnamed tellers, the one
told, appositions, comment clauses, pronouns whose gender is not known, and "paid attention to". Small fixture
sentences in the house styles of the Kremlin and president.gov.ua."""

from __future__ import annotations

from claimcmp.extract import extract_statements
from claimcmp.model import Release

from ._helpers import KREMLIN, UA, attribution


def test_an_unnamed_teller_is_joint_unless_it_carries_on_the_principals_account():
    text = (
        "Vladimir Putin had a telephone conversation with Prime Minister of Armenia Nikol Pashinyan. "
        "While discussing the trilateral agreements, it was noted that it was important to unblock transport links. "
        "Vladimir Putin stressed that the shelling of Donbass continued. "
        "It was emphasised that this was a gross violation of the agreements."
    )
    got = attribution(text, KREMLIN)
    assert got[1] == ("joint", None, "joint")
    assert got[3] == ("reported", "Vladimir Putin", "Russia")  # right after his own account: his


def test_the_one_told_at_a_meeting_of_the_issuers_own_people_is_no_speaker():
    home = (
        "President of Ukraine Volodymyr Zelenskyy held a working meeting with members of the Government. "
        "Volodymyr Zelenskyy was informed about the accounting of destroyed property. "
        "He was also informed about the frozen assets."
    )
    got = attribution(home, UA)
    assert got[1] == ("reported", None, "Ukraine") and got[2] == ("reported", None, "Ukraine")
    # with a participant of another side in the talks, the teller may be the guest: no report of the issuer's
    abroad = (
        "President of Ukraine Volodymyr Zelenskyy met with President of Poland Andrzej Duda. "
        "Volodymyr Zelenskyy was informed about the decisions on the border crossings."
    )
    assert attribution(abroad, UA)[1] != ("reported", None, "Ukraine")


def test_titles_in_an_apposition_describe_the_named_subject():
    text = (
        "President of Ukraine Volodymyr Zelenskyy took part in a meeting of the Council. "
        "Oksana Petrenko, Adviser - President's Commissioner for Children's Rights, said that the registers "
        "would be joined."
    )
    assert attribution(text, UA)[1] == ("reported", "Oksana Petrenko", "Ukraine")
    # without the commas there is no apposition: the last title before the verb is the subject
    plain = (
        "President of Ukraine Volodymyr Zelenskyy took part in a meeting of the Council. "
        "The Commissioner for Children's Rights said that the registers would be joined."
    )
    assert attribution(plain, UA)[1][1] != "Volodymyr Zelenskyy"


def test_a_comment_clause_names_the_speaker_and_opens_his_account():
    text = (
        "President of Ukraine Volodymyr Zelenskyy took part in the summit in Brussels. "
        "As the Head of State noted in his speech, three initiatives are of special importance for Ukraine. "
        "The first is the modernization of checkpoints at the borders. "
        "The third initiative, as the Head of State noted, lies in the field of energy efficiency."
    )
    got = attribution(text, UA)
    assert got[1] == ("reported", "Volodymyr Zelenskyy", "Ukraine")
    assert got[2] == ("reported", "Volodymyr Zelenskyy", "Ukraine")  # carries on the account
    assert got[3] == ("reported", "Volodymyr Zelenskyy", "Ukraine")
    # "as" before a title with no cue after it is a preposition: "He served as Head of State" names no speaker
    assert attribution("He served as Head of State until 2019.", UA)[0][0] == "narration"


def test_a_pronoun_of_unknown_gender_teaches_no_gender_when_another_person_could_be_meant():
    text = (
        "Head of the Office of the President of Ukraine Andriy Yermak had a video conversation with the actress "
        "Maria Lenska. During the conversation, the Head of the President's Office invited Maria Lenska to Ukraine, "
        "after which she arrived in Lviv. Andriy Yermak thanked the actress for her visit. "
        '"Everyone you met was very happy," he said. '
        "For her part, Maria Lenska thanked for the assistance. "
        "She noted that she was very touched by the meetings. "
        "He also informed Maria Lenska about the United24 project."
    )
    speakers = [speaker for _kind, speaker, _side in attribution(text, UA)]
    assert speakers[3] == "Andriy Yermak"  # "he said": not the actress
    assert speakers[5] == "Maria Lenska"  # "She noted": she, not him
    assert speakers[6] == "Andriy Yermak"


def test_paying_attention_to_a_point_is_a_speech_act():
    text = (
        "President of Ukraine Volodymyr Zelenskyy met with Federal Chancellor of Germany Olaf Scholz. "
        "During the meeting, the Head of State paid special attention to the energy security issues. "
        "The President paid a visit to the memorial."
    )
    got = attribution(text, UA)
    assert got[1] == ("reported", "Volodymyr Zelenskyy", "Ukraine")
    assert got[2][0] == "narration"  # paying a visit says nothing


def test_a_readout_naming_a_joint_statement_is_not_one():
    readout = (
        "The leaders of the two countries discussed the further development of the partnership. The presidents "
        "adopted a joint statement on information security.\n\n"
        "The Russian Direct Investment Fund and the Uzbek Direct Investment Fund signed investment agreements."
    )
    got = attribution(readout, KREMLIN, date="2021-11-19")
    assert got[1][0] == "joint" and got[2] == ("narration", None, None)  # the funds' deal is told, not said jointly
    statement = (
        "Joint Statement of the United States and Latvia\n\n"
        "We intend to deepen our cooperation on clean energy."
    )
    rel = Release(id="j", text=statement, date="2022-04-04", source="https://www.state.gov/joint-statement/")
    assert [s.kind.value for s in extract_statements(rel)][-1] == "joint"


def test_a_country_inside_a_compound_is_no_subject():
    text = (
        "Joint Statement on Clean Energy\n\n"
        "The U.S.-Latvia energy project will draw on expertise from government and academia for technical exchanges."
    )
    rel = Release(id="j", text=text, date="2022-04-04", source="https://www.state.gov/joint-statement/")
    assert [(s.kind.value, s.speaker) for s in extract_statements(rel)][-1] == ("joint", None)
    # a title with a hyphen inside it still names its holder: "the Commander-in-Chief of the Armed Forces"
    coordinated = (
        "Head of the President's Office Andriy Yermak and Commander-in-Chief of the Armed Forces of Ukraine Valerii "
        "Zaluzhny had a phone conversation with US National Security Advisor Jacob Sullivan. The Head of the Office "
        "of the President and the Commander-in-Chief of the Armed Forces of Ukraine noted the leading role of the "
        "United States."
    )
    assert attribution(coordinated, UA)[1][1] in ("Andriy Yermak; Valerii Zaluzhny", "Valerii Zaluzhny")


def test_an_outcome_in_the_agentless_passive_is_joint_but_not_inside_a_relative_clause():
    text = (
        "Vladimir Putin met with Prime Minister of Armenia Nikol Pashinyan. "
        "A package of documents was approved during the visit. "
        "A programme for cooperation in the field of energy was also approved. "
        "Vladimir Putin thanked Armenia for the decision to open the route, which was adopted last week."
    )
    got = attribution(text, KREMLIN)
    assert got[1] == ("joint", None, "joint") and got[2] == ("joint", None, "joint")
    assert got[3] == ("reported", "Vladimir Putin", "Russia")


def test_a_state_as_the_agent_has_its_side_and_no_speaker():
    # ANNOTATION.md: "If only the state is the agent ("Russia proposed…"), speaker is null and side is that state"
    text = (
        "President of Ukraine Volodymyr Zelenskyy met with Prime Minister of Poland Mateusz Morawiecki. "
        "Poland stressed that it would keep its border open to refugees."
    )
    assert attribution(text, UA)[1] == ("reported", None, "Poland")
    person = text.replace("Poland stressed that it", "Mateusz Morawiecki stressed that Poland")
    assert attribution(person, UA)[1] == ("reported", "Mateusz Morawiecki", "Poland")


def test_leaders_without_an_article_are_a_joint_subject_but_not_inside_a_name():
    text = (
        "President of Ukraine Volodymyr Zelenskyy had a phone conversation with President of Lithuania Gitanas "
        "Nauseda. Leaders were unanimous in their assessment of security threats in and around Ukraine. "
        "The G7 Leaders Summit will take place in June."
    )
    got = attribution(text, UA, date="2021-12-02")
    assert got[1] == ("joint", None, "joint")
    assert got[2][0] == "narration"


def test_an_unmarked_sentence_after_a_quote_in_narration_carries_the_quote_on():
    text = (
        "President of Ukraine Volodymyr Zelenskyy took part in a meeting of the Council. "
        "Oksana Petrenko, Adviser to the President, said that the registers would be joined. "
        '"We have more than 150 registers," she said. '
        "Based on these data, it will also be possible to obtain evidence of the crimes."
    )
    got = attribution(text, UA)
    assert got[-1] == ("reported", "Oksana Petrenko", "Ukraine")
    # in a transcript turn the quote is the turn's own words: nothing is carried by a later narration
    turn = "MS PORTER: Good afternoon.\n\nQUESTION: Based on these data, will it be possible to act?"
    rows = [(s.kind.value, s.speaker) for s in extract_statements(Release(id="q", text=turn, title="Press Briefing"))]
    assert rows[-1] == ("narration", None)
