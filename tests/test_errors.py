"""The error hierarchy: one code per class, every code documented in docs/errors.md with its base."""

from __future__ import annotations

import re
from pathlib import Path

import claimcmp.errors as errors

DOC = Path(__file__).resolve().parents[1] / "docs" / "errors.md"


def _classes() -> list[type[errors.ClaimcmpError]]:
    return [getattr(errors, name) for name in errors.__all__]


def test_every_error_is_a_claimcmp_error_with_its_own_code():
    classes = _classes()
    assert all(issubclass(cls, errors.ClaimcmpError) for cls in classes)
    codes = [cls.__dict__.get("code") for cls in classes]
    assert None not in codes, "every class sets its own code"
    assert len(set(codes)) == len(codes)
    assert all(re.fullmatch(r"E\d{3}", code) for code in codes)


def test_a_subclass_code_falls_in_its_family():
    for cls in _classes():
        parent = cls.__mro__[1]
        if parent is not errors.ClaimcmpError and issubclass(parent, errors.ClaimcmpError):
            assert cls.code[:2] == parent.code[:2], cls.__name__


def test_every_code_is_documented_with_its_class():
    rows = {m.group(1): m.group(2) for m in re.finditer(r"^\| (E\d{3}) \| `(\w+)` \|", DOC.read_text(), re.M)}
    assert rows == {cls.code: cls.__name__ for cls in _classes()}


def _raised_names() -> dict[str, list[str]]:
    """Class name -> ``module:line`` of every ``raise Name(...)`` in the package."""
    import ast

    found: dict[str, list[str]] = {}
    package = Path(errors.__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and isinstance(node.exc.func, ast.Name):
                found.setdefault(node.exc.func.id, []).append(f"{path.relative_to(package)}:{node.lineno}")
    return found


def test_every_claimcmp_error_raised_in_the_package_is_a_documented_class():
    documented = set(re.findall(r"^\| E\d{3} \| `(\w+)` \|", DOC.read_text(), re.M))
    raised = {name for name in _raised_names() if name.endswith("Error") and hasattr(errors, name)}
    assert raised, "the scan found the package's raises"
    assert raised <= documented
    assert {"ModelFileError", "SchemaVersionError", "ShapeMismatchError", "InternalError"} <= raised


def test_invalid_argument_errors_are_not_used_for_bugs_model_files_or_schema_versions():
    import ast

    package = Path(errors.__file__).resolve().parent
    offenders = []
    for path in sorted(package.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)):
                continue
            func = node.exc.func
            if isinstance(func, ast.Name) and func.id == "ConfigurationError":
                text = ast.unparse(node.exc).lower()
                if "report a bug" in text or "schema_version" in text or "retrain" in text or "reinstall" in text:
                    offenders.append(f"{path.name}:{node.lineno}")
    assert offenders == []
