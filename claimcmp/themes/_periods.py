"""Time buckets: choose a period for a series and name the bucket of a date.

Periods and their keys (keys sort in time order as strings):

==========  ====================  ===========================
period      key of 2024-11-29     chosen automatically when
==========  ====================  ===========================
day         ``2024-11-29``        span <= 14 days
week        ``2024-W48`` (ISO)    span <= 90 days
month       ``2024-11``           span <= 2 years (731 days)
quarter     ``2024-Q4``           longer spans
==========  ====================  ===========================
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ..errors import ConfigurationError

__all__ = ["PERIODS", "choose_period", "parse_date", "period_key", "period_keys_between"]

#: The periods understood, finest first.
PERIODS = ("day", "week", "month", "quarter")
_AUTO_LIMITS = (("day", 14), ("week", 90), ("month", 731))


def parse_date(value: str | None) -> dt.date | None:
    """An ISO ``YYYY-MM-DD`` date (longer ISO strings are cut), or None."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def choose_period(dates: Iterable[dt.date], period: str = "auto") -> str:
    """The period to bucket a series by.

    Parameters
    ----------
    dates : iterable of date
        The dates of the series (any order).
    period : {"auto", "day", "week", "month", "quarter"}, default="auto"
        A fixed period, or "auto" to choose by the span of ``dates`` (see the
        module table). No dates at all gives "month".
    """
    if period != "auto":
        if period not in PERIODS:
            raise ConfigurationError(
                f"Unknown period {period!r}.", fix="Use one of auto, " + ", ".join(PERIODS) + "."
            )
        return period
    dates = list(dates)
    if not dates:
        return "month"
    span = (max(dates) - min(dates)).days
    for name, limit in _AUTO_LIMITS:
        if span <= limit:
            return name
    return "quarter"


def period_key(date: dt.date, period: str) -> str:
    """The name of the bucket holding ``date``; keys sort chronologically."""
    if period == "day":
        return date.isoformat()
    if period == "week":
        year, week, _ = date.isocalendar()
        return f"{year}-W{week:02d}"
    if period == "month":
        return f"{date.year}-{date.month:02d}"
    if period == "quarter":
        return f"{date.year}-Q{(date.month - 1) // 3 + 1}"
    raise ConfigurationError(f"Unknown period {period!r}.", fix="Use one of " + ", ".join(PERIODS) + ".")


def period_keys_between(first: dt.date, last: dt.date, period: str) -> list[str]:
    """Every bucket key from ``first`` to ``last`` inclusive, in order (empty ones too)."""
    keys: list[str] = []
    step = dt.timedelta(days=1 if period == "day" else 7 if period == "week" else 28)
    day = first
    while day <= last:
        key = period_key(day, period)
        if not keys or keys[-1] != key:
            keys.append(key)
        day += step
    last_key = period_key(last, period)
    if not keys or keys[-1] != last_key:
        keys.append(last_key)
    return keys
