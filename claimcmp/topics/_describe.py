"""Describe clusters as :class:`Topic` records: keywords, label, sides, representatives."""

from __future__ import annotations

from collections import Counter
from typing import Any

import numpy as np

from ._inputs import Corpus
from ._keywords import default_vectorizer, make_label, topic_keywords
from ._labels import label_stop_words
from ._result import Topic

__all__ = ["describe_topics", "topic_geometry"]


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
    keyword_rows: np.ndarray | None = None,
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
    keyword_rows : ndarray of bool, shape (len(corpus),), optional
        The statements whose words make the keywords (a meeting's content statements, not its courtesies); a
        topic with none of them takes its keywords from all its statements. Default: every statement.
    """
    n_topics = len(centroids)
    keywords: list[tuple[str, ...]] = [() for _ in range(n_topics)]
    if corpus.texts is not None:
        if vectorizer is None:
            stop = label_stop_words([*corpus.sides, *corpus.speakers], corpus.texts)
            vectorizer = default_vectorizer(len(corpus.texts), stop_words=stop)
        keywords = topic_keywords(
            corpus.texts, labels, n_topics, n_keywords=n_keywords, vectorizer=vectorizer
        )
        if keyword_rows is not None and keyword_rows.any() and not keyword_rows.all():
            rows = np.flatnonzero(keyword_rows)
            kept = topic_keywords(
                [corpus.texts[i] for i in rows], labels[rows], n_topics, n_keywords=n_keywords, vectorizer=vectorizer
            )
            covered = np.bincount(labels[rows], minlength=n_topics) > 0
            keywords = [kept[t] if covered[t] and kept[t] else keywords[t] for t in range(n_topics)]
    order = np.argsort(labels, kind="stable")
    bounds = np.searchsorted(labels[order], np.arange(n_topics + 1))
    return [
        _one_topic(corpus, int(t), order[bounds[t] : bounds[t + 1]], centroids[t], keywords[t], n_representatives)
        for t in topic_ids
    ]


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
