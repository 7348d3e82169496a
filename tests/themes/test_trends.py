import datetime as dt

from claimcmp.themes import Trend, classify_trend
from claimcmp.themes._trends import last_third_start

D = dt.date
FIRST, LAST = D(2024, 1, 1), D(2024, 1, 31)  # last third starts on 2024-01-21


def test_last_third_start() -> None:
    assert last_third_start(FIRST, LAST) == D(2024, 1, 21)
    assert last_third_start(FIRST, FIRST) == FIRST


def test_one_off_is_one_release_whatever_the_date() -> None:
    assert classify_trend(1, [D(2024, 1, 25)], FIRST, LAST) is Trend.ONE_OFF
    assert classify_trend(1, [], FIRST, LAST) is Trend.ONE_OFF


def test_emerging_first_seen_in_last_third() -> None:
    assert classify_trend(2, [D(2024, 1, 21), D(2024, 1, 30)], FIRST, LAST) is Trend.EMERGING
    # one day earlier and it was there before the last third: recurring
    assert classify_trend(2, [D(2024, 1, 20), D(2024, 1, 30)], FIRST, LAST) is Trend.RECURRING


def test_fading_not_seen_in_last_third() -> None:
    assert classify_trend(3, [D(2024, 1, 1), D(2024, 1, 10), D(2024, 1, 20)], FIRST, LAST) is Trend.FADING


def test_recurring_before_and_in_last_third() -> None:
    assert classify_trend(2, [D(2024, 1, 1), D(2024, 1, 31)], FIRST, LAST) is Trend.RECURRING


def test_undated_or_single_day_series_is_recurring() -> None:
    assert classify_trend(2, [], FIRST, LAST) is Trend.RECURRING
    assert classify_trend(2, [FIRST, FIRST], FIRST, FIRST) is Trend.RECURRING
    assert classify_trend(2, [FIRST], None, None) is Trend.RECURRING
