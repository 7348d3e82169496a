"""Topics of one meeting: agenda items of a few dozen statements.

On one meeting (two readouts, 15-60 statements) the general path (average
linkage on sentence vectors, modularity cut) sees mostly what every statement
shares: the speakers, the sides, the courtesy of the occasion. Agenda items
then split by wording instead of subject. This path changes the
representation and the cut, for small inputs only:

1. **Centred sentence vectors.** The meeting's mean vector (what all its
   statements share) is removed from each unit vector.
2. **A content-word view.** TF-IDF over each statement's content words,
   fitted on the meeting itself: English function words, reporting verbs,
   titles, boilerplate and the participants' own names and sides
   (:func:`~claimcmp.topics._labels.label_stop_words`) are left out, plurals
   folded. Two statements naming the same subject ("grain", "corridor") are
   close whatever else they say.
3. The two views are joined with equal weight (:data:`TEXT_WEIGHT`) and
   centred again; statements are compared by cosine of the joined vectors.
4. **Statements with little content** (fewer than :data:`MIN_CONTENT_TERMS`
   distinct content words: greetings, thanks, "the floor is yours") are left
   out of the clustering and afterwards take the topic of the content
   statement before them (the first ones: of the first content statement),
   so they neither form topics nor pull items apart.
5. Average linkage over the content statements; the number of topics is the
   cut with the best **silhouette** (Euclidean distances of the joined
   vectors) among 2 .. ``round(1.5 * sqrt(n))`` topics, so a meeting of 50
   statements gets at most 11 topics. One topic when no cut separates
   anything.

Everything is deterministic (no random draw). Used by
:class:`~claimcmp.topics.TopicModel` in automatic mode for inputs of at most
``meeting_max_statements`` statements.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ._inputs import Corpus
from ._labels import label_stop_words
from ._linkage import average_linkage
from ._terms import words

__all__ = [
    "MIN_CONTENT_TERMS", "TEXT_WEIGHT", "content_statements", "content_terms", "meeting_topics", "meeting_vectors",
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


def _tfidf(terms: list[list[str]]) -> np.ndarray:
    """Unit rows of sublinear TF times smoothed IDF over the given texts' terms (zero rows stay zero)."""
    vocab = {t: i for i, t in enumerate(sorted({t for row in terms for t in row}))}
    counts = np.zeros((len(terms), max(1, len(vocab))))
    for row, ts in enumerate(terms):
        for t in ts:
            counts[row, vocab[t]] += 1
    doc_freq = (counts > 0).sum(axis=0)
    idf = np.log((1.0 + len(terms)) / (1.0 + doc_freq)) + 1.0
    weights = np.where(counts > 0, 1.0 + np.log(np.maximum(counts, 1.0)), 0.0) * idf
    return _unit(weights)


def _unit(rows: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    return rows / np.where(norms > 0, norms, 1.0)


def meeting_vectors(embeddings: np.ndarray, terms: list[list[str]] | None) -> np.ndarray:
    """Joined, centred meeting vectors (n, dim [+ vocabulary]): centred sentence vectors and content-word TF-IDF."""
    sentence = _unit(np.asarray(embeddings, dtype=np.float64))
    sentence = _unit(sentence - sentence.mean(axis=0))
    if terms is None:
        return sentence
    joined = np.hstack([np.sqrt(1.0 - TEXT_WEIGHT) * sentence, np.sqrt(TEXT_WEIGHT) * _tfidf(terms)])
    centred: np.ndarray = joined - joined.mean(axis=0)
    return centred


def _with_content(terms: list[list[str]] | None, n: int) -> np.ndarray:
    """Which statements hold at least :data:`MIN_CONTENT_TERMS` distinct content words (all, without texts)."""
    if terms is None:
        return np.ones(n, dtype=bool)
    return np.array([len(set(t)) >= MIN_CONTENT_TERMS for t in terms], dtype=bool)


def content_statements(corpus: Corpus) -> np.ndarray:
    """The meeting's statements with content (not greetings, thanks or "the floor is yours"): the ones whose words
    label the topics, so a topic is not named by the courtesies that follow it, and the ones clustered (all are
    clustered when fewer than three have content)."""
    terms = None if corpus.texts is None else content_terms(corpus.texts, [*corpus.sides, *corpus.speakers])
    return _with_content(terms, len(corpus))


def meeting_topics(corpus: Corpus) -> np.ndarray:
    """Topic of each statement of one meeting (0.., not yet in stable order).

    Parameters
    ----------
    corpus : Corpus
        The meeting's statements (texts, sides and speakers are used when
        present; embeddings alone give the centred-vector view only).

    Returns
    -------
    ndarray of shape (len(corpus),) of int
    """
    n = len(corpus)
    terms = None
    if corpus.texts is not None:
        terms = content_terms(corpus.texts, [*corpus.sides, *corpus.speakers])
    joined = meeting_vectors(corpus.embeddings, terms)
    keep = _with_content(terms, n)
    if keep.sum() < 3:
        keep[:] = True
    rows = np.flatnonzero(keep)
    labels = np.zeros(n, dtype=np.intp)
    labels[rows] = _cut_by_silhouette(joined[rows])
    # light statements follow the content statement before them (the first ones: the first content statement)
    before = np.searchsorted(rows, np.arange(n), side="right") - 1
    return labels[rows[np.maximum(before, 0)]]


def _cut_by_silhouette(vectors: np.ndarray) -> np.ndarray:
    """Average-linkage cut (cosine) with the best silhouette (Euclidean) among 2 .. round(1.5 sqrt(n)) groups."""
    n = len(vectors)
    if n < 3:
        return np.zeros(n, dtype=np.intp)
    tree = average_linkage(_unit(vectors).astype(np.float32))
    counts = list(range(2, max(2, min(n - 1, round(1.5 * np.sqrt(n)))) + 1))
    cuts = tree.cuts(counts)
    squared = np.sum(vectors**2, axis=1)
    distances = np.sqrt(np.clip(squared[:, None] + squared[None, :] - 2.0 * vectors @ vectors.T, 0.0, None))
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
