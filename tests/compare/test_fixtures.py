"""Gold relation pairs (fixtures/relations/*.json) through the real model and the shipped head."""

import json

import pytest

from claimcmp.compare.classifier import classify_pairs
from claimcmp.compare.text import profile
from claimcmp.embed import BACKENDS, Embedder

from ..conftest import FIXTURES

RELATIONS_DIR = FIXTURES / "relations"


def _pairs():
    pairs = []
    for path in sorted(RELATIONS_DIR.glob("*.json")):
        pairs += json.loads(path.read_text(encoding="utf-8"))["pairs"]
    return pairs


def test_fixture_files_are_well_formed():
    pairs = _pairs()
    assert len(pairs) >= 40
    assert len({p["id"] for p in pairs}) == len(pairs)
    kinds = {p["type"] for p in pairs}
    assert {"paraphrase", "joint_outcome", "denial", "counter_accusation", "opposing_framing", "opposite_stance", "unrelated"} <= kinds
    assert {p["setting"] for p in pairs} == {"same_release", "cross_release"}
    for p in pairs:
        assert p["relation"] in {"agreement", "counter_claim", "unrelated"}
        assert p["split"] in {"dev", "test"}


def test_seed_pairs_are_spans_of_the_seed_release():
    seed = json.loads((RELATIONS_DIR / "opcw_seed.json").read_text(encoding="utf-8"))
    body = (FIXTURES / "opcw_seed.txt").read_text(encoding="utf-8")
    for p in seed["pairs"]:
        for text in (p["a"], p["b"]):
            core = text.split("said: ")[-1]
            assert core in body


@pytest.fixture(scope="module")
def predictions():
    from claimcmp.embed import Embedder

    pairs = _pairs()
    embedder = Embedder()
    a = embedder.encode([p["a"] for p in pairs])
    b = embedder.encode([p["b"] for p in pairs])
    pred = classify_pairs([profile(p["a"]) for p in pairs], [profile(p["b"]) for p in pairs], a, b)
    return pairs, pred


@pytest.mark.slow
def test_seed_pair_is_a_counter_claim(predictions):
    pairs, pred = predictions
    i = next(i for i, p in enumerate(pairs) if p["id"] == "seed-01")
    assert pred.labels[i] == "counter_claim"
    assert pred.probabilities[i, 1] > 0.5
    assert pred.cues[i][0].name == "opposing_actor"


@pytest.mark.slow
def test_counter_claim_precision_and_recall_on_fixtures(predictions):
    pairs, pred = predictions
    labels = pred.labels
    gold = [p["relation"] for p in pairs]
    tp = sum(1 for g, y in zip(gold, labels) if g == y == "counter_claim")
    precision = tp / max(1, labels.count("counter_claim"))
    recall = tp / gold.count("counter_claim")
    # measured 2026-11-29 on all 181 pairs: precision 1.00, recall 0.64. Held-out batches 5 and 6 were
    # written blind by other writers; first scores 1.00 / 0.20 and 0.88 / 0.35.
    # Floors a little below; targets precision >= 0.80, recall >= 0.70 (benchmarks/RESULTS.md)
    assert recall >= 0.58, (precision, recall)
    assert precision >= 0.9, (precision, recall)


@pytest.mark.slow
def test_agreements_are_mostly_found(predictions):
    pairs, pred = predictions
    gold = [p["relation"] for p in pairs]
    found = sum(1 for g, y in zip(gold, pred.labels) if g == y == "agreement")
    assert found / gold.count("agreement") >= 0.6


@pytest.mark.slow
@pytest.mark.parametrize("backend", BACKENDS)
def test_seed_release_end_to_end(backend):
    """Extraction -> compare_sides on the seed, on every shipped embedding backend: the model case comes out
    as a counter-claim."""
    from claimcmp.compare import compare_sides
    from claimcmp.extract import extract_statements
    from claimcmp.ingest import load_releases

    release = load_releases([FIXTURES / "opcw_seed.txt"])[0]
    statements = extract_statements(release)
    result = compare_sides(statements, ("OPCW", "Russia"), embedder=Embedder(backend=backend, use_cache=False))
    hits = [
        r for r in result.counter_claims
        if "grave concern" in r.evidence.a.text and "Ukrainian armed forces" in r.evidence.b.text
    ]
    assert hits, [(r.relation, r.evidence.a.text[:40], r.evidence.b.text[:40]) for r in result.relations]
    rel = hits[0]
    assert rel.cue == "opposing_actor"
    # the other cross-side pairs of the seed share the subject but counter nothing
    assert len(result.counter_claims) == 1, [(r.score, r.evidence.a.text[:40]) for r in result.counter_claims]
    assert rel.evidence.a.release_id == release.id
    assert release.text[rel.evidence.b.start : rel.evidence.b.end] == rel.evidence.b.text
