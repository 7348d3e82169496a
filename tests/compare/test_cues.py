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
    assert refused_demand(demand, refusal) == {"exten"}  # "mission" lies beyond five words of "not"
    assert refused_demand(refusal, demand) == refused_demand(demand, refusal)
    # a refusal of something else, and two refusals, are not a refused demand
    other = profile("The Minister said they would not build new coal power plants.")
    assert refused_demand(profile("The Chancellor urged faster progress on the energy transition."), other) == frozenset()
    assert refused_demand(refusal, other) == frozenset()
    names = _names("The Secretary urged the government to release the detained aid workers.",
                   "The Minister said the aid workers would not be released.", cosine=0.5)
    assert "refused_demand" in names


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
