"""Normalising release dates to ISO 8601 (``YYYY-MM-DD``)."""

from __future__ import annotations

import datetime as dt
import re

__all__ = ["normalize_date"]

_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$")
_NUMERIC = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$")


def normalize_date(value: object) -> str | None:
    """Return ``value`` as ``YYYY-MM-DD``, or None when it is empty.

    Accepts ISO dates and timestamps, ``datetime``/``date`` objects, and
    written dates such as "29 November 2024" or "November 29, 2024".
    Numeric dates like "03/04/2024" are accepted only when unambiguous (one
    part above 12).

    Raises
    ------
    ValueError
        With a message explaining why the date cannot be read.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip().strip("'\"")
    if not text:
        return None
    match = _ISO.match(text)
    if match:
        year, month, day = (int(g) for g in match.groups())
        return dt.date(year, month, day).isoformat()
    match = _NUMERIC.match(text)
    if match:
        first, second, year = (int(g) for g in match.groups())
        if first <= 12 and second <= 12 and first != second:
            raise ValueError(f"{text!r} is ambiguous (day/month or month/day?)")
        day, month = (first, second) if first > 12 else (second, first)
        return dt.date(year, month, day).isoformat()
    from dateutil import parser as date_parser

    try:
        parsed = date_parser.parse(text, default=dt.datetime(1, 1, 1), fuzzy=False)
    except (ValueError, OverflowError) as exc:
        raise ValueError(f"{text!r} is not a date") from exc
    if parsed.year == 1:
        raise ValueError(f"{text!r} has no year")
    return str(parsed.date().isoformat())
