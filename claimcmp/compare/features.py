"""Pair features: embedding interactions plus lexical and cue features.

For a pair (a, b) with L2-normalised embeddings ``u``, ``v`` the feature row is
``[u, v, |u - v|, u * v, lexical(a, b)]``: ``4 * dim + len(LEXICAL_FEATURES)``
numbers. Order matters (a is the premise in NLI terms); callers that want a
symmetric relation average the head's output over both orders.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from . import _lexicon as lex
from .text import TextProfile

__all__ = ["LEXICAL_FEATURES", "lexical_features", "pair_features"]

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


def agent_swap(a: TextProfile, b: TextProfile) -> bool:
    """One text names as doer an actor the other names as place/victim, or as
    doers the two name disjoint actors while sharing an act word."""
    if (b.agents & a.places) or (a.agents & b.places):
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


def pair_features(
    profiles_a: Sequence[TextProfile],
    profiles_b: Sequence[TextProfile],
    emb_a: np.ndarray,
    emb_b: np.ndarray,
) -> np.ndarray:
    """Feature matrix for aligned pairs ``(profiles_a[i], profiles_b[i])``.

    Parameters
    ----------
    profiles_a, profiles_b : sequence of TextProfile, length n_pairs
    emb_a, emb_b : ndarray of shape (n_pairs, dim)
        L2-normalised embeddings of the two texts of each pair.

    Returns
    -------
    ndarray of shape (n_pairs, 4 * dim + len(LEXICAL_FEATURES)), float32
    """
    emb_a = np.asarray(emb_a, dtype=np.float32)
    emb_b = np.asarray(emb_b, dtype=np.float32)
    n, dim = emb_a.shape
    out = np.empty((n, 4 * dim + len(LEXICAL_FEATURES)), dtype=np.float32)
    out[:, :dim] = emb_a
    out[:, dim : 2 * dim] = emb_b
    out[:, 2 * dim : 3 * dim] = np.abs(emb_a - emb_b)
    out[:, 3 * dim : 4 * dim] = emb_a * emb_b
    cos = np.einsum("ij,ij->i", emb_a, emb_b)
    for i in range(n):
        out[i, 4 * dim :] = lexical_features(profiles_a[i], profiles_b[i], float(cos[i]))
    return out
