import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcmp.compare.classifier import combine_orders


def _rows(values: list[float]) -> np.ndarray:
    p = np.asarray(values, dtype=np.float64).reshape(-1, 3) + 1e-3
    return p / p.sum(axis=1, keepdims=True)


@settings(max_examples=50, deadline=None)
@given(st.lists(st.floats(0, 1), min_size=6, max_size=6).map(lambda v: v * 2))
def test_combine_orders_is_symmetric_and_normalised(values):
    forward, backward = _rows(values[:6]), _rows(values[6:][::-1])
    both = combine_orders(forward, backward)
    np.testing.assert_allclose(both, combine_orders(backward, forward))
    np.testing.assert_allclose(both.sum(axis=1), 1.0)


def test_entailment_in_one_order_is_agreement():
    """A specific statement entails a general one; the reverse reads as neutral. The pair agrees."""
    forward = np.array([[0.7, 0.05, 0.25]])
    backward = np.array([[0.1, 0.05, 0.85]])
    assert combine_orders(forward, backward).argmax() == 0
    assert (0.5 * (forward + backward)).argmax() == 2  # the plain mean would call it unrelated


def test_contradiction_stays_a_counter_claim():
    forward = np.array([[0.1, 0.8, 0.1]])
    backward = np.array([[0.15, 0.7, 0.15]])
    assert combine_orders(forward, backward).argmax() == 1


def test_uncued_counter_claim_below_the_bar_becomes_unrelated():
    from claimcmp.compare.classifier import gate_uncued
    from claimcmp.compare.cues import Cue

    proba = np.array([[0.2, 0.6, 0.2], [0.2, 0.6, 0.2], [0.1, 0.85, 0.05], [0.7, 0.2, 0.1]])
    cue = Cue("denial", "rejected", "counter_claim")
    out = gate_uncued(proba, [[], [cue], [], []], 0.75)
    np.testing.assert_allclose(out[0], [0.2, 0.0, 0.8])  # no cue, p 0.6 < 0.75
    np.testing.assert_allclose(out[1:], proba[1:])  # a cue, a confident head, or not a counter-claim
    np.testing.assert_allclose(out.sum(axis=1), 1.0)


def test_uncued_weak_agreement_becomes_unrelated():
    from claimcmp.compare.classifier import gate_uncued
    from claimcmp.compare.cues import Cue

    proba = np.array([[0.45, 0.25, 0.30], [0.45, 0.25, 0.30], [0.6, 0.2, 0.2]])
    cue = Cue("joint_outcome", "agreed", "agreement")
    out = gate_uncued(proba, [[], [cue], []], 0.5, "agreement")
    np.testing.assert_allclose(out[0], [0.0, 0.25, 0.75])
    np.testing.assert_allclose(out[1:], proba[1:])


def test_polarity_cue_rules_out_agreement():
    from claimcmp.compare.classifier import gate_polarity
    from claimcmp.compare.cues import Cue

    proba = np.array([[0.8, 0.15, 0.05], [0.8, 0.15, 0.05], [0.8, 0.15, 0.05]])
    judged = Cue("evaluative_contrast", "restricts vs protects of freedom", "counter_claim")
    weak = Cue("antonym", "open/close", "counter_claim")
    out = gate_polarity(proba, [[judged], [weak], []])
    np.testing.assert_allclose(out[0], [0.0, 0.95, 0.05])
    np.testing.assert_allclose(out[1:], proba[1:])  # a weak cue or none: the model's reading stays


@pytest.mark.slow
def test_opposite_judgement_of_one_subject_is_a_counter_claim_end_to_end():
    """Head and cross-encoder read the shared words as agreement (p 0.95); the evaluative cue turns the pair round."""
    from claimcmp.compare.classifier import classify_pairs
    from claimcmp.compare.text import profile
    from claimcmp.embed import Embedder

    a = "The Commissioner said the new media law restricts press freedom."
    b = "The Minister of Information said the new media law protects press freedom and journalists."
    emb = Embedder().encode([a, b])
    pred = classify_pairs([profile(a)], [profile(b)], emb[:1], emb[1:])
    assert pred.model_probabilities[0].argmax() == 0
    assert pred.labels == ["counter_claim"]
    assert pred.cues[0][0].name == "evaluative_contrast"


def test_uncued_bar_per_pair():
    from claimcmp.compare.classifier import gate_uncued

    proba = np.array([[0.65, 0.15, 0.2], [0.65, 0.15, 0.2]])
    out = gate_uncued(proba, [[], []], np.array([0.5, 0.75]), "agreement")
    np.testing.assert_allclose(out[0], proba[0])
    np.testing.assert_allclose(out[1], [0.0, 0.15, 0.85])


@pytest.mark.slow
def test_two_sides_own_statements_need_more_than_a_shared_word_agreed():
    """Between the two sides' own positions, "agreed" names a text, not an outcome both report."""
    from claimcmp.compare.classifier import classify_pairs
    from claimcmp.compare.text import profile
    from claimcmp.embed import Embedder

    a = "He reiterated Armenia's readiness to sign the agreed text without delay and without new preconditions."
    b = "He underlined that signing the agreement will become possible once Armenia changes its constitution."
    emb = Embedder().encode([a, b])
    args = ([profile(a)], [profile(b)], emb[:1], emb[1:])
    assert "joint_outcome" in [c.name for c in classify_pairs(*args).cues[0]]
    own = classify_pairs(*args, own_pairs=np.array([True]))
    assert "joint_outcome" not in [c.name for c in own.cues[0]]
    assert own.labels != ["agreement"] or own.probabilities[0, 0] >= 0.75
