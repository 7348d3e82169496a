"""Syntactic cues of attribution (issue #22): coordinated subjects, passives, nominalised reports, office holders'
names, guests of a meeting, plans and the talks' points. Small fixture sentences in the house styles of the Kremlin,
president.gov.ua, the State Department and the White House."""

from __future__ import annotations

from claimcmp.extract import extract, extract_statements
from claimcmp.extract._mentions import find_mentions
from claimcmp.model import Release

from ._helpers import KREMLIN, STATE, UA, WH, attribution


def test_a_list_of_three_officials_of_two_sides_is_joint():
    text = (
        "Deputy Secretary of State Wendy Sherman met separately with Republic of Korea (ROK) Minister of Unification "
        "Kwon Young-se and Vice Minister of Unification Kim Ki-woong on June 8. "
        "The Deputy Secretary, Minister, and Vice Minister also expressed concern about the outbreak."
    )
    assert attribution(text, STATE)[1] == ("joint", None, "joint")


def test_two_named_officials_of_one_side_are_co_speakers():
    text = (
        "Head of the President's Office Andriy Yermak and Commander-in-Chief of the Armed Forces of Ukraine "
        "Valerii Zaluzhny had a phone conversation with US National Security Advisor Jacob Sullivan. "
        "Andriy Yermak and Valerii Zaluzhny thanked the United States for its assistance."
    )
    assert attribution(text, UA)[1] == ("reported", "Andriy Yermak; Valerii Zaluzhny", "Ukraine")


def test_a_comma_alone_is_an_apposition_not_a_list_of_speakers():
    text = (
        "Vladimir Putin had a telephone conversation with Sauli Niinisto. "
        "Vladimir Putin, President, noted the risks."
    )
    got = attribution(text, KREMLIN)
    assert got[1][0] == "reported" and ";" not in (got[1][1] or "")


def test_a_bare_title_joined_to_the_principal_keeps_one_speaker():
    # "Prime Minister" alone may stand for the counterpart even where his side is unknown: no co-speakers
    text = "President Biden spoke with Prime Minister Sunak. The President and Prime Minister discussed the Red Sea."
    got = attribution(text, WH, date="2024-01-22")
    assert ";" not in (got[1][1] or "")


def test_another_holder_of_the_principals_office_is_a_guest_so_the_pair_is_joint():
    text = (
        "President Joseph R. Biden, Jr. met today with President Jair Messias Bolsonaro. "
        "President Biden and President Bolsonaro discussed the war in Ukraine."
    )
    assert attribution(text, WH, date="2022-06-09")[1] == ("joint", None, "joint")


def test_the_partner_of_a_meeting_is_a_guest_so_the_pair_is_joint():
    text = (
        "National Security Advisor Jake Sullivan met with Director Wang Yi in Bangkok. "
        "Mr. Sullivan and Director Wang discussed counternarcotics cooperation."
    )
    assert attribution(text, WH, date="2024-01-27")[1] == ("joint", None, "joint")


def test_a_passive_cue_is_not_its_subjects_speech():
    text = (
        "Vladimir Putin had a telephone conversation with Prime Minister of Italy Mario Draghi. "
        "Having noted that Russia is being groundlessly accused of disrupting global food supplies, Vladimir Putin "
        "emphasised that these difficulties had been caused by failures in supply chains."
    )
    assert attribution(text, KREMLIN)[1] == ("reported", "Vladimir Putin", "Russia")


def test_an_agentless_past_passive_of_a_talk_verb_is_a_point_of_both():
    text = (
        "Vladimir Putin had a telephone conversation with President of France Emmanuel Macron. "
        "Hope was expressed that serious talks would be organised on all issues raised by Russia."
    )
    assert attribution(text, KREMLIN)[1] == ("joint", None, "joint")


def test_a_present_passive_or_a_verb_of_doing_is_not_a_point_of_the_talks():
    text = (
        "Vladimir Putin met with Governor Andrei Chibis. New tourist facilities are being added. "
        "Key programs are highlighted below."
    )
    got = attribution(text, KREMLIN)
    assert [kind for kind, _, _ in got[1:]] == ["narration", "narration"]


def test_a_stance_participle_keeps_its_subject_as_speaker():
    text = (
        "President Biden met with Prime Minister Rutte of the Netherlands. "
        "Prime Minister Rutte was encouraged by the vibrant civil society of Ukraine."
    )
    assert attribution(text, WH, date="2022-02-02")[1] == ("reported", "Rutte", "Netherlands")


def test_a_participle_with_its_agent_after_a_noun_is_no_report():
    text = (
        "President of Ukraine Volodymyr Zelenskyy met with an expert group on the investigation of all war crimes "
        "committed by Russian aggressors on the territory of Ukraine."
    )
    assert attribution(text, UA)[0] == ("narration", None, None)


def test_a_nominalised_report_is_its_agents_own_statement():
    text = (
        "Andriy Yermak had a phone conversation with US National Security Advisor Jacob Sullivan. "
        "The conversation took place the day before, a few hours before the announcement by US President Joseph "
        "Biden of a new defense aid package for our country."
    )
    rel = Release(id="t", text=text, date="2022-06-02", source=UA)
    statements = extract(rel).statements
    head, report = statements[1], statements[2]
    assert head.text == "The conversation took place the day before, a few hours before"
    assert report.text.startswith("the announcement by US President Joseph Biden of")
    assert (report.kind.value, report.speaker, report.side) == ("reported", "Joseph Biden", "United States")


def test_a_nominalised_report_as_the_subject_stays_one_statement():
    text = "The statement by President Emmanuel Macron of France on the talks was welcomed."
    assert len(extract_statements(Release(id="t", text=text, date="2022-03-01", source=KREMLIN))) == 1


def test_the_holders_name_closes_an_office_affiliation():
    for text, name in (
        ("Deputy Head of the Office of the President Andriy Smyrnov reported on it.", "Andriy Smyrnov"),
        ("Deputy Head of the President's Office Ihor Zhovkva said so.", "Ihor Zhovkva"),
        ("National Security Advisor to the Vice President Phil Gordon’s Meeting on Venezuela", "Phil Gordon"),
    ):
        assert find_mentions(text, 0, len(text))[0].name == name
    text = "Director of the Freeman Spogli Institute for International Studies met them."
    assert find_mentions(text, 0, len(text))[0].name is None  # an institute's name is no person's


def test_a_collective_of_the_issuer_with_a_passive_and_its_agent_takes_no_position():
    text = (
        "The Polish delegation arrived in our country. The Ukrainian delegation will be headed by Head of the "
        "President's Office Andriy Yermak."
    )
    assert attribution(text, UA, date="2022-01-31")[1] == ("narration", None, None)


def test_a_meeting_still_to_come_is_scene_setting():
    text = (
        "President of Ukraine Volodymyr Zelenskyy began a meeting with President Erdogan. "
        "The heads of state will have a conversation in a vis-a-vis format."
    )
    assert attribution(text, UA, date="2022-02-03")[1] == ("narration", None, None)


def test_the_talks_points_told_by_their_rank_are_joint():
    text = (
        "President of Ukraine Volodymyr Zelenskyy held a working meeting with members of the Cabinet of Ministers. "
        "Among the most pressing issues discussed were the supply of fuel and price control. "
        "The main focus was on the institution of sanctions. "
        "Particular attention was paid to the preparation of a program for the return of temporarily displaced "
        "citizens to Ukraine, in particular the creation of jobs for them and for their families."
    )
    assert [kind for kind, _, _ in attribution(text, UA, date="2022-05-27")[1:]] == ["joint", "joint", "joint"]


def test_an_account_reported_on_carries_on_to_the_next_sentence():
    text = (
        "Deputy Head of the Office of the President Andriy Smyrnov reported on the readiness of the models. "
        "These models are ready for further work with the partners."
    )
    assert attribution(text, UA, date="2022-04-11")[1] == ("reported", "Andriy Smyrnov", "Ukraine")


def test_each_of_two_quotes_in_one_unit_takes_its_own_frame():
    # a scrape glitch drops the full stop after the first frame: the second quote is still the second speaker's
    text = (
        "President of Ukraine Volodymyr Zelenskyy met with UNHCR Goodwill Ambassador Ben Stiller. "
        "\"That's a lot more shocking,\" said Ben Stiller \"What you saw in Irpin is definitely dreadful,\" "
        "Volodymyr Zelenskyy said in response."
    )
    got = attribution(text, UA, date="2022-06-20")
    assert got[1] == ("direct_quote", "Ben Stiller", "UNHCR")
    assert got[2] == ("direct_quote", "Volodymyr Zelenskyy", "Ukraine")


def test_a_body_and_a_word_of_office_before_a_title_are_one_placed_person_joined_to_the_president():
    text = (
        "President of Ukraine Volodymyr Zelenskyy met with UNHCR Goodwill Ambassador Ben Stiller. "
        "The President and the UNHCR Goodwill Ambassador discussed the needs of displaced persons."
    )
    assert attribution(text, UA, date="2022-06-20")[1] == ("joint", None, "joint")


def test_two_states_joined_with_an_article_are_joint():
    text = "The United States and the Kingdom of Bahrain reviewed recent cooperation in maritime security."
    assert attribution(text, STATE)[0] == ("joint", None, "joint")


def test_a_capital_named_in_a_title_places_its_holder():
    mention = find_mentions("Crown Prince of Abu Dhabi Mohamed bin Zayed Al Nahyan", 0, 53)[0]
    assert mention.place == "United Arab Emirates"
