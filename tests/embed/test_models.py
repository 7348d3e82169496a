"""Finding models offline, failing fast with a fix when they are not here."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from claimcmp.embed import DEFAULT_MODEL, resolve_model
from claimcmp.errors import ModelNotFoundError


def test_default_model_comes_from_the_package() -> None:
    resolved = resolve_model(None)
    assert resolved.name == DEFAULT_MODEL
    assert Path(resolved.path, "model.safetensors").is_file()
    assert resolved.identity.startswith(DEFAULT_MODEL + "@")
    assert resolve_model("all-MiniLM-L6-v2") == resolved


def test_unknown_hub_name_fails_fast_without_network() -> None:
    start = time.perf_counter()
    with pytest.raises(ModelNotFoundError, match="never downloads") as info:
        resolve_model("some-org/model-that-is-not-here")
    assert time.perf_counter() - start < 2
    assert "local folder" in info.value.fix


def test_folder_without_model(tmp_path: Path) -> None:
    with pytest.raises(ModelNotFoundError, match="no sentence-transformers model"):
        resolve_model(tmp_path)


def test_file_is_not_a_model(tmp_path: Path) -> None:
    file = tmp_path / "weights.bin"
    file.write_bytes(b"0")
    with pytest.raises(ModelNotFoundError, match="is a file"):
        resolve_model(file)


def test_local_folder_identity_depends_on_config(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "config.json").write_text('{"hidden_size": 1}')
    (tmp_path / "b" / "config.json").write_text('{"hidden_size": 2}')
    assert resolve_model(tmp_path / "a").identity != resolve_model(tmp_path / "b").identity
    assert resolve_model(tmp_path / "a").identity == resolve_model(tmp_path / "a").identity
