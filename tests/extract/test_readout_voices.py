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


def test_the_talks_as_subject_of_what_they_covered_are_joint():
    assert attribution("The discussion covered trade and energy.", issuer="Russia") == [("joint", None, "joint")]
    got = attribution("The main focus of the conversation was on security in the region.", issuer="Ukraine")
    assert got == [("joint", None, "joint")]
    assert attribution("The conversation took place in a business-like atmosphere.", issuer="Russia")[0][0] != "joint"


def test_a_source_named_first_keeps_an_agentless_passive_its_report():
    text = ("President Volodymyr Zelenskyy met the Prime Minister of Slovakia. "
            "According to the President, many important issues were discussed.")
    assert attribution(text, issuer="Ukraine")[1] == ("reported", "Volodymyr Zelenskyy", "Ukraine")


def test_the_first_part_of_a_compound_is_not_the_subject():
    got = attribution("The date of the next Ukraine-EU Summit will be set soon.", issuer="Ukraine")
    assert got == [("narration", None, None)]


def test_two_bare_names_joined_by_and_before_a_cue_speak_jointly():
    title = "Telephone conversation with Federal Chancellor of Germany Angela Merkel"
    got = attribution("Vladimir Putin and Angela Merkel agreed to continue discussing this topic.", issuer="Russia",
                      title=title)
    assert got == [("joint", None, "joint")]


def test_a_bare_name_is_found_across_adverbs_before_its_cue():
    assert attribution("Vladimir Putin once again set forth the principled approaches.", issuer="Russia") == [
        ("reported", "Vladimir Putin", "Russia")]
    assert attribution("Vladimir Putin, in turn, noted the risks.", issuer="Russia") == [
        ("reported", "Vladimir Putin", "Russia")]


def test_an_unmarked_sentence_carries_on_the_principals_account():
    text = ("Vladimir Putin emphasised that Kiev refused to fulfil the agreements. "
            "Ukraine's provocative attempts to fuel tensions are a source of special concern.")
    assert attribution(text, issuer="Russia")[1] == ("reported", "Vladimir Putin", "Russia")


def test_no_account_is_carried_on_after_an_act_or_into_a_list_or_the_talks():
    act = ("President Biden reaffirmed the commitment to the security forces. "
           "The budget request prioritizes three items.")
    assert attribution(act, issuer="United States")[1][0] == "narration"
    listing = ("President Biden stressed that the forces need support. "
               "The budget request prioritizes:")
    assert attribution(listing, issuer="United States")[1][0] == "narration"
    talks = ("Vladimir Putin stressed that the sanctions were unlawful. "
             "The conversation was frank and businesslike.")
    assert attribution(talks, issuer="Russia")[1][0] == "narration"


def test_the_one_spoken_to_in_a_turn_is_not_its_speaker():
    text = ("PRESIDENT BIDEN: Well, Mr. Prime Minister, welcome to the White House. "
            "And so, Mr. Prime Minister, thank you.\n\nPRIME MINISTER GOLOB: Thank you, Mr. President.")
    got = attribution(text, issuer="United States",
                      title="Remarks by President Biden and Prime Minister Golob of Slovenia Before Their Meeting")
    assert got[0] == ("direct_quote", "Biden", "United States")
    assert got[1] == ("direct_quote", "Biden", "United States")


def test_the_named_subjects_of_a_joint_sentence_can_name_a_title():
    text = ("The President of Russia proposed a direct dialogue on the crisis. "
            "Vladimir Putin and Angela Merkel agreed to continue discussing this topic.")
    title = "Telephone conversation with Acting Federal Chancellor of Germany Angela Merkel"
    got = attribution(text, issuer="Russia", title=title)
    assert got == [("reported", "Vladimir Putin", "Russia"), ("joint", None, "joint")]


def test_talking_about_is_a_report():
    text = "Nikol Pashinyan talked about his contacts with the President of Azerbaijan."
    title = "Telephone conversation with Prime Minister of Armenia Nikol Pashinyan"
    assert attribution(text, issuer="Russia", title=title) == [("reported", "Nikol Pashinyan", "Armenia")]


def test_an_account_about_a_need_is_carried_on_past_a_later_joint_word():
    text = ("Ihor Zhovkva informed about the need to increase the sanctions pressure. "
            "The next package should include energy sanctions, together with new personal sanctions.")
    assert attribution(text, issuer="Ukraine")[1] == ("reported", "Ihor Zhovkva", "Ukraine")


def test_an_impersonal_report_after_the_principals_account_is_his():
    text = ("Vladimir Putin stressed that Kiev was sabotaging the Minsk agreements. "
            "It was noted that NATO was not ready to respond to Russia's concerns.")
    assert attribution(text, issuer="Russia")[1] == ("reported", "Vladimir Putin", "Russia")
    alone = "The leaders discussed the crisis. It was noted that NATO was not ready to respond to Russia's concerns."
    assert attribution(alone, issuer="Russia")[1] == ("joint", None, "joint")  # no teller: a point of the talks


def test_a_sentence_opening_with_a_name_and_a_verb_names_a_person():
    assert mentions("Vladimir Putin provided specific examples.") == [
        ("Vladimir Putin", None, "Vladimir Putin", None)]
    assert mentions("The Kremlin Palace hosted talks.")[0][1:] == (None, None, "Russia")


def test_a_possessive_ends_the_name_it_owns():
    got = mentions("Vladimir Putin commented on President Macron's Address to the Nation.")
    assert got[-1] == ("President Macron's Address", "President", "Macron", None)
    assert [m[0] for m in mentions("Responding to Charles Michel's call for talks, he noted the risks.")] == ["he"]


def test_a_name_after_a_preposition_is_no_apposition_to_a_subject_title():
    text = "Responding to a call for contact with Vladimir Zelensky, the President of Russia noted that it depends."
    assert mentions(text)[-1] == ("the President of Russia", "President", None, "Russia")
    kept = mentions("The President met with Kirill Lysogorsky, Deputy Minister of Industry of Russia, who spoke.")
    assert kept[1][2] == "Kirill Lysogorsky"


def test_a_capitalised_cue_word_in_running_text_is_a_noun():
    assert mentions("They discussed extremism towards coastal West African States.") == [("They", None, None, None)]


def test_a_named_person_of_no_office_takes_only_a_head_title_placed_at_his_side():
    text = ("The Deputy Prime Minister of Russia reported on the harvest. "
            "Vladimir Putin noted that the harvest was good.")
    assert attribution(text, issuer="Russia")[0][1] == "Deputy Prime Minister of Russia"
    head = ("The President of Russia congratulated the Chancellor. "
            "Vladimir Putin noted that the harvest was good.")
    assert attribution(head, issuer="Russia")[0][1] == "Vladimir Putin"


JOINT_TITLE = "U.S.-Turkey Joint Statement on the Strategic Mechanism"


def test_a_party_named_in_a_joint_statement_speaks_for_itself():
    text = ("The United States welcomed Turkey's efforts to facilitate a diplomatic solution. "
            "Both sides reaffirmed their commitment to the mechanism.")
    got = attribution(text, issuer="United States", title=JOINT_TITLE)
    assert got[0] == ("reported", None, "United States")
    assert got[1] == ("joint", None, "joint")


def test_the_scene_of_a_joint_statement_is_narration_unless_the_parties_met():
    scene = ("Representatives of the Arab League, Egypt and Norway met in Brussels to discuss the conflict. "
             "The participants support a political solution.")
    got = attribution(scene, issuer="United States", title="Joint Statement on the Syria Envoy Meeting")
    assert got[0] == ("narration", None, None)
    parties = "Under Secretary of State Victoria Nuland and Deputy Foreign Minister Sedat Onal met in Ankara."
    assert attribution(parties, issuer="United States", title=JOINT_TITLE)[0] == ("joint", None, "joint")
    held = "On January 31, the meeting between the two ministers took place in Warsaw."
    assert attribution(held, issuer="Ukraine", title="Joint Statement following the meeting")[0][0] == "narration"


def test_someone_a_speech_names_by_the_signers_title_is_not_the_signer():
    text = "Ladies and gentlemen! I thank President Macron for his support. We will win."
    title = "Speech by the President of Ukraine at a joint meeting of the Senate"
    got = attribution(text, issuer="Ukraine", title=title)
    assert {speaker for _, speaker, _ in got} == {"President of Ukraine"}


def test_title_words_between_the_nationality_and_the_title_keep_the_place():
    assert mentions("She met Japanese Vice Foreign Minister Mori Takeo.")[1] == (
        "Japanese Vice Foreign Minister Mori Takeo", "Foreign Minister", "Mori Takeo", "Japan")
    assert mentions("He met German State Secretary Miguel Berger.")[1][3] == "Germany"
    text = ("Deputy Secretary of State Wendy R. Sherman met with Japanese Vice Foreign Minister Mori Takeo today. "
            "Deputy Secretary Sherman and Vice Foreign Minister Mori reaffirmed their commitment to the alliance.")
    assert attribution(text, issuer="United States")[1] == ("joint", None, "joint")
