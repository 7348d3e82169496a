"""Stored analyses: a re-run on identical input and settings loads the last result.

An analysis is stored as its gzip-compressed :meth:`~claimcmp.analysis.Analysis.to_dict`
(full precision, unlike the rounded JSON report) under
``<cache folder>/analyses/<key>.json.gz``. The key hashes everything the
result depends on: the releases (text and metadata), the sides, the compared
pair, the embedding model's identity (backend included), every parameter,
and a fingerprint of claimcmp's own files (so an upgrade or a local edit
never serves an old result). Runs whose settings hold objects that cannot be
written as plain values (a custom head, clusterer or embedder without an
``identity``) are not stored.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import os
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..model import Release

__all__ = ["AnalysisStore", "code_fingerprint", "plain_or_none"]

logger = logging.getLogger(__name__)

_PACKAGE = Path(__file__).resolve().parents[1]


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of the path, size and modification time of every file of the claimcmp package."""
    h = hashlib.blake2b(digest_size=16)
    for path in sorted(_PACKAGE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            st = path.stat()
            h.update(f"{path.relative_to(_PACKAGE).as_posix()}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


def plain_or_none(value: Any) -> Any:
    """``value`` as plain JSON data, or ``None`` when any part of it is another kind of object.

    Paths become strings. Used to decide whether a run's settings can key a stored analysis.
    """
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, os.PathLike):
        return os.fspath(value)
    if isinstance(value, (list, tuple)):
        items = [plain_or_none(v) for v in value]
        return None if any(i is None and v is not None for i, v in zip(items, value, strict=True)) else items
    if isinstance(value, Mapping):
        out = {str(k): plain_or_none(v) for k, v in value.items()}
        return None if any(out[str(k)] is None and v is not None for k, v in value.items()) else out
    return None


class AnalysisStore:
    """Stored analyses in one folder.

    Parameters
    ----------
    folder : path
        Created on the first write.
    keep : int, default=32
        Most analyses kept; the least recently used go first.
    """

    def __init__(self, folder: str | os.PathLike[str], keep: int = 32) -> None:
        self.folder = Path(folder)
        self.keep = keep

    @staticmethod
    def key(releases: Sequence[Release], settings: Mapping[str, Any]) -> str:
        """The hex key of an analysis of ``releases`` with ``settings`` (plain JSON data)."""
        h = hashlib.blake2b(digest_size=20)
        h.update(code_fingerprint().encode())
        h.update(json.dumps(settings, sort_keys=True, ensure_ascii=False).encode())
        for release in releases:
            h.update(b"\x1e")
            h.update(json.dumps(release.to_dict(), sort_keys=True, ensure_ascii=False).encode())
        return h.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / f"{key}.json.gz"

    def get(self, key: str) -> Any:
        """The stored :class:`~claimcmp.analysis.Analysis`, or ``None`` (missing or unreadable)."""
        from ._result import Analysis

        path = self._path(key)
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:  # e.g. the folder is a file, or unreadable: compute as if nothing were stored
            logger.warning("cannot read stored analyses in %s (%s)", self.folder, exc)
            return None
        try:
            analysis = Analysis.from_dict(json.loads(gzip.decompress(raw)))
        except Exception as exc:  # a damaged file is recomputed, never fatal
            logger.warning("stored analysis %s is unreadable (%s): recomputing", path.name, exc)
            path.unlink(missing_ok=True)
            return None
        os.utime(path)  # most recently used
        logger.info("reused stored analysis %s", path.name)
        return analysis

    def put(self, key: str, analysis: Any) -> None:
        """Store ``analysis`` under ``key``; a folder that cannot be written only logs a warning."""
        path = self._path(key)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".tmp{os.getpid()}")
            data = json.dumps(analysis.to_dict(), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            tmp.write_bytes(gzip.compress(data, compresslevel=1, mtime=0))
            os.replace(tmp, path)
            self._prune()
        except OSError as exc:
            logger.warning("could not store the analysis in %s (%s)", self.folder, exc)

    def _prune(self) -> None:
        stored = sorted(self.folder.glob("*.json.gz"), key=lambda p: (p.stat().st_mtime_ns, p.name), reverse=True)
        for old in stored[self.keep :]:
            old.unlink(missing_ok=True)
