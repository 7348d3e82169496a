"""The JSON report: schema-valid, canonical, versioned."""

from __future__ import annotations

import json

import jsonschema
import pytest

from claimcmp.analysis import Analysis
from claimcmp.errors import InternalError, SchemaVersionError
from claimcmp.report.json_report import SCHEMA_VERSION, canonical, check_schema_version, load_schema


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(load_schema())


@pytest.mark.parametrize("fixture", ["seed_analysis", "hostile_analysis"])
def test_report_validates_against_the_shipped_schema(fixture: str, request: pytest.FixtureRequest) -> None:
    analysis: Analysis = request.getfixturevalue(fixture)
    data = json.loads(analysis.to_json())
    jsonschema.Draft202012Validator(load_schema()).validate(data)
    assert data["schema_version"] == SCHEMA_VERSION


def test_schema_rejects_a_report_missing_a_section(seed_analysis: Analysis) -> None:
    data = json.loads(seed_analysis.to_json())
    del data["relations"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, load_schema())


def test_statements_carry_span_speaker_side_kind_topic(seed_analysis: Analysis) -> None:
    data = json.loads(seed_analysis.to_json())
    row = next(s for s in data["statements"] if s["side"] == "Russia")
    assert {"start", "end", "speaker", "side", "kind", "topic", "release_id", "text"} <= set(row)
    assert row["speaker"] == "Kirill Lysogorsky"


def test_json_is_canonical(seed_analysis: Analysis) -> None:
    text = seed_analysis.to_json()
    assert text.endswith("\n")
    data = json.loads(text)
    assert json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n" == text

    def floats(value: object) -> list[float]:
        if isinstance(value, float):
            return [value]
        if isinstance(value, dict):
            return [f for v in value.values() for f in floats(v)]
        if isinstance(value, list):
            return [f for v in value for f in floats(v)]
        return []

    assert all(round(f, 4) == f for f in floats(data))


def test_canonical_rounds_and_refuses_odd_values() -> None:
    assert canonical({"a": (0.123456, -0.00001)}) == {"a": [0.1235, 0.0]}
    with pytest.raises(InternalError):
        canonical(float("nan"))
    with pytest.raises(InternalError):
        canonical(object())


def test_json_writes_to_a_file(tmp_path, seed_analysis: Analysis) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "r.json"
    text = seed_analysis.to_json(out)
    assert out.read_text(encoding="utf-8") == text


def test_unknown_schema_major_version_is_refused(seed_analysis: Analysis) -> None:
    data = seed_analysis.to_dict()
    data["schema_version"] = "2.0"
    with pytest.raises(SchemaVersionError, match="schema_version"):
        Analysis.from_dict(data)
    with pytest.raises(SchemaVersionError):
        check_schema_version({})
