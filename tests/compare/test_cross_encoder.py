"""The shipped relation cross-encoder (int8 weights, float32 arithmetic) and how classify_pairs uses it."""

import json
import shutil
import subprocess
import sys
from importlib import resources
from pathlib import Path

import numpy as np
import pytest

from claimcmp.compare import OnnxPairClassifier, SideComparer
from claimcmp.compare.classifier import classify_pairs, mix_probabilities
from claimcmp.compare.cross_encoder import SHIPPED_CROSS_ENCODER, default_pair_classifier
from claimcmp.compare.cues import RELATIONS
from claimcmp.compare.text import profile
from claimcmp.errors import ConfigurationError, ModelFileError, ModelNotFoundError

from ..conftest import FakeEmbedder
from .conftest import make_statements, random_head

ROOT = Path(__file__).resolve().parents[2]
SHIPPED_FILE = Path(str(resources.files("claimcmp.compare") / "data" / SHIPPED_CROSS_ENCODER))


@pytest.fixture(scope="module")
def model():
    return default_pair_classifier()


def test_shipped_file_and_card():
    assert SHIPPED_FILE.is_file()
    assert SHIPPED_FILE.stat().st_size <= 25 * 1024 * 1024
    card = json.loads(SHIPPED_FILE.with_suffix(".card.json").read_text(encoding="utf-8"))
    assert card["classes"] == list(RELATIONS)
    assert card["temperature"] > 0
    # trained on train/dev splits only
    assert not any("test" in name for name in card["data_sha256"])
    assert set(card["train_pairs"]) == {"sick", "snli", "argkp"}


def test_negation_is_a_counter_claim_and_a_paraphrase_an_agreement(model):
    # a bi-encoder puts such pairs near cosine 0.9: the cross-encoder reads the "not"
    p = model.predict_proba(
        ["A man is playing a guitar.", "The ministers signed a trade agreement."],
        ["A man is not playing a guitar.", "A trade agreement was signed by the ministers."],
    )
    assert p.shape == (2, 3)
    np.testing.assert_allclose(p.sum(axis=1), 1.0, atol=1e-6)
    assert RELATIONS[int(p[0].argmax())] == "counter_claim"
    assert RELATIONS[int(p[1].argmax())] == "agreement"


def test_logits_keep_the_input_order(model):
    a = ["A man is playing a guitar.", "The talks were constructive.", "Nobody is riding a horse.", "x"]
    b = ["A man is playing an instrument.", "The talks failed.", "A woman is riding a horse.", "y"]
    together = model.logits(a, b)
    one_by_one = np.concatenate([model.logits([x], [y]) for x, y in zip(a, b)])
    # float32 arithmetic, no activation quantisation: a pair's logits do not depend on the other
    # pairs of a batch, its padding or the batch size
    np.testing.assert_allclose(together, one_by_one, atol=1e-5)
    for size in (1, 2, 4):
        np.testing.assert_allclose(model.logits(a[::-1], b[::-1], batch_size=size)[::-1], together, atol=1e-5)
    assert model.logits([], []).shape == (0, 3)
    with pytest.raises(ConfigurationError):
        model.logits(["a"], [])


def test_shipped_model_has_no_integer_kernel(model):
    # u8 x s8 products saturate on AVX2 and not with AVX-512 VNNI: an integer kernel would make the
    # logits depend on the CPU (issue #19). The shipped graph multiplies in float32.
    import onnx

    ops = {node.op_type for node in onnx.load(str(SHIPPED_FILE)).graph.node}
    assert not ops & {"MatMulInteger", "DynamicQuantizeLinear", "ConvInteger", "QLinearMatMul"}
    assert "DequantizeLinear" in ops and "MatMul" in ops
    assert model.quantises_activations is False
    assert SHIPPED_FILE.stat().st_size <= 25 * 1024 * 1024


def test_both_orders_are_combined(model):
    a, b = ["The delegation rejected the proposal."], ["The delegation accepted the proposal."]
    np.testing.assert_allclose(model.predict_proba(a, b), model.predict_proba(b, a), atol=1e-9)


def test_missing_file_and_foreign_card(tmp_path):
    with pytest.raises(ModelNotFoundError, match="does not exist"):
        OnnxPairClassifier(tmp_path / "nope.onnx")
    copy = tmp_path / "other.onnx"
    shutil.copy(SHIPPED_FILE, copy)
    copy.with_suffix(".card.json").write_text(json.dumps({"classes": ["entailment", "neutral", "contradiction"]}))
    with pytest.raises(ModelFileError, match="classes"):
        OnnxPairClassifier(copy)


def test_mix_probabilities_ends():
    h = np.array([[0.2, 0.3, 0.5]])
    c = np.array([[0.7, 0.2, 0.1]])
    np.testing.assert_allclose(mix_probabilities(h, c, 0.0), h)
    np.testing.assert_allclose(mix_probabilities(h, c, 1.0), c)
    mid = mix_probabilities(h, c, 0.5)
    assert abs(mid.sum() - 1) < 1e-12 and mid[0, 0] > h[0, 0]


def _pairs():
    a = ["The sky is blue.", "The ministers signed a trade agreement.", "Fishing quotas were discussed."]
    b = ["The sky is not blue.", "A trade agreement was signed.", "The weather in the capital was cold."]
    emb = FakeEmbedder(64)
    return [profile(t) for t in a], [profile(t) for t in b], emb.encode(a), emb.encode(b)


def test_screen_decides_which_pairs_the_cross_encoder_reads():
    pa, pb, ea, eb = _pairs()
    head = random_head(64)
    every = classify_pairs(pa, pb, ea, eb, head=head, cross_encoder_screen=1.0)
    assert every.cross_encoded is not None and every.cross_encoded.all()
    assert all("head + cross-encoder" in next(c for c in cues if c.name == "model").detail for cues in every.cues)
    none = classify_pairs(pa, pb, ea, eb, head=head, cross_encoder_screen=0.0)
    alone = classify_pairs(pa, pb, ea, eb, head=head, cross_encoder=None)
    assert not none.cross_encoded.any() and alone.cross_encoded is None
    np.testing.assert_allclose(none.probabilities, alone.probabilities)
    assert not np.allclose(every.model_probabilities, alone.model_probabilities)


def test_cross_encoder_needs_texts_and_a_known_name():
    pa, pb, ea, eb = _pairs()
    head = random_head(64)
    with pytest.raises(ConfigurationError, match="not a model"):
        classify_pairs(pa, pb, ea, eb, head=head, cross_encoder="best")
    from dataclasses import replace

    bare = [replace(p, text="") for p in pa]
    with pytest.raises(ConfigurationError, match="texts"):
        classify_pairs(bare, pb, ea, eb, head=head, cross_encoder_screen=1.0)
    given = classify_pairs(bare, pb, ea, eb, head=head, cross_encoder_screen=1.0,
                           texts=(["The sky is blue.", "b", "c"], ["The sky is not blue.", "e", "f"]))
    assert given.cross_encoded.all()


def test_side_comparer_takes_an_onnx_file(tmp_path):
    copy = tmp_path / "mine.onnx"
    shutil.copy(SHIPPED_FILE, copy)
    shutil.copy(SHIPPED_FILE.with_suffix(".card.json"), copy.with_suffix(".card.json"))
    statements = make_statements([("A", "The sky is blue."), ("B", "The sky is not blue.")])
    comparer = SideComparer(("A", "B"), cross_encoder=copy, embedder=FakeEmbedder(64), head=random_head(64), min_cosine=-1)
    assert isinstance(comparer._cross_encoder(), OnnxPairClassifier)
    shipped = SideComparer(("A", "B"), embedder=FakeEmbedder(64), head=random_head(64), min_cosine=-1, include_unrelated=True)
    mine = SideComparer(("A", "B"), cross_encoder=copy, embedder=FakeEmbedder(64), head=random_head(64), min_cosine=-1,
                        include_unrelated=True)
    assert shipped.fit(statements).relations_[0].probabilities == mine.fit(statements).relations_[0].probabilities


@pytest.mark.slow
def test_training_script_smoke_run(tmp_path):
    """The training script end to end on 48 pairs: fine-tune, export, quantise, card; the result loads."""
    out = tmp_path / "ce.onnx"
    run = subprocess.run(
        [sys.executable, str(ROOT / "training" / "train_cross_encoder.py"), "--limit", "48", "--epochs", "1", "--out", str(out)],
        capture_output=True, text=True, timeout=600, check=False,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    card = json.loads(out.with_suffix(".card.json").read_text())
    assert card["settings"]["limit"] == 48 and card["classes"] == list(RELATIONS)
    model = OnnxPairClassifier(out)
    p = model.predict_proba(["a dog runs"], ["a cat sleeps"])
    assert p.shape == (1, 3) and abs(p.sum() - 1) < 1e-6


def test_max_pairs_reads_the_most_similar_first():
    pa, pb, ea, eb = _pairs()
    head = random_head(64)
    pred = classify_pairs(pa, pb, ea, eb, head=head, cross_encoder_screen=1.0, cross_encoder_max_pairs=1)
    assert pred.cross_encoded.sum() == 1
    assert pred.cross_encoded[int(np.argmax(pred.cosine))]
    skipped = [i for i in range(3) if not pred.cross_encoded[i]]
    assert all("not run" in next(c for c in pred.cues[i] if c.name == "model").detail for i in skipped)
    assert not classify_pairs(pa, pb, ea, eb, head=head, cross_encoder_screen=1.0, cross_encoder_max_pairs=0).cross_encoded.any()


@pytest.mark.slow
def test_pipeline_with_the_real_embedder():
    """The issue's example and a framing pair through classify_pairs: embeddings, head, cross-encoder, cues."""
    from claimcmp.embed import Embedder

    a = ["The sky is blue.", "The delegation accepted the proposal.", "The ministers signed a trade agreement."]
    b = ["The sky is not blue.", "The delegation rejected the proposal.", "A trade agreement was signed by the ministers."]
    emb = Embedder()
    pred = classify_pairs([profile(t) for t in a], [profile(t) for t in b], emb.encode(a), emb.encode(b))
    assert pred.labels == ["counter_claim", "counter_claim", "agreement"]
    assert pred.cross_encoded.all()
