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
