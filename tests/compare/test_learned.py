"""The learned comparer (claimcmp.compare.learned) and compare_sides(comparer="learned")."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from claimcmp.compare import compare_sides
from claimcmp.compare.context import CONTEXT_FEATURES
from claimcmp.compare.cues import RELATIONS, Cue
from claimcmp.compare.learned import (
    CUE_NAMES,
    SHIPPED_LEARNED,
    LearnedComparer,
    default_learned_comparer,
    learned_features,
    learned_predictions,
)
from claimcmp.errors import ConfigurationError

from .conftest import make_statements


def _unit(n: int, dim: int, seed: int) -> np.ndarray:
    v = np.random.default_rng(seed).standard_normal((n, dim)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def _toy_model(width: int, seed: int = 0) -> LearnedComparer:
    rng = np.random.default_rng(seed)
    return LearnedComparer(rng.standard_normal((width, 3)), rng.standard_normal(3), np.zeros(width), np.ones(width),
                           temperature=2.0, bars={"counter_claim": 0.9})


def test_features_are_symmetric_and_mark_cues_and_kinds():
    a, b = _unit(3, 8, 0), _unit(3, 8, 1)
    cues = [[Cue("denial", "x", "counter_claim")], [], [Cue("joint_outcome", "y", "agreement")]]
    kinds = (["direct_quote", "reported", "joint"], ["direct_quote", "reported", "reported"])
    head = np.tile([0.2, 0.3, 0.5, 0.1], (3, 1))
    context = np.arange(3 * len(CONTEXT_FEATURES), dtype=np.float32).reshape(3, -1)
    fwd = learned_features(a, b, cues, kinds, head, context)
    bwd = learned_features(b, a, cues, (kinds[1], kinds[0]), head, context)
    assert fwd.shape == (3, 2 * 8 + 2 + 4 + len(CUE_NAMES) + 3 + len(CONTEXT_FEATURES))
    np.testing.assert_allclose(fwd, bwd, atol=1e-7)
    cue_cols = fwd[:, 2 * 8 + 6 : 2 * 8 + 6 + len(CUE_NAMES)]
    assert cue_cols[0, CUE_NAMES.index("denial")] == 1.0 and cue_cols[0].sum() == 1.0
    assert cue_cols[1].sum() == 0.0
    assert cue_cols[2, CUE_NAMES.index("joint_outcome")] == 1.0
    np.testing.assert_array_equal(fwd[:, -3 - len(CONTEXT_FEATURES) : -len(CONTEXT_FEATURES)],
                                  [[1, 0, 0], [0, 1, 0], [0, 0, 1]])
    np.testing.assert_array_equal(fwd[:, -len(CONTEXT_FEATURES) :], context)
    np.testing.assert_allclose(fwd[:, 16], np.einsum("ij,ij->i", a, b), atol=1e-6)


def test_save_load_round_trip_and_width_check(tmp_path):
    model = _toy_model(5)
    x = np.random.default_rng(3).standard_normal((4, 5))
    path = tmp_path / "m.npz"
    model.save(path)
    back = LearnedComparer.load(path)
    np.testing.assert_allclose(back.predict_proba(x), model.predict_proba(x), atol=1e-5)
    assert back.bars == {"counter_claim": 0.9} and back.temperature == 2.0
    assert np.allclose(back.predict_proba(x).sum(axis=1), 1.0)
    with pytest.raises(ConfigurationError):
        model.predict_proba(np.zeros((2, 6)))


def test_a_relation_under_its_bar_is_unrelated_and_says_why():
    model = LearnedComparer(np.zeros((1, 3)), np.log([0.1, 0.85, 0.05]), np.zeros(1), np.ones(1),
                            bars={"counter_claim": 0.9})
    cue = Cue("denial", "denies", "counter_claim")
    pred = learned_predictions(model, np.zeros((1, 1)), [[cue]], np.array([0.5]))
    assert RELATIONS[int(pred.probabilities[0].argmax())] == "unrelated"
    assert pred.model_probabilities[0, 1] == pytest.approx(0.85)
    names = [c.name for c in pred.cues[0]]
    assert "model" in names and "denial" in names
    model_cue = next(c for c in pred.cues[0] if c.name == "model")
    assert "below its bar 0.90" in model_cue.detail


def test_shipped_model_and_card():
    model = default_learned_comparer()
    assert SHIPPED_LEARNED.stat().st_size < 200_000
    assert model.coef.shape == (2 * 384 + 2 + 4 + len(CUE_NAMES) + 3 + len(CONTEXT_FEATURES), 3)
    assert model.embedding_dim == 384
    assert model.temperature > 0
    card = model.card
    assert card["classes"] == list(RELATIONS)
    assert card["cue_features"] == list(CUE_NAMES)
    # trained only on splits whose first untouched score was already taken; the newest split never
    gold = Path(__file__).resolve().parents[2] / "benchmarks" / "gold_real"
    split = json.loads((gold / "split.json").read_text())
    scored = {"dev", "test"} | {name for name in set(split.values()) if (gold / f"{name}_score.json").exists()}
    assert "dev" in card["real_splits"] and set(card["real_splits"]) <= scored
    # retrained once test17 had its first score (2026-12-07, tenth session)
    assert {"test10", "test11", "test12", "test13", "test14", "test15", "test16", "test17"} <= set(card["real_splits"])
    assert "test18" not in card["real_splits"] and "test18" in set(split.values())  # untouched
    real = card["cross_validation"]["by_source"]["real"]
    assert real["with_bars"]["agreement"]["gold"] > 0


def test_shipped_model_learned_from_the_silver_pairs():
    """Issue #20: real counter-claims labelled by reading (training/silver_pairs.json) are in the training data,
    and the card reports them read out of fold, with and without training on them."""
    card = default_learned_comparer().card
    silver = card["data"]["silver"]
    assert silver["groups"] >= 20 and silver["labels"][RELATIONS.index("counter_claim")] >= 40
    with_silver = card["cross_validation"]["by_source"]["silver"]["argmax"]["counter_claim"]
    without = card["cross_validation_without_silver"]["by_source"]["silver"]["argmax"]["counter_claim"]
    assert with_silver["gold"] == without["gold"] == silver["labels"][RELATIONS.index("counter_claim")]
    assert card["cross_validation_without_silver"]["scored_only"] == ["silver"]


def test_unknown_comparer_fails_loudly():
    statements = make_statements([("A", "The border will reopen."), ("B", "The border stays closed.")])
    with pytest.raises(ConfigurationError):
        compare_sides(statements, ("A", "B"), embeddings=_unit(2, 384, 0), comparer="magic")


@pytest.mark.slow
def test_learned_comparer_end_to_end_with_the_real_model():
    """The real embedding model, the shipped learned comparer: every cross pair of a small meeting is a
    candidate (no cosine gate), each relation carries the learned model's evidence, and a pair's reading
    does not depend on the statements of other releases in the call."""
    from claimcmp.embed import Embedder

    items = [
        ("A", "It was agreed that the Torkham crossing would be reopened for trade from 19 April."),
        ("A", "The minister stressed that the agreement on transit containers must be implemented in full."),
        ("A", "The weather in the capital was pleasant."),
        ("B", "Both sides agreed that Torkham will reopen for trade and travellers on 19 April."),
        ("B", "Kabul denied that any armed group uses Afghan soil against Pakistan."),
    ]
    statements = make_statements(items)
    embedder = Embedder()
    result = compare_sides(statements, ("A", "B"), embedder=embedder, comparer="learned", include_unrelated=True)
    assert result.n_candidates == 3 * 2
    by_pair = {(r.evidence.a.text[:20], r.evidence.b.text[:20]): r for r in result.relations}
    assert len(by_pair) == 6
    torkham = by_pair[(items[0][1][:20], items[3][1][:20])]
    assert torkham.relation == "agreement", torkham.probabilities
    assert any(c.name == "model" and "learned comparer" in c.detail for c in torkham.evidence.cues)
    assert abs(sum(torkham.probabilities.values()) - 1.0) < 1e-5
    # another meeting's release in the same call: the same probabilities
    other = make_statements([("A", "Grain exports through the Black Sea corridor must continue."),
                             ("B", "The corridor for grain exports will stay open."),
                             ("B", "The two leaders discussed energy prices.")], release_id="r2")
    both = compare_sides(statements + other, ("A", "B"), embedder=embedder, comparer="learned",
                         include_unrelated=True)
    again = {(r.evidence.a.text[:20], r.evidence.b.text[:20]): r for r in both.relations}
    assert again[(items[0][1][:20], items[3][1][:20])].probabilities == torkham.probabilities
    # but a pair is read against the other statements of its release: alone, the Torkham pair has no other
    # partner to stand out from, and reads differently
    alone = compare_sides([statements[0], statements[3]], ("A", "B"), embedder=embedder, comparer="learned",
                          include_unrelated=True)
    assert alone.n_candidates == 1 and alone.relations[0].probabilities != torkham.probabilities


def test_probabilities_read_in_chunks_equal_one_read():
    from claimcmp.compare.learned import learned_probabilities

    model = _toy_model(5)
    x = np.random.default_rng(7).standard_normal((7, 5))
    whole = model.predict_proba(x)
    for chunk in (1, 2, 3, 7, 100):
        # the same up to the last bits of a matrix product (BLAS sums in another order for other shapes)
        np.testing.assert_allclose(learned_probabilities(model, lambda rows: x[rows], len(x), chunk=chunk), whole,
                                   rtol=0, atol=1e-12)
    assert learned_probabilities(model, lambda rows: x[rows], 0).shape == (0, 3)
