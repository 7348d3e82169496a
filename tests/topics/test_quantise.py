import numpy as np
from sklearn.metrics import adjusted_rand_score

from claimcmp.topics.quantise import nearest_centre, spherical_cells


def _blobs(n_per: int, n_blobs: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((n_blobs, 16))
    x = np.repeat(centres, n_per, axis=0) + 0.1 * rng.standard_normal((n_blobs * n_per, 16))
    return (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float32), np.repeat(np.arange(n_blobs), n_per)


def test_cells_are_numbered_without_gaps_and_never_split_across_blobs():
    x, truth = _blobs(60, 5)
    cells = spherical_cells(x, 20, random_state=1)
    assert cells.shape == (300,)
    assert np.array_equal(np.unique(cells), np.arange(cells.max() + 1))
    # each cell lies inside one blob
    assert all(len(set(truth[cells == c].tolist())) == 1 for c in np.unique(cells))


def test_as_many_cells_as_blobs_recovers_them_often_and_is_deterministic():
    x, truth = _blobs(50, 4)
    a = spherical_cells(x, 4, n_iter=6, random_state=0)
    b = spherical_cells(x, 4, n_iter=6, random_state=0)
    assert np.array_equal(a, b)
    assert adjusted_rand_score(truth, a) > 0.5


def test_fit_sample_smaller_than_corpus_still_labels_every_row():
    x, _ = _blobs(100, 3)
    cells = spherical_cells(x, 10, fit_sample=50, random_state=2)
    assert cells.shape == (300,) and cells.max() < 10


def test_nearest_centre_is_the_largest_dot_product():
    x, _ = _blobs(10, 3)
    centres = x[[0, 10, 20]]
    assert np.array_equal(nearest_centre(x, centres), np.argmax(x @ centres.T, axis=1))
