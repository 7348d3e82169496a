"""Pair features: embedding interactions plus lexical and cue features.

For a pair (a, b) with L2-normalised embeddings ``u``, ``v`` the feature row is
``[u, v, |u - v|, u * v, p, q, p * q, lexical(a, b), alignment(a, b)]`` where
``p`` and ``q`` are the mean static word vectors (:mod:`.wordvec`) of the
content words only ``a`` and only ``b`` contain: ``4 * dim + 3 * word_dim +
len(LEXICAL_FEATURES) + len(ALIGNMENT_FEATURES)`` numbers. Order matters (a is the premise in NLI
terms); callers that want a symmetric relation combine the head's output over both orders
(:func:`~claimcmp.compare.classifier.combine_orders`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from . import _lexicon as lex
from .text import TextProfile
from .wordvec import WordVectors, word_vectors

__all__ = [
    "ALIGNMENT_FEATURES",
    "LEXICAL_FEATURES",
    "feature_width",
    "lexical_features",
    "pair_features",
    "swap_order",
]

#: Word-alignment features: how well the words only one text has are matched in the other.
ALIGNMENT_FEATURES: tuple[str, ...] = ("b_only_align_min", "b_only_align_mean", "a_only_align_min", "a_only_align_mean")

#: Names of the lexical features, in column order.
LEXICAL_FEATURES: tuple[str, ...] = (
    "cosine",
    "jaccard_tokens",
    "jaccard_content",
    "b_content_covered",
    "a_content_covered",
    "log_a_only",
    "log_b_only",
    "neg_a",
    "neg_b",
    "neg_mismatch",
    "neg_abs_diff",
    "number_mismatch",
    "number_one_side",
    "denial_a",
    "denial_b",
    "antonym_pairs",
    "stance_conflict",
    "stance_pos_a",
    "stance_neg_a",
    "stance_pos_b",
    "stance_neg_b",
    "log_len_a",
    "log_len_b",
    "len_ratio",
    "same_actors",
    "agent_swap",
)

_ANTONYM_LOOKUP: dict[str, set[str]] = {}
for _x, _y in lex.ANTONYMS:
    _ANTONYM_LOOKUP.setdefault(_x, set()).add(_y)
    _ANTONYM_LOOKUP.setdefault(_y, set()).add(_x)


def antonym_pairs(a: TextProfile, b: TextProfile) -> list[tuple[str, str]]:
    """Antonym pairs with one word only in ``a`` and the other only in ``b``."""
    a_only = a.content - b.content
    b_only = b.content - a.content
    pairs = []
    for word in sorted(a_only):
        for other in sorted(_ANTONYM_LOOKUP.get(word, ())):
            if other in b_only:
                pairs.append((word, other))
    return pairs


def agent_swap(a: TextProfile, b: TextProfile, *, targets_only: bool = False) -> bool:
    """One text names as doer an actor the other names as place/victim, or as
    doers the two name disjoint actors while sharing an act word.

    ``targets_only`` reads ``TextProfile.targets`` (actors named only as place or
    target; the cues) instead of ``places`` (the trained head's feature)."""
    places_a, places_b = (a.targets, b.targets) if targets_only else (a.places, b.places)
    if (b.agents & places_a) or (a.agents & places_b):
        return True
    return bool(a.agents and b.agents and not (a.agents & b.agents) and (a.blame_acts & b.blame_acts))


def lexical_features(a: TextProfile, b: TextProfile, cosine: float) -> list[float]:
    """The :data:`LEXICAL_FEATURES` of one pair, as a list of floats."""
    ta, tb = set(a.tokens), set(b.tokens)
    union = len(ta | tb) or 1
    cu = len(a.content | b.content) or 1
    shared = len(a.content & b.content)
    neg_a = min(a.n_negations, 3)
    neg_b = min(b.n_negations, 3)
    num_mismatch = float(bool(a.numbers and b.numbers and a.numbers != b.numbers))
    num_one = float(bool(a.numbers) != bool(b.numbers))
    stance_conflict = float(
        bool((a.stance_pos - b.stance_pos) and (b.stance_neg - a.stance_neg))
        or bool((a.stance_neg - b.stance_neg) and (b.stance_pos - a.stance_pos))
    )
    la, lb = len(a.tokens), len(b.tokens)
    return [
        cosine,
        len(ta & tb) / union,
        shared / cu,
        shared / (len(b.content) or 1),
        shared / (len(a.content) or 1),
        math.log1p(len(a.content - b.content)),
        math.log1p(len(b.content - a.content)),
        float(neg_a),
        float(neg_b),
        float((neg_a > 0) != (neg_b > 0)),
        float(abs(neg_a - neg_b)),
        num_mismatch,
        num_one,
        float(bool(a.denials)),
        float(bool(b.denials)),
        float(min(len(antonym_pairs(a, b)), 3)),
        stance_conflict,
        float(bool(a.stance_pos)),
        float(bool(a.stance_neg)),
        float(bool(b.stance_pos)),
        float(bool(b.stance_neg)),
        math.log1p(la),
        math.log1p(lb),
        min(la, lb) / (max(la, lb) or 1),
        float(bool(a.actors) and a.actors == b.actors),
        float(agent_swap(a, b)),
    ]


def _unit_mean(rows: np.ndarray, dim: int) -> np.ndarray:
    if rows.shape[0] == 0:
        return np.zeros(dim, dtype=np.float32)
    vec: np.ndarray = rows.mean(axis=0)
    norm = float(np.linalg.norm(vec))
    return vec / norm if norm else vec


def feature_width(dim: int, word_dim: int = 384) -> int:
    """Width of a feature row for embeddings of size ``dim``."""
    return 4 * dim + 3 * word_dim + len(LEXICAL_FEATURES) + len(ALIGNMENT_FEATURES)


def pair_features(
    profiles_a: Sequence[TextProfile],
    profiles_b: Sequence[TextProfile],
    emb_a: np.ndarray,
    emb_b: np.ndarray,
    word_vecs: WordVectors | None = None,
) -> np.ndarray:
    """Feature matrix for aligned pairs ``(profiles_a[i], profiles_b[i])``.

    Parameters
    ----------
    profiles_a, profiles_b : sequence of TextProfile, length n_pairs
    emb_a, emb_b : ndarray of shape (n_pairs, dim)
        L2-normalised embeddings of the two texts of each pair.
    word_vecs : WordVectors, optional
        Default: the bundled model's (:func:`~.wordvec.word_vectors`).

    Returns
    -------
    ndarray of shape (n_pairs, feature_width(dim)), float32
    """
    wv = word_vecs or word_vectors()
    emb_a = np.asarray(emb_a, dtype=np.float32)
    emb_b = np.asarray(emb_b, dtype=np.float32)
    n, dim = emb_a.shape
    wd = wv.dim
    out = np.empty((n, feature_width(dim, wd)), dtype=np.float32)
    out[:, :dim] = emb_a
    out[:, dim : 2 * dim] = emb_b
    out[:, 2 * dim : 3 * dim] = np.abs(emb_a - emb_b)
    out[:, 3 * dim : 4 * dim] = emb_a * emb_b
    cos = np.einsum("ij,ij->i", emb_a, emb_b)
    base = 4 * dim
    lex_start = base + 3 * wd
    n_lex = len(LEXICAL_FEATURES)
    words_of = _WordMatrices(wv)
    for i in range(n):
        pa, pb = profiles_a[i], profiles_b[i]
        words_a, mat_a = words_of(pa)
        words_b, mat_b = words_of(pb)
        a_only = np.fromiter((w not in pb.content for w in words_a), dtype=bool, count=len(words_a))
        b_only = np.fromiter((w not in pa.content for w in words_b), dtype=bool, count=len(words_b))
        p = _unit_mean(mat_a[a_only], wd)
        q = _unit_mean(mat_b[b_only], wd)
        out[i, base : base + wd] = p
        out[i, base + wd : base + 2 * wd] = q
        out[i, base + 2 * wd : lex_start] = p * q
        out[i, lex_start : lex_start + n_lex] = lexical_features(pa, pb, float(cos[i]))
        out[i, lex_start + n_lex :] = _alignment(mat_a, mat_b, a_only, b_only)
    return out


class _WordMatrices:
    """Each profile's sorted content words and their word vectors, computed once per profile object."""

    def __init__(self, word_vecs: WordVectors) -> None:
        self.word_vecs = word_vecs
        self.matrices: dict[int, tuple[list[str], np.ndarray]] = {}

    def __call__(self, prof: TextProfile) -> tuple[list[str], np.ndarray]:
        hit = self.matrices.get(id(prof))
        if hit is None:
            words = sorted(prof.content)
            wv = self.word_vecs
            mat = np.stack([wv.word(w) for w in words]) if words else np.zeros((0, wv.dim), dtype=np.float32)
            hit = self.matrices[id(prof)] = (words, mat)
        return hit


def _alignment(mat_a: np.ndarray, mat_b: np.ndarray, a_only: np.ndarray, b_only: np.ndarray) -> list[float]:
    """How well each side's own words find a close word in the other text: min and mean best cosine
    of b's own words in a, then of a's own words in b (1.0 when none; 0.0 when one text has no words)."""
    align = [1.0, 1.0, 1.0, 1.0]
    if len(mat_a) and len(mat_b):
        sims = mat_a @ mat_b.T
        if b_only.any():
            best = sims[:, b_only].max(axis=0)
            align[0], align[1] = float(best.min()), float(best.mean())
        if a_only.any():
            best = sims[a_only].max(axis=1)
            align[2], align[3] = float(best.min()), float(best.mean())
    elif len(mat_a) or len(mat_b):
        align = [0.0, 0.0, 0.0, 0.0]
    return align


_SWAPPED_NAMES = {
    "b_content_covered": "a_content_covered", "log_a_only": "log_b_only", "neg_a": "neg_b",
    "denial_a": "denial_b", "stance_pos_a": "stance_pos_b", "stance_neg_a": "stance_neg_b",
    "log_len_a": "log_len_b", "b_only_align_min": "a_only_align_min", "b_only_align_mean": "a_only_align_mean",
}


def swap_order(features: np.ndarray, dim: int, word_dim: int = 384) -> np.ndarray:
    """Features of the reversed pairs (b, a), by permuting the columns of ``features``.

    Equivalent to calling :func:`pair_features` with the two sides swapped, at
    the cost of one column gather.
    """
    names = list(LEXICAL_FEATURES) + list(ALIGNMENT_FEATURES)
    swap = {**_SWAPPED_NAMES, **{v: k for k, v in _SWAPPED_NAMES.items()}}
    tail = [names.index(swap.get(name, name)) for name in names]
    base = 4 * dim + 3 * word_dim
    order = np.concatenate([
        np.arange(dim, 2 * dim), np.arange(0, dim), np.arange(2 * dim, 4 * dim),
        4 * dim + np.arange(word_dim, 2 * word_dim), 4 * dim + np.arange(0, word_dim),
        4 * dim + np.arange(2 * word_dim, 3 * word_dim), base + np.asarray(tail, dtype=np.int64),
    ])
    return features[:, order]
