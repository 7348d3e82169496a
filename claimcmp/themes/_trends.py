"""Trend of a theme over the series: emerging, recurring, fading or one-off.

Let the series span ``[t0, t1]`` (the first and last release dates) and let
the *last third* be the dates ``>= t0 + 2/3 * (t1 - t0)``. For a theme seen
in the releases at dates ``d_1 <= ... <= d_n``:

* **one-off** — seen in one release only (``n == 1``);
* **emerging** — seen in at least two releases, all of them in the last
  third (it first appears there, so it rises from nothing);
* **fading** — seen in at least two releases, none in the last third
  (it was raised repeatedly, then stopped);
* **recurring** — every other theme: seen in at least two releases, before
  and within the last third.

Releases without a date take no part in the timing: a theme seen only in
undated releases is one-off (one release) or recurring (more).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from enum import Enum

__all__ = ["Trend", "classify_trend", "last_third_start"]


class Trend(str, Enum):  # noqa: UP042 - StrEnum would change str() of a trend, which reports print
    """How a theme behaves over the series (see the module docstring)."""

    EMERGING = "emerging"
    RECURRING = "recurring"
    FADING = "fading"
    ONE_OFF = "one-off"

    def __str__(self) -> str:
        return self.value


def last_third_start(first: dt.date, last: dt.date) -> dt.date:
    """The first date of the last third of ``[first, last]``."""
    return first + dt.timedelta(days=((last - first).days * 2 + 2) // 3)


def classify_trend(
    n_releases: int,
    dates: Sequence[dt.date],
    series_first: dt.date | None,
    series_last: dt.date | None,
) -> Trend:
    """The trend of a theme.

    Parameters
    ----------
    n_releases : int
        Distinct releases the theme is seen in (dated or not).
    dates : sequence of date
        Dates of the dated releases among them.
    series_first, series_last : date or None
        The span of the whole series.
    """
    if n_releases <= 1:
        return Trend.ONE_OFF
    if not dates or series_first is None or series_last is None or series_first == series_last:
        return Trend.RECURRING
    cutoff = last_third_start(series_first, series_last)
    if min(dates) >= cutoff:
        return Trend.EMERGING
    if max(dates) < cutoff:
        return Trend.FADING
    return Trend.RECURRING
