"""Stored analyses: identical input and settings reuse the stored result, anything else recomputes."""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path

import pytest

from claimcmp.analysis import analyze
from claimcmp.analysis import _store
from claimcmp.analysis._store import AnalysisStore, code_fingerprint, plain_or_none
from claimcmp.ingest import load_releases
from tests.analysis.helpers import random_head
from tests.conftest import SEED, FakeEmbedder


class NamedEmbedder(FakeEmbedder):
    """A fake embedder with a cache identity, as the real Embedder has."""

    identity = "fake-384"

    def __init__(self) -> None:
        super().__init__(384)


def _run(tmp_path: Path, embedder: FakeEmbedder, releases=None, **options):
    return analyze(releases or SEED, embedder=embedder, cache_dir=tmp_path, **options)


def test_second_run_loads_the_stored_analysis_without_embedding(tmp_path: Path) -> None:
    first_embedder, second_embedder = NamedEmbedder(), NamedEmbedder()
    first = _run(tmp_path, first_embedder)
    second = _run(tmp_path, second_embedder)
    assert first_embedder.calls == 1 and second_embedder.calls == 0
    assert second == first
    assert second.to_json() == first.to_json() and second.to_html() == first.to_html()
    assert len(list((tmp_path / "analyses").glob("*.json.gz"))) == 1


def test_changed_text_or_settings_or_reuse_false_recompute(tmp_path: Path) -> None:
    _run(tmp_path, NamedEmbedder())
    release = load_releases([SEED])[0]
    edited = dataclasses.replace(release, text=release.text.replace("grave concern", "deep concern"))
    for kwargs in (
        {"releases": [edited]},
        {"compare_options": {"top_k": 3}},
        {"theme_options": {"period": "month"}},
        {"pair": ("Russia", "OPCW")},
        {"reuse": False},
    ):
        embedder = NamedEmbedder()
        _run(tmp_path, embedder, **kwargs)
        assert embedder.calls == 1, kwargs


def test_runs_with_objects_in_their_settings_are_not_stored(tmp_path: Path) -> None:
    _run(tmp_path, NamedEmbedder(), compare_options={"head": random_head(384)})
    _run(tmp_path, FakeEmbedder(384))  # no identity: its vectors cannot be told apart
    assert not (tmp_path / "analyses").exists()


def test_a_damaged_stored_analysis_is_recomputed(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    first = _run(tmp_path, NamedEmbedder())
    (stored,) = (tmp_path / "analyses").glob("*.json.gz")
    stored.write_bytes(b"not gzip")
    embedder = NamedEmbedder()
    with caplog.at_level(logging.WARNING, logger="claimcmp.analysis._store"):
        again = _run(tmp_path, embedder)
    assert embedder.calls == 1 and again == first
    assert "unreadable" in caplog.text


def test_store_keeps_the_most_recently_used(tmp_path: Path) -> None:
    analysis = _run(tmp_path / "run", NamedEmbedder())
    store = AnalysisStore(tmp_path / "store", keep=2)
    for key in ("a", "b", "c"):
        store.put(key, analysis)
    assert sorted(p.name for p in store.folder.glob("*.json.gz")) == ["b.json.gz", "c.json.gz"]
    assert store.get("a") is None and store.get("b") == analysis


def test_code_fingerprint_follows_the_package_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "mod.py").write_text("x = 1\n")
    monkeypatch.setattr(_store, "_PACKAGE", tmp_path)
    code_fingerprint.cache_clear()
    try:
        before = code_fingerprint()
        (tmp_path / "mod.py").write_text("x = 22\n")
        code_fingerprint.cache_clear()
        assert code_fingerprint() != before
    finally:
        code_fingerprint.cache_clear()


def test_plain_or_none_refuses_objects_anywhere() -> None:
    assert plain_or_none({"a": [1, "x", None], "p": Path("f.yaml")}) == {"a": [1, "x", None], "p": "f.yaml"}
    assert plain_or_none({"a": [1, object()]}) is None
    assert plain_or_none({"head": object()}) is None


def test_an_unwritable_store_only_warns(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    analysis = _run(tmp_path / "run", NamedEmbedder())
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the store folder should be")
    store = AnalysisStore(blocker / "analyses")
    with caplog.at_level(logging.WARNING, logger="claimcmp.analysis._store"):
        store.put("k", analysis)
    assert "could not store" in caplog.text
    assert store.get("k") is None
