import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcmp.themes import claim_id_for
from claimcmp.themes._claims import ClaimGrouper


def unit(*rows: list[float]) -> np.ndarray:
    m = np.asarray(rows, dtype=np.float32)
    return m / np.linalg.norm(m, axis=1, keepdims=True)


def test_claim_id_derives_from_statement_id() -> None:
    assert claim_id_for("r1@0-10") == claim_id_for("r1@0-10")
    assert claim_id_for("r1@0-10") != claim_id_for("r1@0-11")
    assert claim_id_for("r1@0-10").startswith("c-") and len(claim_id_for("x")) == 14


def test_statement_joins_its_nearest_earlier_neighbour() -> None:
    g = ClaimGrouper(0.9, 3)
    ids = g.add(unit([1, 0, 0], [0, 1, 0], [1, 0.05, 0], [0, 0, 1]), ["a", "b", "c", "d"])
    assert ids == [claim_id_for("a"), claim_id_for("b"), claim_id_for("a"), claim_id_for("d")]
    assert g.link_similarity[2] > 0.99 and g.link_similarity[0] == 1.0


def test_ties_go_to_the_earliest_claim() -> None:
    g = ClaimGrouper(0.5, 2)
    ids = g.add(unit([1, 0], [0, 1], [1, 1]), ["a", "b", "c"])
    assert ids[2] == claim_id_for("a")


def test_adding_later_never_changes_earlier_ids() -> None:
    g = ClaimGrouper(0.9, 3)
    first = g.add(unit([1, 0, 0], [0, 1, 0]), ["a", "b"])
    g.add(unit([0.99, 0.01, 0], [0, 0, 1]), ["c", "d"])
    assert g.claim_ids[:2] == first
    assert g.claim_ids[2] == first[0]


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 10_000), st.integers(2, 40), st.integers(1, 5))
def test_incremental_equals_batch(seed: int, n: int, parts: int) -> None:
    rng = np.random.default_rng(seed)
    base = rng.standard_normal((4, 8))
    vectors = base[rng.integers(0, 4, n)] + 0.3 * rng.standard_normal((n, 8))
    vectors = (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)
    names = [f"s{i}" for i in range(n)]
    batch = ClaimGrouper(0.8, 8)
    batch.add(vectors, names)
    step = ClaimGrouper(0.8, 8)
    cuts = sorted(set(rng.integers(0, n, parts - 1).tolist()) | {0, n})
    for lo, hi in zip(cuts, cuts[1:]):
        step.add(vectors[lo:hi], names[lo:hi])
    assert step.claim_ids == batch.claim_ids


def test_blocks_larger_than_one_chunk_link_across_the_block_edge() -> None:
    n = 1100  # > 2 internal blocks of 512
    vectors = np.tile(unit([1, 0]), (n, 1))
    g = ClaimGrouper(0.99, 2)
    ids = g.add(vectors, [f"s{i}" for i in range(n)])
    assert set(ids) == {claim_id_for("s0")}
