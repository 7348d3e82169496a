"""A pair read against its comparison (claimcmp.compare.context)."""

from __future__ import annotations

import numpy as np
import pytest

from claimcmp.compare.context import CONTEXT_FEATURES, LONE_GAP, context_features

COL = {name: k for k, name in enumerate(CONTEXT_FEATURES)}


def _unit(rows: list[list[float]]) -> np.ndarray:
    v = np.asarray(rows, dtype=np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def _comparison():
    """Side A: statements 0-1 (release r1); side B: 2-4 (release r1). a0 ~ b3, a1 ~ b4."""
    emb = _unit([[1, 0, 0], [0, 1, 0], [0.2, 0.2, 1], [1, 0.1, 0], [0.1, 1, 0.3]])
    content = [frozenset({"grain", "corridor"}), frozenset({"vaccine", "doses", "talks"}),
               frozenset({"talks"}), frozenset({"grain", "exports"}), frozenset({"vaccine", "talks"})]
    release = ["r1"] * 5
    sides = (np.array([0, 1]), np.array([2, 3, 4]))
    gi, gj = np.array([0, 0, 0, 1, 1, 1]), np.array([2, 3, 4, 2, 3, 4])
    return emb, content, release, sides, (gi, gj)


def test_the_best_partner_each_way_is_marked_and_ranked_first():
    emb, content, release, sides, pairs = _comparison()
    x = context_features(emb, content, release, sides, pairs)
    assert x.shape == (6, len(CONTEXT_FEATURES)) and x.dtype == np.float32
    mutual = x[:, COL["mutual_best"]]
    np.testing.assert_allclose(mutual, [0, 1, 0, 0, 0, 1], atol=1e-6)
    # best in its row and its column, far ahead: 1 / (1 + 0) twice
    assert x[1, COL["reciprocal_rank"]] == pytest.approx(2.0, abs=1e-4)
    assert x[1, COL["gap_low"]] > 0 and x[0, COL["gap_low"]] < 0
    assert x[1, COL["z_high"]] > x[0, COL["z_high"]]


def test_shared_words_and_their_rarity():
    emb, content, release, sides, pairs = _comparison()
    x = context_features(emb, content, release, sides, pairs)
    # a0-b3 share "grain" (1 of 3 words); a1-b4 share "vaccine" and "talks" (2 of 3)
    assert x[1, COL["shared_words"]] == 1 and x[1, COL["jaccard"]] == pytest.approx(1 / 3)
    assert x[5, COL["shared_words"]] == 2 and x[5, COL["jaccard"]] == pytest.approx(2 / 3)
    assert x[0, COL["tfidf"]] == 0.0

    def idf(df: int) -> float:  # over the five statements of the release
        return float(np.log(6 / (1 + df)) + 1)

    grain, corridor, exports = idf(2), idf(1), idf(1)
    expected = grain**2 / (np.hypot(grain, corridor) * np.hypot(grain, exports))
    assert x[1, COL["tfidf"]] == pytest.approx(expected, rel=1e-5)
    # the same two texts where "grain" is in every statement: a shared common word counts for less
    common = [c | {"grain"} if k in (2, 4) else c for k, c in enumerate(content)]
    commoner = context_features(emb, common, release, sides, pairs)
    assert commoner[1, COL["tfidf"]] < x[1, COL["tfidf"]]


def test_unrelated_releases_and_pair_order_change_nothing():
    emb, content, release, sides, pairs = _comparison()
    alone = context_features(emb, content, release, sides, pairs)
    # a second meeting in the same run: two more statements per side, in release r2, read with the first
    extra = _unit([[0, 0, 1], [1, 1, 1], [1, 0, 0.05], [0, 1, 0.01]])
    emb2 = np.vstack([emb, extra])
    content2 = content + [frozenset({"grain"}), frozenset({"talks"}), frozenset({"grain"}), frozenset({"vaccine"})]
    release2 = release + ["r2"] * 4
    sides2 = (np.array([0, 1, 5, 6]), np.array([2, 3, 4, 7, 8]))
    gi = np.concatenate([pairs[0], [5, 5, 6, 6]])
    gj = np.concatenate([pairs[1], [7, 8, 7, 8]])
    order = np.random.default_rng(0).permutation(len(gi))
    together = context_features(emb2, content2, release2, sides2, (gi[order], gj[order]))
    back = np.empty_like(together)
    back[order] = together
    np.testing.assert_allclose(back[:6], alone, atol=1e-6)


def test_symmetric_in_the_two_sides():
    emb, content, release, sides, (gi, gj) = _comparison()
    forward = context_features(emb, content, release, sides, (gi, gj))
    backward = context_features(emb, content, release, (sides[1], sides[0]), (gj, gi))
    np.testing.assert_allclose(forward, backward, atol=1e-6)


def test_rows_are_releases_and_a_lone_partner_has_the_fixed_gap():
    # two readouts: side A's statements in r1, side B's in r2; one B statement only
    emb = _unit([[1, 0], [0, 1], [1, 1]])
    content = [frozenset({"a"}), frozenset({"b"}), frozenset({"a", "b"})]
    x = context_features(emb, content, ["r1", "r1", "r2"], (np.array([0, 1]), np.array([2])),
                         (np.array([0, 1]), np.array([2, 2])))
    assert x[0, COL["gap_high"]] == pytest.approx(LONE_GAP)  # its row holds one statement
    assert x[0, COL["gap_low"]] == pytest.approx(0.0)  # the column's two cosines are equal
    assert context_features(emb, content, ["r1"] * 3, (np.array([0]), np.array([2])),
                            (np.array([], dtype=np.int64), np.array([], dtype=np.int64))).shape == (0, 10)


def test_a_near_tie_between_two_partners_is_no_edge():
    """Two side-B statements almost equally close to one side-A statement: nudging one across the other moves
    every feature a little, never by a jump (ranks are soft)."""
    def features(shift: float) -> np.ndarray:
        emb = _unit([[1, 0, 0], [0, 0, 1], [1, 0.5, 0], [1, 0.5 + shift, 0]])
        content = [frozenset({"x"}), frozenset({"y"}), frozenset({"x"}), frozenset({"x"})]
        return context_features(emb, content, ["r1"] * 4, (np.array([0, 1]), np.array([2, 3])),
                                (np.array([0, 0]), np.array([2, 3])))

    before, after = features(-1e-6), features(1e-6)
    assert np.abs(after - before).max() < 1e-3
    assert before[0, COL["mutual_best"]] == pytest.approx(before[1, COL["mutual_best"]], abs=1e-3)
