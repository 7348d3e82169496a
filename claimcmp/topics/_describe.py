"""Describe clusters as :class:`Topic` records: keywords, label, sides, representatives."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Any

import numpy as np

from ._inputs import Corpus
from ._keywords import default_vectorizer, make_label, topic_keywords
from ._labels import label_stop_words
from ._result import Topic

__all__ = ["describe_topics", "keywords_from_rows", "topic_geometry"]


def topic_geometry(embeddings: np.ndarray, labels: np.ndarray, n_topics: int) -> tuple[np.ndarray, np.ndarray]:
    """Unit centroids (n_topics, dim) and cohesion (n_topics,) of each topic.

    Cohesion is the norm of the members' mean vector: its square is the
    average cosine similarity over all pairs of members (self-pairs
    included), and ``cohesion * cos(x, centroid)`` is the average similarity
    of ``x`` to the members. Topics without members get zeros.
    """
    from scipy import sparse

    onehot = sparse.csr_matrix(
        (np.ones(len(labels)), (labels, np.arange(len(labels)))), shape=(n_topics, len(labels))
    )
    sums = np.asarray(onehot @ embeddings.astype(np.float64))
    counts = np.bincount(labels, minlength=n_topics).astype(np.float64)
    means = sums / np.maximum(counts, 1.0)[:, None]
    cohesion = np.linalg.norm(means, axis=1)
    centroids = means / np.where(cohesion > 0, cohesion, 1.0)[:, None]
    return centroids.astype(np.float32), cohesion


def describe_topics(
    corpus: Corpus,
    labels: np.ndarray,
    topic_ids: list[int],
    centroids: np.ndarray,
    *,
    n_keywords: int = 8,
    n_representatives: int = 3,
    vectorizer: Any = None,
) -> list[Topic]:
    """One :class:`Topic` for each id in ``topic_ids`` (each must have members).

    Parameters
    ----------
    corpus : Corpus
        All statements; keywords weigh each topic against all the others.
    labels : ndarray of shape (len(corpus),)
        Topic id of each statement, ``0 <= id < n_topics``.
    topic_ids : list of int
        The topics to describe.
    centroids : ndarray of shape (n_topics, dim)
        One row per topic id (``n_topics = len(centroids)``).
    """
    n_topics = len(centroids)
    keywords: list[tuple[str, ...]] = [() for _ in range(n_topics)]
    if corpus.texts is not None:
        keywords = topic_keywords(
            corpus.texts, labels, n_topics, n_keywords=n_keywords, vectorizer=_vectorizer(corpus, vectorizer)
        )
    order = np.argsort(labels, kind="stable")
    bounds = np.searchsorted(labels[order], np.arange(n_topics + 1))
    return [
        _one_topic(corpus, int(t), order[bounds[t] : bounds[t + 1]], centroids[t], keywords[t], n_representatives)
        for t in topic_ids
    ]


def _vectorizer(corpus: Corpus, vectorizer: Any) -> Any:
    """The vectorizer given, else the default one without the corpus' names and the label stop words."""
    if vectorizer is not None or corpus.texts is None:
        return vectorizer
    stop = label_stop_words([*corpus.sides, *corpus.speakers], corpus.texts)
    return default_vectorizer(len(corpus.texts), stop_words=stop)


def keywords_from_rows(
    corpus: Corpus, labels: np.ndarray, topics: list[Topic], rows: np.ndarray, *, n_keywords: int = 8,
    vectorizer: Any = None,
) -> list[Topic]:
    """``topics`` with keywords and label drawn from the statements ``rows`` (bool mask) only: a meeting's content
    statements, so the courtesies that follow an item do not name it. A topic with none of those rows keeps its own;
    every other field is unchanged."""
    if corpus.texts is None or not rows.any() or rows.all():
        return list(topics)
    n_topics = int(labels.max()) + 1
    kept = np.flatnonzero(rows)
    keywords = topic_keywords([corpus.texts[i] for i in kept], labels[kept], n_topics, n_keywords=n_keywords,
                              vectorizer=_vectorizer(corpus, vectorizer))
    covered = np.bincount(labels[kept], minlength=n_topics) > 0
    out = []
    for topic in topics:
        words = keywords[topic.id] if covered[topic.id] else ()
        fallback = topic.representatives[0] if topic.representatives else f"topic {topic.id}"
        out.append(replace(topic, keywords=words, label=make_label(words, fallback)) if words else topic)
    return out


def _one_topic(
    corpus: Corpus,
    topic_id: int,
    members: np.ndarray,
    centroid: np.ndarray,
    keywords: tuple[str, ...],
    n_representatives: int,
) -> Topic:
    """The Topic of these member rows: size, side counts, representatives closest to the centroid, label."""
    closeness = corpus.embeddings[members] @ centroid
    ranked = members[np.lexsort((members, -np.round(closeness, 6)))][:n_representatives]
    sides = Counter(corpus.sides[i] for i in members.tolist() if corpus.sides[i] is not None)
    texts = tuple(corpus.texts[i] for i in ranked) if corpus.texts is not None else ()
    return Topic(
        id=topic_id,
        label=make_label(keywords, texts[0] if texts else f"topic {topic_id}"),
        keywords=keywords,
        size=int(len(members)),
        side_counts=dict(sides),
        representative_ids=tuple(corpus.ids[i] for i in ranked),
        representatives=texts,
    )
