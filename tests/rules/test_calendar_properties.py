"""Properties of the deadline calendar that hold for every start, amount and zone (hypothesis)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from netral.rules.calendar import INDONESIAN_ZONES, due, is_working_day, working_days_between
from netral.rules.catalogue import Unit, load_catalogue

HOLIDAYS = load_catalogue().holiday_dates()
UNITS: tuple[Unit, ...] = ("days", "working_days", "hours")
EXPRESSED_IN = [ZoneInfo(z) for z in (*INDONESIAN_ZONES, "UTC", "Europe/Amsterdam", "America/New_York")]

region_zones = st.sampled_from(INDONESIAN_ZONES)
units = st.sampled_from(UNITS)
amounts = st.integers(min_value=1, max_value=30)
starts = st.datetimes(
    min_value=dt.datetime(2023, 1, 1),
    max_value=dt.datetime(2027, 10, 31),
    timezones=st.sampled_from(EXPRESSED_IN),
)


def _due(start: dt.datetime, amount: int, unit: Unit, tz: str) -> dt.datetime:
    return due(start, amount, unit, tz=tz, holidays=HOLIDAYS)


@given(starts, amounts, units, region_zones)
def test_due_is_always_after_start(start: dt.datetime, amount: int, unit: Unit, tz: str) -> None:
    assert _due(start, amount, unit, tz) > start


@given(starts, amounts, units, region_zones)
def test_due_is_expressed_in_the_region_zone(start: dt.datetime, amount: int, unit: Unit, tz: str) -> None:
    result = _due(start, amount, unit, tz)
    assert result.tzinfo == ZoneInfo(tz)


@given(starts, amounts, region_zones)
def test_a_working_day_deadline_never_lands_on_a_weekend_or_holiday(start: dt.datetime, amount: int, tz: str) -> None:
    result = _due(start, amount, "working_days", tz)
    assert result.weekday() < 5
    assert result.date() not in HOLIDAYS
    assert is_working_day(result.date(), HOLIDAYS)
    assert result.time() == dt.time.max


@given(starts, amounts, region_zones)
def test_a_working_day_deadline_is_exactly_n_working_days_after_the_start_day(
    start: dt.datetime, amount: int, tz: str
) -> None:
    result = _due(start, amount, "working_days", tz)
    local_start = start.astimezone(ZoneInfo(tz)).date()
    assert working_days_between(local_start, result.date(), HOLIDAYS) == amount


@given(starts, st.integers(1, 15), st.integers(1, 15), units, region_zones)
def test_adding_n_then_m_equals_adding_n_plus_m(start: dt.datetime, n: int, m: int, unit: Unit, tz: str) -> None:
    # Holds exactly because a day-based deadline is the END of a day: continuing from it counts from that day.
    assert _due(_due(start, n, unit, tz), m, unit, tz) == _due(start, n + m, unit, tz)


@given(starts, st.timedeltas(min_value=dt.timedelta(0), max_value=dt.timedelta(days=40)), amounts, units, region_zones)
def test_due_is_monotonic_in_start(
    start: dt.datetime, later_by: dt.timedelta, amount: int, unit: Unit, tz: str
) -> None:
    assert _due(start, amount, unit, tz) <= _due(start + later_by, amount, unit, tz)


@given(starts, amounts, amounts, units, region_zones)
def test_due_is_strictly_increasing_in_amount(start: dt.datetime, a: int, b: int, unit: Unit, tz: str) -> None:
    low, high = sorted((a, b))
    if low == high:
        assert _due(start, low, unit, tz) == _due(start, high, unit, tz)
    else:
        assert _due(start, low, unit, tz) < _due(start, high, unit, tz)


@settings(max_examples=200)
@given(starts, st.sampled_from(EXPRESSED_IN), amounts, units, region_zones)
def test_the_due_instant_does_not_depend_on_the_zone_the_start_is_expressed_in(
    start: dt.datetime, other: ZoneInfo, amount: int, unit: Unit, tz: str
) -> None:
    assert _due(start, amount, unit, tz) == _due(start.astimezone(other), amount, unit, tz)


@given(starts, amounts, region_zones)
def test_calendar_day_deadlines_end_at_the_end_of_the_nth_local_day(start: dt.datetime, amount: int, tz: str) -> None:
    result = _due(start, amount, "days", tz)
    assert result.date() - start.astimezone(ZoneInfo(tz)).date() == dt.timedelta(days=amount)
    assert result.time() == dt.time.max
