import datetime as dt

import pytest

from claimcmp.errors import ConfigurationError
from claimcmp.themes import choose_period, period_key
from claimcmp.themes._periods import parse_date, period_keys_between

D = dt.date


@pytest.mark.parametrize(
    ("days", "expected"),
    [(0, "day"), (14, "day"), (15, "week"), (90, "week"), (91, "month"), (731, "month"), (732, "quarter")],
)
def test_auto_period_follows_the_span(days: int, expected: str) -> None:
    start = D(2024, 1, 1)
    assert choose_period([start + dt.timedelta(days=days), start], "auto") == expected


def test_fixed_period_and_no_dates() -> None:
    assert choose_period([D(2020, 1, 1), D(2024, 1, 1)], "week") == "week"
    assert choose_period([], "auto") == "month"
    with pytest.raises(ConfigurationError):
        choose_period([], "fortnight")


def test_period_keys_sort_in_time_order() -> None:
    day = D(2024, 11, 29)
    assert period_key(day, "day") == "2024-11-29"
    assert period_key(day, "week") == "2024-W48"
    assert period_key(day, "month") == "2024-11"
    assert period_key(day, "quarter") == "2024-Q4"
    # ISO week of 2024-12-30 belongs to 2025
    assert period_key(D(2024, 12, 30), "week") == "2025-W01"
    with pytest.raises(ConfigurationError):
        period_key(day, "year")


def test_keys_between_cover_empty_buckets() -> None:
    assert period_keys_between(D(2024, 1, 31), D(2024, 4, 1), "month") == ["2024-01", "2024-02", "2024-03", "2024-04"]
    assert period_keys_between(D(2023, 12, 1), D(2024, 2, 1), "quarter") == ["2023-Q4", "2024-Q1"]


def test_parse_date_accepts_iso_prefix_only() -> None:
    assert parse_date("2024-11-29T10:00:00") == D(2024, 11, 29)
    assert parse_date("29 November 2024") is None
    assert parse_date(None) is None
