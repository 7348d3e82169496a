"""Candidate blocking: which cross-side pairs the classifier looks at.

Never all pairs: for each statement the ``top_k`` most similar statements of
the other side (cosine, in blocks of rows so memory stays bounded), kept when
the cosine reaches ``min_cosine``. With topic labels, pairs inside one topic
get a ``topic_bonus`` in the ranking; pairs across topics may be made to need
``min_cosine + cross_topic_margin``, which is 0 by default: a counter-claim
often frames the same events in other words (the act blamed on another
actor), so its two statements easily land in different topics.
"""

from __future__ import annotations

import numpy as np

from ..errors import ConfigurationError

__all__ = ["candidate_pairs"]


def _top_k_rows(
    emb_a: np.ndarray,
    emb_b: np.ndarray,
    k: int,
    threshold: np.ndarray | float,
    topics_a: np.ndarray | None,
    topics_b: np.ndarray | None,
    topic_bonus: float,
    cross_topic_margin: float,
    block: int,
) -> set[tuple[int, int]]:
    pairs: set[tuple[int, int]] = set()
    k = min(k, emb_b.shape[0])
    for start in range(0, emb_a.shape[0], block):
        sims = emb_a[start : start + block] @ emb_b.T
        rank = sims
        need = np.full(sims.shape, float(np.asarray(threshold)), dtype=np.float32) if np.isscalar(threshold) else None
        if topics_a is not None and topics_b is not None:
            ta = topics_a[start : start + block, None]
            same = (ta == topics_b[None, :]) & (ta >= 0)
            rank = sims + topic_bonus * same
            need = np.where(same, threshold, float(threshold) + cross_topic_margin)
        idx = np.argpartition(-rank, k - 1, axis=1)[:, :k]
        rows = np.arange(idx.shape[0])[:, None]
        ok = sims[rows, idx] >= need[rows, idx]
        for r, c in zip(*np.nonzero(ok), strict=True):
            pairs.add((start + int(r), int(idx[r, c])))
    return pairs


def candidate_pairs(
    emb_a: np.ndarray,
    emb_b: np.ndarray,
    *,
    top_k: int = 5,
    min_cosine: float = 0.3,
    topics_a: np.ndarray | None = None,
    topics_b: np.ndarray | None = None,
    topic_bonus: float = 0.1,
    cross_topic_margin: float = 0.0,
    block: int = 1024,
) -> np.ndarray:
    """Cross-side candidate pairs, top-k in both directions.

    Parameters
    ----------
    emb_a : ndarray of shape (n_a, dim)
    emb_b : ndarray of shape (n_b, dim)
        L2-normalised embeddings of the two sides' statements.
    top_k : int, default=5
        Neighbours kept per statement, in each direction.
    min_cosine : float, default=0.3
    topics_a, topics_b : ndarray of shape (n_a,), (n_b,), optional
        Topic ids (-1 = outlier, never counts as shared).
    topic_bonus : float, default=0.1
    cross_topic_margin : float, default=0.0
    block : int, default=1024
        Rows of the similarity matrix held in memory at once.

    Returns
    -------
    ndarray of shape (n_pairs, 2), int64
        ``(i, j)`` rows: statement i of side A, statement j of side B; sorted.
    """
    if top_k < 1:
        raise ConfigurationError(f"top_k must be >= 1, got {top_k}.", fix="Pass top_k=5.")
    emb_a = np.asarray(emb_a, dtype=np.float32)
    emb_b = np.asarray(emb_b, dtype=np.float32)
    if emb_a.shape[0] == 0 or emb_b.shape[0] == 0:
        return np.zeros((0, 2), dtype=np.int64)
    if (topics_a is None) != (topics_b is None):
        raise ConfigurationError("Pass topic ids for both sides or for neither.", fix="Pass topics_a and topics_b.")
    ta = None if topics_a is None else np.asarray(topics_a)
    tb = None if topics_b is None else np.asarray(topics_b)
    forward = _top_k_rows(emb_a, emb_b, top_k, min_cosine, ta, tb, topic_bonus, cross_topic_margin, block)
    backward = _top_k_rows(emb_b, emb_a, top_k, min_cosine, tb, ta, topic_bonus, cross_topic_margin, block)
    pairs = forward | {(i, j) for j, i in backward}
    if not pairs:
        return np.zeros((0, 2), dtype=np.int64)
    return np.asarray(sorted(pairs), dtype=np.int64)
