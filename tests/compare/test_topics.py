import numpy as np

from claimcmp.compare.topics import leader_topics


def _reference_leaders(emb: np.ndarray, threshold: float) -> np.ndarray:
    """The plain one-row-at-a-time greedy leader clustering."""
    labels = np.empty(emb.shape[0], dtype=np.int64)
    leaders: list[int] = []
    for i in range(emb.shape[0]):
        if leaders:
            sims = emb[leaders] @ emb[i]
            best = int(sims.argmax())
            if sims[best] >= threshold:
                labels[i] = best
                continue
        leaders.append(i)
        labels[i] = len(leaders) - 1
    return labels


def test_blocked_leader_clustering_matches_the_greedy_reference():
    rng = np.random.default_rng(5)
    centres = rng.standard_normal((12, 24))
    emb = centres[rng.integers(0, 12, 700)] + 0.6 * rng.standard_normal((700, 24))
    emb = (emb / np.linalg.norm(emb, axis=1, keepdims=True)).astype(np.float32)
    for threshold in (0.3, 0.55, 0.8):
        got = leader_topics(emb, threshold)
        np.testing.assert_array_equal(got, _reference_leaders(emb, threshold))
    assert 1 < leader_topics(emb, 0.55).max() < 699


def test_leader_topics_empty_and_single():
    assert leader_topics(np.zeros((0, 8), dtype=np.float32)).shape == (0,)
    assert leader_topics(np.ones((1, 8), dtype=np.float32) / np.sqrt(8)).tolist() == [0]
