"""Topics of one meeting: agenda items of a few dozen statements.

On one meeting (two readouts, 15-60 statements) the general path (average
linkage on sentence vectors, modularity cut) splits agenda items by wording
and makes topics of the courtesies. This path, for small inputs only:

1. **Content statements only.** Statements with little content (greetings,
   thanks, "the floor is yours"; :func:`~._meeting.clustered_rows`) are left
   out of the clustering and afterwards take the topic of the content
   statement before them (the first ones: of the first content statement):
   readouts move item by item, so a short line belongs with its neighbour.
2. **How likely two statements share an item**: the learned pair model
   (:mod:`.meeting_pairs`: cosines of the meeting's views, neighbour rank,
   distance in the release, same side or speaker), or, with
   ``pair_model=None`` or without texts, the cosine of the joined view
   (:func:`~._meeting.meeting_vectors`; centred sentence vectors alone
   without texts).
3. **Average linkage** on it, cut at the number of topics with the best
   silhouette (:func:`~._meeting.best_silhouette_cut`; distance 1 - p, or
   Euclidean on the joined view).

Everything is deterministic (no random draw).
"""

from __future__ import annotations

import numpy as np

from ._inputs import Corpus
from ._linkage import similarity_linkage
from ._meeting import best_silhouette_cut, clustered_rows, content_terms, cut_by_silhouette, meeting_vectors
from .meeting_pairs import SameTopicModel, meeting_pairs

__all__ = ["meeting_topics"]


def meeting_topics(corpus: Corpus, pair_model: SameTopicModel | None) -> np.ndarray:
    """Topic of each statement of one meeting (0.., not yet in stable order).

    Parameters
    ----------
    corpus : Corpus
        The meeting's statements in release order (texts, sides and speakers
        are used when present).
    pair_model : SameTopicModel or None
        The same-item probability to cluster on; None: the joined view's cosine.

    Returns
    -------
    ndarray of shape (len(corpus),) of int
    """
    n = len(corpus)
    if corpus.texts is None:
        return cut_by_silhouette(meeting_vectors(corpus.embeddings, None))
    if pair_model is not None:
        pairs = meeting_pairs(corpus.embeddings, corpus.texts, corpus.sides, corpus.speakers)
        rows, found = pairs.rows, np.zeros(len(pairs.rows), dtype=np.intp)
        if not pairs.alike():  # statements no view tells apart are one item, wherever they stand
            similarity = pair_model.similarity(pairs)
            found = best_silhouette_cut(similarity_linkage(similarity), 1.0 - similarity)
    else:
        terms = content_terms(corpus.texts, [*corpus.sides, *corpus.speakers])
        rows = clustered_rows(terms)
        found = cut_by_silhouette(meeting_vectors(corpus.embeddings, terms)[rows])
    labels = np.zeros(n, dtype=np.intp)
    labels[rows] = found
    # light statements follow the content statement before them (the first ones: the first content statement)
    before = np.searchsorted(rows, np.arange(n), side="right") - 1
    placed: np.ndarray = labels[rows[np.maximum(before, 0)]]
    return placed
