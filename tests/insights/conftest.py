"""People and a compact case factory for the insights tests.

Kabupaten Banjar (63.03) and Barito Kuala (63.04) in Kalimantan Selatan (63), plus Kota Surabaya (35.78) in Jawa
Timur. Cases are written straight to the tables (a case, its bawaslu track, its events) so tests can place them
in any state and week, then their fact rows are written as the case services would (`refresh_facts`); the
workflow itself is tested in tests/cases.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone
from tests.people import staff_user

from netral.accounts.models import User
from netral.cases.models import Case, CaseViolationType, ReportedPerson, Track, TrackEvent
from netral.insights.facts import refresh_facts
from netral.monitor.models import Alert, Story

BANJAR, BARITO_KUALA, KALSEL, SURABAYA = "63.03", "63.04", "63", "35.78"
ALUH_ALUH = "63.03.01"


_user = staff_user


@pytest.fixture
def banjar(db: None) -> User:
    return _user("bawaslu-banjar", "bawaslu_kabkota", BANJAR)


@pytest.fixture
def batola(db: None) -> User:
    return _user("bawaslu-batola", "bawaslu_kabkota", BARITO_KUALA)


@pytest.fixture
def kalsel(db: None) -> User:
    return _user("bawaslu-kalsel", "bawaslu_provinsi", KALSEL)


@pytest.fixture
def ri(db: None) -> User:
    return _user("bawaslu-ri", "bawaslu_ri", None)


@pytest.fixture
def analyst(db: None) -> User:
    return _user("analis", "analyst", None)


@pytest.fixture
def ppk(db: None) -> User:
    return _user("ppk-banjar", "ppk_officer", BANJAR)


MakeCase = Callable[..., Case]

START = dt.datetime(2024, 10, 7, 2, 0, tzinfo=dt.UTC)  # a Monday during the Pilkada 2024 campaign


@pytest.fixture
def make_case(db: None) -> MakeCase:
    def make(
        region: str = ALUH_ALUH,
        *,
        intake: str = "laporan",
        election: str = "pilkada_2024",
        received_at: dt.datetime = START,
        violations: tuple[str, ...] = ("D9",),
        subject: str = "asn",
        position: str = "Camat",
        agency: str = "Pemerintah Kabupaten",
        path: tuple[tuple[str, str, int], ...] = (),
        registered: bool = False,
        **fields: Any,
    ) -> Case:
        """A case; `path` = (transition, to_state, days after the previous step) taken on its bawaslu track."""
        case = Case.objects.create(
            intake=intake,
            regime="pilkada" if election.startswith("pilkada") else "pemilu",
            election_id=election,
            summary="Kasus sintetis untuk uji dasbor",
            event_region_id=region,
            received_at=received_at,
            workflow_version="2026.1",
            registration_number=f"REG-{Case.objects.count() + 1}" if registered else "",
            **fields,
        )
        for code in violations:
            CaseViolationType.objects.create(case=case, violation_type_id=code)
        ReportedPerson.objects.create(
            case=case, name="Terlapor Sintetis", position=position, agency=agency, subject_type=subject
        )
        state, at = "diterima", received_at
        track = Track.objects.create(case=case, kind="bawaslu", state=state, entered_at=at)
        TrackEvent.objects.create(track=track, transition="terima", from_state="", to_state=state, at=at)
        for transition, target, days in path:
            at = at + dt.timedelta(days=days)
            TrackEvent.objects.create(track=track, transition=transition, from_state=state, to_state=target, at=at)
            state = target
        track.state, track.entered_at = state, at
        track.ended = state in {"selesai", "dihentikan", "tidak_diregistrasi", "informasi_diarsipkan"}
        track.save()
        if track.ended:
            case.closed = True
            case.save()
        refresh_facts([case.pk])
        return case

    return make


MakeAlert = Callable[..., Alert]


@pytest.fixture
def make_alert(db: None) -> MakeAlert:
    def make(region: str = ALUH_ALUH, at: dt.datetime = START) -> Alert:
        story = Story.objects.create(title="Berita sintetis", first_seen=at, last_seen=at, region_id=region)
        return Alert.objects.create(story=story, region_id=region, created_at=at, updated_at=at)

    return make


def sanction(case: Case, at: dt.datetime | None = None) -> TrackEvent:
    """Record a sanction on an asn child track of `case` (the transition the workflow marks as imposing one)."""
    from netral.insights.services import sanction_transitions

    moment = at or timezone.now()
    track = Track.objects.create(case=case, kind="asn", state="sanksi_dijatuhkan", entered_at=moment, ended=False)
    event = TrackEvent.objects.create(
        track=track,
        transition=sanction_transitions()[0],
        from_state="menunggu_ppk",
        to_state="sanksi_dijatuhkan",
        at=moment,
    )
    refresh_facts([case.pk])
    return event


@pytest.fixture(autouse=True)
def _no_cache(settings: Any) -> None:
    """Every request computes afresh (the query-count tests need it); caching has its own test."""
    settings.NETRAL_INSIGHTS_CACHE_SECONDS = 0
