import pytest

from claimcmp.compare.cues import AGREEMENT, COUNTER_CLAIM, detect_cues
from claimcmp.compare.text import profile

from .conftest import SEED_A, SEED_B


def _names(a: str, b: str, cosine: float = 0.5) -> set[str]:
    return {c.name for c in detect_cues(profile(a), profile(b), cosine)}


def test_seed_pair_fires_opposing_actor():
    cues = detect_cues(profile(SEED_A), profile(SEED_B), 0.4)
    assert cues[0].name == "opposing_actor"
    assert cues[0].favours == COUNTER_CLAIM
    assert "ukraine" in cues[0].detail


def test_denial_cue():
    assert "denial" in _names("Iran supplied missiles to Russia.", "Tehran denied that it had supplied missiles to Russia.")


def test_opposing_framing_cue():
    names = _names("Russia's escalation along the border", "NATO's build-up near the border is the cause")
    assert "opposing_framing" in names or "opposing_actor" in names


def test_opposite_stance_cue():
    assert "opposite_stance" in _names("France supports the resolution.", "Russia opposes the resolution.")


def test_joint_outcome_cue_favours_agreement():
    cues = detect_cues(profile("The two sides signed an agreement on trade."), profile("An agreement on trade was signed."), 0.8)
    assert {c.name for c in cues} >= {"joint_outcome"}
    assert all(c.favours == AGREEMENT for c in cues)


def test_unrelated_texts_fire_nothing():
    assert detect_cues(profile("The sky is blue."), profile("Grain prices rose in May."), 0.05) == []


def test_negation_needs_a_shared_proposition_not_just_a_topic():
    assert "negation" in _names("The sky is blue.", "The sky is not blue.")
    assert "negation" not in _names(
        "All member states have committed never to develop, produce, stockpile or use chemical weapons.",
        "He stressed the urgent need to deal with non-proliferation of chemical weapons and assistance "
        "to developing countries in expanding their peaceful chemical industry.",
        cosine=0.39,
    )


def test_rejection_of_a_raised_concern():
    names = _names(
        "The Secretary raised concerns about the detention of American citizens on politically motivated charges.",
        "The Foreign Minister rejected the allegations, saying the detainees were convicted under the law.",
        cosine=0.4,
    )
    assert "rejection" in names and "denial" not in names


def test_rejection_verdicts_and_refused_acceptance():
    from claimcmp.compare._readout_cues import rejection_words

    assert rejection_words(profile("He called the reports of forced labour a fabrication.")) == {"fabrication"}
    assert rejection_words(profile("Russia does not accept the conclusions drawn from the samples.")) == {"not accept"}
    # a refused act and a topic of concern are not rejections of a claim
    assert rejection_words(profile("The inspection team had been denied access to the site.")) == set()
    assert rejection_words(profile("They discussed the spread of disinformation online.")) == set()
    # a norm is no verdict on a claim
    assert rejection_words(profile("He stressed that aid should never be politicized.")) == set()
    assert rejection_words(profile("He dismissed the politicized accusations.")) == {"dismissed", "politicized"}


def test_attributed_act_needs_a_condemned_act_without_a_doer():
    condemned = "The Minister expressed concern about the shelling of the nuclear power plant."
    blamed = "The Ambassador said the shelling of the nuclear plant was carried out by the Ukrainian armed forces."
    assert "attributed_act" in _names(condemned, blamed)
    # both name the same doer: no counter-accusation
    same = "The Minister condemned the shelling of the plant by the Ukrainian armed forces."
    assert "attributed_act" not in _names(same, blamed)


def test_refused_demand_needs_a_shared_stem_near_both_markers():
    from claimcmp.compare._readout_cues import refused_demand

    demand = profile("The European side called for an extension of the monitoring mission.")
    refusal = profile("The Minister said his Government will not extend the mandate of the mission.")
    assert refused_demand(demand, refusal) == {"exten", "missi"}  # "extension" / "extend", "mission" within the object
    assert refused_demand(refusal, demand) == refused_demand(demand, refusal)
    # a refusal of something else, and two refusals, are not a refused demand
    other = profile("The Minister said they would not build new coal power plants.")
    assert refused_demand(profile("The Chancellor urged faster progress on the energy transition."), other) == frozenset()
    assert refused_demand(refusal, other) == frozenset()
    names = _names("The Secretary urged the government to release the detained aid workers.",
                   "The Minister said the aid workers would not be released.", cosine=0.5)
    assert "refused_demand" in names


def test_refused_demand_in_other_words():
    """Support against "could not agree", "vote against", "keep ... in place"; policy synonyms joined."""
    pairs = [
        ("The President expressed support for a moratorium on debt repayments by the poorest countries.",
         "The Chancellor said his government could not agree to suspending loan servicing."),
        ("The Ambassador called for the mandate of the mission to be renewed for another year.",
         "The Representative said his delegation would vote against prolonging the mission."),
        ("The Minister urged the Council to lift the export restrictions on fertiliser.",
         "The Ambassador said her government would keep its curbs on fertiliser exports in place."),
    ]
    for a, b in pairs:
        assert "refused_demand" in _names(a, b, cosine=0.3), (a, b)
    # continuing something is not refusing it; financial support is no demand
    assert "refused_demand" not in _names(
        "The Director-General thanked the government for its continued financial support to the Organisation.",
        "The Minister reaffirmed his country's commitment to keep funding the work of the Organisation.", cosine=0.5)


def test_refused_demand_makes_a_low_similarity_pair_related():
    from claimcmp.compare.cues import is_related

    a = profile("The European side called for an extension of the nuclear safety monitoring mission.")
    b = profile("The Minister said his Government will not extend the mandate of the monitoring mission.")
    assert is_related(a, b, 0.28)
    assert not is_related(a, profile("The Minister said the harvest had been good this year."), 0.28)


def test_evaluative_contrast_judges_a_shared_subject_both_ways():
    a = "The Commissioner said the reform of the judiciary undermines the independence of the courts."
    b = "The Justice Minister said the reform strengthens judicial independence."
    cues = detect_cues(profile(a), profile(b), 0.6)
    hit = next(c for c in cues if c.name == "evaluative_contrast")
    assert hit.favours == COUNTER_CLAIM
    assert "undermines" in hit.detail and "strengthens" in hit.detail and "reform" in hit.detail
    # a "not" before the judgement turns it round: "not safe" is unfavourable, like "dangerous"
    assert "evaluative_contrast" in _names("The Minister said the pipeline was safe.", "The Commissioner said the pipeline was not safe.")


def test_evaluative_contrast_needs_opposite_terms_on_one_subject():
    # same judgement
    assert "evaluative_contrast" not in _names("The election was peaceful.", "Observers said the election was calm and orderly.")
    # opposite judgements of different subjects (only speakers shared)
    assert "evaluative_contrast" not in _names(
        "The Minister said the grain corridor is working well.", "The Minister said the port had been badly damaged and the talks failed."
    )
    # one statement judges both ways: no contrast
    assert "evaluative_contrast" not in _names("The talks failed but the ceasefire is holding.", "The ceasefire collapsed.")


# One side restating its own position in other words must not read as countering itself
# (false positives found among the most similar pairs of one side's readouts, wh_readouts).


def test_possessive_after_preposition_names_the_doer_not_a_target():
    a = "The President said the United States will respond to actions by Russia that harm its allies."
    b = "The President said the United States will respond firmly to Russia's actions, such as cyber intrusions."
    assert "opposing_actor" not in _names(a, b, 0.8)
    assert "russia" not in profile(b).targets
    # a possessive that owns no act is still the place or target
    assert "ukraine" in profile("The Secretary condemned Russia's strikes on Ukraine's energy infrastructure.").targets


def test_actor_addressed_or_punished_is_not_a_victim():
    doer = "The leaders discussed deterring further Russian aggression against Ukraine."
    for b in ("They agreed to impose severe costs on Russia should it invade.", "The leaders called on Russia to de-escalate."):
        assert "russia" not in profile(b).targets
        assert "opposing_actor" not in _names(doer, b, 0.7)


def test_actor_also_named_as_doer_is_not_a_target():
    p = profile("If Russia launches a further invasion, the allies will respond and impose pressure upon Russia.")
    assert "russia" not in p.targets


def test_framing_of_the_same_actor_in_two_words_is_not_opposing():
    a = "The President voiced concern about Russia's escalation of forces surrounding Ukraine."
    b = "The leaders discussed deterrence in response to Russia's continued military build-up on Ukraine's borders."
    assert "opposing_framing" not in _names(a, b, 0.7)
    # the same two framing words attached to no shared actor still oppose
    names = _names("The Prime Minister described the troop movements as a response to provocations.",
                   "The Secretary General described the troop movements as an aggressive build-up.")
    assert "opposing_framing" in names


@pytest.mark.parametrize(
    ("cue", "a", "b"),
    [
        # framing nouns are compared in the singular: "threat" and "threats" are one word
        ("opposing_framing", "The President stressed support for NATO in the face of the modern threat environment.",
         "The President reaffirmed support for NATO against transnational threats."),
        # "against" after a noun is a preposition, not a stance
        ("opposite_stance", "The leaders discussed deterring Russian aggression against Ukraine.",
         "The leaders reaffirmed their support for Ukraine's sovereignty."),
        # "back" uninflected is no stance ("Build Back Better")
        ("opposite_stance", "They discussed the Build Back Better legislation and its investment in workers.",
         "They discussed the harmful effects of inflation on workers and the legislation."),
    ],
)
def test_word_level_slips_fire_no_cue(cue, a, b):
    assert cue not in _names(a, b, 0.7)


def test_vote_against_is_a_stance():
    assert "opposite_stance" in _names("The Minister backed the draft resolution on the monitoring mission.",
                                       "The Deputy Minister said his delegation would vote against the draft resolution.")


def test_number_mismatch_needs_the_same_unit():
    a = "The President noted that emissions had been cut by 40 percent under the commitment."
    assert "number_mismatch" in _names(a, "The Commissioner said emissions had fallen by only 12 percent, short of the commitment.")
    assert "number_mismatch" not in _names(a, "The Commissioner said 12 member states had met the emissions commitment in full.")


def test_negation_in_a_set_phrase_negates_nothing():
    a = "The leaders agreed the talks must resume without delay and address not only trade but also security."
    b = "The leaders agreed the talks must resume and address trade and security."
    assert "negation" not in _names(a, b, 0.85)
    assert "negation" in _names("The leaders agreed the talks must resume.", "The leaders did not agree the talks must resume.", 0.85)


def test_negation_needs_more_than_similar_topic():
    # cosine 0.7 alone (two readouts on Ukraine) is no shared proposition
    a = "The President made clear the allies are committed to the principle of no decisions about Ukraine without Ukraine."
    b = "The President reaffirmed the commitment of the United States to the sovereignty of Ukraine."
    assert "negation" not in _names(a, b, 0.7)


def test_lies_as_a_verb_of_place_is_no_denial():
    from claimcmp.compare._readout_cues import rejection_words

    assert rejection_words(profile("The Ambassador noted that the deposit lies in a region served by the rail line.")) == set()
    assert rejection_words(profile("The spokesperson called the report lies and slander.")) == {"lies", "slander"}


def test_evaluative_contrast_knows_state_and_process_judgements():
    from claimcmp.compare._readout_cues import evaluative_contrast

    found = evaluative_contrast(profile("The Minister said the cod stocks had recovered to healthy levels."),
                                profile("The Commissioner said the cod stocks remained depleted and fragile."))
    assert found is not None and "stocks" in found[2]
    # both unfavourable about one subject: no contrast
    assert evaluative_contrast(profile("The Minister said the cod stocks were depleted."),
                               profile("The Commissioner said the cod stocks remained fragile.")) is None


def test_rival_doers_blame_one_harm_on_different_doers():
    from claimcmp.compare._readout_cues import rival_doers

    a = profile("The Ministry said the ambush on the aid lorries was carried out by border police.")
    b = profile("The Governor said the lorries were attacked by smugglers crossing from the north.")
    found = rival_doers(a, b)
    assert found is not None and "police" in found[0] and "smugglers" in found[1]
    assert "rival_doers" in _names(a.text, b.text, 0.5)
    cleft = profile("The Minister said it was militia fighters, not the army, that blocked the convoys.")
    assert rival_doers(profile("The Coordinator said the convoys had been blocked by the army."), cleft) is not None


def test_rival_doers_needs_disjoint_doers_and_a_harm():
    from claimcmp.compare._readout_cues import rival_doers

    russian = profile("The Secretary said the strikes were carried out by Russian forces.")
    same = profile("The Minister said the attack on the dam was launched by Russia's army.")
    assert rival_doers(russian, same) is None  # one doer, named in two ways
    shielded = profile("The President pledged to help the kingdom defend its territory from these attacks.")
    assert rival_doers(profile("The leaders condemned the attacks from the border region."), shielded) is None
    assert rival_doers(profile("The treaty was signed by the two ministers."),
                       profile("The statement was issued by the presidency.")) is None  # no harm


def test_negation_must_negate_a_word_the_other_statement_states():
    a = "The President made clear the allies are committed to the principle of no decisions about Ukraine without Ukraine."
    b = "The President reaffirmed the commitment of the allies to Ukraine's sovereignty."
    assert "negation" not in _names(a, b, 0.85)  # "no decisions": the other says nothing of decisions
    denied = "He said the declaration submitted by Syria cannot be considered accurate and complete."
    stated = "He said the declaration submitted by Syria is accurate and complete."
    assert "negation" in _names(denied, stated, 0.67)


def test_number_mismatch_leaves_out_dates_years_and_counts_of_different_places():
    assert "number_mismatch" not in _names(
        "The task force was set up by the January 27 executive order on the climate crisis.",
        "The advisor recalled the January 2021 executive order on the climate crisis.", 0.7)
    assert "number_mismatch" not in _names(
        "The President thanked Italy for sheltering 4,000 Afghans on their way to the United States.",
        "The President thanked Germany for sheltering 35,000 Afghans on their way to the United States.", 0.7)
    assert "number_mismatch" not in _names(
        "The United States has donated 220 million doses, including 64 million doses to partners in the region.",
        "The United States has donated 63 million doses to partners in the region.", 0.7)
    assert "number_mismatch" in _names(
        "The Ministry reported 64 cases of the disease in Ituri province.",
        "The Ministry of Health recorded 41 cases of the disease in Ituri province.", 0.7)


def test_joint_outcome_needs_an_outcome_reached_not_a_treaty_named():
    assert "joint_outcome" in _names("The two leaders agreed to resume direct flights next year.",
                                     "The Prime Minister welcomed the agreement to restart direct flights.", 0.7)
    assert "joint_outcome" not in _names(
        "India considers that the Indus Waters Treaty must be reviewed through negotiations.",
        "Pakistan said the Indus Waters Treaty is a binding international agreement that admits no unilateral review.", 0.7)
