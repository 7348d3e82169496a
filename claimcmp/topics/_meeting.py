"""Views of one meeting's statements, for its agenda items (:mod:`._agenda`).

On one meeting (two readouts, 15-60 statements) plain sentence vectors see
mostly what every statement shares: the speakers, the sides, the courtesy of
the occasion. These views take that out:

1. **Centred sentence vectors.** The meeting's mean vector (what all its
   statements share) is removed from each unit vector.
2. **A content-word view.** TF-IDF over each statement's content words,
   fitted on the meeting itself: English function words, reporting verbs,
   titles, boilerplate and the participants' own names and sides
   (:func:`~claimcmp.topics._labels.label_stop_words`) are left out, plurals
   folded. Two statements naming the same subject ("grain", "corridor") are
   close whatever else they say.
3. **The joined view**: both with equal weight (:data:`TEXT_WEIGHT`),
   centred again.
4. **Statements with content**: at least :data:`MIN_CONTENT_TERMS` distinct
   content words (not greetings, thanks, "the floor is yours").

Also the cut of an average-linkage tree with the best **silhouette** among
2 .. ``round(1.5 * sqrt(n))`` groups (a meeting of 50 statements gets at most
11 topics; one topic when no cut separates anything).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ._inputs import Corpus
from ._labels import label_stop_words
from ._linkage import LinkageTree, average_linkage
from ._terms import words

__all__ = [
    "MIN_CONTENT_TERMS", "TEXT_WEIGHT", "best_silhouette_cut", "clustered_rows", "content_statements", "content_terms",
    "cut_by_silhouette", "meeting_vectors", "silhouette", "tfidf_rows", "unit_rows", "with_content",
]

#: Weight of the content-word view against the centred sentence vectors (squared-norm share).
TEXT_WEIGHT = 0.5
#: Distinct content words a statement needs to take part in the clustering.
MIN_CONTENT_TERMS = 4


def content_terms(texts: Sequence[str], names: Sequence[str | None] = ()) -> list[list[str]]:
    """Content words of each text: no function words, reporting verbs, titles, boilerplate or names.

    ``names`` are the statements' speakers and sides (their words, and the
    gazetteer aliases of sides, are left out). Plurals are folded
    ("sanctions" -> "sanction", "countries" -> "country").
    """
    stop = label_stop_words(names)
    return [[_singular(w) for w in words(text, stop)] for text in texts]


def _singular(word: str) -> str:
    if len(word) > 5 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def tfidf_rows(terms: list[list[str]]) -> np.ndarray:
    """Unit rows of sublinear TF times smoothed IDF over the given texts' terms (zero rows stay zero)."""
    vocab = {t: i for i, t in enumerate(sorted({t for row in terms for t in row}))}
    counts = np.zeros((len(terms), max(1, len(vocab))))
    for row, ts in enumerate(terms):
        for t in ts:
            counts[row, vocab[t]] += 1
    doc_freq = (counts > 0).sum(axis=0)
    idf = np.log((1.0 + len(terms)) / (1.0 + doc_freq)) + 1.0
    weights = np.where(counts > 0, 1.0 + np.log(np.maximum(counts, 1.0)), 0.0) * idf
    return unit_rows(weights)


def unit_rows(rows: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length (zero rows stay zero)."""
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    return rows / np.where(norms > 0, norms, 1.0)


def meeting_vectors(embeddings: np.ndarray, terms: list[list[str]] | None) -> np.ndarray:
    """Joined, centred meeting vectors (n, dim [+ vocabulary]): centred sentence vectors and content-word TF-IDF."""
    sentence = unit_rows(np.asarray(embeddings, dtype=np.float64))
    sentence = unit_rows(sentence - sentence.mean(axis=0))
    if terms is None:
        return sentence
    joined = np.hstack([np.sqrt(1.0 - TEXT_WEIGHT) * sentence, np.sqrt(TEXT_WEIGHT) * tfidf_rows(terms)])
    centred: np.ndarray = joined - joined.mean(axis=0)
    return centred


def with_content(terms: list[list[str]]) -> np.ndarray:
    """Which statements hold at least :data:`MIN_CONTENT_TERMS` distinct content words."""
    return np.array([len(set(t)) >= MIN_CONTENT_TERMS for t in terms], dtype=bool)


def clustered_rows(terms: list[list[str]]) -> np.ndarray:
    """Indices of the statements a meeting clusters: those with content, or all when fewer than three have it."""
    keep = with_content(terms)
    return np.flatnonzero(keep) if keep.sum() >= 3 else np.arange(len(terms))


def content_statements(corpus: Corpus) -> np.ndarray:
    """The meeting's statements with content (not greetings, thanks or "the floor is yours"): the ones whose words
    label the topics, so a topic is not named by the courtesies that follow it, and the ones clustered (all are
    clustered when fewer than three have content)."""
    if corpus.texts is None:
        return np.ones(len(corpus), dtype=bool)
    return with_content(content_terms(corpus.texts, [*corpus.sides, *corpus.speakers]))


def cut_by_silhouette(vectors: np.ndarray) -> np.ndarray:
    """Average-linkage cut (cosine) with the best silhouette (Euclidean distances) of the rows of ``vectors``."""
    if len(vectors) < 3:
        return np.zeros(len(vectors), dtype=np.intp)
    squared = np.sum(vectors**2, axis=1)
    distances = np.sqrt(np.clip(squared[:, None] + squared[None, :] - 2.0 * vectors @ vectors.T, 0.0, None))
    return best_silhouette_cut(average_linkage(unit_rows(vectors).astype(np.float32)), distances)


def best_silhouette_cut(tree: LinkageTree, distances: np.ndarray) -> np.ndarray:
    """The cut of ``tree`` into 2 .. round(1.5 sqrt(n)) groups with the best silhouette on ``distances``.

    One group when no cut has a positive silhouette (or fewer than three points).
    """
    n = tree.n_cells
    if n < 3:
        return np.zeros(n, dtype=np.intp)
    counts = list(range(2, max(2, min(n - 1, round(1.5 * np.sqrt(n)))) + 1))
    cuts = tree.cuts(counts)
    best, best_score = np.zeros(n, dtype=np.intp), -np.inf
    for k in counts:
        labels = np.asarray(cuts[k], dtype=np.intp)
        score = silhouette(distances, labels)
        if score > best_score + 1e-12:
            best, best_score = labels, score
    return best if best_score > 0 else np.zeros(n, dtype=np.intp)


def silhouette(distances: np.ndarray, labels: np.ndarray) -> float:
    """Mean silhouette of a labelling from a distance matrix (members of one-point groups score 0).

    Written here rather than ``sklearn.metrics.silhouette_score`` (equal to 1e-12, tested) so that topics of one
    meeting import no scikit-learn: a report of a cached analysis stays light."""
    groups, labels = np.unique(labels, return_inverse=True)
    if not 1 < len(groups) < len(labels):
        return -1.0
    onehot = np.eye(len(groups))[labels]
    sizes = onehot.sum(axis=0)
    sums = distances @ onehot
    own = sizes[labels]
    inside = sums[np.arange(len(labels)), labels] / np.maximum(own - 1, 1)
    mean_to = sums / sizes[None, :]
    mean_to[np.arange(len(labels)), labels] = np.inf
    nearest = mean_to.min(axis=1)
    values = np.where(own > 1, (nearest - inside) / np.maximum(np.maximum(nearest, inside), 1e-12), 0.0)
    return float(values.mean())
