import numpy as np
import pytest

from claimcmp.compare import CrossEncoderScorer, SideComparer, SideComparison, compare_sides
from claimcmp.errors import ConfigurationError, NotFittedError

from ..conftest import FakeEmbedder
from .conftest import SEED_A, SEED_B, make_statements, random_head

ITEMS = [
    ("A", SEED_A),
    ("A", "The two sides signed an agreement on grain exports."),
    ("A", "The Director-General briefed the delegation on the ChemTech Centre."),
    ("B", SEED_B),
    ("B", "An agreement on grain exports was signed by both sides."),
    ("B", "The Minister raised the fishing quota dispute in the northern sea."),
    ("joint", "The meeting took place in The Hague."),
]


@pytest.fixture
def statements():
    return make_statements(ITEMS)


def test_compare_sides_returns_relations_with_evidence(statements):
    head = random_head(64)
    result = compare_sides(statements, ("A", "B"), embedder=FakeEmbedder(64), head=head, min_cosine=-1.0, include_unrelated=True)
    assert isinstance(result, SideComparison)
    assert result.n_statements == {"A": 3, "B": 3}
    assert 0 < result.n_candidates <= 9
    for rel in result.relations:
        assert rel.evidence.a.side == "A" and rel.evidence.b.side == "B"
        assert abs(sum(rel.probabilities.values()) - 1) < 1e-5
        assert rel.score == max(rel.probabilities.values())
        assert rel.evidence.cues
        assert rel.evidence.a.text in {t for _, t in ITEMS}


def test_seed_pair_cue_turns_it_into_counter_claim(statements):
    # a head that says "unrelated" to everything: only the cue can make it a counter-claim
    from claimcmp.compare.head import RelationHead

    head = random_head(64)
    nli = head.components["nli"]
    last = np.zeros_like(nli.weights[1])  # output = bias only: "unrelated" at p=0.79 for every pair
    biased = RelationHead(nli.mean, nli.scale, (nli.weights[0], last), (nli.biases[0], np.array([0.0, 0.0, 2.0], dtype=np.float32)),
                          1.0, head.classes, head.match_coef)
    emb = FakeEmbedder(64).encode([s.text for s in statements])
    comparer = SideComparer(("A", "B"), head=biased, min_cosine=-1.0).fit(statements, embeddings=emb)
    seed = [r for r in comparer.relations_ if r.evidence.a.text == SEED_A and r.evidence.b.text == SEED_B]
    assert seed and seed[0].relation == "counter_claim"
    assert seed[0].cue == "opposing_actor"


def test_a_one_sided_topic_leaves_out_the_statements_the_other_side_answered(statements):
    """The seed's counter-claim links A's statement to B's: B spoke to those two, not to the rest of their topics."""
    from claimcmp.compare.head import RelationHead
    from claimcmp.compare.sides import _one_sided
    from claimcmp.compare.topics import one_sided_topics

    head = random_head(64)
    nli = head.components["nli"]
    last = np.zeros_like(nli.weights[1])  # "unrelated" for every pair: only cues relate a pair
    biased = RelationHead(nli.mean, nli.scale, (nli.weights[0], last), (nli.biases[0], np.array([0.0, 0.0, 2.0], dtype=np.float32)),
                          1.0, head.classes, head.match_coef)
    vectors = FakeEmbedder(64).encode([s.text for s in statements])
    relations = compare_sides(statements, ("A", "B"), embeddings=vectors, head=biased, min_cosine=-1.0).relations
    assert {(r.evidence.a.text, r.evidence.b.text) for r in relations if r.relation == "counter_claim"} == {(SEED_A, SEED_B)}
    topics = np.array([0, 1, 0, 2, 1, 3, 4])  # A's seed line with the ChemTech line; B's seed line alone; grain shared
    ids, sides, texts = [s.id for s in statements], [s.side for s in statements], [s.text for s in statements]
    # membership only (no vectors), to see the relations' part alone
    before = {t.topic: t.statement_ids for t in one_sided_topics(topics, sides, ids, texts, ("A", "B"))}
    assert before[0] == (ids[0], ids[2]) and before[2] == (ids[3],)
    after = {t.topic: t.statement_ids for t in _one_sided(list(statements), ("A", "B"), (topics, {}), None, relations)}
    assert after[0] == (ids[2],)  # the ChemTech line: B said nothing on it
    assert 2 not in after  # B's seed line is all of its topic, and A countered it
    assert after[3] == before[3] == (ids[5],)  # the fishing topic is untouched


def test_one_sided_topics_with_given_topics(statements):
    topics = [0, 1, 2, 0, 1, 3, 4]
    vectors = np.eye(64, dtype=np.float32)[topics]  # statements of a topic share a direction, topics are apart
    result = compare_sides(statements, ("A", "B"), embeddings=vectors, head=random_head(64), topics=topics)
    assert {(t.topic, t.side) for t in result.one_sided_topics} == {(2, "A"), (3, "B")}
    same = [r for r in result.relations if r.topic is not None]
    assert all(r.topic in (0, 1) for r in same)


def test_fitted_topic_model_object_accepted(statements):
    class Topic:
        def __init__(self, id, label):
            self.id, self.label = id, label

    class Model:
        labels_ = np.array([0, 1, 2, 0, 1, 3, -1])
        topics_ = [Topic(2, "chemtech centre"), Topic(3, "fishing quotas")]

    vectors = np.eye(64, dtype=np.float32)[[0, 1, 2, 0, 1, 3, 4]]
    result = compare_sides(statements, ("A", "B"), embeddings=vectors, head=random_head(64), topics=Model())
    assert {t.label for t in result.one_sided_topics} == {"chemtech centre", "fishing quotas"}


def test_round_trip(statements):
    result = compare_sides(statements, ("A", "B"), embedder=FakeEmbedder(64), head=random_head(64), include_unrelated=True, min_cosine=-1)
    assert SideComparison.from_dict(result.to_dict()) == result


def test_deterministic(statements):
    kw = dict(embedder=FakeEmbedder(64), head=random_head(64), include_unrelated=True, min_cosine=-1)
    assert compare_sides(statements, **kw).to_dict() == compare_sides(statements, **kw).to_dict()


def test_combined_is_the_rules_alone_on_vectors_the_learned_comparer_cannot_read(statements):
    kw = dict(embedder=FakeEmbedder(64), head=random_head(64), include_unrelated=True, min_cosine=-1)
    combined = compare_sides(statements, **kw)  # the default comparer
    rules = compare_sides(statements, comparer="rules", **kw)
    assert combined.to_dict() == rules.to_dict() and rules.relations


def test_combined_adds_the_learned_comparers_relations_and_keeps_the_rules(statements):
    from claimcmp.compare.learned import default_learned_comparer

    dim = default_learned_comparer().embedding_dim
    kw = dict(embedder=FakeEmbedder(dim), include_unrelated=True, min_cosine=-1)
    rules = {(r.evidence.a.id, r.evidence.b.id): r.relation for r in compare_sides(statements, comparer="rules", **kw).relations}
    learned = {(r.evidence.a.id, r.evidence.b.id): r.relation for r in compare_sides(statements, comparer="learned", **kw).relations}
    combined = {(r.evidence.a.id, r.evidence.b.id): r.relation for r in compare_sides(statements, **kw).relations}
    assert set(combined) == set(rules) | set(learned)
    for pair, label in combined.items():
        if learned.get(pair, "unrelated") != "unrelated":
            assert label == learned[pair]
        elif rules.get(pair) == "counter_claim":  # kept, or dropped where the learned one finds it unlikely
            assert label in ("counter_claim", "unrelated")
        else:
            assert label == rules.get(pair, "unrelated")


def test_cross_encoder_slot_with_loaded_object(statements):
    class FakeCE:
        def predict(self, pairs, batch_size=32):
            # columns: contradiction, entailment, neutral -> always "entailment"
            return np.tile([0.0, 5.0, 0.0], (len(pairs), 1))

    result = compare_sides(statements, ("A", "B"), embedder=FakeEmbedder(64), head=random_head(64), min_cosine=-1,
                           use_cues=False, cross_encoder=CrossEncoderScorer(FakeCE(), label_order=["contradiction", "entailment", "neutral"]))
    assert result.relations and all(r.relation == "agreement" for r in result.relations)


def test_missing_cross_encoder_folder(tmp_path, statements):
    from claimcmp.errors import ModelNotFoundError

    with pytest.raises(ModelNotFoundError):
        compare_sides(statements, embedder=FakeEmbedder(64), head=random_head(64), min_cosine=-1, cross_encoder=tmp_path / "nope")


def test_errors(statements):
    with pytest.raises(ConfigurationError, match="Unknown option"):
        compare_sides(statements, topk=3)
    with pytest.raises(ConfigurationError):
        compare_sides(statements, ("A", "A"), embedder=FakeEmbedder(64))
    with pytest.raises(ConfigurationError):
        compare_sides(statements, embeddings=np.zeros((2, 64)), head=random_head(64))
    with pytest.raises(ConfigurationError):
        compare_sides(statements, embedder=FakeEmbedder(64), head=random_head(64), topics=[0, 1])
    with pytest.raises(NotFittedError):
        SideComparer().result()


def test_no_statements_of_one_side(statements):
    only_a = [s for s in statements if s.side == "A"]
    result = compare_sides(only_a, embedder=FakeEmbedder(64), head=random_head(64))
    assert result.relations == () and result.n_candidates == 0


def _two_readouts():
    a = make_statements([
        ("A", "The Minister raised the fishing quota dispute."),
        ("A", "The Minister welcomed the new ferry line."),
        ("joint", "The two sides agreed to meet again in Geneva in July."),
        ("B", "The Deputy Minister agreed to meet again in Geneva."),
    ], release_id="readout-a")
    b = make_statements([
        ("B", "The Deputy Minister spoke about the fishing quota."),
        ("joint", "The sides agreed to hold their next meeting in Geneva in July."),
    ], release_id="readout-b")
    return a + b


def test_joint_statements_count_for_the_side_whose_readout_reports_them():
    from claimcmp.compare.sides import reporting_sides

    statements = _two_readouts()
    assert reporting_sides(statements, ("A", "B")) == ["A", "A", "A", "B", "B", "B"]
    tied = make_statements([("A", "x."), ("B", "y."), ("joint", "z."), ("C", "w.")])
    assert reporting_sides(tied, ("A", "B")) == ["A", "B", None, None]
    # the release's issuer, when known, decides over the count
    assert reporting_sides(statements, ("A", "B"), {"readout-a": "B"})[2] == "B"
    assert reporting_sides(tied, ("A", "B"), {"r1": "B"})[2] == "B"
    assert reporting_sides(tied, ("A", "B"), {"r1": "Ruritania"})[2] is None


def test_joint_outcomes_of_two_readouts_are_compared_across_releases_only():
    statements = _two_readouts()
    result = compare_sides(statements, ("A", "B"), embedder=FakeEmbedder(64), head=random_head(64),
                           cross_encoder=None, min_cosine=-1.0, include_unrelated=True)
    pairs = {(r.evidence.a.text, r.evidence.b.text) for r in result.relations}
    joint_a, joint_b = statements[2].text, statements[5].text
    assert (joint_a, joint_b) in pairs
    assert (joint_a, statements[4].text) in pairs
    assert (joint_a, statements[3].text) not in pairs  # a joint line is not set against its own release
    assert all(r.evidence.a.release_id != r.evidence.b.release_id or "joint" not in (r.evidence.a.side, r.evidence.b.side)
               for r in result.relations)
    assert result.n_statements == {"A": 3, "B": 3}


def test_a_topic_the_other_side_spoke_to_is_not_one_sided():
    from claimcmp.compare.topics import answered_topics, one_sided_topics

    # A: grain (topic 0), ports (topic 1), museum (topic 2); B: grain, ports in other words, fishing
    vectors = np.array([[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [1, 0, 0, 0], [0, 0.9, 0, 0.44], [0, 0, 0.2, 0.98]],
                       dtype=np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    sides = ["A", "A", "A", "B", "B", "B"]
    labels = np.array([0, 1, 2, 0, 3, 4])  # B's ports statement landed in a topic of its own
    # both ways: B's grain and ports statements point at A's topics 0 and 1, A's at B's topics 0 and 3; the
    # museum and fishing statements match the other side least and point at nothing
    assert answered_topics(labels, sides, ("A", "B"), vectors) == {0, 1, 3}
    ids, texts = [f"s{i}" for i in range(6)], ["text"] * 6
    claims = one_sided_topics(labels, sides, ids, texts, ("A", "B"), None, vectors)
    assert {(c.topic, c.side) for c in claims} == {(2, "A"), (4, "B")}
    # without the vectors, the ports topic of A counts as one-sided: B said nothing in its words
    assert (1, "A") in {(c.topic, c.side) for c in one_sided_topics(labels, sides, ids, texts, ("A", "B"))}


def test_a_meeting_is_compared_pair_by_pair_with_no_cosine_gate(statements):
    from claimcmp.compare.sides import EXHAUSTIVE_PAIRS

    vectors = np.eye(64, dtype=np.float32)[[0, 1, 2, 3, 4, 5, 6]]  # every pair at cosine 0, below min_cosine 0.3
    comparer = SideComparer(("A", "B"), head=random_head(64), cross_encoder=None).fit(statements, embeddings=vectors)
    assert comparer.candidates_.shape[0] == 3 * 3 <= EXHAUSTIVE_PAIRS  # no gold pair of a meeting lost to blocking
    rng = np.random.default_rng(0)
    many = [s for s in statements if s.side in ("A", "B")] * 40  # 120 x 120 pairs: past the exhaustive size
    big = rng.standard_normal((len(many), 64)).astype(np.float32)
    big /= np.linalg.norm(big, axis=1, keepdims=True)
    assert (len(many) // 2) ** 2 > EXHAUSTIVE_PAIRS
    wide = SideComparer(("A", "B"), head=random_head(64), cross_encoder=None, use_cues=False).fit(many, embeddings=big)
    assert 0 < wide.candidates_.shape[0] <= 2 * 5 * (len(many) // 2)  # top 5 each way above it
