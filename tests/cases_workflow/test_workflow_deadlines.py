"""Deadlines of workflow states, through the foundation's calendar: regimes, zones, weekends and holidays."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from netral.cases.workflow import deadline_for, is_overdue
from netral.rules.calendar import HolidayDataMissing

WIB = ZoneInfo("Asia/Jakarta")
WITA = ZoneInfo("Asia/Makassar")


def eod(y: int, m: int, d: int, zone: ZoneInfo) -> dt.datetime:
    return dt.datetime.combine(dt.date(y, m, d), dt.time.max, tzinfo=zone)


# 9 Apr 2024 23:30 WIB is already 10 Apr 00:30 WITA; 8–12 and 15 Apr 2024 are Idulfitri holidays and cuti bersama.
LATE_ON_THE_NINTH = dt.datetime(2024, 4, 9, 23, 30, tzinfo=WIB)


def test_the_pemilu_initial_study_over_idulfitri_2024_runs_in_calendar_days_from_the_local_day() -> None:
    wib = deadline_for("bawaslu", "diterima", LATE_ON_THE_NINTH, "pemilu", "Asia/Jakarta")
    wita = deadline_for("bawaslu", "diterima", LATE_ON_THE_NINTH, "pemilu", "Asia/Makassar")
    assert wib == eod(2024, 4, 11, WIB)  # 2 days, holidays not skipped (the law says hari)
    assert wita == eod(2024, 4, 12, WITA)  # the same moment is already the 10th in Banjarmasin
    assert wita is not None and wib is not None and wita - wib == dt.timedelta(hours=23)


def test_the_pilkada_initial_study_is_three_days() -> None:
    due = deadline_for("bawaslu", "diterima", LATE_ON_THE_NINTH, "pilkada", "Asia/Jakarta")
    assert due == eod(2024, 4, 12, WIB)


def test_the_reporters_completion_window_is_24_hours_whatever_the_holidays() -> None:
    asked = dt.datetime(2024, 4, 9, 14, 0, tzinfo=WITA)
    due = deadline_for("bawaslu", "menunggu_kelengkapan", asked, "pemilu", "Asia/Makassar")
    assert due == dt.datetime(2024, 4, 10, 14, 0, tzinfo=WITA)


def test_bawaslus_sbt_study_skips_idulfitri_2024_in_working_days() -> None:
    verified = dt.datetime(2024, 4, 5, 10, 0, tzinfo=WITA)  # Friday before Idulfitri
    due = deadline_for("asn", "diverifikasi_satgas", verified, "pilkada", "Asia/Makassar")
    assert due == eod(2024, 4, 18, WITA)  # 16, 17, 18 Apr are the first three working days


def test_the_extended_pemilu_follow_up_is_14_working_days_from_registration() -> None:
    registered = dt.datetime(2024, 4, 1, 9, 0, tzinfo=WIB)
    events = {"report_registered": registered}
    entered = dt.datetime(2024, 4, 4, 9, 0, tzinfo=WIB)
    due = deadline_for("bawaslu", "kajian_diperpanjang", entered, "pemilu", "Asia/Jakarta", events=events)
    # 2–5 Apr (4), Idulfitri 8–12 and 15 skipped, 16–19 (8), 22–26 (13), 29 Apr (14)
    assert due == eod(2024, 4, 29, WIB)


def test_the_follow_up_clock_does_not_restart_in_clarification_and_study() -> None:
    received = dt.datetime(2024, 10, 1, 9, 0, tzinfo=WITA)
    registered = dt.datetime(2024, 10, 2, 15, 0, tzinfo=WITA)
    events = {"report_received": received, "report_registered": registered}
    later = dt.datetime(2024, 10, 3, 8, 0, tzinfo=WITA)
    for state in ("teregistrasi", "klarifikasi", "kajian"):
        # Pemilu: 7 days from registration; Pilkada: 3 days from receipt (UU 10/2016 Pasal 134(5))
        assert deadline_for("bawaslu", state, later, "pemilu", "Asia/Makassar", events=events) == eod(2024, 10, 9, WITA)
        assert deadline_for("bawaslu", state, later, "pilkada", "Asia/Makassar", events=events) == eod(
            2024, 10, 4, WITA
        )


def test_without_the_event_the_clock_starts_when_the_state_was_entered() -> None:
    entered = dt.datetime(2024, 10, 3, 8, 0, tzinfo=WITA)
    assert deadline_for("bawaslu", "teregistrasi", entered, "pemilu", "Asia/Makassar") == eod(2024, 10, 10, WITA)


def test_states_without_a_clock_have_no_deadline() -> None:
    moment = dt.datetime(2024, 10, 3, 8, 0, tzinfo=WITA)
    assert deadline_for("bawaslu", "informasi_awal", moment, "pemilu", "Asia/Makassar") is None
    assert deadline_for("asn", "telaah_bkn", moment, "pilkada", "Asia/Makassar") is None
    assert deadline_for("gakkumdu", "penyidikan", moment, "pilkada", "Asia/Makassar") is None
    assert not is_overdue("asn", "telaah_bkn", moment, "pilkada", "Asia/Makassar", moment + dt.timedelta(days=400))


def test_a_ppk_that_lets_ten_days_pass_is_overdue() -> None:
    received = dt.datetime(2024, 11, 1, 10, 0, tzinfo=WITA)
    events = {"recommendation_received": received}
    due = deadline_for("asn", "menunggu_ppk", received, "pilkada", "Asia/Makassar", events=events)
    assert due == eod(2024, 11, 11, WITA)
    assert not is_overdue("asn", "menunggu_ppk", received, "pilkada", "Asia/Makassar", eod(2024, 11, 11, WITA))
    just_after = dt.datetime(2024, 11, 12, 0, 0, 1, tzinfo=WITA)
    assert is_overdue("asn", "menunggu_ppk", received, "pilkada", "Asia/Makassar", just_after)
    # the same instant seen from Jakarta is still 11 Nov 23:00:01 there, but the office's zone decides
    assert is_overdue("asn", "menunggu_ppk", received, "pilkada", "Asia/Makassar", just_after.astimezone(WIB))


def test_the_finding_clock_runs_seven_days_from_discovery() -> None:
    discovered = dt.datetime(2024, 2, 10, 16, 0, tzinfo=WIB)
    assert deadline_for("bawaslu", "hasil_pengawasan", discovered, "pemilu", "Asia/Jakarta") == eod(2024, 2, 17, WIB)


def test_bad_arguments_are_refused() -> None:
    moment = dt.datetime(2024, 10, 3, 8, 0, tzinfo=WITA)
    with pytest.raises(ValueError, match="regime"):
        deadline_for("bawaslu", "diterima", moment, "asn", "Asia/Makassar")
    with pytest.raises(ValueError, match="timezone-aware"):
        deadline_for("bawaslu", "diterima", dt.datetime(2024, 10, 3, 8, 0), "pemilu", "Asia/Makassar")
    with pytest.raises(ValueError, match="timezone-aware"):
        is_overdue("bawaslu", "diterima", moment, "pemilu", "Asia/Makassar", dt.datetime(2024, 10, 9))
    with pytest.raises(KeyError):
        deadline_for("bawaslu", "dibekukan", moment, "pemilu", "Asia/Makassar")


def test_a_working_day_deadline_into_a_year_without_holiday_data_fails_loudly() -> None:
    late = dt.datetime(2027, 12, 30, 10, 0, tzinfo=WIB)
    with pytest.raises(HolidayDataMissing):
        deadline_for("asn", "diverifikasi_satgas", late, "pemilu", "Asia/Jakarta")
