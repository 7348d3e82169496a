"""The Dask backend on a small local cluster: same statements, same vectors, cache respected."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from claimcmp import Release, load_releases
from claimcmp.distributed import DaskBackend, DaskEmbedder
from claimcmp.embed import EmbeddingCache, text_key
from claimcmp.errors import ConfigurationError, MissingDependencyError
from claimcmp.extract import extract_statements

from ..conftest import SEED

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    """Two in-process workers (threads): real scheduling and gathering, quick to start."""
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, dashboard_address=":0", silence_logs=40
    )
    with distributed.Client(cluster) as dask_client:
        yield dask_client
    cluster.close()


def _releases() -> list[Release]:
    (seed,) = load_releases(SEED)
    others = [
        Release(id=f"r{i}", text=f"The Minister of Finance said on Monday that talks {i} had gone well. "
                "“We agreed on a plan,” she stated.", issuer="Ministry of Finance", date="2024-01-0" + str(i + 1))
        for i in range(5)
    ]
    return [seed, *others]


def test_extract_matches_the_local_loop(client: object) -> None:
    releases = _releases()
    local = [s for r in releases for s in extract_statements(r)]
    remote = DaskBackend(client, releases_per_task=2).extract(releases)
    assert remote == local
    assert len({s.release_id for s in remote}) == len(releases)


def test_extract_of_nothing_is_empty(client: object) -> None:
    assert DaskBackend(client).extract([]) == []


def test_bad_task_sizes_are_rejected(client: object) -> None:
    with pytest.raises(ConfigurationError, match="releases_per_task"):
        DaskBackend(client, releases_per_task=0).extract(_releases())
    with pytest.raises(ConfigurationError, match="texts_per_task"):
        DaskBackend(client, texts_per_task=0, backend="torch", cache_dir=None).embedder().encode(["new text"])


def test_cached_texts_never_reach_the_cluster(tmp_path: Path, client: object) -> None:
    backend = DaskBackend(client, cache_dir=tmp_path, backend="torch")
    embedder = backend.embedder()
    assert isinstance(embedder, DaskEmbedder) and not embedder.is_loaded
    EmbeddingCache(tmp_path).put_many(embedder.identity, {text_key(t): np.full(3, 1.0, np.float32) for t in "ab"})
    out = embedder.encode(["a", "b", "a"])
    assert out.shape == (3, 3)
    assert embedder.stats.encoded == 0 and embedder.stats.hits == 2


def test_missing_dask_gives_the_install_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(MissingDependencyError, match=r"claimcmp\[distributed\]"):
        DaskBackend().get_client()


@pytest.mark.slow
def test_embeddings_match_the_local_embedder_and_are_cached(tmp_path: Path, client: object) -> None:
    from claimcmp.embed import Embedder

    (seed,) = load_releases(SEED)
    texts = list(dict.fromkeys(s.text for s in extract_statements(seed)))
    assert len(texts) > 10
    backend = DaskBackend(client, cache_dir=tmp_path / "driver", texts_per_task=7, backend="onnx")
    remote = backend.embed(texts + texts[:5])
    local = Embedder(use_cache=False, backend="onnx").encode(texts + texts[:5])  # shares the session ONNX export
    assert remote.shape == (len(texts) + 5, 384)
    np.testing.assert_allclose(remote, local, atol=1e-5)
    again = backend.embedder()
    np.testing.assert_array_equal(again.encode(texts), remote[: len(texts)])
    assert again.stats.encoded == 0 and again.stats.hits == len(texts)


@pytest.mark.slow
def test_extract_on_worker_processes_serialises_releases_and_statements() -> None:
    """Separate worker processes: releases, sides and statements cross process boundaries as data."""
    releases = _releases()
    sides = {"sides": {"France": {"aliases": ["French"]}, "OPCW": {}}}
    from claimcmp.extract import load_sides

    local = [s for r in releases for s in extract_statements(r, load_sides(sides))]
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=40
    ) as cluster, distributed.Client(cluster) as process_client:
        remote = DaskBackend(process_client, releases_per_task=3).extract(releases, sides=sides)
    assert remote == local


@pytest.mark.slow
def test_analyze_with_the_cluster_embedder_equals_the_local_one(tmp_path: Path, client: object) -> None:
    from claimcmp.analysis import analyze
    from claimcmp.embed import Embedder

    releases = _releases()
    local = analyze(releases, embedder=Embedder(cache_dir=tmp_path / "local", backend="onnx"))
    remote = analyze(releases, embedder=DaskBackend(client, cache_dir=tmp_path / "driver", backend="onnx").embedder())
    assert [s.id for s in remote.statements] == [s.id for s in local.statements]
    assert remote.statement_topics == local.statement_topics
    assert remote.to_dict()["relations"] == local.to_dict()["relations"]
    assert remote.to_dict()["themes"] == local.to_dict()["themes"]


def _failing_task(*args: object) -> list[dict[str, object]]:
    raise RuntimeError("worker ran out of disk")


def test_a_failed_worker_task_is_a_distributed_error_naming_the_task(
    client: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from claimcmp.distributed import _tasks
    from claimcmp.errors import DistributedError

    monkeypatch.setattr(_tasks, "extract_batch", _failing_task)
    with pytest.raises(DistributedError, match=r"extraction task failed.*RuntimeError: worker ran out of disk") as info:
        DaskBackend(client).extract(_releases())
    assert info.value.code == "E820" and "every worker" in info.value.fix
