"""What runs on a worker: plain functions of plain data (dicts, lists, arrays).

Releases, statements and sides travel as their ``to_dict()`` form, which any
serialiser handles. Each worker process keeps one embedder per configuration,
so the model loads once per worker, not once per task.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

__all__ = ["embed_chunk", "extract_batch"]

_EMBEDDERS: dict[tuple[Any, ...], Any] = {}
_LOCK = threading.Lock()


def extract_batch(releases: Sequence[Mapping[str, Any]], sides: Mapping[str, Any] | None) -> list[dict[str, Any]]:
    """Statements (as dicts) of a batch of releases (as dicts), in release order."""
    from ..extract import Sides, extract_statements
    from ..model import Release

    sides_obj = None if sides is None else Sides.from_dict(sides)
    out: list[dict[str, Any]] = []
    for data in releases:
        out.extend(s.to_dict() for s in extract_statements(Release.from_dict(data), sides_obj))
    return out


def _embedder(model: str | None, backend: str, batch_size: int, cache_dir: str | None) -> Any:
    key = (model, backend, batch_size, cache_dir)
    with _LOCK:
        embedder = _EMBEDDERS.get(key)
        if embedder is None:
            from ..embed import Embedder

            # Vectors are cached by the driver; the worker's cache folder only keeps the ONNX export.
            embedder = Embedder(model, cache_dir=cache_dir, batch_size=batch_size, use_cache=False, backend=backend)
            embedder.load()  # under the lock: worker threads must not import the model libraries at once
            _EMBEDDERS[key] = embedder
    return embedder


def embed_chunk(
    texts: Sequence[str], model: str | None, backend: str, batch_size: int, cache_dir: str | None
) -> np.ndarray:
    """Vectors of ``texts``, shape (len(texts), dim), float32, L2-normalised."""
    vectors: np.ndarray = _embedder(model, backend, batch_size, cache_dir).encode(list(texts))
    return vectors
