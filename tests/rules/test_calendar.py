"""The deadline calendar: worked examples around Idulfitri and the 2024 voting days, and its refusals."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from netral.rules.calendar import (
    HolidayDataMissing,
    due,
    due_for_step,
    end_of_day,
    is_working_day,
    remaining,
    working_days_between,
    zone_label,
)
from netral.rules.catalogue import load_catalogue

WIB = ZoneInfo("Asia/Jakarta")
WITA = ZoneInfo("Asia/Makassar")
WIT = ZoneInfo("Asia/Jayapura")
HOLIDAYS = load_catalogue().holiday_dates()


def at(y: int, m: int, d: int, hh: int = 10, mm: int = 0, zone: ZoneInfo = WIB) -> dt.datetime:
    return dt.datetime(y, m, d, hh, mm, tzinfo=zone)


def eod(y: int, m: int, d: int, zone: ZoneInfo = WIB) -> dt.datetime:
    return dt.datetime.combine(dt.date(y, m, d), dt.time.max, tzinfo=zone)


def test_one_working_day_after_the_friday_before_idulfitri_2024_is_the_tuesday_after() -> None:
    # 8–9 Apr cuti bersama, 10–11 libur nasional, 12 and 15 cuti bersama, weekends between.
    assert due(at(2024, 4, 5), 1, "working_days", tz="Asia/Jakarta", holidays=HOLIDAYS) == eod(2024, 4, 16)


def test_the_pemilu_report_window_across_idulfitri_2024_ends_on_24_april() -> None:
    result = due_for_step(at(2024, 4, 5), "pemilu", "penyampaian_laporan", tz="Asia/Jakarta")
    assert result == eod(2024, 4, 24)


def test_one_working_day_after_the_thursday_before_idulfitri_2025_is_8_april() -> None:
    # 28 Mar cuti bersama Nyepi, 29 Nyepi, 31 Mar – 1 Apr Idulfitri, 2–4 and 7 Apr cuti bersama.
    assert due(at(2025, 3, 27), 1, "working_days", tz="Asia/Jakarta", holidays=HOLIDAYS) == eod(2025, 4, 8)


def test_calendar_days_run_through_idulfitri_2025_without_extension() -> None:
    result = due_for_step(at(2025, 3, 28, 9), "pilkada", "penyampaian_laporan", tz="Asia/Jakarta")
    assert result == eod(2025, 4, 4)


def test_the_pemilu_2024_voting_day_is_skipped_as_a_working_day() -> None:
    assert not is_working_day(dt.date(2024, 2, 14), HOLIDAYS)
    assert due(at(2024, 2, 13), 1, "working_days", tz="Asia/Jakarta", holidays=HOLIDAYS) == eod(2024, 2, 15)
    result = due_for_step(at(2024, 2, 13), "pemilu", "kajian_bawaslu_sbt", tz="Asia/Makassar")
    assert result == eod(2024, 2, 19, WITA)


def test_the_pilkada_2024_voting_day_is_skipped_as_a_working_day() -> None:
    assert due(at(2024, 11, 26), 1, "working_days", tz="Asia/Jakarta", holidays=HOLIDAYS) == eod(2024, 11, 28)


def test_calendar_days_count_the_voting_day_like_any_other_day() -> None:
    result = due_for_step(at(2024, 2, 13), "pemilu", "kajian_awal", tz="Asia/Jakarta")
    assert result == eod(2024, 2, 15)


def test_the_cli_example_kajian_awal_from_voting_day_in_makassar() -> None:
    result = due_for_step(at(2024, 2, 14, 10, 0, WITA), "pemilu", "kajian_awal", tz="Asia/Makassar")
    assert result == eod(2024, 2, 16, WITA)
    assert result.tzinfo == WITA


def test_working_days_cross_the_new_year_and_christmas_leave() -> None:
    # 25 Dec libur nasional, 26 Dec cuti bersama, 28–29 weekend.
    assert due(at(2024, 12, 24), 2, "working_days", tz="Asia/Jakarta", holidays=HOLIDAYS) == eod(2024, 12, 30)


def test_a_report_during_the_pemilu_2024_campaign_runs_across_christmas_2023() -> None:
    # 25 Dec 2023 libur nasional, 26 Dec cuti bersama, 1 Jan 2024 libur nasional: 27-29 Dec, 2-5 Jan.
    result = due_for_step(at(2023, 12, 22), "pemilu", "penyampaian_laporan", tz="Asia/Pontianak")
    assert result == eod(2024, 1, 5)


def test_hours_are_exact_elapsed_hours() -> None:
    start = at(2024, 2, 14, 10, 0, WITA)
    result = due(start, 24, "hours", tz="Asia/Makassar", holidays=HOLIDAYS)
    assert result == at(2024, 2, 15, 10, 0, WITA)
    assert result - start == dt.timedelta(hours=24)


def test_the_local_day_is_the_day_in_the_region_zone() -> None:
    start = at(2024, 3, 4, 23, 30, WIB)  # already 5 March 01:30 in Jayapura
    assert due(start, 1, "days", tz="Asia/Jakarta", holidays=HOLIDAYS) == eod(2024, 3, 5, WIB)
    assert due(start, 1, "days", tz="Asia/Jayapura", holidays=HOLIDAYS) == eod(2024, 3, 6, WIT)


def test_the_start_day_does_not_count_even_at_dawn() -> None:
    assert due(at(2024, 3, 4, 0, 0), 1, "working_days", tz="Asia/Jakarta", holidays=()) == eod(2024, 3, 5)


def test_a_naive_start_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        due(dt.datetime(2024, 2, 14, 10), 2, "days", tz="Asia/Jakarta", holidays=HOLIDAYS)


@pytest.mark.parametrize("amount", [0, -1])
def test_a_non_positive_amount_is_refused(amount: int) -> None:
    with pytest.raises(ValueError, match="positive"):
        due(at(2024, 2, 14), amount, "days", tz="Asia/Jakarta", holidays=HOLIDAYS)


def test_an_unknown_zone_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown time zone"):
        due(at(2024, 2, 14), 2, "days", tz="Asia/Banjarmasin", holidays=HOLIDAYS)


def test_working_day_deadlines_into_a_year_without_holiday_data_fail_loudly() -> None:
    with pytest.raises(HolidayDataMissing, match="2028"):
        due_for_step(at(2027, 12, 28), "pemilu", "penyampaian_laporan", tz="Asia/Jakarta")


def test_calendar_day_deadlines_need_no_holiday_data() -> None:
    assert due_for_step(at(2028, 5, 1), "pemilu", "kajian_awal", tz="Asia/Jakarta") == eod(2028, 5, 3)


def test_an_unknown_step_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        due_for_step(at(2024, 2, 14), "pemilu", "banding", tz="Asia/Jakarta")


def test_working_days_between_excludes_the_first_day_and_includes_the_last() -> None:
    assert working_days_between(dt.date(2024, 4, 5), dt.date(2024, 4, 16), HOLIDAYS) == 1
    assert working_days_between(dt.date(2024, 4, 16), dt.date(2024, 4, 5), HOLIDAYS) == -1
    assert working_days_between(dt.date(2024, 3, 4), dt.date(2024, 3, 4), HOLIDAYS) == 0


def test_end_of_day_is_the_last_microsecond_of_the_local_day() -> None:
    moment = end_of_day(dt.date(2024, 2, 14), "Asia/Jayapura")
    assert moment + dt.timedelta(microseconds=1) == at(2024, 2, 15, 0, 0, WIT)


def test_remaining_reports_on_track_due_soon_and_overdue() -> None:
    deadline = eod(2024, 2, 16)
    far = remaining(at(2024, 2, 14), deadline)
    assert (far.status, far.overdue, far.label) == ("on_track", False, "Masih dalam batas waktu")
    assert remaining(at(2024, 2, 16, 9), deadline).status == "due_soon"
    assert remaining(deadline, deadline).status == "due_soon"
    late = remaining(at(2024, 2, 17, 0, 0), deadline)
    assert late.overdue
    assert late.left < dt.timedelta(0)
    assert late.label == "Lewat batas waktu"


def test_remaining_refuses_naive_datetimes() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        remaining(dt.datetime(2024, 2, 14), eod(2024, 2, 16))


def test_zone_labels_are_wib_wita_wit() -> None:
    assert [zone_label(z) for z in ("Asia/Jakarta", "Asia/Pontianak", "Asia/Makassar", "Asia/Jayapura")] == [
        "WIB",
        "WIB",
        "WITA",
        "WIT",
    ]
