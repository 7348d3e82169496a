"""Features of a pair read against the rest of its comparison: how it stands among its ends' other partners.

Whether two statements of one meeting answer each other shows less in their
cosine than in how that cosine ranks: a statement's best partner in the other
side's release is far likelier to be its counterpart than a pair of the same
cosine that both ends rank low. Words shared by the two texts, weighted by how
rare they are in the two releases, add what the sentence vectors smooth over
(a named programme, a number of doses).

A pair ``(i, j)`` of side A's statement ``i`` and side B's statement ``j`` is
read against its **row** (``i`` against every side-B statement of ``j``'s
release) and its **column** (``j`` against every side-A statement of ``i``'s
release). Rows and columns are whole releases, never the candidate set nor
other releases, so a pair's features do not change with unrelated releases in
the same run or with how candidates were chosen.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Any

import numpy as np

__all__ = ["CONTEXT_FEATURES", "context_features"]

#: Column names of :func:`context_features`, in order.
CONTEXT_FEATURES: tuple[str, ...] = (
    "reciprocal_rank",  # 1 / (1 + rank in row) + 1 / (1 + rank in column), by cosine; soft ranks (_standing)
    "mutual_best",  # each end is the other's most similar partner (soft: the chance of it, as a product)
    "z_high", "z_low",  # cosine standardised within row and column: the larger, the smaller
    "gap_high", "gap_low",  # cosine less the best other partner's, in row and column: the larger, the smaller
    "jaccard",  # shared content words over all content words of the two
    "shared_words",  # shared content words, at most 3
    "tfidf",  # cosine of the content words weighted by rarity in the two releases
    "tfidf_reciprocal_rank",  # as reciprocal_rank, by tfidf
)
#: Width of the step by which a partner above counts towards a pair's rank (cosine or tf-idf units): a partner
#: 0.02 above counts 0.73, one level with it 0.5, one 0.02 below 0.27.
RANK_SOFTNESS = 0.02
#: Added to a row's standard deviation so that a row of near-equal cosines does not blow up.
Z_FLOOR = 0.05
#: The gap of a statement with a single partner.
LONE_GAP = 0.2
#: Shared words counted at most.
MAX_SHARED = 3


def _standing(block: np.ndarray, rows: np.ndarray, cols: np.ndarray) -> tuple[np.ndarray, ...]:
    """For each ``block[rows[k], cols[k]]`` within its row of ``block``: its soft rank (how many other entries
    lie above it, each counted by ``sigmoid((other - value) / RANK_SOFTNESS)``), the soft chance that it is the
    row's largest (the product of ``sigmoid((value - other) / RANK_SOFTNESS)``), its standardised value and its
    gap to the best other entry. All four move continuously with the scores: a tie between two partners is
    no edge. Each row is read once, whatever its pairs."""
    value = block[rows, cols]
    rank = np.zeros(len(rows))
    best = np.ones(len(rows))
    z = np.zeros(len(rows))
    gap = np.full(len(rows), LONE_GAP)
    for r in np.unique(rows).tolist():
        mine = np.flatnonzero(rows == r)
        line = block[r]
        others = np.ones((len(mine), len(line)), dtype=bool)
        others[np.arange(len(mine)), cols[mine]] = False
        above = (line[None, :] - value[mine, None]) / RANK_SOFTNESS
        rank[mine] = np.where(others, _sigmoid(above), 0.0).sum(axis=1)
        best[mine] = np.exp(np.where(others, _log_sigmoid(-above), 0.0).sum(axis=1))
        z[mine] = (value[mine] - line.mean()) / (line.std() + Z_FLOOR)
        if len(line) > 1:
            top = -np.partition(-line, 1)[:2]
            gap[mine] = value[mine] - np.where(value[mine] >= top[0], top[1], top[0])
    return rank, best, z, gap


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return np.asarray(0.5 * (1.0 + np.tanh(0.5 * x)))


def _log_sigmoid(x: np.ndarray) -> np.ndarray:
    return np.asarray(-np.logaddexp(0.0, -x))


def _weights(content: Sequence[frozenset[str]], members: np.ndarray) -> Any:
    """Sparse rows (scipy CSR) of L2-normalised content-word weights: inverse document frequency over
    ``members``, one row per member."""
    from scipy import sparse

    df: dict[str, int] = {}
    for m in members.tolist():
        for w in content[m]:
            df[w] = df.get(w, 0) + 1
    vocabulary = {w: k for k, w in enumerate(sorted(df))}
    idf = np.array([np.log((1 + len(members)) / (1 + df[w])) + 1.0 for w in sorted(df)])
    indptr, indices = [0], []
    for m in members.tolist():
        indices += sorted(vocabulary[w] for w in content[m])
        indptr.append(len(indices))
    cols = np.asarray(indices, dtype=np.int64)
    data = idf[cols] if len(cols) else np.zeros(0)
    matrix = sparse.csr_matrix((data, cols, np.asarray(indptr)), shape=(len(members), len(vocabulary)))
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    return sparse.diags(1.0 / np.where(norms > 0, norms, 1.0)) @ matrix


def _block_features(
    emb: np.ndarray, content: Sequence[frozenset[str]], block: tuple[np.ndarray, np.ndarray],
    at: tuple[np.ndarray, np.ndarray],
) -> np.ndarray:
    """The features of the pairs ``(a[at[0][k]], b[at[1][k]])`` of one block: side A's statements of one
    release against side B's of one release."""
    a, b = block
    rows, cols = at
    cosine = np.asarray(emb[a], dtype=np.float64) @ np.asarray(emb[b], dtype=np.float64).T
    base = np.unique(np.concatenate([a, b]))
    weights = _weights(content, base)
    tfidf = np.asarray((weights[np.searchsorted(base, a)] @ weights[np.searchsorted(base, b)].T).toarray())
    r_rank, r_best, r_z, r_gap = _standing(cosine, rows, cols)
    c_rank, c_best, c_z, c_gap = _standing(cosine.T, cols, rows)
    t_row = _standing(tfidf, rows, cols)[0]
    t_col = _standing(tfidf.T, cols, rows)[0]
    shared = np.array([len(content[a[r]] & content[b[c]]) for r, c in zip(rows.tolist(), cols.tolist(), strict=True)])
    union = np.array([len(content[a[r]] | content[b[c]]) for r, c in zip(rows.tolist(), cols.tolist(), strict=True)])
    return np.column_stack([
        1.0 / (1.0 + r_rank) + 1.0 / (1.0 + c_rank),
        r_best * c_best,
        np.maximum(r_z, c_z), np.minimum(r_z, c_z),
        np.maximum(r_gap, c_gap), np.minimum(r_gap, c_gap),
        shared / np.maximum(union, 1),
        np.minimum(shared, MAX_SHARED),
        tfidf[rows, cols],
        1.0 / (1.0 + t_row) + 1.0 / (1.0 + t_col),
    ])


def context_features(
    emb: np.ndarray, content: Sequence[frozenset[str]], release: Sequence[Hashable],
    sides: tuple[np.ndarray, np.ndarray], pairs: tuple[np.ndarray, np.ndarray],
) -> np.ndarray:
    """The :data:`CONTEXT_FEATURES` of each pair.

    Parameters
    ----------
    emb : ndarray of shape (n_statements, dim)
        L2-normalised embeddings of all statements.
    content : sequence of frozenset of str, length n_statements
        Each statement's content words (``TextProfile.content``).
    release : sequence, length n_statements
        Each statement's release id.
    sides : (ndarray, ndarray)
        The statements of side A and of side B (indices); rows and columns are read among them.
    pairs : (ndarray, ndarray)
        The pairs, side A's statement first; each end must be among its side's statements.

    Returns
    -------
    ndarray of shape (n_pairs, len(CONTEXT_FEATURES)), float32
    """
    gi = np.asarray(pairs[0], dtype=np.int64)
    gj = np.asarray(pairs[1], dtype=np.int64)
    out = np.zeros((len(gi), len(CONTEXT_FEATURES)))
    members = [_by_release(np.unique(np.asarray(side, dtype=np.int64)), release) for side in sides]
    blocks: dict[tuple[Hashable, Hashable], list[int]] = {}  # (A's release, B's release) -> its pairs
    for k, (i, j) in enumerate(zip(gi.tolist(), gj.tolist(), strict=True)):
        blocks.setdefault((release[i], release[j]), []).append(k)
    for (release_a, release_b), k_pairs in blocks.items():
        chosen = np.asarray(k_pairs, dtype=np.int64)
        a, b = members[0][release_a], members[1][release_b]
        at = (np.searchsorted(a, gi[chosen]), np.searchsorted(b, gj[chosen]))
        out[chosen] = _block_features(emb, content, (a, b), at)
    return out.astype(np.float32)


def _by_release(side: np.ndarray, release: Sequence[Hashable]) -> dict[Hashable, np.ndarray]:
    """The statements of one side per release (sorted indices)."""
    out: dict[Hashable, list[int]] = {}
    for k in side.tolist():
        out.setdefault(release[k], []).append(k)
    return {r: np.asarray(v, dtype=np.int64) for r, v in out.items()}
