"""The automatic cut of the large-corpus backend: von Mises-Fisher BIC over the tree (issue #21, points 1 and 5)."""

import numpy as np
import pytest
from scipy.special import ive
from sklearn.metrics import adjusted_rand_score

from claimcmp.topics import CentroidAgglomerative, TopicModel
from claimcmp.topics._backends import cell_means, nearest_centre_rounds
from claimcmp.topics._bic import PENALTY, choose_n_clusters_bic, log_bessel_i, penalty_for, vmf_log_likelihood


def nested_mixture(sub_spread: float, n_coarse: int = 4, n_sub: int = 6, per: int = 200, dim: int = 384, seed: int = 0):
    """Unit vectors: ``n_coarse`` random directions, each with ``n_sub`` sub-directions around it, noise around those.

    Returns the vectors, the coarse label and the fine (sub-direction) label of each row.
    """
    rng = np.random.default_rng(seed)
    coarse = rng.standard_normal((n_coarse, dim))
    coarse /= np.linalg.norm(coarse, axis=1, keepdims=True)
    sub = np.repeat(coarse, n_sub, axis=0) + sub_spread * rng.standard_normal((n_coarse * n_sub, dim)) / np.sqrt(dim)
    sub /= np.linalg.norm(sub, axis=1, keepdims=True)
    x = np.repeat(sub, per, axis=0) + 1.5 * rng.standard_normal((n_coarse * n_sub * per, dim)) / np.sqrt(dim)
    x = (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float32)
    return x, np.repeat(np.arange(n_coarse), n_sub * per), np.repeat(np.arange(n_coarse * n_sub), per)


def test_coarse_groups_with_weak_sub_structure_give_the_coarse_count():
    x, coarse, fine = nested_mixture(sub_spread=0.6)
    labels = CentroidAgglomerative(n_centres=300).fit(x).labels_
    assert 2 <= labels.max() + 1 <= 12  # within [k/2, 3k] of the 4 coarse groups
    assert adjusted_rand_score(coarse, labels) > 0.95


def test_well_separated_sub_groups_are_kept_apart():
    x, coarse, fine = nested_mixture(sub_spread=1.0)
    labels = CentroidAgglomerative(n_centres=300).fit(x).labels_
    assert 12 <= labels.max() + 1 <= 72  # within [k/2, 3k] of the 24 sub-groups
    assert adjusted_rand_score(fine, labels) > 0.95


def test_automatic_large_corpus_cut_is_deterministic():
    x, _, _ = nested_mixture(sub_spread=0.8, per=180)
    first = TopicModel(random_state=5).fit(x)
    second = TopicModel(random_state=5).fit(x)
    assert first.backend_ == "centroid-agglomerative"
    assert np.array_equal(first.labels_, second.labels_)
    assert first.distance_threshold_ == second.distance_threshold_


def test_chosen_count_has_the_lowest_bic_of_all_cuts():
    x, _, _ = nested_mixture(sub_spread=0.8, per=40, n_coarse=3, n_sub=4, dim=64, seed=3)
    model = CentroidAgglomerative(n_centres=120).fit(x)
    tree, cells = model.tree_, model.cell_labels_
    sums = cell_means(x, cells, tree.n_cells)
    counts = np.bincount(cells)
    n, dim = x.shape
    chosen = choose_n_clusters_bic(tree, sums, counts, max_clusters=60, penalty=penalty_for(x))

    def bic(k: int) -> float:  # computed from scratch, not along the merges
        topic = tree.cut(n_clusters=k)
        topic_sums = np.zeros((k, dim))
        np.add.at(topic_sums, topic, sums)
        ll = vmf_log_likelihood(topic_sums, np.bincount(topic, weights=counts), dim).sum()
        return float(-2 * ll + penalty_for(x) * k * (dim + 1) * np.log(n))

    scores = {k: bic(k) for k in range(2, 61)}
    assert scores[chosen] == min(scores.values())
    assert scores[chosen] < scores[2] and scores[chosen] < scores[60]


def test_log_bessel_is_exact_where_scipy_is_finite_and_finite_beyond():
    x = np.array([20.0, 400.0])
    assert np.allclose(log_bessel_i(191.0, x), np.log(ive(191.0, x)) + x)
    far = log_bessel_i(191.0, np.array([0.5, 1e6]))  # scipy underflows at 0.5
    assert np.isfinite(far).all()
    # Debye's expansion against the exact value at a point both reach
    z, order = 2.0, 191.0
    root = np.sqrt(1 + z * z)
    debye = -0.5 * np.log(2 * np.pi * order) + order * (root + np.log(z / (1 + root))) - 0.5 * np.log(root)
    assert abs(debye - float(log_bessel_i(order, np.array([z * order]))[0])) < 1e-3


def test_tighter_groups_have_higher_likelihood_per_vector():
    rng = np.random.default_rng(0)
    centre = rng.standard_normal(32)
    tight = centre + 0.2 * rng.standard_normal((50, 32))
    loose = centre + 2.0 * rng.standard_normal((50, 32))
    tight /= np.linalg.norm(tight, axis=1, keepdims=True)
    loose /= np.linalg.norm(loose, axis=1, keepdims=True)
    ll = vmf_log_likelihood(np.stack([tight.sum(0), loose.sum(0)]), np.array([50, 50]), 32)
    assert ll[0] > ll[1]


def test_nearest_centre_rounds_fix_rows_left_in_the_wrong_topic():
    x, coarse, _ = nested_mixture(sub_spread=0.2, n_coarse=3, n_sub=1, per=100, seed=1)
    wrong = coarse.copy()
    wrong[:10] = 1  # ten rows of topic 0 put in topic 1
    fixed = nearest_centre_rounds(x, wrong, 3)
    assert adjusted_rand_score(coarse, fixed) == 1.0
    assert np.array_equal(nearest_centre_rounds(x, coarse, 0), coarse)


def test_penalty_is_dimension_over_participation_ratio_capped():
    rng = np.random.default_rng(0)
    # isotropic noise fills every direction: dim / PR a little above 1
    iso = rng.standard_normal((4000, 64))
    assert 1.0 < penalty_for(iso) < 1.2
    # 8 equal, independent directions out of 64: PR = 8, dim / PR = 8, capped at PENALTY
    low = np.zeros((4000, 64))
    low[:, :8] = rng.standard_normal((4000, 8))
    assert penalty_for(low, cap=100.0) == pytest.approx(8.0, rel=0.05)
    assert penalty_for(low) == PENALTY
    assert penalty_for(np.ones((5, 64))) == PENALTY  # no spread at all


def test_many_loose_groups_that_fill_every_direction_are_not_merged():
    """Isotropic noise around 100 directions, like the scale check: a fixed penalty 3 gives 2 topics."""
    rng = np.random.default_rng(0)
    truth = rng.integers(0, 100, 4000)
    x = rng.standard_normal((100, 384))[truth] + 1.5 * rng.standard_normal((4000, 384))
    x = (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float32)
    assert penalty_for(x) < 1.6
    labels = CentroidAgglomerative(n_centres=400).fit(x).labels_
    assert 50 <= labels.max() + 1 <= 300
    assert adjusted_rand_score(truth, labels) > 0.9


def test_a_cut_with_a_catch_all_topic_is_passed_over():
    # unequal groups: the lowest BIC alone keeps the large group whole; a bar below its share forces the
    # lowest-BIC cut among those whose largest topic stays under the bar
    x, coarse, _ = nested_mixture(sub_spread=0.6, per=60, n_coarse=3, n_sub=4, dim=64, seed=4)
    big = np.flatnonzero(coarse == 0)
    x = np.vstack([x, x[big] + 0.01 * np.random.default_rng(0).standard_normal((len(big), 64)).astype(np.float32)])
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    model = CentroidAgglomerative(n_centres=150).fit(x)
    tree, cells = model.tree_, model.cell_labels_
    sums, counts = cell_means(x, cells, tree.n_cells), np.bincount(cells)
    free = choose_n_clusters_bic(tree, sums, counts, max_clusters=40, penalty=penalty_for(x))
    largest = {k: np.bincount(tree.cut(n_clusters=k), weights=counts).max() / len(x) for k in range(2, 41)}
    bar = largest[free] - 0.05
    assert bar > min(largest.values())  # some cut avoids the catch-all
    capped = choose_n_clusters_bic(tree, sums, counts, max_clusters=40, penalty=penalty_for(x), max_share=bar)
    assert capped != free and largest[capped] <= bar
    allowed = [k for k in range(2, 41) if largest[k] <= bar]
    free_again = choose_n_clusters_bic(tree, sums, counts, max_clusters=40, penalty=penalty_for(x), max_share=1.0)
    assert free_again == free and capped in allowed
