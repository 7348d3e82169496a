from __future__ import annotations

import datetime as dt

import pytest

from claimcmp.ingest import normalize_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-11-29", "2024-11-29"),
        ("2024-11-29T10:11:12-05:00", "2024-11-29"),
        ("29 November 2024", "2024-11-29"),
        ("November 29, 2024", "2024-11-29"),
        ("Friday, 7 July 2023", "2023-07-07"),
        ("25/12/2023", "2023-12-25"),
        ("12/25/2023", "2023-12-25"),
        (dt.date(2021, 2, 10), "2021-02-10"),
        (dt.datetime(2021, 2, 10, 22, 0), "2021-02-10"),
        ("", None),
        (None, None),
    ],
)
def test_normalize_date(value: object, expected: str | None) -> None:
    assert normalize_date(value) == expected


@pytest.mark.parametrize("value", ["03/04/2024", "next Tuesday", "2024-13-01", "July"])
def test_bad_dates_raise(value: str) -> None:
    with pytest.raises(ValueError):
        normalize_date(value)
