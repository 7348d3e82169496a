"""The version of the report layout written by :meth:`Analysis.to_dict` and read by ``from_dict``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..errors import SchemaVersionError

__all__ = ["SCHEMA_VERSION", "check_schema_version"]

#: Version of the report layout: MAJOR changes break readers, MINOR only add fields.
SCHEMA_VERSION = "1.1"


def check_schema_version(data: Mapping[str, Any]) -> None:
    """Raise :class:`~claimcmp.errors.SchemaVersionError` unless ``data`` is a report this claimcmp can read."""
    version = data.get("schema_version")
    if not isinstance(version, str) or version.split(".")[0] != SCHEMA_VERSION.split(".")[0]:
        raise SchemaVersionError(
            f"Report schema_version {version!r} is not readable by this claimcmp (schema {SCHEMA_VERSION}).",
            fix="Re-create the report with this claimcmp version (claimcmp report PATH --format json).",
        )
