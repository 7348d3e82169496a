"""Turn what users pass (statements, strings, vectors) into one shape."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..errors import ConfigurationError, ShapeMismatchError
from ._backends import normalise_rows

__all__ = ["Corpus", "read_input"]


@dataclass
class Corpus:
    """Texts, sides, ids and unit embeddings of n statements (texts may be None); speakers when known."""

    texts: list[str] | None
    sides: list[str | None]
    ids: list[str]
    embeddings: np.ndarray
    speakers: list[str | None] = field(default_factory=list)

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
            speakers=self.speakers + other.speakers,
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
    X = _as_matrix_if_numeric(X)
    if isinstance(X, np.ndarray) and X.ndim == 2 and X.dtype.kind in "fiu":
        if embeddings is not None:
            raise ConfigurationError(
                "Embeddings were passed twice (as X and as embeddings=).",
                fix="Pass texts or statements as X with embeddings=, or the vectors alone as X.",
            )
        texts = None
        speakers: list[str | None] = []
        sides: list[str | None] = [None] * len(X)
        ids = [str(id_offset + i) for i in range(len(X))]
        embeddings = X
    else:
        items = list(X)
        texts, sides, ids = _read_items(items, id_offset)
        speakers = [_speaker(item) for item in items]
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
    if vectors.shape[1] == 0:
        raise ShapeMismatchError(
            f"Embeddings have 0 feature(s) (shape={vectors.shape}) while a minimum of 1 is required.",
            fix="Pass embedding rows of dimension 1 or more.",
        )
    if not np.all(np.isfinite(vectors)):
        raise ConfigurationError("Embeddings contain NaN or infinite values.", fix="Re-embed the texts.")
    return Corpus(texts=texts, sides=sides, ids=ids, embeddings=normalise_rows(vectors), speakers=speakers)



def _as_matrix_if_numeric(X: Any) -> Any:
    """A numeric array-like (array, object array of numbers, anything with ``__array__``) as a float array.

    Texts and statements pass through unchanged. Sparse, complex and 1-D
    numeric inputs are refused with what to do instead.
    """
    if type(X).__module__.startswith("scipy.sparse"):
        raise ConfigurationError(
            "Sparse input is not supported: topics need dense embedding rows.", fix="Pass X.toarray()."
        )
    rows_of_numbers = isinstance(X, (list, tuple)) and len(X) > 0 and isinstance(X[0], (list, tuple, np.ndarray))
    if not rows_of_numbers and (
        isinstance(X, (list, tuple, str)) or not (isinstance(X, np.ndarray) or hasattr(X, "__array__"))
    ):
        return X
    array = np.asarray(X)
    if array.dtype.kind == "c":
        raise ConfigurationError("Complex data not supported.", fix="Pass real-valued embeddings.")
    if array.dtype.kind == "O":
        try:
            array = array.astype(np.float64)
        except (TypeError, ValueError):
            return X  # texts or statements in an object array
    if array.dtype.kind in "fiub" and array.ndim == 1:
        raise ShapeMismatchError(
            f"Expected a 2-D array of embeddings, got a 1-D array of {array.shape[0]} numbers.",
            fix="Reshape your data: X.reshape(-1, 1) for one feature, X.reshape(1, -1) for one statement.",
        )
    return array if array.dtype.kind in "fiub" else X


def _read_items(items: list[Any], id_offset: int) -> tuple[list[str], list[str | None], list[str]]:
    """Texts, sides and ids of statements or plain strings."""
    texts: list[str] = []
    sides: list[str | None] = []
    ids: list[str] = []
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
    return texts, sides, ids


def _speaker(item: Any) -> str | None:
    speaker = getattr(item, "speaker", None)
    return speaker if isinstance(speaker, str) else None
