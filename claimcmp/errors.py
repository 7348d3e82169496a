"""Every error claimcmp raises, in one hierarchy.

Catch :class:`ClaimcmpError` to handle them all. Each error carries a short
``code`` (stable across versions, quoted in the docs) and a ``fix``: one
sentence telling the user what to do about it.

::

    ClaimcmpError
    ├── IngestError                 (path, line)
    │   ├── ReleaseNotFoundError
    │   ├── UnsupportedFormatError
    │   ├── DecodeError
    │   ├── EmptyReleaseError
    │   ├── HeaderError
    │   ├── DateError
    │   ├── DuplicateIdError
    │   └── MalformedRecordError
    ├── SidesFileError              (path)
    ├── ExtractionError
    ├── EmbeddingError
    │   ├── ModelNotFoundError
    │   ├── MissingDependencyError
    │   ├── CacheError
    │   └── UnsupportedModelError
    ├── NotFittedError
    ├── ConfigurationError
    │   └── ShapeMismatchError
    ├── OutputPathError
    ├── ModelFileError
    ├── SchemaVersionError
    ├── DistributedError
    └── InternalError
"""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "CacheError",
    "ClaimcmpError",
    "ConfigurationError",
    "DateError",
    "DecodeError",
    "DistributedError",
    "DuplicateIdError",
    "EmbeddingError",
    "EmptyReleaseError",
    "ExtractionError",
    "HeaderError",
    "InternalError",
    "IngestError",
    "MalformedRecordError",
    "MissingDependencyError",
    "ModelFileError",
    "ModelNotFoundError",
    "NotFittedError",
    "OutputPathError",
    "ReleaseNotFoundError",
    "SchemaVersionError",
    "ShapeMismatchError",
    "SidesFileError",
    "UnsupportedFormatError",
    "UnsupportedModelError",
]


class ClaimcmpError(Exception):
    """Base class of every claimcmp error.

    Parameters
    ----------
    message : str
        What went wrong.
    fix : str, default=""
        What the user should do about it.
    """

    code = "E000"

    def __init__(self, message: str, *, fix: str = "") -> None:
        self.message = message
        self.fix = fix
        super().__init__(self._format())

    def _format(self) -> str:
        text = f"[{self.code}] {self.message}"
        if self.fix:
            text += f" Fix: {self.fix}"
        return text

    def one_line(self) -> str:
        """The message and fix on one line, for command-line output."""
        return " ".join(self._format().split())


class IngestError(ClaimcmpError):
    """A release file could not be read; names the file (and line)."""

    code = "E100"

    def __init__(
        self,
        message: str,
        *,
        path: str | Path | None = None,
        line: int | None = None,
        fix: str = "",
    ) -> None:
        self.path = None if path is None else str(path)
        self.line = line
        where = ""
        if self.path is not None:
            where = self.path if line is None else f"{self.path}:{line}"
            where += ": "
        super().__init__(where + message, fix=fix)


class ReleaseNotFoundError(IngestError):
    """The path given does not exist."""

    code = "E101"


class UnsupportedFormatError(IngestError):
    """The file extension is not one claimcmp reads."""

    code = "E102"


class DecodeError(IngestError):
    """The file is not valid text in the expected encoding."""

    code = "E103"


class EmptyReleaseError(IngestError):
    """The release has no body text."""

    code = "E104"


class HeaderError(IngestError):
    """The metadata header or front matter is malformed."""

    code = "E105"


class DateError(IngestError):
    """The release date cannot be understood."""

    code = "E106"


class DuplicateIdError(IngestError):
    """Two releases share one id."""

    code = "E107"


class MalformedRecordError(IngestError):
    """A JSON Lines record is not a valid release object."""

    code = "E108"


class SidesFileError(ClaimcmpError):
    """The sides file is missing or malformed."""

    code = "E200"

    def __init__(self, message: str, *, path: str | Path | None = None, fix: str = "") -> None:
        self.path = None if path is None else str(path)
        prefix = f"{self.path}: " if self.path else ""
        super().__init__(prefix + message, fix=fix)


class ExtractionError(ClaimcmpError):
    """Statements could not be extracted from a release."""

    code = "E300"


class EmbeddingError(ClaimcmpError):
    """Statements could not be embedded."""

    code = "E400"


class ModelNotFoundError(EmbeddingError):
    """The embedding model is neither installed nor a local path."""

    code = "E401"


class MissingDependencyError(EmbeddingError):
    """An optional dependency needed for this feature is not installed."""

    code = "E402"


class CacheError(EmbeddingError):
    """The embedding cache cannot be opened or written."""

    code = "E403"


class UnsupportedModelError(EmbeddingError):
    """The embedding model is installed but this backend cannot run it (pooling, tokenizer, variant)."""

    code = "E404"


class NotFittedError(ClaimcmpError, ValueError):
    """A model was used before ``fit`` was called."""

    code = "E500"


class ConfigurationError(ClaimcmpError, ValueError):
    """An argument or setting has an invalid value."""

    code = "E600"


class ShapeMismatchError(ConfigurationError):
    """Arrays passed together do not line up: embedding rows, topic ids or labels against statements."""

    code = "E601"


class OutputPathError(ClaimcmpError):
    """A report or other output file cannot be written where it was asked for."""

    code = "E700"


class ModelFileError(ClaimcmpError):
    """A model file (relation head, cross-encoder, same-topic model) is missing, unreadable or inconsistent."""

    code = "E800"


class SchemaVersionError(ClaimcmpError, ValueError):
    """A saved report or model uses a schema version this claimcmp cannot read."""

    code = "E810"


class DistributedError(ClaimcmpError):
    """A task on the distributed backend (a Dask cluster) failed or returned an unexpected result."""

    code = "E820"


class InternalError(ClaimcmpError):
    """claimcmp reached a state it should never reach: a bug to report."""

    code = "E900"
