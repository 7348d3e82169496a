"""The automatic cut of the large-corpus backend: a von Mises-Fisher BIC over the linkage tree.

Every cut of the tree is read as a mixture of von Mises-Fisher distributions
(the Gaussian of the unit sphere), one per topic, each with its own mean
direction and concentration; the cut with the lowest Bayesian information
criterion wins::

    BIC(k) = -2 log L(k) + PENALTY * k * (dim + 1) * log(n)

``log L`` is the classification likelihood: every statement scored by its own
topic's density, plus the log of its topic's share. A topic of ``n_t`` unit
vectors whose sum has length ``n_t * R`` has the concentration estimate
``kappa = R (dim - R^2) / (1 - R^2)`` (Banerjee et al., 2005) and contributes
``n_t * (kappa R + log C_dim(kappa) + log(n_t / n))``. So the criterion asks
whether splitting a topic tightens its parts enough to pay for a new mean
direction in ``dim`` dimensions: news events that are near-duplicate
stories (GoogleNews-TS) pay for themselves one by one, while the events
inside a broad news category (AG News) do not, where the neighbour-graph
modularity used before kept both.

The multiplier is ``dim / PR`` capped at ``PENALTY`` = 3, where ``PR`` is the
participation ratio of the covariance's eigenvalues (``(sum l)^2 / sum l^2``:
how many directions the vectors fill). Sentence embeddings fill far fewer
than ``dim`` directions (all-MiniLM-L6-v2 on the benchmark sets: PR 68-120
of 384, ``dim / PR`` 3.2-5.7), so the plain vMF likelihood overrates every
split: with BIC's 1 it keeps hundreds of topics on every benchmark set. On
those sets the counts stay within half to three times the gold number for
multipliers from about 2.8 to 3.3, hence the cap (uncapped, GoogleNews-TS
gets 46 topics for its 152 events). Vectors that fill most
directions (isotropic noise around 200 centres, 10,000 rows: ``dim / PR``
1.2) get a multiplier near 1 instead of being merged into 2 topics.

Everything comes from the cells' sums and sizes (for unit rows a topic's sum
is the sum of its cells' sums), replayed along the merges: O(cells * dim)
for all cuts together.
"""

from __future__ import annotations

import numpy as np

from ._linkage import LinkageTree

__all__ = ["MAX_BIC_SHARE", "PENALTY", "choose_n_clusters_bic", "log_bessel_i", "penalty_for", "vmf_log_likelihood"]

#: Largest multiplier of BIC's parameter count (see the module docstring).
PENALTY = 3.0
#: A cut whose largest topic holds more than this share of the statements is passed over when another cut
#: avoids it: a catch-all topic is no topic. On the 1,412 White House readouts (scene-setting lines left out)
#: the lowest BIC alone put 1,411 releases into one of 2 themes; AG News's four balanced classes take 5
#: topics (the largest 41%) under this bar, and 32 under the 1/3 bar of the neighbour-graph cut.
MAX_BIC_SHARE = 0.5
_R_MAX = 1.0 - 1e-6


def log_bessel_i(order: float, x: np.ndarray) -> np.ndarray:
    """``log I_order(x)`` for x > 0: SciPy's scaled Bessel function, Debye's expansion where it underflows."""
    from scipy.special import ive

    x = np.asarray(x, dtype=np.float64)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        exact = np.log(ive(order, x)) + x
    if order <= 0 or np.isfinite(exact).all():
        return np.asarray(exact, dtype=np.float64)
    z = x / order
    root = np.sqrt(1.0 + z * z)
    debye = -0.5 * np.log(2.0 * np.pi * order) + order * (root + np.log(z / (1.0 + root))) - 0.5 * np.log(root)
    return np.asarray(np.where(np.isfinite(exact), exact, debye), dtype=np.float64)


def penalty_for(vectors: np.ndarray, cap: float = PENALTY) -> float:
    """``min(cap, dim / PR)``: PR the participation ratio of the eigenvalues of the rows' covariance.

    Parameters
    ----------
    vectors : ndarray of shape (n, dim)
    cap : float, default=PENALTY
    """
    x = np.asarray(vectors, dtype=np.float32)
    if x.shape[0] < 2:
        return float(cap)
    centred = x - x.mean(axis=0)
    # eigenvalues proportional to the covariance's (PR is scale-free); float32 product, O(n * dim^2)
    gram = (centred.T @ centred).astype(np.float64)
    spread = float(np.trace(gram))
    squares = float((gram * gram).sum())  # sum of squared eigenvalues (Frobenius norm of a symmetric matrix)
    if spread <= 0.0 or squares <= 0.0:
        return float(cap)
    return float(min(cap, x.shape[1] * squares / spread**2))


def vmf_log_likelihood(sums: np.ndarray, counts: np.ndarray, dim: int) -> np.ndarray:
    """Log-likelihood of each group of unit vectors under its own fitted vMF, plus ``n_t log n_t``.

    Parameters
    ----------
    sums : ndarray of shape (k, dim)
        Sum of each group's unit vectors.
    counts : ndarray of shape (k,)
        Vectors per group (positive).
    dim : int

    Returns
    -------
    ndarray of shape (k,)
        Summed over groups and less ``n log n``, the mixture's classification log-likelihood.
    """
    counts = np.asarray(counts, dtype=np.float64)
    lengths = np.linalg.norm(np.atleast_2d(sums), axis=1) / counts
    r = np.clip(lengths, 1e-6, _R_MAX)
    kappa = r * (dim - r * r) / (1.0 - r * r)
    order = dim / 2.0 - 1.0
    log_norm = order * np.log(kappa) - (dim / 2.0) * np.log(2.0 * np.pi) - log_bessel_i(order, kappa)
    return np.asarray(counts * (kappa * r + log_norm + np.log(counts)))


def choose_n_clusters_bic(
    tree: LinkageTree, cell_sums: np.ndarray, cell_counts: np.ndarray, max_clusters: int, penalty: float = PENALTY,
    max_share: float = 1.0,
) -> int:
    """The number of clusters, 2 to ``max_clusters``, whose cut of ``tree`` has the lowest vMF BIC.

    Cuts whose largest cluster holds more than ``max_share`` of the vectors are passed over when
    another cut avoids that (the rule of the neighbour-graph cut: a catch-all topic is no topic).

    Parameters
    ----------
    tree : LinkageTree
        Built over the cells.
    cell_sums : ndarray of shape (n_cells, dim)
        Sum of the unit vectors of each cell.
    cell_counts : ndarray of shape (n_cells,)
        Vectors per cell.
    max_clusters : int
    penalty : float, default=PENALTY
        Multiplier of the parameter count ``k * (dim + 1) * log(n)``.
    max_share : float, default=1.0
    """
    m, dim = (int(s) for s in np.shape(cell_sums))
    if m < 3 or max_clusters < 2:
        return int(max(1, min(m, 2)))
    sums = np.array(cell_sums, dtype=np.float64)
    counts = np.array(cell_counts, dtype=np.float64)
    n = float(counts.sum())
    terms = vmf_log_likelihood(sums, counts, dim)
    total = float(terms.sum())
    cost = penalty * (dim + 1) * np.log(n)
    root = np.arange(m)
    largest = float(counts.max())
    best = {True: (np.inf, 2), False: (np.inf, 2)}
    for done, (a, b) in enumerate(zip(tree.left.tolist(), tree.right.tolist(), strict=True), start=1):
        ra, rb = _find(root, a), _find(root, b)
        if ra != rb:
            keep, gone = min(ra, rb), max(ra, rb)
            root[gone] = keep
            total -= float(terms[keep] + terms[gone])
            sums[keep] += sums[gone]
            counts[keep] += counts[gone]
            terms[keep] = vmf_log_likelihood(sums[keep], counts[keep : keep + 1], dim)[0]
            total += float(terms[keep])
            largest = max(largest, float(counts[keep]))
        k = m - done
        if 2 <= k <= max_clusters:
            bic = -2.0 * total + cost * k
            ok = largest <= max_share * n + 1e-9
            if bic < best[ok][0] - 1e-9 or (bic <= best[ok][0] + 1e-9 and k < best[ok][1]):
                best[ok] = (bic, k)
    return int((best[True] if np.isfinite(best[True][0]) else best[False])[1])


def _find(root: np.ndarray, i: int) -> int:
    while int(root[i]) != i:
        root[i] = root[root[i]]
        i = int(root[i])
    return int(i)
