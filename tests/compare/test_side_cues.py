"""Cues that know each statement's side (claimcmp.compare.side_cues)."""

import numpy as np

from claimcmp.compare.classifier import gate_joint
from claimcmp.compare.side_cues import criticises, side_criticism, side_names
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
