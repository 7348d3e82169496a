"""The Dask backend: extraction and embedding mapped over a cluster's workers."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ..embed import Embedder
from ..errors import ClaimcmpError, ConfigurationError, DistributedError, MissingDependencyError
from ..model import Release, Statement
from . import _tasks

__all__ = ["DaskBackend", "DaskEmbedder"]

logger = logging.getLogger(__name__)

_INSTALL_HINT = "pip install 'claimcmp[distributed]' (dask[distributed])."


def _client_class() -> Any:
    try:
        from distributed import Client
    except ImportError as exc:
        raise MissingDependencyError("The Dask backend needs dask.distributed.", fix=_INSTALL_HINT) from exc
    return Client


def _gathered(client: Any, futures: list[Any], task: str) -> list[Any]:
    """The results of ``futures``; a worker's failure becomes a :class:`DistributedError` naming the task."""
    try:
        return list(client.gather(futures))
    except ClaimcmpError:
        raise
    except Exception as exc:  # a worker's error arrives as whatever the worker raised
        raise DistributedError(
            f"A {task} task failed on the Dask cluster: {type(exc).__name__}: {exc}",
            fix="Check that every worker has this claimcmp version and the embedding model installed.",
        ) from exc


def _batches(items: Sequence[Any], size: int) -> list[Sequence[Any]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


class DaskBackend:
    """Run extraction and embedding on the workers of a Dask cluster.

    Parameters
    ----------
    client : distributed.Client, optional
        A connected client. Default: connect to ``address``.
    address : str, optional
        Scheduler address (``"tcp://host:8786"``) used when ``client`` is None;
        None starts a ``LocalCluster`` on this machine.
    releases_per_task : int, default=32
        Releases extracted per task.
    texts_per_task : int, default=1024
        Texts embedded per task.
    model : str, optional
        Embedding model, resolved on each worker (the bundled default ships with
        claimcmp, so every worker that has claimcmp installed has it).
    backend : {"auto", "torch", "onnx"}, default="auto"
        Embedding backend. ``"auto"`` is resolved here, on the client, and the
        workers are told the result, so cached vectors are never mixed.
    cache_dir : str or Path, optional
        The client's embedding cache (only texts missing from it are sent out).
    worker_cache_dir : str, optional
        Folder on each worker for the one-time ONNX export; default the worker's
        ``$CLAIMCMP_CACHE_DIR`` or user cache folder.
    batch_size : int, default=32
        Model batch size on the workers.
    """

    # Flat keywords, stored as given (as an estimator's): users build it with a few of them, by name.
    def __init__(
        self,
        client: Any = None,
        *,
        address: str | None = None,
        releases_per_task: int = 32,
        texts_per_task: int = 1024,
        model: str | None = None,
        backend: str = "auto",
        cache_dir: str | Path | None = None,
        worker_cache_dir: str | None = None,
        batch_size: int = 32,
    ) -> None:
        self.client = client
        self.address = address
        self.releases_per_task = releases_per_task
        self.texts_per_task = texts_per_task
        self.model = model
        self.backend = backend
        self.cache_dir = cache_dir
        self.worker_cache_dir = worker_cache_dir
        self.batch_size = batch_size
        self._own_client: Any = None
        self._local: Any = None

    def __repr__(self) -> str:
        return f"DaskBackend(address={self.address!r}, backend={self.backend!r})"

    # -- connection ---------------------------------------------------------
    def get_client(self) -> Any:
        """The Dask client (connects, or starts a LocalCluster, on first use)."""
        if self.client is not None:
            return self.client
        if self._own_client is None:
            client_class = _client_class()
            self._own_client = client_class(self.address) if self.address else client_class()
        return self._own_client

    def close(self) -> None:
        """Close a client this backend opened itself (a passed-in client is left open)."""
        if self._own_client is not None:
            self._own_client.close()
            self._own_client = None

    def __enter__(self) -> DaskBackend:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- extraction ---------------------------------------------------------
    def extract(self, releases: Iterable[Release], sides: Any = None) -> list[Statement]:
        """Statements of every release, as :func:`claimcmp.extract.extract_statements` gives them.

        Parameters
        ----------
        releases : iterable of Release
        sides : path, mapping or Sides, optional
            Read here, on the client, and sent to the workers as data.

        Returns
        -------
        list of Statement
            In release order, then text order: the same list a local loop gives.
        """
        from ..extract import load_sides

        if self.releases_per_task < 1:
            raise ConfigurationError("releases_per_task must be >= 1.", fix="Pass releases_per_task=32.")
        sides_obj = load_sides(sides)
        sides_data = None if sides_obj is None else sides_obj.to_dict()
        payload = [r.to_dict() for r in releases]
        if not payload:
            return []
        client = self.get_client()
        futures = [
            client.submit(_tasks.extract_batch, list(batch), sides_data, pure=False)
            for batch in _batches(payload, self.releases_per_task)
        ]
        out: list[Statement] = []
        for result in _gathered(client, futures, "extraction"):
            out.extend(Statement.from_dict(d) for d in result)
        return out

    # -- embedding ----------------------------------------------------------
    def embedder(self) -> DaskEmbedder:
        """An embedder whose misses are computed on the cluster (for ``analyze(embedder=...)``)."""
        return DaskEmbedder(self)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Vectors of ``texts``: shape (n_texts, dim), float32, L2-normalised (cached on the client)."""
        return self.embedder().encode(list(texts))

    def _embed_remote(self, texts: list[str], backend: str) -> np.ndarray:
        if self.texts_per_task < 1:
            raise ConfigurationError("texts_per_task must be >= 1.", fix="Pass texts_per_task=1024.")
        client = self.get_client()
        futures = [
            client.submit(
                _tasks.embed_chunk, list(chunk), self.model, backend, self.batch_size, self.worker_cache_dir,
                pure=False,
            )
            for chunk in _batches(texts, self.texts_per_task)
        ]
        return np.concatenate(_gathered(client, futures, "embedding")).astype(np.float32, copy=False)


class DaskEmbedder(Embedder):
    """An :class:`~claimcmp.embed.Embedder` whose model work runs on a Dask cluster.

    Cache look-ups, de-duplication and the cache identity are the local
    embedder's; only the texts it would have run through the model are sent,
    in chunks, to the workers. Use it wherever an embedder is accepted.

    Parameters
    ----------
    dask_backend : DaskBackend
        Supplies the client, chunking and the model settings (``model``,
        ``backend``, ``cache_dir``, ``batch_size``).
    """

    def __init__(self, dask_backend: DaskBackend) -> None:
        super().__init__(
            dask_backend.model,
            cache_dir=dask_backend.cache_dir,
            batch_size=dask_backend.batch_size,
            backend=dask_backend.backend,
        )
        self.dask_backend = dask_backend

    def __repr__(self) -> str:
        return f"DaskEmbedder({self.dask_backend!r})"

    def load(self) -> None:
        """Nothing to load here: the workers load the model."""
        return None

    def get_dimension(self) -> int:
        """The vector size (embeds one text on the cluster)."""
        return int(self._encode_with_model(["dimension"]).shape[1])

    def _encode_with_model(self, texts: list[str]) -> np.ndarray:
        return self.dask_backend._embed_remote(texts, self.active_backend)
