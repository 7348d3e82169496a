import numpy as np
import pytest

from claimcmp.compare.blocking import candidate_pairs
from claimcmp.errors import ConfigurationError


def _unit(x):
    x = np.asarray(x, dtype=np.float32)
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def test_top_k_limits_pairs_below_all_pairs():
    rng = np.random.default_rng(0)
    a = _unit(rng.standard_normal((50, 16)))
    b = _unit(rng.standard_normal((60, 16)))
    pairs = candidate_pairs(a, b, top_k=2, min_cosine=-1.0)
    assert len(pairs) <= 2 * (50 + 60)
    assert len(pairs) < 50 * 60
    assert (pairs[:, 0] < 50).all() and (pairs[:, 1] < 60).all()
    # every row of a has its best match among the candidates
    best = (a @ b.T).argmax(axis=1)
    found = {tuple(p) for p in pairs.tolist()}
    assert all((i, int(best[i])) in found for i in range(50))


def test_min_cosine_filters():
    a = _unit([[1, 0], [0, 1]])
    b = _unit([[1, 0.05]])
    pairs = candidate_pairs(a, b, top_k=5, min_cosine=0.5)
    assert pairs.tolist() == [[0, 0]]


def test_topics_require_margin_across_topics():
    a = _unit([[1, 0.3]])
    b = _unit([[1, 0.0], [1, 0.6]])
    same_topic = candidate_pairs(a, b, top_k=1, min_cosine=0.5, topics_a=np.array([0]), topics_b=np.array([1, 0]))
    assert [1] == sorted({int(j) for _, j in same_topic.tolist()} & {1})


def test_empty_side_gives_no_pairs():
    assert candidate_pairs(np.zeros((0, 4)), _unit([[1, 0, 0, 0]])).shape == (0, 2)


def test_bad_arguments():
    a = _unit([[1, 0]])
    with pytest.raises(ConfigurationError):
        candidate_pairs(a, a, top_k=0)
    with pytest.raises(ConfigurationError):
        candidate_pairs(a, a, topics_a=np.array([0]))


def _clusters(rng, n, centres, noise):
    x = centres[rng.integers(0, len(centres), n)] + noise * rng.standard_normal((n, centres.shape[1]))
    return _unit(x)


def test_inverted_file_search_probing_every_cell_is_exact():
    rng = np.random.default_rng(1)
    centres = _unit(rng.standard_normal((20, 32)))
    a, b = _clusters(rng, 400, centres, 0.3), _clusters(rng, 500, centres, 0.3)
    ta, tb = rng.integers(0, 6, 400), rng.integers(0, 6, 500)
    exact = candidate_pairs(a, b, topics_a=ta, topics_b=tb, min_cosine=0.2)
    every_cell = candidate_pairs(a, b, topics_a=ta, topics_b=tb, min_cosine=0.2,
                                 max_exact_pairs=0, cell_size=10, n_probe=10_000)
    np.testing.assert_array_equal(every_cell, exact)


def test_inverted_file_search_finds_the_same_neighbourhoods_deterministically():
    rng = np.random.default_rng(2)
    centres = _unit(rng.standard_normal((60, 64)))
    a, b = _clusters(rng, 3000, centres, 0.08), _clusters(rng, 3000, centres, 0.08)
    cluster_a = np.argmax(a @ centres.T, axis=1)
    cluster_b = np.argmax(b @ centres.T, axis=1)
    approx = candidate_pairs(a, b, top_k=5, min_cosine=0.3, max_exact_pairs=0)
    np.testing.assert_array_equal(approx, candidate_pairs(a, b, top_k=5, min_cosine=0.3, max_exact_pairs=0))
    same_cluster = cluster_a[approx[:, 0]] == cluster_b[approx[:, 1]]
    assert same_cluster.mean() > 0.99
    # nearly every statement still gets its top_k partners (5 forward, 5 backward at most)
    assert len(approx) >= 0.9 * len(candidate_pairs(a, b, top_k=5, min_cosine=0.3))
    assert (np.einsum("ij,ij->i", a[approx[:, 0]], b[approx[:, 1]]) >= 0.3 - 1e-6).all()


def test_exhaustive_up_to_takes_every_pair_below_any_cosine():
    rng = np.random.default_rng(5)
    a = rng.standard_normal((6, 16)).astype(np.float32)
    b = rng.standard_normal((4, 16)).astype(np.float32)
    a /= np.linalg.norm(a, axis=1, keepdims=True)
    b /= np.linalg.norm(b, axis=1, keepdims=True)
    gated = candidate_pairs(a, b, top_k=1, min_cosine=0.9)
    every = candidate_pairs(a, b, top_k=1, min_cosine=0.9, exhaustive_up_to=24)
    assert len(gated) < 24
    assert {tuple(p) for p in every.tolist()} == {(i, j) for i in range(6) for j in range(4)}
    # above the limit: top-k again
    above = candidate_pairs(a, b, top_k=1, min_cosine=0.9, exhaustive_up_to=23)
    np.testing.assert_array_equal(above, gated)
