"""Turn what users pass (statements, strings, vectors) into one shape."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from ..errors import ConfigurationError
from ._backends import normalise_rows

__all__ = ["Corpus", "read_input"]


@dataclass
class Corpus:
    """Texts, sides, ids and unit embeddings of n statements (texts may be None)."""

    texts: list[str] | None
    sides: list[str | None]
    ids: list[str]
    embeddings: np.ndarray

    def __len__(self) -> int:
        return len(self.ids)

    def extend(self, other: Corpus) -> Corpus:
        """A new corpus: this one followed by ``other``."""
        texts = None
        if self.texts is not None and other.texts is not None:
            texts = self.texts + other.texts
        return Corpus(
            texts=texts,
            sides=self.sides + other.sides,
            ids=self.ids + other.ids,
            embeddings=np.vstack([self.embeddings, other.embeddings]),
        )


def read_input(
    X: Any, embeddings: np.ndarray | None, embedder: Any, *, id_offset: int = 0
) -> Corpus:
    """Statements, strings or an embedding matrix, plus optional precomputed embeddings.

    Parameters
    ----------
    X : sequence of Statement or str, or ndarray of shape (n, dim)
    embeddings : ndarray of shape (n, dim), optional
        Used instead of embedding the texts.
    embedder : object with ``encode(list[str]) -> ndarray``, or None
        None: a default :class:`claimcmp.embed.Embedder`, built only if needed.
    id_offset : int, default=0
        First id given to plain strings (their position otherwise).
    """
    if isinstance(X, np.ndarray) and X.ndim == 2 and X.dtype.kind in "fiu":
        if embeddings is not None:
            raise ConfigurationError(
                "Embeddings were passed twice (as X and as embeddings=).",
                fix="Pass texts or statements as X with embeddings=, or the vectors alone as X.",
            )
        texts, sides, ids = None, [None] * len(X), [str(id_offset + i) for i in range(len(X))]
        embeddings = X
    else:
        items = list(X)
        texts, sides, ids = [], [], []
        for i, item in enumerate(items):
            if isinstance(item, str):
                texts.append(item)
                sides.append(None)
                ids.append(str(id_offset + i))
            elif hasattr(item, "text") and hasattr(item, "id"):
                texts.append(str(item.text))
                sides.append(getattr(item, "side", None))
                ids.append(str(item.id))
            else:
                raise ConfigurationError(
                    f"Cannot take topics of a {type(item).__name__}.",
                    fix="Pass Statement objects, strings, or an ndarray of embeddings.",
                )
    if not ids:
        raise ConfigurationError("No statements were given.", fix="Pass at least one statement.")
    if embeddings is None:
        assert texts is not None
        if embedder is None:
            from ..embed import Embedder

            embedder = Embedder()
        embeddings = embedder.encode(texts)
    vectors = np.asarray(embeddings)
    if vectors.ndim != 2 or vectors.shape[0] != len(ids):
        raise ConfigurationError(
            f"Embeddings have shape {vectors.shape} for {len(ids)} statements.",
            fix="Pass one embedding row per statement: an array of shape (n_statements, dim).",
        )
    if not np.all(np.isfinite(vectors)):
        raise ConfigurationError("Embeddings contain NaN or infinite values.", fix="Re-embed the texts.")
    return Corpus(texts=texts, sides=sides, ids=ids, embeddings=normalise_rows(vectors))

