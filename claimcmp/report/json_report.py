"""The JSON report: a versioned, canonical serialisation of an :class:`~claimcmp.analysis.Analysis`.

Canonical means byte-identical for equal analyses: keys sorted, floats
rounded to :data:`FLOAT_DECIMALS` decimals, two-space indent, UTF-8 text
(non-ASCII kept), a final newline. The schema ships as
``claimcmp/schema/report.schema.json`` (see ``docs/report-schema.md``).
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from importlib import resources
from typing import TYPE_CHECKING, Any

from ..analysis import SCHEMA_VERSION, check_schema_version
from ..errors import InternalError

if TYPE_CHECKING:  # pragma: no cover
    from ..analysis import Analysis

__all__ = ["FLOAT_DECIMALS", "SCHEMA_VERSION", "canonical", "check_schema_version", "load_schema", "render_json"]

#: Decimals kept for every float in the JSON report.
FLOAT_DECIMALS = 4


def canonical(value: Any, decimals: int = FLOAT_DECIMALS) -> Any:
    """``value`` with floats rounded (``-0.0`` as ``0.0``) and tuples as lists."""
    if isinstance(value, bool) or value is None or isinstance(value, (int, str)):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise InternalError(f"Cannot write the non-finite number {value} to JSON.", fix="Report a bug.")
        rounded = round(value, decimals)
        return 0.0 if rounded == 0 else rounded
    if isinstance(value, Mapping):
        return {str(k): canonical(v, decimals) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [canonical(v, decimals) for v in value]
    if hasattr(value, "item"):  # numpy scalars
        return canonical(value.item(), decimals)
    raise InternalError(f"Cannot write a {type(value).__name__} to JSON.", fix="Report a bug.")


def render_json(analysis: Analysis) -> str:
    """The JSON report text (ends with a newline)."""
    data = canonical(analysis.to_dict())
    return json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def load_schema() -> dict[str, Any]:
    """The shipped JSON Schema (draft 2020-12) of the report."""
    text = resources.files("claimcmp").joinpath("schema", "report.schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema
