"""Recurring themes across a series of releases: timeline per side, repeated claims, stable ids.

:class:`ThemeTracker` is the estimator (fit / partial_fit / transform / merge); :func:`track_themes`
is the one-line form returning a :class:`ThemeSeries`. See ``docs/themes.md``
for the trend definitions.
"""

from ._api import track_themes
from ._claims import claim_id_for
from ._export import timeline_table, to_dataframe
from ._periods import PERIODS, choose_period, period_key
from ._results import Claim, Occurrence, Theme, ThemeSeries, TimelineRow
from ._tracker import ThemeTracker
from ._trends import Trend, classify_trend

__all__ = [
    "PERIODS",
    "Claim",
    "Occurrence",
    "Theme",
    "ThemeSeries",
    "ThemeTracker",
    "TimelineRow",
    "Trend",
    "choose_period",
    "claim_id_for",
    "classify_trend",
    "period_key",
    "timeline_table",
    "to_dataframe",
    "track_themes",
]
