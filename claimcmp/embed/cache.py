"""A persistent embedding cache in SQLite.

Vectors are keyed by ``(model identity, text hash)``. Each row carries a
CRC-32 of its bytes and its dimension: a truncated or corrupted entry is
detected on read, deleted and reported as a miss, so it is recomputed and
never returned. The database runs in WAL mode with a busy timeout and writes
in short ``BEGIN IMMEDIATE`` transactions, so several processes can read and
write one cache at once. A file that is not a database at all is moved aside
(``*.corrupt-<time>``) and a fresh cache is started.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
import threading
import time
import zlib
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import numpy as np

from ..errors import CacheError

__all__ = ["EmbeddingCache", "default_cache_dir", "text_key"]

logger = logging.getLogger(__name__)

CACHE_FILENAME = "embeddings.sqlite3"
SCHEMA_VERSION = 1
_CHUNK = 500  # keys per SELECT: stays under SQLite's host-parameter limit

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS vectors (
    model TEXT NOT NULL,
    key TEXT NOT NULL,
    dim INTEGER NOT NULL,
    checksum INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (model, key)
) WITHOUT ROWID;
"""


def default_cache_dir() -> Path:
    """``$CLAIMCMP_CACHE_DIR`` if set, else the user cache folder of claimcmp."""
    env = os.environ.get("CLAIMCMP_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("claimcmp", appauthor=False))


def text_key(text: str) -> str:
    """The cache key of a text: a 128-bit BLAKE2b hex digest of its UTF-8 bytes."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


class EmbeddingCache:
    """Embeddings stored on disk, keyed by model identity and text hash.

    Parameters
    ----------
    location : str or Path, optional
        A folder (the file ``embeddings.sqlite3`` is created in it) or a path
        ending in ``.sqlite3``/``.sqlite``/``.db``. Default: :func:`default_cache_dir`.
    timeout : float, default=60.0
        Seconds to wait for another process's write lock.
    """

    def __init__(self, location: str | os.PathLike[str] | None = None, *, timeout: float = 60.0) -> None:
        path = Path(location).expanduser() if location is not None else default_cache_dir()
        if path.suffix not in {".sqlite3", ".sqlite", ".db"}:
            path = path / CACHE_FILENAME
        self.path = path
        self.timeout = timeout
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None

    # -- connection -------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        if self._conn is not None:
            return self._conn
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CacheError(
                f"Cannot create the cache folder {self.path.parent}: {exc.strerror or exc}.",
                fix="Set CLAIMCMP_CACHE_DIR (or pass cache_dir=) to a writable folder.",
            ) from exc
        try:
            self._conn = self._open()
        except sqlite3.DatabaseError as exc:
            self._quarantine(exc)
            self._conn = self._open()
        return self._conn

    def _open(self) -> sqlite3.Connection:
        conn = sqlite3.connect(
            self.path, timeout=self.timeout, isolation_level=None, check_same_thread=False
        )
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.executescript(_SCHEMA)
            conn.execute(
                "INSERT OR IGNORE INTO meta (key, value) VALUES ('schema_version', ?)",
                (str(SCHEMA_VERSION),),
            )
            # A cheap read that fails on a file that is not (or no longer) a database; damage
            # inside rows is caught per entry by its checksum, damage in pages by _guarded.
            conn.execute("SELECT COUNT(*) FROM meta").fetchone()
        except sqlite3.OperationalError as exc:
            conn.close()
            if "locked" in str(exc) or "busy" in str(exc):
                raise CacheError(
                    f"The embedding cache {self.path} stayed locked for {self.timeout:.0f} s.",
                    fix="Wait for the other claimcmp process to finish, or use another cache_dir.",
                ) from exc
            if "readonly" in str(exc) or "unable to open" in str(exc):
                raise CacheError(
                    f"Cannot open the embedding cache {self.path}: {exc}.",
                    fix="Set CLAIMCMP_CACHE_DIR (or pass cache_dir=) to a writable folder.",
                ) from exc
            raise sqlite3.DatabaseError(str(exc)) from exc
        except sqlite3.DatabaseError:
            conn.close()
            raise
        return conn

    def _quarantine(self, exc: Exception) -> None:
        """Move an unreadable cache file aside so a fresh one can start."""
        stamp = time.strftime("%Y%m%d-%H%M%S")
        target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}-{os.getpid()}")
        logger.warning("Embedding cache %s is unreadable (%s); moved to %s.", self.path, exc, target)
        for suffix in ("", "-wal", "-shm"):
            src = Path(str(self.path) + suffix)
            if src.exists():
                try:
                    src.rename(Path(str(target) + suffix))
                except OSError as move_exc:
                    raise CacheError(
                        f"The embedding cache {self.path} is corrupt and cannot be moved aside.",
                        fix=f"Delete {self.path} by hand and run again.",
                    ) from move_exc

    def close(self) -> None:
        """Close the database connection (reopened on next use)."""
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def __enter__(self) -> EmbeddingCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"EmbeddingCache({str(self.path)!r})"

    # -- reads and writes ---------------------------------------------------
    def get_many(self, model: str, keys: Sequence[str]) -> dict[str, np.ndarray]:
        """The cached vectors for those keys that are present and intact.

        Damaged rows (wrong length, wrong checksum, non-finite values) are
        deleted and left out of the result.
        """
        unique = list(dict.fromkeys(keys))
        with self._lock:
            try:
                return self._get_many(model, unique)
            except sqlite3.DatabaseError as exc:
                if isinstance(exc, sqlite3.OperationalError):
                    raise CacheError(
                        f"Cannot read the embedding cache {self.path}: {exc}.",
                        fix="Wait for other claimcmp processes, or pass another cache_dir.",
                    ) from exc
                self._reset(exc)
                return {}

    def _reset(self, exc: Exception) -> None:
        """Start a fresh cache after finding the file damaged."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        self._quarantine(exc)

    def _get_many(self, model: str, unique: list[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        damaged: list[str] = []
        conn = self._connect()
        for i in range(0, len(unique), _CHUNK):
            chunk = unique[i : i + _CHUNK]
            marks = ",".join("?" * len(chunk))
            rows = conn.execute(
                f"SELECT key, dim, checksum, data FROM vectors WHERE model = ? AND key IN ({marks})",
                (model, *chunk),
            ).fetchall()
            for key, dim, checksum, data in rows:
                vector = _decode(dim, checksum, data)
                if vector is None:
                    damaged.append(key)
                else:
                    found[key] = vector
        if damaged:
            logger.warning("Embedding cache: %d damaged entries dropped; they will be recomputed.", len(damaged))
            self._delete(conn, model, damaged)
        return found

    def put_many(self, model: str, items: Mapping[str, np.ndarray] | Iterable[tuple[str, np.ndarray]]) -> None:
        """Store vectors (overwriting existing entries for the same keys)."""
        pairs = items.items() if isinstance(items, Mapping) else items
        rows = []
        for key, vector in pairs:
            arr = np.ascontiguousarray(vector, dtype=np.float32).reshape(-1)
            data = arr.tobytes()
            rows.append((model, key, int(arr.shape[0]), zlib.crc32(data), data))
        if not rows:
            return
        with self._lock:
            conn = self._connect()
            try:
                conn.execute("BEGIN IMMEDIATE")
                conn.executemany(
                    "INSERT OR REPLACE INTO vectors (model, key, dim, checksum, data) VALUES (?, ?, ?, ?, ?)",
                    rows,
                )
                conn.execute("COMMIT")
            except sqlite3.Error as exc:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise CacheError(
                    f"Cannot write to the embedding cache {self.path}: {exc}.",
                    fix="Check the disk has space and the folder is writable, or pass use_cache=False.",
                ) from exc

    def count(self, model: str | None = None) -> int:
        """Number of cached vectors (for one model, or all)."""
        with self._lock:
            conn = self._connect()
            if model is None:
                return int(conn.execute("SELECT COUNT(*) FROM vectors").fetchone()[0])
            return int(conn.execute("SELECT COUNT(*) FROM vectors WHERE model = ?", (model,)).fetchone()[0])

    def clear(self, model: str | None = None) -> None:
        """Delete cached vectors (of one model, or all)."""
        with self._lock:
            conn = self._connect()
            if model is None:
                conn.execute("DELETE FROM vectors")
            else:
                conn.execute("DELETE FROM vectors WHERE model = ?", (model,))

    @staticmethod
    def _delete(conn: sqlite3.Connection, model: str, keys: list[str]) -> None:
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany("DELETE FROM vectors WHERE model = ? AND key = ?", [(model, k) for k in keys])
        conn.execute("COMMIT")


def _decode(dim: int, checksum: int, data: bytes) -> np.ndarray | None:
    """The stored vector, or None when the row is damaged."""
    if not isinstance(data, bytes) or dim <= 0 or len(data) != 4 * dim:
        return None
    if zlib.crc32(data) != checksum:
        return None
    vector = np.frombuffer(data, dtype=np.float32)
    if not np.isfinite(vector).all():
        return None
    return vector
