"""Grouping repeated claims: each statement joins the claim of its nearest earlier neighbour.

Statements are taken in series order. A statement whose cosine similarity to
some *earlier* statement reaches ``threshold`` joins the claim of the most
similar one (ties: the earliest); otherwise it opens a new claim whose id is
derived from its own statement id. Because a statement only ever looks back,
adding statements later never changes an earlier decision: ids are stable
under updates, and grouping a series at once or release by release (in the
same order) gives the same claims.

Grouping links through neighbours (like single linkage), so a chain of
paraphrases can join statements that are less similar end to end; a high
``threshold`` keeps chains short.
"""

from __future__ import annotations

import hashlib

import numpy as np

__all__ = ["ClaimGrouper", "claim_id_for"]

_BLOCK = 512


def claim_id_for(statement_id: str) -> str:
    """The claim id opened by a statement: ``"c-"`` + 12 hex digits of a BLAKE2b hash."""
    return "c-" + hashlib.blake2b(statement_id.encode("utf-8"), digest_size=6).hexdigest()


class ClaimGrouper:
    """Incremental nearest-earlier-neighbour grouping of unit vectors.

    Parameters
    ----------
    threshold : float
        Cosine similarity at which two statements state the same claim.
    dim : int
        Vector size.

    Attributes
    ----------
    claim_ids : list of str
        Claim of each added vector, in order.
    link_similarity : list of float
        Similarity to the statement it joined through (1.0 for an opener).
    """

    def __init__(self, threshold: float, dim: int) -> None:
        self.threshold = float(threshold)
        self.dim = int(dim)
        self.claim_ids: list[str] = []
        self.link_similarity: list[float] = []
        self._blocks: list[np.ndarray] = []
        self._matrix: np.ndarray | None = np.zeros((0, self.dim), dtype=np.float32)

    @classmethod
    def restore(
        cls, threshold: float, vectors: np.ndarray, claim_ids: list[str], link_similarity: list[float]
    ) -> ClaimGrouper:
        """A grouper holding already grouped vectors (as saved by a tracker)."""
        grouper = cls(threshold, vectors.shape[1])
        grouper.claim_ids = list(claim_ids)
        grouper.link_similarity = list(link_similarity)
        grouper._blocks = [np.asarray(vectors, dtype=np.float32)]
        grouper._matrix = None
        return grouper

    def __len__(self) -> int:
        return len(self.claim_ids)

    @property
    def vectors(self) -> np.ndarray:
        """All added vectors, shape (len(self), dim)."""
        if self._matrix is None:
            self._matrix = np.vstack(self._blocks) if self._blocks else np.zeros((0, self.dim), dtype=np.float32)
            self._blocks = [self._matrix]
        return self._matrix

    def add(self, vectors: np.ndarray, statement_ids: list[str]) -> list[str]:
        """Group new unit vectors (in series order) and return their claim ids.

        Parameters
        ----------
        vectors : ndarray of shape (m, dim)
            Unit vectors of the new statements.
        statement_ids : list of str
            Their statement ids (the id of a claim they open derives from it).

        Returns
        -------
        list of str, length m
        """
        vectors = np.asarray(vectors, dtype=np.float32).reshape(-1, self.dim)
        old = self.vectors
        n_old = old.shape[0]
        new_ids: list[str] = []
        for lo in range(0, len(vectors), _BLOCK):
            block = vectors[lo : lo + _BLOCK]
            best_sim, best_idx = self._best_earlier(block, old, vectors[:lo + len(block)], lo)
            for k in range(len(block)):
                i = lo + k
                if best_sim[k] >= self.threshold:
                    j = int(best_idx[k])
                    claim = self.claim_ids[j] if j < n_old else new_ids[j - n_old]
                    self.link_similarity.append(float(best_sim[k]))
                else:
                    claim = claim_id_for(statement_ids[i])
                    self.link_similarity.append(1.0)
                new_ids.append(claim)
        self.claim_ids.extend(new_ids)
        if len(vectors):
            self._blocks.append(vectors)
            self._matrix = None
        return new_ids

    @staticmethod
    def _best_earlier(
        block: np.ndarray, old: np.ndarray, new_so_far: np.ndarray, lo: int
    ) -> tuple[np.ndarray, np.ndarray]:
        """Best similarity and its index (into old + new) over earlier vectors only."""
        n_old = old.shape[0]
        sims = np.full((len(block), n_old + len(new_so_far)), -np.inf, dtype=np.float32)
        if n_old:
            sims[:, :n_old] = block @ old.T
        within = block @ new_so_far.T  # (b, lo + b)
        rows = np.arange(len(block))[:, None]
        cols = np.arange(new_so_far.shape[0])[None, :]
        within[cols >= rows + lo] = -np.inf  # only statements before this one
        sims[:, n_old:] = within
        if sims.shape[1] == 0:
            return np.full(len(block), -np.inf), np.zeros(len(block), dtype=np.intp)
        # ties go to the earliest: round so that float noise does not decide
        rounded = np.round(sims, 5)
        best_idx = np.argmax(rounded, axis=1)
        return rounded[np.arange(len(block)), best_idx], best_idx
