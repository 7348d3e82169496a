"""Topic keywords and labels by class-based TF-IDF (c-TF-IDF).

All statements of a topic are treated as one document. A term's weight in a
topic is its frequency there (L1-normalised per topic) times
``log(1 + A / f)``, where ``f`` is the term's frequency over all topics and
``A`` the average number of words per topic: frequent in this topic, rare in
the others. Counting is done by :class:`~claimcmp.topics._terms.TermCounter`
(English stop words removed, words and bigrams) or any scikit-learn vectorizer.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

from ._terms import TermCounter
from .estimators import unfitted_copy

__all__ = ["default_vectorizer", "topic_keywords", "make_label"]


def default_vectorizer(n_texts: int, stop_words: Iterable[str] | None = None) -> TermCounter:
    """Words and bigrams, stop words removed (default: English function words).

    Terms must occur twice in corpora above 5,000 statements, which keeps the
    bigram vocabulary small at 100k statements.
    """
    return TermCounter(min_df=2 if n_texts > 5000 else 1, stop_words=stop_words)


def topic_keywords(
    texts: Sequence[str],
    labels: np.ndarray,
    n_topics: int,
    *,
    n_keywords: int = 8,
    vectorizer: Any = None,
) -> list[tuple[str, ...]]:
    """Top c-TF-IDF terms of each topic.

    Parameters
    ----------
    texts : sequence of str, length n
    labels : ndarray of shape (n,)
        Topic index ``0 <= label < n_topics`` of each text.
    n_topics : int
    n_keywords : int, default=8
    vectorizer : scikit-learn-style vectorizer, optional
        Unfitted; default :func:`default_vectorizer`. It is cloned, never fitted in place.

    Returns
    -------
    list of tuple of str
        One tuple per topic, best term first; a unigram is left out when a
        better-scored bigram already holds it.
    """
    from scipy import sparse

    vec = default_vectorizer(len(texts)) if vectorizer is None else unfitted_copy(vectorizer)
    try:
        counts = vec.fit_transform(list(texts))
    except ValueError:  # empty vocabulary: only stop words / numbers
        return [() for _ in range(n_topics)]
    vocab = np.asarray(vec.get_feature_names_out(), dtype=object)
    labels = np.asarray(labels, dtype=np.intp)
    member = sparse.csr_matrix(
        (np.ones(len(labels)), (labels, np.arange(len(labels)))), shape=(n_topics, len(labels))
    )
    per_topic = _shared_phrases_only(member, counts, vocab)
    term_freq = np.asarray(per_topic.sum(axis=0)).ravel()
    words_per_topic = float(per_topic.sum()) / max(n_topics, 1)
    idf = np.log1p(words_per_topic / np.maximum(term_freq, 1.0))
    row_sums = np.asarray(per_topic.sum(axis=1)).ravel()
    result: list[tuple[str, ...]] = []
    for t in range(n_topics):
        start, end = per_topic.indptr[t], per_topic.indptr[t + 1]
        cols = per_topic.indices[start:end]
        if len(cols) == 0:
            result.append(())
            continue
        scores = per_topic.data[start:end] / row_sums[t] * idf[cols]
        # best first; ties by term, so the order never depends on the vocabulary layout
        order = sorted(range(len(cols)), key=lambda i: (-round(scores[i], 12), vocab[cols[i]]))
        result.append(_pick(vocab[cols[order]], n_keywords))
    return result


def _shared_phrases_only(member: Any, counts: Any, vocab: np.ndarray) -> Any:
    """Term counts per topic (CSR, topics x terms); a bigram counts only where 2+ of the topic's statements use it."""
    from scipy import sparse

    per_topic = (member @ counts).tocsr().astype(np.float64)
    is_bigram = np.char.count(vocab.astype(str), " ") > 0
    if is_bigram.any():
        present = counts.copy()
        present.data[:] = 1
        doc_freq = (member @ present).tocsr()
        lone = doc_freq.multiply(sparse.csr_matrix(is_bigram.astype(np.float64))).tocsr()
        lone.data = (lone.data < 2).astype(np.float64)
        per_topic = (per_topic - per_topic.multiply(lone)).tocsr()
        per_topic.eliminate_zeros()
    return per_topic


def _pick(ranked: np.ndarray, n_keywords: int) -> tuple[str, ...]:
    chosen: list[str] = []
    covered: set[str] = set()
    for term in ranked[: n_keywords * 4]:
        words = term.split()
        if len(words) == 1 and term in covered:
            continue
        if len(words) > 1 and all(w in chosen for w in words):
            # the bigram says more than its two words apart: replace them
            chosen = [c for c in chosen if c not in words]
        chosen.append(term)
        covered.update(words)
        if len(chosen) == n_keywords:
            break
    return tuple(chosen)


def make_label(keywords: Sequence[str], fallback_text: str, *, n_terms: int = 3) -> str:
    """A readable label: top keywords that share no word, joined; or the start of a text."""
    picked: list[str] = []
    used: set[str] = set()
    for term in keywords:
        words = set(term.split())
        if words & used:
            continue
        picked.append(term)
        used |= words
        if len(picked) == n_terms:
            break
    if picked:
        return ", ".join(picked)
    fallback_words = fallback_text.split()
    short = " ".join(fallback_words[:6])
    return short + ("…" if len(fallback_words) > 6 else "")
