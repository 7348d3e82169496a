"""Sentence embeddings with a persistent cache.

``sentence_transformers`` (and with it torch) is imported only when some text
actually has to be embedded: a fully cached run never imports it.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, overload

import numpy as np

from ..errors import ConfigurationError, MissingDependencyError, ModelNotFoundError
from .cache import EmbeddingCache, text_key
from .models import ResolvedModel, resolve_model

if TYPE_CHECKING:  # pragma: no cover
    from ..model import Statement

__all__ = ["EmbedStats", "Embedder"]

logger = logging.getLogger(__name__)


@dataclass
class EmbedStats:
    """Counters over an embedder's lifetime.

    Attributes
    ----------
    texts : int
        Texts asked for (with repeats).
    hits : int
        Distinct texts served from the cache.
    encoded : int
        Distinct texts run through the model.
    """

    texts: int = 0
    hits: int = 0
    encoded: int = 0


@contextmanager
def _quiet_loading(quiet: bool) -> Iterator[None]:
    """Hide transformers' weight-loading progress bar while the model loads."""
    if not quiet:
        yield
        return
    from transformers.utils import logging as hf_logging

    was_enabled = hf_logging.is_progress_bar_enabled()
    hf_logging.disable_progress_bar()
    try:
        yield
    finally:
        if was_enabled:
            hf_logging.enable_progress_bar()


class Embedder:
    """Embed texts with a sentence-transformers model, caching every vector.

    Parameters
    ----------
    model : str or path-like, optional
        Model name or local folder; default the bundled all-MiniLM-L6-v2.
        Never downloaded (see :func:`claimcmp.embed.models.resolve_model`).
    cache_dir : str or Path, optional
        Cache folder; default ``$CLAIMCMP_CACHE_DIR`` or the user cache dir.
    batch_size : int, default=32
    show_progress : bool, default=False
        Show a progress bar while encoding.
    use_cache : bool, default=True
        Read and write the persistent cache.
    device : str, optional
        Torch device; default lets sentence-transformers choose.

    Examples
    --------
    >>> emb = Embedder(show_progress=False)            # doctest: +SKIP
    >>> emb.encode(["The sky is blue."]).shape          # doctest: +SKIP
    (1, 384)
    """

    def __init__(
        self,
        model: str | os.PathLike[str] | None = None,
        *,
        cache_dir: str | Path | None = None,
        batch_size: int = 32,
        show_progress: bool = False,
        use_cache: bool = True,
        device: str | None = None,
    ) -> None:
        if batch_size < 1:
            raise ConfigurationError(f"batch_size must be >= 1, got {batch_size}.", fix="Pass batch_size=32.")
        self.model = model
        self.cache_dir = cache_dir
        self.batch_size = batch_size
        self.show_progress = show_progress
        self.use_cache = use_cache
        self.device = device
        self.stats = EmbedStats()
        self._resolved: ResolvedModel | None = None
        self._model: Any = None
        self._cache: EmbeddingCache | None = EmbeddingCache(cache_dir) if use_cache else None

    def __repr__(self) -> str:
        return f"Embedder(model={self.model!r}, cache_dir={self.cache_dir!r}, batch_size={self.batch_size})"

    @property
    def resolved(self) -> ResolvedModel:
        """Where the model lives and its cache identity (no model import)."""
        if self._resolved is None:
            self._resolved = resolve_model(self.model)
        return self._resolved

    @property
    def identity(self) -> str:
        """The model identity cached vectors are stored under."""
        return self.resolved.identity

    @property
    def cache(self) -> EmbeddingCache | None:
        """The persistent cache, or None with ``use_cache=False``."""
        return self._cache

    @property
    def is_loaded(self) -> bool:
        """Whether the model itself has been loaded (it is only when needed)."""
        return self._model is not None

    def load(self) -> Any:
        """Load and return the underlying ``SentenceTransformer`` (once)."""
        if self._model is None:
            resolved = self.resolved
            # Never reach for the network: a hub lookup would hang before failing.
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            try:
                from sentence_transformers import SentenceTransformer
            except ImportError as exc:  # pragma: no cover - a hard dependency
                raise MissingDependencyError(
                    "sentence-transformers is not installed.", fix="pip install sentence-transformers"
                ) from exc
            try:
                with _quiet_loading(not self.show_progress):
                    self._model = SentenceTransformer(resolved.path, device=self.device)
            except OSError as exc:
                raise ModelNotFoundError(
                    f"Could not load embedding model {resolved.name!r} from {resolved.path}: {exc}",
                    fix="Check the folder holds a complete sentence-transformers model.",
                ) from exc
            logger.info("Loaded embedding model %s", resolved.name)
        return self._model

    def get_dimension(self) -> int:
        """The vector size of the model (loads it)."""
        dim = self.load().get_sentence_embedding_dimension()
        return int(dim)

    @overload
    def encode(self, texts: str) -> np.ndarray: ...

    @overload
    def encode(self, texts: Sequence[str]) -> np.ndarray: ...

    def encode(self, texts: str | Sequence[str]) -> np.ndarray:
        """Embed texts, from the cache where possible.

        Parameters
        ----------
        texts : str or sequence of str

        Returns
        -------
        ndarray of shape (n_texts, dim), or (dim,) for a single str
            float32, L2-normalised. Repeated texts are embedded once.
        """
        single = isinstance(texts, str)
        items = [texts] if single else list(texts)
        for i, item in enumerate(items):
            if not isinstance(item, str):
                raise ConfigurationError(
                    f"encode() takes strings; item {i} is {type(item).__name__}.",
                    fix="Pass statement.text, or use embed_statements(statements).",
                )
        self.stats.texts += len(items)
        if not items:
            return np.zeros((0, 0), dtype=np.float32)
        keys = [text_key(t) for t in items]
        unique: dict[str, str] = dict(zip(keys, items, strict=True))
        vectors: dict[str, np.ndarray] = {}
        if self._cache is not None:
            vectors = self._cache.get_many(self.identity, list(unique))
            self.stats.hits += len(vectors)
        missing = [k for k in unique if k not in vectors]
        if missing:
            fresh = self._encode_with_model([unique[k] for k in missing])
            self.stats.encoded += len(missing)
            new = dict(zip(missing, fresh, strict=True))
            if self._cache is not None:
                self._cache.put_many(self.identity, new)
            vectors.update(new)
        out = np.stack([vectors[k] for k in keys]).astype(np.float32, copy=False)
        return out[0] if single else out

    def embed_statements(self, statements: Sequence[Statement]) -> np.ndarray:
        """Embed the text of each statement; shape (n_statements, dim)."""
        return self.encode([s.text for s in statements])

    def _encode_with_model(self, texts: list[str]) -> np.ndarray:
        model = self.load()
        vectors = model.encode(
            texts,
            batch_size=self.batch_size,
            show_progress_bar=self.show_progress,
            convert_to_numpy=True,
            normalize_embeddings=True,
        )
        return np.asarray(vectors, dtype=np.float32)
