"""Cues that know each statement's side (claimcmp.compare.side_cues)."""

import numpy as np

from claimcmp.compare.classifier import gate_joint
from claimcmp.compare.side_cues import (
    COMPLETION_COSINE, NEGATION_COSINE, blames, claims_for_itself, completion_dispute, criticises, mutual_blame, rival_claims, side_criticism, side_names,
    side_negation,
)
from claimcmp.compare.sides import best_partners
from claimcmp.compare.text import profile


def test_side_names_cover_gazetteer_names_and_demonyms():
    assert side_names("European Union") >= {"european union", "eu"}
    assert "united states" in side_names("United States")
    assert side_names("Ruritania") == {"ruritania"}


def test_criticism_needs_the_other_side_named_and_a_critical_word():
    assert criticises(profile("The President raised serious concerns about the PRC's support for Russia's defence industry."),
                      "China", "United States") == {"concerns"}
    assert criticises(profile("He urged the Philippine side to refrain from hyping up maritime issues."),
                      "Philippines", "China") == {"refrain", "hyping"}
    assert criticises(profile("She described the withdrawal as unprecedented, one that hampers the Agency's work in Iran."),
                      "Iran", "IAEA") == {"unprecedented", "hampers"}
    # naming the other side without criticism, or criticising without naming it
    assert not criticises(profile("The Secretary welcomed the return of Chinese tourists."), "China", "Philippines")
    assert not criticises(profile("The Minister voiced concern about the drought."), "China", "Philippines")
    # praise of or agreement with the side named: the critical words are about someone else
    assert not criticises(profile("The Secretary commended Colombia for hosting Venezuelans who fled the illegitimate regime."),
                          "Colombia", "United States")
    assert not criticises(profile("Denmark shares the American assessment that Russia's military build-up is a threat."),
                          "United States", "Denmark")
    assert criticises(profile("The Minister rejected the American assessment as biased."), "United States", "Denmark")
    # "China and the Philippines" names the pair, not a target
    assert not criticises(profile("He said China and the Philippines are neighbours and disputes should not define ties."),
                          "Philippines", "China")


def test_side_criticism_fires_on_a_criticised_sides_answer():
    a = profile("The Director General expressed serious concern at the continued growth of Iran's stockpile of enriched uranium.")
    b = profile("He said Iran's enrichment of uranium is entirely peaceful and carried out under Agency safeguards.")
    cue = side_criticism(a, b, 0.55, "IAEA", "Iran")
    assert cue is not None and cue.name == "side_criticism" and cue.favours == "counter_claim"
    assert "concern" in cue.detail
    assert side_criticism(a, b, 0.3, "IAEA", "Iran") is None  # not one subject
    assert side_criticism(b, a, 0.55, "Iran", "IAEA") is not None  # either statement may criticise
    calm = profile("The Director General welcomed Iran's cooperation on enriched uranium.")
    assert side_criticism(calm, b, 0.55, "IAEA", "Iran") is None


def test_two_joint_statements_are_never_counter_claims():
    proba = np.array([[0.3, 0.6, 0.1], [0.3, 0.6, 0.1]])
    out = gate_joint(proba, np.array([True, False]))
    assert np.allclose(out[0], [0.9, 0.0, 0.1])
    assert out[1].tolist() == proba[1].tolist()


def test_best_partners_keeps_each_statements_best_match():
    gi = np.array([0, 0, 1, 2, 3])
    gj = np.array([10, 11, 10, 12, 13])
    labels = ["counter_claim", "counter_claim", "counter_claim", "agreement", "unrelated"]
    cosine = np.array([0.6, 0.5, 0.7, 0.4, 0.9])
    keep = best_partners(gi, gj, labels, cosine, [False] * 5)
    # 10's best is 1 (0.7); 0 then keeps nothing: its best (10) prefers another
    assert keep.tolist() == [False, False, True, True, True]
    # a pair a cue supports beats a more similar one the model alone proposes
    keep = best_partners(gi, gj, labels, cosine, [True, False, False, False, False])
    assert keep.tolist() == [True, False, False, True, True]


def test_one_letter_side_names_name_nothing():
    text = profile("The Minister voiced serious concern about the spill.")
    assert not criticises(text, "B", "A")
    assert side_criticism(text, profile("The spill was contained quickly."), 0.6, "A", "B") is None


def test_a_sides_file_alias_names_its_side():
    text = profile("The results announced by the regime have never been backed by verifiable tallies.")
    assert not criticises(text, "Venezuela", "United States")
    assert criticises(text, "Venezuela", "United States", {"Venezuela": ["the regime"]}) == {"never"}


def test_a_negation_or_a_demand_to_stop_criticises_only_the_side_named_just_before_it():
    assert criticises(profile("Despite repeated requests, the Armenian side has so far not presented any proposal."),
                      "Armenia", "Azerbaijan") == {"not"}
    # a self-commitment names the other side only later
    assert not criticises(profile("The United States is prepared to refrain from exceeding the limits, provided "
                                  "Russia does the same."), "Russia", "United States")
    # a judgement negated just before it is a defence, not a criticism
    assert not criticises(profile("These controls are not designed to restrict trade or hold back China's economy."),
                          "China", "United States")


def test_one_side_negating_what_the_other_states_is_a_negation_on_one_subject():
    restored = profile("He noted that the amendments have fully restored the right of Hungarian pupils to be taught "
                       "in their mother tongue, in line with the Venice Commission.")
    not_restored = profile("Toth stated that the rights the Hungarian community enjoyed in education before the 2017 "
                           "law have still not been restored.")
    cue = side_negation(restored, not_restored, 0.73)
    assert cue is not None and cue.name == "negation" and cue.favours == "counter_claim"
    assert side_negation(not_restored, restored, 0.73) is not None  # either order
    # "have fully restored" / "still not been restored" is also a completion dispute, read from cosine 0.5
    assert side_negation(restored, not_restored, NEGATION_COSINE - 0.01) is not None
    assert side_negation(restored, not_restored, COMPLETION_COSINE - 0.01) is None  # not one subject
    # both negate, or what one negates the other never states
    also_not = profile("He said the rights of Hungarian pupils have not been restored either.")
    assert side_negation(not_restored, also_not, 0.8) is None
    unrelated_no = profile("He said the border crossing will not close at night.")
    assert side_negation(restored, unrelated_no, 0.7) is None


def test_a_side_cue_the_pair_cues_already_found_counts_once():
    from claimcmp.compare.classifier import classify_pairs
    from claimcmp.compare.cues import Cue

    a, b = "The sky is blue today.", "The sky is not blue today."
    emb = np.zeros((2, 384), dtype=np.float32)  # the shipped head reads MiniLM-sized vectors; cosine 0.95
    emb[0, 0], emb[1, 0], emb[1, 1] = 1.0, 0.95, np.sqrt(1 - 0.95**2)
    args = ([profile(a)], [profile(b)], emb[:1], emb[1:])
    extra = [[Cue("negation", "side", "counter_claim"), Cue("side_criticism", "x", "counter_claim")]]
    pred = classify_pairs(*args, cross_encoder=None, extra_cues=extra)
    names = [c.name for c in pred.cues[0]]
    assert names.count("negation") == 1 and "side_criticism" in names


def test_a_side_claims_for_itself_only_what_it_names_itself_the_holder_of():
    uk = profile("The Foreign Secretary was clear that the UK has no doubt about its sovereignty over the Falkland "
                 "Islands, South Georgia and the South Sandwich Islands.")
    ar = profile("The Minister reaffirmed the legitimate and imprescriptible sovereignty rights of the Argentine "
                 "Republic over the Malvinas, South Georgia and South Sandwich Islands.")
    assert claims_for_itself(uk, "United Kingdom", "Argentina")
    assert claims_for_itself(ar, "Argentina", "United Kingdom")
    assert not claims_for_itself(ar, "United Kingdom", "Argentina")  # Argentina holds it, not the UK
    assert claims_for_itself(profile("Wang Yi said China has indisputable sovereignty over Nansha Qundao."),
                             "China", "Philippines")
    assert claims_for_itself(profile("He said the temple area belongs to Cambodia."), "Cambodia", "Thailand")
    assert claims_for_itself(profile("The General said the temple area is Thai territory."), "Thailand", "Cambodia")
    # respecting, or supporting, someone else's sovereignty claims nothing
    assert not claims_for_itself(profile("He reaffirmed Ethiopia's respect for the sovereignty, unity and territorial "
                                         "integrity of Somalia."), "Ethiopia", "Somalia")
    assert not claims_for_itself(profile("The Secretary underscored U.S. support for Ukraine's sovereignty."),
                                 "United States", "Russia")
    cue = rival_claims(uk, ar, 0.6, "United Kingdom", "Argentina")
    assert cue is not None and cue.name == "rival_claims" and cue.favours == "counter_claim"
    assert rival_claims(uk, ar, 0.2, "United Kingdom", "Argentina") is None  # not one subject
    mutual = profile("The two sides reaffirmed mutual respect for each other's sovereignty and territorial integrity.")
    assert rival_claims(uk, mutual, 0.6, "United Kingdom", "Argentina") is None


def test_each_side_naming_the_other_the_doer_of_a_hostile_act_is_mutual_blame():
    thai = profile("He informed the meeting that on 2 September Cambodian troops fired small arms at a Thai position "
                   "near Chong Bok, wounding two Thai soldiers.")
    khmer = profile("General Mao Ratana stated that Thai soldiers had advanced beyond their agreed positions and opened "
                    "fire first, and that the Cambodian forces had responded with restraint.")
    assert blames(thai, "Cambodia") and blames(khmer, "Thailand")
    assert not blames(thai, "Thailand")  # "a Thai position" is the target, not the doer
    cue = mutual_blame(thai, khmer, 0.69, "Thailand", "Cambodia")
    assert cue is not None and cue.name == "mutual_blame" and cue.favours == "counter_claim"
    assert mutual_blame(thai, khmer, 0.2, "Thailand", "Cambodia") is None  # not one subject
    calm = profile("General Mao Ratana stated that the Cambodian side welcomed the ceasefire near Chong Bok.")
    assert mutual_blame(thai, calm, 0.6, "Thailand", "Cambodia") is None
    assert not blames(profile("He welcomed the Chinese side's support for the peace process."), "China")


def test_done_against_not_yet_done_is_a_completion_dispute():
    done = profile("The Minister reported that the dredging of the shared stretch of the river was completed on schedule.")
    not_yet = profile("The Paraguayan side noted that the dredging of the shared stretch has not yet been concluded.")
    assert completion_dispute(done, not_yet) and completion_dispute(not_yet, done)
    assert completion_dispute(done, profile("He said the dredging of the river remains unfinished."))
    assert completion_dispute(done, profile("He said the dredging of the river is yet to be completed."))
    assert not completion_dispute(done, profile("The dredging of the shared stretch was completed in July."))
    assert not completion_dispute(done, profile("He asked for the dredging to be deepened."))  # says neither
    cue = side_negation(done, not_yet, 0.55)
    assert cue is not None and cue.name == "negation" and "not yet done" in cue.detail
    assert side_negation(done, not_yet, 0.45) is None
    # handed back against still held
    returned = profile("All land in the Palaly area pledged for release has been handed over to its owners.")
    held = profile("The military continues to occupy private land in the Palaly area that was pledged for release.")
    assert completion_dispute(returned, held)
    assert completion_dispute(returned, profile("The land in the Palaly area is still held by the army."))
    assert not completion_dispute(returned, profile("The owners of land in the Palaly area welcomed the pledge."))
    assert not completion_dispute(profile("The army handed over land in Palaly."), held)  # no perfect or passive


def test_a_side_counter_claim_cue_drops_the_pairs_agreement_cues():
    from claimcmp.compare.classifier import classify_pairs
    from claimcmp.compare.cues import Cue

    a = "The dredging of the shared stretch of the river was completed on schedule in July."
    b = "The dredging of the shared stretch of the river has not yet been concluded in July."
    emb = np.zeros((2, 384), dtype=np.float32)  # cosine 0.9: shared_proposition fires on its own
    emb[0, 0], emb[1, 0], emb[1, 1] = 1.0, 0.9, np.sqrt(1 - 0.9**2)
    args = ([profile(a)], [profile(b)], emb[:1], emb[1:])
    alone = classify_pairs(*args, cross_encoder=None)
    assert "shared_proposition" in [c.name for c in alone.cues[0]]
    extra = [[Cue("negation", "one side reports done what the other reports not yet done", "counter_claim")]]
    merged = classify_pairs(*args, cross_encoder=None, extra_cues=extra)
    names = [c.name for c in merged.cues[0]]
    assert "negation" in names and "shared_proposition" not in names
