"""The SQLite embedding cache: hits, damaged entries, a corrupt file, concurrent writers."""

from __future__ import annotations

import multiprocessing as mp
import sqlite3
from pathlib import Path

import numpy as np
import pytest

from claimcmp.embed import EmbeddingCache, text_key
from claimcmp.embed.cache import default_cache_dir


def vec(seed: int, dim: int = 8) -> np.ndarray:
    return np.random.default_rng(seed).standard_normal(dim).astype(np.float32)


def test_round_trip_and_miss(tmp_path: Path) -> None:
    cache = EmbeddingCache(tmp_path)
    cache.put_many("m", {"a": vec(1), "b": vec(2)})
    got = cache.get_many("m", ["a", "b", "c"])
    assert set(got) == {"a", "b"}
    np.testing.assert_array_equal(got["a"], vec(1))
    assert cache.get_many("other-model", ["a"]) == {}
    assert cache.count("m") == 2 and cache.count() == 2
    assert cache.path == tmp_path / "embeddings.sqlite3"


def test_persists_across_instances(tmp_path: Path) -> None:
    EmbeddingCache(tmp_path).put_many("m", {"a": vec(1)})
    again = EmbeddingCache(tmp_path)
    np.testing.assert_array_equal(again.get_many("m", ["a"])["a"], vec(1))


def test_text_key_is_stable_and_distinct() -> None:
    assert text_key("Hello") == text_key("Hello")
    assert text_key("Hello") != text_key("Hello ")
    assert len(text_key("x")) == 32


@pytest.mark.parametrize(
    "damage",
    [
        "UPDATE vectors SET data = substr(data, 1, 12)",  # truncated blob
        "UPDATE vectors SET checksum = checksum + 1",  # checksum mismatch
        "UPDATE vectors SET dim = 7",  # wrong dimension
        "UPDATE vectors SET data = zeroblob(32)",  # bytes changed
    ],
)
def test_damaged_entries_are_dropped_not_returned(tmp_path: Path, damage: str) -> None:
    cache = EmbeddingCache(tmp_path)
    cache.put_many("m", {"a": vec(1)})
    cache.close()
    with sqlite3.connect(tmp_path / "embeddings.sqlite3") as conn:
        conn.execute(damage)
    cache = EmbeddingCache(tmp_path)
    assert cache.get_many("m", ["a"]) == {}
    assert cache.count("m") == 0  # deleted, so it is recomputed and rewritten


def test_non_finite_vectors_are_rejected(tmp_path: Path) -> None:
    cache = EmbeddingCache(tmp_path)
    bad = vec(1)
    bad[3] = np.nan
    cache.put_many("m", {"a": bad})
    assert cache.get_many("m", ["a"]) == {}


def test_corrupt_file_is_moved_aside(tmp_path: Path) -> None:
    path = tmp_path / "embeddings.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    cache = EmbeddingCache(tmp_path)
    assert cache.get_many("m", ["a"]) == {}
    cache.put_many("m", {"a": vec(1)})
    assert cache.count() == 1
    assert list(tmp_path.glob("embeddings.sqlite3.corrupt-*"))


def test_unwritable_location_raises_cache_error(tmp_path: Path) -> None:
    from claimcmp.errors import CacheError

    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(CacheError, match="CLAIMCMP_CACHE_DIR"):
        EmbeddingCache(blocker / "sub").count()


def test_env_var_sets_default_location(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMCMP_CACHE_DIR", str(tmp_path / "c"))
    assert default_cache_dir() == tmp_path / "c"
    assert EmbeddingCache().path == tmp_path / "c" / "embeddings.sqlite3"


def _writer(folder: str, worker: int, n: int) -> None:
    cache = EmbeddingCache(folder)
    for i in range(n):
        # half the keys are shared between workers, half are the worker's own
        key = f"shared-{i}" if i % 2 else f"w{worker}-{i}"
        cache.put_many("m", {key: vec(i if i % 2 else 1000 * worker + i)})
        cache.get_many("m", [key, f"shared-{i - 1}"])


def test_concurrent_processes_corrupt_nothing(tmp_path: Path) -> None:
    ctx = mp.get_context("spawn")
    workers = [ctx.Process(target=_writer, args=(str(tmp_path), w, 120)) for w in range(3)]
    for p in workers:
        p.start()
    for p in workers:
        p.join(120)
        assert p.exitcode == 0
    cache = EmbeddingCache(tmp_path)
    keys = [f"shared-{i}" for i in range(1, 120, 2)] + [f"w{w}-{i}" for w in range(3) for i in range(0, 120, 2)]
    got = cache.get_many("m", keys)
    assert len(got) == len(keys)
    for i in range(1, 120, 2):
        np.testing.assert_array_equal(got[f"shared-{i}"], vec(i))
    with sqlite3.connect(cache.path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_damaged_pages_never_yield_wrong_vectors(tmp_path: Path) -> None:
    cache = EmbeddingCache(tmp_path)
    originals = {f"k{i}": vec(i, dim=96) for i in range(400)}
    cache.put_many("m", originals)
    cache.close()
    with sqlite3.connect(tmp_path / "embeddings.sqlite3") as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    path = tmp_path / "embeddings.sqlite3"
    data = bytearray(path.read_bytes())
    rng = np.random.default_rng(0)
    for offset in range(8192, len(data) - 64, 4096):  # scribble over every page after the first two
        data[offset : offset + 64] = rng.integers(0, 256, 64, dtype=np.uint8).tobytes()
    path.write_bytes(bytes(data))
    got = EmbeddingCache(tmp_path).get_many("m", list(originals))
    for key, vector in got.items():
        np.testing.assert_array_equal(vector, originals[key])
    assert len(got) < len(originals)
