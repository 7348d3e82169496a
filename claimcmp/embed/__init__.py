"""Embedding statements: offline model resolution, the embedder and its cache."""

from .cache import EmbeddingCache, default_cache_dir, text_key
from .embedder import BACKENDS, Embedder, EmbedStats
from .models import DEFAULT_MODEL, ResolvedModel, resolve_model

__all__ = [
    "BACKENDS",
    "DEFAULT_MODEL",
    "EmbedStats",
    "Embedder",
    "EmbeddingCache",
    "ResolvedModel",
    "default_cache_dir",
    "resolve_model",
    "text_key",
]
