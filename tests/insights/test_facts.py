"""The fact tables: every dashboard figure read from them equals the figure read straight from the case tables
(over generated cases and hand-made edge cases, for every level, drill-down and filter), and the case services keep
them equal to the case tables in the same transaction."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from tests.insights.conftest import (
    ALUH_ALUH,
    BANJAR,
    BARITO_KUALA,
    KALSEL,
    START,
    SURABAYA,
    MakeAlert,
    MakeCase,
    sanction,
)
from tests.people import staff_user

from netral.accounts.access import region_scope
from netral.accounts.models import User
from netral.cases.models import Case, ReportedPerson, Track, TrackEvent
from netral.cases.models.people import SubjectType
from netral.cases.services import do_merge, do_transition, suggest_registration_number
from netral.cases.services.intake import NewCase, do_receive_case
from netral.cases.workflow import load_workflow
from netral.cli import main
from netral.geo.models import Region
from netral.insights import services
from netral.insights.facts import differences, refresh_facts
from netral.insights.filters import Filters
from netral.insights.from_cases import CASES
from netral.insights.from_facts import _days, late_threshold_us
from netral.insights.models import CaseFact, StepFact
from netral.insights.synthetic import generate
from netral.rules.catalogue import load_catalogue
from netral.rules.models import Election

pytestmark = pytest.mark.django_db

TABLE_KEYS = ("wilayah", "mingguan", "jenis", "subjek", "jabatan", "instansi", "pemilihan", "tahap", "hasil")
FILTERS = (
    Filters(),
    Filters(election="pemilu_2024"),
    Filters(violation="D9"),
    Filters(violation="D1"),  # a prefix of D10–D13: must not find them
    Filters(subject="village"),
    Filters(date_from=dt.date(2024, 10, 7), date_to=dt.date(2024, 11, 30)),
    Filters(election="pilkada_2024", violation="E1", subject="asn", date_from=dt.date(2024, 10, 1)),
)


def _steps(case: Case, gaps: list[tuple[str, str, dt.timedelta]]) -> None:
    """Append steps to the case's bawaslu track: (transition, state entered, time since the previous event)."""
    track = Track.objects.get(case=case, kind="bawaslu")
    at = TrackEvent.objects.filter(track=track).latest("at", "pk").at
    for transition, target, gap in gaps:
        at += gap
        TrackEvent.objects.create(track=track, transition=transition, from_state=track.state, to_state=target, at=at)
        track.state, track.entered_at = target, at
    track.save()
    refresh_facts([case.pk])


@pytest.fixture
def varied(make_case: MakeCase, make_alert: MakeAlert) -> None:
    """Generated cases in four regencies (skewed, every intake, election, subject type and ending, asn tracks
    with sanctions, alerts), plus the cases that break shortcuts."""
    generate(240, seed=11, alerts=25, regions=[BANJAR, BARITO_KUALA, "63.71", SURABAYA])
    kept = make_case(ALUH_ALUH)
    duplicate = make_case(ALUH_ALUH, violations=("E7",), subject="polri", position="Bhabinkamtibmas", agency="Polres")
    sanction(duplicate)
    Case.objects.filter(pk=duplicate.pk).update(merged_into=kept)
    refresh_facts([duplicate.pk])
    make_case(KALSEL, violations=())  # at the province itself, no SKB type
    desa = Region.objects.filter(parent_id=ALUH_ALUH).order_by("code").first()
    assert desa is not None
    make_case(desa.code, election="pemilu_2024", violations=("D10", "D13"))
    several = make_case(BANJAR, violations=("D1", "D9"))
    for subject, position, agency in (("village", "Kepala Desa", ""), ("asn", "Camat", "Pemerintah Kabupaten")):
        ReportedPerson.objects.create(
            case=several, name="Terlapor Kedua", subject_type=subject, position=position, agency=agency
        )
    for _ in range(2):  # two ended asn tracks on one case
        sanction(several)
        Track.objects.filter(case=several, kind="asn").update(ended=True)
    refresh_facts([several.pk])
    sunday_night = dt.datetime(2024, 10, 6, 16, 59, 59, 999999, tzinfo=dt.UTC)  # 23:59:59.999999 WIB
    make_case(BARITO_KUALA, received_at=sunday_night)
    make_case(BARITO_KUALA, received_at=sunday_night + dt.timedelta(microseconds=1))  # Monday 00:00 WIB
    make_alert(BARITO_KUALA, at=sunday_night)
    # Steps exactly at a deadline and one microsecond over it (diterima: 2 days under Pemilu; menunggu
    # kelengkapan: 24 hours), an even number of them, and two events at the same moment (ordered by id).
    two_days, a_day, tick = dt.timedelta(days=2), dt.timedelta(hours=24), dt.timedelta(microseconds=1)
    for extra in (dt.timedelta(0), tick, tick, dt.timedelta(0)):
        case = make_case(SURABAYA, election="pemilu_2024", received_at=START)
        _steps(case, [("minta_kelengkapan", "menunggu_kelengkapan", two_days + extra)])
        _steps(case, [("lengkapi", "diterima", a_day + extra), ("registrasi", "teregistrasi", dt.timedelta(0))])


def _views(users: dict[str, User]) -> list[tuple[User, str]]:
    return [
        (users["ri"], ""),
        (users["ri"], "63"),
        (users["ri"], BANJAR),
        (users["ri"], ALUH_ALUH),
        (users["ri"], "35"),
        (users["kalsel"], ""),
        (users["kalsel"], BARITO_KUALA),
        (users["banjar"], ""),
        (users["banjar"], ALUH_ALUH),
        (users["panwascam"], ""),
    ]


def test_every_dashboard_figure_from_the_facts_equals_the_figure_from_the_cases(
    varied: None, ri: User, kalsel: User, banjar: User
) -> None:
    assert differences() == []
    panwascam = staff_user("panwascam-aluh", "panwascam", ALUH_ALUH)
    compared = 0
    for user, code in _views({"ri": ri, "kalsel": kalsel, "banjar": banjar, "panwascam": panwascam}):
        scope = region_scope(user)
        focus = services.resolve_focus(scope, code)
        for filters in FILTERS:
            from_facts = services.dashboard(scope, focus, filters)
            assert from_facts == services.dashboard(scope, focus, filters, source=CASES), (user, code, filters)
            handling = services.handling_times(scope, focus, filters)
            assert handling == services.handling_times(scope, focus, filters, source=CASES), (user, code, filters)
            for key in TABLE_KEYS:
                assert services.table(scope, focus, filters, key) == services.table(
                    scope, focus, filters, key, source=CASES
                ), (user, code, filters, key)
            compared += 1
    assert compared == 70
    scope = region_scope(ri)
    national = services.dashboard(scope, services.resolve_focus(scope, ""), Filters())
    assert national.summary["cases"] == 240 + 10 and national.summary["sanctions"] > 2  # the data has substance
    assert len(services.handling_times(scope, services.resolve_focus(scope, ""), Filters()).rows) > 6


def test_the_map_layers_and_index_agree_both_ways(varied: None, ri: User, banjar: User) -> None:
    for user in (ri, banjar):
        scope = region_scope(user)
        for focus in (services.resolve_focus(scope, ""), services.map_province(scope, KALSEL)):
            for filters in (Filters(), Filters(subject="asn")):
                assert services.region_rows(scope, focus, filters) == services.region_rows(
                    scope, focus, filters, source=CASES
                )
                assert services.vulnerability(scope, focus, filters) == services.vulnerability(
                    scope, focus, filters, source=CASES
                )


def test_agencies_with_equal_counts_keep_the_order_the_database_sorts_them_in(
    varied: None, ri: User, make_case: MakeCase
) -> None:
    for agency in ("dinas sosial", "Dinas Sosial", "Ábdi Praja", "Zeta", "Alfa Uji", "alfa uji", "Ñusa", "Beta") * 2:
        make_case(BANJAR, agency=agency)  # twelve agencies seen twice: ties around the tenth place
    scope = region_scope(ri)
    shown = services.dashboard(scope, services.resolve_focus(scope, ""), Filters()).tables["instansi"].rows
    people = ReportedPerson.objects.filter(case__merged_into__isnull=True).exclude(agency="")
    before = people.values_list("agency").annotate(n=Count("pk")).order_by("-n", "agency")[: services.TOP]
    assert shown == [[agency, n] for agency, n in before]  # the query the dashboard ran before


def test_the_deadline_threshold_splits_steps_exactly_where_the_reference_does() -> None:
    for limit in (1.0, 2.0, 3.0, 5.0, 7.0, 10.0, 1 / 24, 5 / 24, 36 / 24, 0.1):
        threshold = late_threshold_us(limit)
        assert not _days(threshold) > limit and _days(threshold + 1) > limit


def test_codes_stored_in_lists_never_contain_the_separators() -> None:
    workflow = load_workflow()
    codes = [t.kind for t in workflow.tracks] + [s.code for t in workflow.tracks for s in t.states]
    codes += [v.code for v in load_catalogue().violation_types] + list(SubjectType.values)
    assert all(code and " " not in code and ":" not in code for code in codes)


# --- kept by the case services ------------------------------------------------------------------------------------


def _new_case(actor: User, *, persons: int = 1) -> Case:
    return do_receive_case(
        actor,
        NewCase(
            intake="laporan",
            election=Election.objects.get(code="pilkada_2024"),
            summary="Camat hadir pada kampanye pasangan calon",
            event_region=Region.objects.get(code=ALUH_ALUH),
            reporter=None,
            reported_persons=[
                {"name": f"Terlapor {i}", "position": "Camat", "agency": "Pemda", "subject_type": subject}
                for i, subject in zip(range(persons), ("asn", "village"), strict=False)
            ],
            violation_codes=["E1", "D9"],
        ),
    )


def _track(case: Case, kind: str = "bawaslu") -> Track:
    return Track.objects.get(case=case, kind=kind)


def _forward(case: Case, banjar: User) -> None:
    today = timezone.localdate().isoformat()
    do_transition(_track(case), "registrasi", banjar, {"registration": suggest_registration_number(case)})
    do_transition(_track(case), "mulai_kajian", banjar, {})
    do_transition(_track(case), "ajukan_pleno", banjar, {"study": {"conclusion": "Terbukti"}})
    letter = {"number": "001/PP/2024", "date": today}
    do_transition(
        _track(case),
        "putuskan_teruskan",
        banjar,
        {"decision": letter, "recommendation_letter": letter, "tracks": ["asn", "gakkumdu"]},
    )


def test_the_case_services_keep_the_fact_rows_equal_to_the_case_tables(banjar: User, ppk: User) -> None:
    bkn = staff_user("bkn", "bkn_reviewer", None)
    case = _new_case(banjar, persons=2)
    fact = CaseFact.objects.get(case=case)
    assert (fact.violations, fact.subjects, fact.tracks) == (" D9 E1 ", " asn village ", " bawaslu:diterima:0 ")
    assert not StepFact.objects.filter(case=case).exists() and differences() == []
    _forward(case, banjar)
    assert differences() == [] and StepFact.objects.filter(case=case).count() == 4
    today = timezone.localdate().isoformat()

    def asn() -> Track:  # read again after every step
        return _track(case, "asn")

    do_transition(asn(), "verifikasi_satgas", bkn, {})
    do_transition(asn(), "validasi_bawaslu", banjar, {})
    recommendation = {"number": "R-1", "date": today, "sanction_level": "ringan"}
    do_transition(asn(), "rekomendasi_ppk", bkn, {"recommendation": recommendation})
    sanction = {"level": "ringan", "type": "Teguran tertulis", "decree_number": "800/1/2024", "decree_date": today}
    do_transition(asn(), "catat_sanksi", ppk, {"sanction": sanction})
    do_transition(_track(case, "gakkumdu"), "hentikan", banjar, {"reason": "Tidak cukup bukti"})
    assert differences() == []
    fact = CaseFact.objects.get(case=case)
    # The asn track is still open (stage and outcome count only bawaslu tracks and ended ones); gakkumdu ended.
    assert fact.sanctions == 1 and "asn:" not in fact.tracks
    assert [t for t in fact.tracks.split() if t.startswith("gakkumdu:") and t.endswith(":1")]


def test_a_change_rolled_back_takes_its_fact_rows_with_it(banjar: User) -> None:
    case = _new_case(banjar)

    def register_then_fail() -> None:
        with transaction.atomic():
            do_transition(_track(case), "registrasi", banjar, {"registration": suggest_registration_number(case)})
            assert CaseFact.objects.get(case=case).tracks == " bawaslu:teregistrasi:0 "
            raise RuntimeError("the request failed after the transition")

    with pytest.raises(RuntimeError):
        register_then_fail()
    assert CaseFact.objects.get(case=case).tracks == " bawaslu:diterima:0 " and differences() == []


def test_a_merged_case_loses_its_fact_rows(banjar: User) -> None:
    kept, duplicate = _new_case(banjar), _new_case(banjar)
    do_merge(duplicate, kept, banjar)
    assert list(CaseFact.objects.values_list("case_id", flat=True)) == [kept.pk]
    assert differences() == []


def test_the_facts_command_finds_rows_changed_behind_the_services_and_rebuilds_them(
    banjar: User, capsys: pytest.CaptureFixture[str]
) -> None:
    case, other = _new_case(banjar), _new_case(banjar)
    assert main(["facts", "--check"]) == 0
    Case.objects.filter(pk=case.pk).update(closed=True)  # an edit that bypassed the services
    CaseFact.objects.filter(case=other).delete()
    assert main(["facts", "--check"]) == 1
    assert f"2 perkara berbeda dari fakta: {case.pk}, {other.pk}" in capsys.readouterr().out
    assert main(["facts", "--rebuild"]) == 0
    assert main(["facts", "--check"]) == 0 and CaseFact.objects.get(case=case).closed
