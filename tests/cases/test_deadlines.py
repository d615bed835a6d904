"""Deadlines stored on tracks: both regimes, weekends, holidays (Idulfitri 2024), WIB vs WITA, the clock events."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from tests.cases.conftest import MakeCase

from netral.accounts.models import User
from netral.cases.models import Case, Track
from netral.cases.services import do_transition, suggest_registration_number

pytestmark = pytest.mark.django_db

JAKARTA, MAKASSAR = ZoneInfo("Asia/Jakarta"), ZoneInfo("Asia/Makassar")


def end_of(day: dt.date, zone: ZoneInfo) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(23, 59, 59, 999999), tzinfo=zone)


def bawaslu(case: Case) -> Track:
    return Track.objects.get(case=case, kind="bawaslu")


@pytest.fixture
def ri(db: None) -> User:
    return User.objects.create_user("bawaslu-ri", role="bawaslu_ri")


def test_a_pemilu_report_late_in_wib_is_due_a_day_later_in_wita(make_case: MakeCase, ri: User) -> None:
    received = dt.datetime(2024, 4, 9, 23, 30, tzinfo=JAKARTA)  # already 10 April in WITA
    jakarta = make_case(election="pemilu_2024", region="31.71", actor=ri, received_at=received)
    banjar = make_case(election="pemilu_2024", region="63.03", actor=ri, received_at=received)
    assert bawaslu(jakarta).due_at == end_of(dt.date(2024, 4, 11), JAKARTA)
    assert bawaslu(banjar).due_at == end_of(dt.date(2024, 4, 12), MAKASSAR)


def test_a_pilkada_report_gets_three_calendar_days_over_a_weekend(make_case: MakeCase) -> None:
    received = dt.datetime(2024, 11, 1, 10, 0, tzinfo=MAKASSAR)  # a Friday
    case = make_case(election="pilkada_2024", received_at=received)
    assert bawaslu(case).due_at == end_of(dt.date(2024, 11, 4), MAKASSAR)


def test_the_follow_up_clock_runs_from_registration_in_pemilu_and_from_receipt_in_pilkada(
    make_case: MakeCase, banjar: User
) -> None:
    received = dt.datetime(2024, 11, 4, 9, 0, tzinfo=MAKASSAR)
    registered = dt.datetime(2024, 11, 5, 9, 0, tzinfo=MAKASSAR)
    for election, expected in (("pemilu_2024", dt.date(2024, 11, 12)), ("pilkada_2024", dt.date(2024, 11, 7))):
        case = make_case(election=election, received_at=received)
        number = suggest_registration_number(case, today=registered.date())
        do_transition(bawaslu(case), "registrasi", banjar, {"registration": number}, now=registered)
        assert bawaslu(case).due_at == end_of(expected, MAKASSAR), election
        # a later state of the same handling keeps the same clock
        do_transition(bawaslu(case), "mulai_kajian", banjar, {}, now=registered + dt.timedelta(days=1))
        assert bawaslu(case).due_at == end_of(expected, MAKASSAR), election


def test_the_extended_pemilu_study_counts_working_days_past_idulfitri(make_case: MakeCase, banjar: User) -> None:
    received = dt.datetime(2024, 4, 4, 9, 0, tzinfo=MAKASSAR)
    registered = dt.datetime(2024, 4, 5, 9, 0, tzinfo=MAKASSAR)  # Friday before the Idulfitri holidays
    case = make_case(election="pemilu_2024", received_at=received)
    number = suggest_registration_number(case, today=registered.date())
    do_transition(bawaslu(case), "registrasi", banjar, {"registration": number}, now=registered)
    do_transition(bawaslu(case), "perpanjang_waktu", banjar, {"reason": "Keterangan ahli"}, now=registered)
    # 6–7 weekend, 8–12 and 15 April Idulfitri and cuti bersama, 1 May Labour Day: 14 working days end 6 May
    assert bawaslu(case).due_at == end_of(dt.date(2024, 5, 6), MAKASSAR)


def test_bawaslus_study_after_a_satgas_verification_skips_the_holidays(
    make_case: MakeCase, banjar: User, bkn: User
) -> None:
    start = dt.datetime(2024, 3, 25, 9, 0, tzinfo=MAKASSAR)
    case = make_case(election="pemilu_2024", received_at=start)
    number = suggest_registration_number(case, today=start.date())
    do_transition(bawaslu(case), "registrasi", banjar, {"registration": number}, now=start)
    do_transition(bawaslu(case), "mulai_kajian", banjar, {}, now=start)
    do_transition(bawaslu(case), "ajukan_pleno", banjar, {"study": {"conclusion": "Terbukti"}}, now=start)
    letter = {"number": "1/PP/2024", "date": "2024-03-26"}
    do_transition(
        bawaslu(case),
        "putuskan_teruskan",
        banjar,
        {"decision": letter, "recommendation_letter": letter, "tracks": ["asn"]},
        now=dt.datetime(2024, 3, 26, 9, 0, tzinfo=MAKASSAR),
    )
    asn = Track.objects.get(case=case, kind="asn")
    verified = dt.datetime(2024, 4, 5, 10, 0, tzinfo=MAKASSAR)  # Friday
    do_transition(asn, "verifikasi_satgas", bkn, {}, now=verified)
    assert Track.objects.get(pk=asn.pk).due_at == end_of(dt.date(2024, 4, 18), MAKASSAR)
