import numpy as np

from claimcmp.compare.features import (
    LEXICAL_FEATURES,
    agent_swap,
    antonym_pairs,
    feature_width,
    lexical_features,
    pair_features,
    swap_order,
)
from claimcmp.compare.text import profile

from .conftest import SEED_A, SEED_B


def _lex(a: str, b: str) -> dict[str, float]:
    return dict(zip(LEXICAL_FEATURES, lexical_features(profile(a), profile(b), 0.5), strict=True))


def test_pair_features_shape_and_blocks():
    rng = np.random.default_rng(0)
    u = rng.standard_normal((3, 8)).astype(np.float32)
    v = rng.standard_normal((3, 8)).astype(np.float32)
    ps = [profile("a man plays")] * 3
    x = pair_features(ps, ps, u, v)
    assert x.shape == (3, feature_width(8))
    np.testing.assert_allclose(x[:, 16:24], np.abs(u - v), rtol=1e-6)
    np.testing.assert_allclose(x[:, 24:32], u * v, rtol=1e-6)
    np.testing.assert_allclose(x[:, 32 + 3 * 384], np.einsum("ij,ij->i", u, v), rtol=1e-5)


def test_negation_mismatch_feature():
    assert _lex("The sky is blue.", "The sky is not blue.")["neg_mismatch"] == 1.0
    assert _lex("The sky is blue.", "The sky is blue today.")["neg_mismatch"] == 0.0


def test_number_mismatch_feature():
    assert _lex("Emissions fell by 40 percent", "Emissions fell by 12 percent")["number_mismatch"] == 1.0


def test_antonym_pairs_found_only_across_statements():
    assert antonym_pairs(profile("They support the plan"), profile("They oppose the plan")) == [("support", "oppose")]
    assert antonym_pairs(profile("support and oppose"), profile("support and oppose")) == []


def test_agent_swap_on_seed_pair():
    assert agent_swap(profile(SEED_A), profile(SEED_B))
    assert not agent_swap(profile("The sky is blue."), profile("The sky is not blue."))


def test_swap_order_equals_recomputing_reversed_pairs():
    rng = np.random.default_rng(0)
    u = rng.standard_normal((3, 8)).astype(np.float32)
    v = rng.standard_normal((3, 8)).astype(np.float32)
    a = [profile(t) for t in ["The US denied it supports 3 plans", "A man is not sitting", "x"]]
    b = [profile(t) for t in ["Russia supports the plans 4 times", "The woman stands", "A woman stands"]]
    np.testing.assert_array_equal(swap_order(pair_features(a, b, u, v), 8), pair_features(b, a, v, u))


def test_difference_word_block_is_zero_for_identical_texts():
    u = np.ones((1, 8), dtype=np.float32) / np.sqrt(8)
    p = [profile("A man is playing a guitar")]
    x = pair_features(p, p, u, u)
    assert not x[0, 32 : 32 + 3 * 384].any()
