import json

import numpy as np
import pytest

from claimcmp.compare.features import feature_width
from claimcmp.compare.head import RelationHead, default_head
from claimcmp.errors import ConfigurationError, ModelFileError, ShapeMismatchError

from .conftest import random_head


def test_probabilities_sum_to_one(small_head):
    x = np.random.default_rng(1).standard_normal((5, small_head.n_features)).astype(np.float32)
    p = small_head.predict_proba(x)
    assert p.shape == (5, 3)
    np.testing.assert_allclose(p.sum(axis=1), 1.0, rtol=1e-5)
    s = small_head.match_score(x)
    assert s.shape == (5,) and ((s > 0) & (s < 1)).all()


def test_temperature_flattens(small_head):
    x = np.random.default_rng(2).standard_normal((20, small_head.n_features)).astype(np.float32)
    mlp = small_head.components["nli"]
    hot = mlp.with_temperature(5 * mlp.temperature)
    assert hot.own_proba(x).max(axis=1).mean() < mlp.own_proba(x).max(axis=1).mean()


def test_mixture_is_between_components(small_head):
    x = np.random.default_rng(4).standard_normal((50, small_head.n_features)).astype(np.float32)
    mixed = small_head.predict_proba(x)
    one = small_head.component_proba("nli", x)
    two = small_head.component_proba("argument", x)
    np.testing.assert_allclose(mixed.sum(axis=1), 1.0, rtol=1e-5)
    lo = np.minimum(one, two).min()
    assert mixed.min() >= lo - 1e-6
    with pytest.raises(ConfigurationError):
        small_head.component_proba("nope", x)


def test_save_load_round_trip(tmp_path, small_head):
    path = tmp_path / "h.npz"
    small_head.save(path)
    back = RelationHead.load(path)
    x = np.random.default_rng(3).standard_normal((4, small_head.n_features)).astype(np.float32)
    # weights are stored as float16
    np.testing.assert_allclose(back.predict_proba(x), small_head.predict_proba(x), atol=2e-3)
    np.testing.assert_allclose(back.match_score(x), small_head.match_score(x), rtol=1e-5)
    assert back.classes == small_head.classes and back.model_card == {"name": "test"}


def test_wrong_width_raises(small_head):
    with pytest.raises(ShapeMismatchError, match="width"):
        small_head.predict_proba(np.zeros((2, 7)))


def test_unreadable_file_raises(tmp_path):
    bad = tmp_path / "bad.npz"
    bad.write_text("not a zip")
    with pytest.raises(ModelFileError):
        RelationHead.load(bad)


def test_head_without_match_scorer_raises():
    head = random_head(4)
    plain = RelationHead(head.mean, head.scale, head.weights, head.biases, 1.0, head.classes)
    with pytest.raises(ModelFileError):
        plain.match_score(np.zeros((1, head.n_features)))


def test_shipped_head_is_small_and_documented():
    from importlib import resources

    head = default_head()
    assert head.n_features == feature_width(384)
    assert head.classes == ("agreement", "counter_claim", "unrelated")
    card = head.model_card
    assert card["test_splits_used"] is False
    assert set(card["data_sha256"]) and all(len(h) == 64 for h in card["data_sha256"].values())
    with resources.as_file(resources.files("claimcmp.compare") / "data" / "relation_head.npz") as path:
        size = path.stat().st_size
    assert size < 8_000_000
    json.dumps(card)


def test_save_is_byte_stable(tmp_path, small_head):
    """Equal heads give equal files (fixed member order and timestamps), so retraining can be checked by hash."""
    import zipfile

    first, second = tmp_path / "a.npz", tmp_path / "b.npz"
    small_head.save(first)
    small_head.save(second)
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_shipped_head_is_one_model_trained_on_default_backend_vectors():
    head = default_head()
    card = head.model_card
    assert list(head.components) == ["relation"] and not head.mix
    assert card["embedding_backend"] == "onnx"
    assert {"sick_dev_accuracy", "snli_dev_accuracy", "argkp_dev_accuracy"} <= set(card["dev_scores"])
    assert "train_seconds" not in card  # the card holds nothing that changes between identical runs
