"""Run settings: what a report needs to be reproduced (model, parameters, versions)."""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import metadata
from typing import Any

from ..errors import ConfigurationError

__all__ = ["RunSettings", "library_versions"]

#: Distributions whose versions are recorded in every report.
VERSIONED = ("claimcmp", "numpy", "scikit-learn", "sentence-transformers", "torch")


def library_versions() -> dict[str, str | None]:
    """Installed versions of the libraries that shape the results (None when absent).

    Read from package metadata: nothing is imported.
    """
    from .._version import __version__

    versions: dict[str, str | None] = {}
    for name in VERSIONED:
        if name == "claimcmp":
            versions[name] = __version__
            continue
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return versions


@dataclass(frozen=True)
class RunSettings:
    """How an analysis was run.

    Parameters
    ----------
    model : str
        Embedding model name as asked for (default ``all-MiniLM-L6-v2``).
    model_identity : str
        Name plus a digest of the model's configuration and weights.
    compared_sides : (str, str) or None
        The main pair of sides: compared for relations, drawn in the heatmap.
    compared_pairs : tuple of (str, str)
        Every pair compared for relations and one-sided topics, the main pair
        first; default ``(compared_sides,)``.
    sides : mapping or None
        The sides given (``{side: {"aliases": [...]}}``), None when inferred.
    parameters : mapping
        Parameters per step: ``topics``, ``compare``, ``themes``, ``similarity``.
    versions : mapping of str to str or None
        Versions of claimcmp and the libraries behind the results.
    """

    model: str
    model_identity: str
    compared_sides: tuple[str, str] | None = None
    compared_pairs: tuple[tuple[str, str], ...] = ()
    sides: Mapping[str, Any] | None = None
    parameters: Mapping[str, Any] = field(default_factory=dict)
    versions: Mapping[str, str | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        pairs = tuple((str(a), str(b)) for a, b in self.compared_pairs)
        if self.compared_sides is not None:
            a, b = self.compared_sides
            object.__setattr__(self, "compared_sides", (str(a), str(b)))
            pairs = pairs or (self.compared_sides,)
        elif pairs:
            object.__setattr__(self, "compared_sides", pairs[0])
        if pairs and pairs[0] != self.compared_sides:
            raise ConfigurationError(
                f"compared_pairs must start with compared_sides {self.compared_sides!r}, got {pairs[0]!r}.",
                fix="List the main pair first.",
            )
        object.__setattr__(self, "compared_pairs", pairs)
        object.__setattr__(self, "sides", None if self.sides is None else copy.deepcopy(dict(self.sides)))
        object.__setattr__(self, "parameters", copy.deepcopy(dict(self.parameters)))
        object.__setattr__(self, "versions", dict(self.versions))

    __hash__ = None  # type: ignore[assignment]  # holds dicts

    def to_dict(self) -> dict[str, Any]:
        """A JSON-compatible dict."""
        return {
            "model": self.model,
            "model_identity": self.model_identity,
            "compared_sides": None if self.compared_sides is None else list(self.compared_sides),
            "compared_pairs": [list(p) for p in self.compared_pairs],
            "sides": copy.deepcopy(self.sides),
            "parameters": copy.deepcopy(dict(self.parameters)),
            "versions": dict(self.versions),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RunSettings:
        """Inverse of :meth:`to_dict`."""
        pair = data.get("compared_sides")
        return cls(
            model=str(data["model"]),
            model_identity=str(data["model_identity"]),
            compared_sides=None if pair is None else (pair[0], pair[1]),
            compared_pairs=tuple((a, b) for a, b in data.get("compared_pairs") or ()),
            sides=data.get("sides"),
            parameters=data.get("parameters") or {},
            versions=data.get("versions") or {},
        )
