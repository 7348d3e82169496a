"""The learned same-agenda-item probability of the meeting path (claimcmp.topics.meeting_pairs)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from claimcmp.errors import ConfigurationError, ModelFileError
from claimcmp.topics import TopicModel
from claimcmp.topics.meeting_pairs import (
    PAIR_FEATURES,
    SHIPPED_MEETING_PAIRS,
    SameTopicModel,
    meeting_pairs,
    shipped_same_topic_model,
)

from .conftest import WordHashEmbedder
from .test_meeting import ITEMS, item_rows, meeting

COLUMN = {name: i for i, name in enumerate(PAIR_FEATURES)}


def _pairs_of(statements):
    texts = [s.text for s in statements]
    vectors = WordHashEmbedder().encode(texts)
    return meeting_pairs(vectors, texts, [s.side for s in statements], [s.speaker for s in statements])


def test_pairs_cover_the_content_statements_only():
    statements = meeting()
    pairs = _pairs_of(statements)
    assert pairs.rows.tolist() == [row for rows in item_rows() for row in rows]  # the courtesy lines are left out
    m = len(pairs.rows)
    assert pairs.features.shape == (m * (m - 1) // 2, len(PAIR_FEATURES))
    assert np.all(pairs.left < pairs.right)
    gap = pairs.right - pairs.left
    assert np.array_equal(pairs.features[:, COLUMN["adjacent"]], (gap == 1).astype(float))
    assert np.allclose(pairs.features[:, COLUMN["log_gap"]], np.log1p(gap))
    rank = pairs.features[:, COLUMN["neighbour_rank"]]
    assert rank.min() == 0.0 and rank.max() <= 1.0


def test_same_side_and_speaker_need_both_known():
    statements = meeting()[1:4]
    texts = [s.text for s in statements]
    vectors = WordHashEmbedder().encode(texts)
    known = meeting_pairs(vectors, texts, ["A", "A", "B"], ["x", "x", "y"])
    unknown = meeting_pairs(vectors, texts, [None, None, None], [])
    assert known.features[:, COLUMN["same_side"]].tolist() == [1.0, 0.0, 0.0]
    assert known.features[:, COLUMN["same_speaker"]].tolist() == [1.0, 0.0, 0.0]
    assert unknown.features[:, COLUMN["same_side"]].tolist() == [0.0, 0.0, 0.0]
    assert unknown.features[:, COLUMN["same_speaker"]].tolist() == [0.0, 0.0, 0.0]


def test_shipped_model_rates_pairs_of_one_item_above_pairs_of_two():
    statements = meeting()
    pairs = _pairs_of(statements)
    p = shipped_same_topic_model().probabilities(pairs)
    assert np.all((p > 0) & (p < 1))
    item_of = {row: item for item, rows in enumerate(item_rows()) for row in rows}
    a, b = pairs.rows[pairs.left], pairs.rows[pairs.right]
    same = np.array([item_of[i] == item_of[j] for i, j in zip(a, b, strict=True)])
    assert p[same].mean() > p[~same].mean() + 0.1


def test_shipped_card_names_only_scored_splits():
    card = json.loads(SHIPPED_MEETING_PAIRS.with_suffix(".card.json").read_text())
    assert card["features"] == list(PAIR_FEATURES)
    gold = Path(__file__).resolve().parents[2] / "benchmarks" / "gold_real"
    split = json.loads((gold / "split.json").read_text())
    scored = {"dev", "test"} | {name for name in set(split.values()) if (gold / f"{name}_score.json").exists()}
    assert set(card["splits"]) <= scored  # a split joins only after its first untouched score
    # retrained once test17 had its first score (2026-12-07, tenth session)
    assert {"dev", "test14", "test15", "test16", "test17"} <= set(card["splits"])
    assert "test18" not in card["splits"]  # drawn after that retraining, untouched
    draws = card["cross_validation"]["draws"]
    assert draws and all(d["gain_90"][0] > 0 for d in draws)


def test_save_and_load_give_the_same_probabilities(tmp_path):
    pairs = _pairs_of(meeting())
    model = shipped_same_topic_model()
    model.save(tmp_path / "m.npz")
    again = SameTopicModel.load(tmp_path / "m.npz")
    assert np.array_equal(again.probabilities(pairs), model.probabilities(pairs))
    assert again.card == model.card


def test_a_file_with_other_features_or_none_is_a_model_file_error(tmp_path):
    with pytest.raises(ModelFileError, match="Cannot read"):
        SameTopicModel.load(tmp_path / "missing.npz")
    np.savez(tmp_path / "old.npz", features=np.array(["cosine"]), mean=np.zeros(1), scale=np.ones(1),
             coef=np.ones(1), intercept=np.zeros(1))
    with pytest.raises(ModelFileError, match="other features"):
        SameTopicModel.load(tmp_path / "old.npz")


def test_topic_model_takes_the_pair_model_by_name_object_path_or_none(tmp_path):
    statements = meeting()
    shipped_same_topic_model().save(tmp_path / "copy.npz")
    fitted = {
        repr(choice): TopicModel(embedder=WordHashEmbedder(), meeting_pair_model=choice).fit(statements).labels_
        for choice in ("shipped", shipped_same_topic_model(), str(tmp_path / "copy.npz"), None)
    }
    learned = fitted[repr("shipped")]
    assert all(np.array_equal(labels, learned) for key, labels in fitted.items() if key != "None")
    for labels in fitted.values():  # both paths find the three items, one topic each
        assert all(len(set(labels[rows].tolist())) == 1 for rows in item_rows())
        assert len({int(labels[rows[0]]) for rows in item_rows()}) == len(ITEMS)
    with pytest.raises(ConfigurationError, match="meeting_pair_model"):
        TopicModel(embedder=WordHashEmbedder(), meeting_pair_model="best").fit(statements)


def test_clone_keeps_the_pair_model():
    from sklearn.base import clone

    model = TopicModel(meeting_pair_model=None)
    assert clone(model).get_params()["meeting_pair_model"] is None
    assert TopicModel().get_params()["meeting_pair_model"] == "shipped"
