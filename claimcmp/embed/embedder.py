"""Sentence embeddings with a persistent cache.

``sentence_transformers`` (and with it torch) is imported only when some text
actually has to be embedded with the torch backend: a fully cached run never
imports it, and the ONNX backends never import torch at inference time.

Backends (``backend=``)
-----------------------
``"torch"``
    sentence-transformers on torch.
``"onnx"``
    The same model exported to ONNX (fp32) and run by ONNX Runtime: the same
    vectors up to float rounding, so it shares the torch backend's cache entries.
``"auto"`` (default)
    :data:`AUTO_ONNX` (float32 ONNX) when ``onnxruntime`` and ``tokenizers``
    are installed and the model is a mean-pooling model with a
    ``tokenizer.json``, else torch.

Every backend gives the same vectors on every CPU and whatever else is in the
batch (1 - cosine <= 1e-5 between them, and to the torch model). The former
``"onnx-int8"`` backend did not: dynamic int8 activation scales depend on the
other texts of a batch, and the AVX2 integer kernels saturate where AVX-512
VNNI ones do not, so one analysis gave different relations on two machines.
``backend="onnx-int8"`` is deprecated: it warns and runs ``"onnx"``.
"""

from __future__ import annotations

import logging
import os
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, overload

import numpy as np

from ..errors import ConfigurationError, MissingDependencyError, ModelNotFoundError, UnsupportedModelError
from ._quiet import quiet_weight_loading
from .cache import EmbeddingCache, text_key
from .models import ResolvedModel, resolve_model

if TYPE_CHECKING:  # pragma: no cover
    from ..model import Statement

__all__ = ["AUTO_ONNX", "BACKENDS", "DEPRECATED_BACKENDS", "EmbedStats", "Embedder", "check_backend"]

#: Accepted values of ``Embedder(backend=...)``.
BACKENDS = ("auto", "torch", "onnx")
#: Backends kept one release as aliases, with a FutureWarning: name -> what runs instead.
DEPRECATED_BACKENDS = {"onnx-int8": "onnx"}
#: The ONNX backend ``"auto"`` picks when ONNX Runtime is installed.
AUTO_ONNX = "onnx"
_ONNX_VARIANT = {"onnx": "fp32"}
_WRITE_CHUNK = 4096  # new vectors are cached every this many texts

logger = logging.getLogger(__name__)


def check_backend(backend: str) -> str:
    """``backend`` if it is one of :data:`BACKENDS`; a deprecated name's replacement, with a FutureWarning.

    Raises
    ------
    ConfigurationError
        For an unknown name.
    """
    if backend in DEPRECATED_BACKENDS:
        replacement = DEPRECATED_BACKENDS[backend]
        warnings.warn(
            f"backend={backend!r} is deprecated and runs {replacement!r}: its int8 vectors depended on the CPU "
            "and on the other texts of a batch. It will be removed in claimcmp 0.3.",
            FutureWarning,
            stacklevel=3,
        )
        return replacement
    if backend not in BACKENDS:
        raise ConfigurationError(f"Unknown embedding backend {backend!r}.", fix=f"Use one of {', '.join(BACKENDS)}.")
    return backend


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
    backend : {"auto", "torch", "onnx"}, default="auto"
        What runs the model (see the module docstring). The ONNX file is
        exported once into ``<cache folder>/onnx/``. ``"onnx-int8"`` is a
        deprecated alias of ``"onnx"``.

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
        cache_dir: str | os.PathLike[str] | None = None,
        batch_size: int = 32,
        show_progress: bool = False,
        use_cache: bool = True,
        device: str | None = None,
        backend: str = "auto",
    ) -> None:
        if batch_size < 1:
            raise ConfigurationError(f"batch_size must be >= 1, got {batch_size}.", fix="Pass batch_size=32.")
        backend = check_backend(backend)
        self.model = model
        self.cache_dir = cache_dir
        self.batch_size = batch_size
        self.show_progress = show_progress
        self.use_cache = use_cache
        self.device = device
        self.backend = backend
        self.stats = EmbedStats()
        self._resolved: ResolvedModel | None = None
        self._backend: str | None = None
        self._model: Any = None
        self._cache: EmbeddingCache | None = EmbeddingCache(cache_dir) if use_cache else None

    def __repr__(self) -> str:
        return (
            f"Embedder(model={self.model!r}, cache_dir={self.cache_dir!r}, "
            f"batch_size={self.batch_size}, backend={self.backend!r})"
        )

    @property
    def resolved(self) -> ResolvedModel:
        """Where the model lives and its cache identity (no model import)."""
        if self._resolved is None:
            self._resolved = resolve_model(self.model)
        return self._resolved

    @property
    def active_backend(self) -> str:
        """The backend in use: ``"torch"`` or ``"onnx"`` (``"auto"`` resolved, no import)."""
        if self._backend is None:
            self._backend = self._choose_backend()
        return self._backend

    def _choose_backend(self) -> str:
        if self.backend != "auto":
            return self.backend
        from .onnx_backend import onnx_available, supports_onnx

        if self.device not in (None, "cpu") or not onnx_available() or not supports_onnx(Path(self.resolved.path)):
            return "torch"
        return AUTO_ONNX

    @property
    def identity(self) -> str:
        """The identity cached vectors are stored under: the model's.

        The fp32 ONNX export computes the torch model's vectors up to float
        rounding (as torch itself does across batch sizes), so they share it.
        """
        return self.resolved.identity

    def _model_folder(self) -> Path:
        """Where exported ONNX models are kept: the cache folder."""
        if self._cache is not None:
            return self._cache.path.parent
        if self.cache_dir is not None:
            folder = Path(self.cache_dir).expanduser()
            return folder.parent if folder.suffix in {".sqlite3", ".sqlite", ".db"} else folder
        from .cache import default_cache_dir

        return default_cache_dir()

    @property
    def cache(self) -> EmbeddingCache | None:
        """The persistent cache, or None with ``use_cache=False``."""
        return self._cache

    @property
    def is_loaded(self) -> bool:
        """Whether the model itself has been loaded (it is only when needed)."""
        return self._model is not None

    def load(self) -> Any:
        """Load and return the underlying model (once).

        A ``SentenceTransformer`` for the torch backend, an
        :class:`~claimcmp.embed.onnx_backend.OnnxEncoder` for the ONNX ones
        (exported first if this machine has no export yet).
        """
        if self._model is None and self.active_backend != "torch":
            self._model = self._load_onnx()
        if self._model is None:
            resolved = self.resolved
            try:
                from sentence_transformers import SentenceTransformer
            except ImportError as exc:  # pragma: no cover - a hard dependency
                raise MissingDependencyError(
                    "sentence-transformers is not installed.", fix="pip install sentence-transformers"
                ) from exc
            try:
                with quiet_weight_loading(not self.show_progress):
                    # local_files_only: never reach for the network (a hub lookup would hang before failing),
                    # without touching the process's environment.
                    self._model = SentenceTransformer(resolved.path, device=self.device, local_files_only=True)
            except OSError as exc:
                raise ModelNotFoundError(
                    f"Could not load embedding model {resolved.name!r} from {resolved.path}: {exc}",
                    fix="Check the folder holds a complete sentence-transformers model.",
                ) from exc
            logger.info("Loaded embedding model %s", resolved.name)
        return self._model

    def _load_onnx(self) -> Any:
        from .onnx_backend import load_onnx_encoder

        variant = _ONNX_VARIANT[self.active_backend]
        try:
            encoder = load_onnx_encoder(self.resolved, self._model_folder(), variant)
        except (MissingDependencyError, ConfigurationError, UnsupportedModelError) as exc:
            if self.backend != "auto":
                raise
            logger.warning("ONNX backend unavailable (%s); using torch.", exc.message)
            self._backend = "torch"
            return None
        logger.info("Loaded embedding model %s (ONNX %s)", self.resolved.name, variant)
        return encoder

    def get_dimension(self) -> int:
        """The vector size of the model (loads it)."""
        model = self.load()
        if self.active_backend != "torch":
            return int(model.dimension)
        return int(model.get_sentence_embedding_dimension())

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
        items: list[str] = [texts] if isinstance(texts, str) else list(texts)
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
        identity = self.identity
        if self._cache is not None:
            vectors = self._cache.get_many(identity, list(unique))
            self.stats.hits += len(vectors)
        missing = [k for k in unique if k not in vectors]
        if missing:
            self.load()
            if self.identity != identity:  # "auto" fell back to torch while loading: start over
                self.stats.texts -= len(items)
                self.stats.hits -= len(vectors)
                return self.encode(texts)
            # In chunks, each cached as soon as it is done: a long run that stops half-way
            # keeps what it computed, and a re-run starts where it stopped.
            for start in range(0, len(missing), _WRITE_CHUNK):
                chunk = missing[start : start + _WRITE_CHUNK]
                fresh = self._encode_with_model([unique[k] for k in chunk])
                self.stats.encoded += len(chunk)
                new = dict(zip(chunk, fresh, strict=True))
                if self._cache is not None:
                    self._cache.put_many(identity, new)
                vectors.update(new)
                logger.debug("Embedded %d of %d new texts", start + len(chunk), len(missing))
        out = np.stack([vectors[k] for k in keys]).astype(np.float32, copy=False)
        return out[0] if single else out

    def embed_statements(self, statements: Sequence[Statement]) -> np.ndarray:
        """Embed the text of each statement; shape (n_statements, dim)."""
        return self.encode([s.text for s in statements])

    def _encode_with_model(self, texts: list[str]) -> np.ndarray:
        model = self.load()
        if self.active_backend != "torch":
            return np.asarray(model.encode(texts, batch_size=self.batch_size), dtype=np.float32)
        vectors = model.encode(
            texts,
            batch_size=self.batch_size,
            show_progress_bar=self.show_progress,
            convert_to_numpy=True,
            normalize_embeddings=True,
        )
        return np.asarray(vectors, dtype=np.float32)
