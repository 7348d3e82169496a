"""Word and bigram counting for topic keywords (no scikit-learn)."""

from __future__ import annotations

import numpy as np
import pytest

from claimcmp.topics import TopicModel
from claimcmp.topics._keywords import topic_keywords
from claimcmp.topics._terms import STOP_WORDS, TermCounter, words
from claimcmp.topics.estimators import unfitted_copy


def test_words_drop_stop_words_numbers_and_single_letters() -> None:
    assert words("The 2 sides of the OPCW met in 2024 x-ray a B") == ["sides", "opcw", "met", "ray"]


def test_counts_words_and_adjacent_pairs_after_stop_words() -> None:
    counter = TermCounter()
    counts = counter.fit_transform(["Chemical weapons and chemical weapons", "the weapons"])
    names = list(counter.get_feature_names_out())
    assert names == sorted(names)
    row = dict(zip(names, counts.toarray()[0], strict=False))
    # "and" is removed before pairing, so "weapons chemical" is a pair too
    assert row == {"chemical": 2, "chemical weapons": 2, "weapons": 2, "weapons chemical": 1}
    assert counts.toarray()[1].tolist() == [0, 0, 1, 0]


def test_min_df_keeps_terms_of_two_texts() -> None:
    counter = TermCounter(min_df=2, bigrams=False)
    counter.fit_transform(["inspection visit", "inspection report", "visit"])
    assert list(counter.get_feature_names_out()) == ["inspection", "visit"]


def test_only_stop_words_is_an_empty_vocabulary() -> None:
    with pytest.raises(ValueError):
        TermCounter().fit_transform(["the and of", "12 34"])
    assert topic_keywords(["the and of"], np.zeros(1, dtype=int), 1) == [()]


def test_stop_words_are_function_words_only() -> None:
    assert {"the", "and", "would", "between"} <= STOP_WORDS
    assert not {"minister", "said", "chemical", "sanctions", "welcomed"} & STOP_WORDS


def test_a_scikit_learn_vectorizer_still_works_and_is_not_fitted_in_place() -> None:
    from sklearn.feature_extraction.text import CountVectorizer

    vec = CountVectorizer()
    texts = ["trade tariffs rise", "trade tariffs fall", "nerve agent found"]
    keywords = topic_keywords(texts, np.array([0, 0, 1]), 2, vectorizer=vec)
    assert "trade" in keywords[0] and "nerve" in keywords[1]
    assert not hasattr(vec, "vocabulary_")


def test_unfitted_copy_copies_nested_estimators_but_not_other_objects() -> None:
    embedder = object()
    inner = TermCounter(min_df=3)
    model = TopicModel(n_topics=4, vectorizer=inner, embedder=embedder)
    model.labels_ = np.zeros(1)
    copy = unfitted_copy(model)
    assert copy is not model and not hasattr(copy, "labels_")
    assert copy.n_topics == 4 and copy.embedder is embedder
    assert copy.vectorizer is not inner and copy.vectorizer.min_df == 3


def test_contractions_leave_no_pieces() -> None:
    text = "We’ve agreed, don't you think? They're here and we'll see Russia's grain exports; I can’t."
    assert words(text) == ["agreed", "think", "see", "russia", "grain", "exports"]
