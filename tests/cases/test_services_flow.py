"""A case from report to recorded sanction through the services, with the multi-track (asn + gakkumdu) pattern."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from tests.cases.conftest import MakeCase

from netral.accounts.models import User
from netral.audit.models import AuditEntry
from netral.cases.models import Case, ClockEvent, Track, TrackEvent
from netral.cases.services import do_transition, suggest_registration_number
from netral.cases.services.transitions import CaseActionRefused
from netral.cases.workflow import IllegalTransition

pytestmark = pytest.mark.django_db


def today() -> str:
    return timezone.localdate().isoformat()


def track(case: Case, kind: str) -> Track:
    return Track.objects.get(case=case, kind=kind)


def run_to_plenary(case: Case, user: User) -> None:
    bawaslu = track(case, "bawaslu")
    do_transition(bawaslu, "registrasi", user, {"registration": suggest_registration_number(case)})
    do_transition(
        track(case, "bawaslu"),
        "undang_klarifikasi",
        user,
        {"invitations": [{"name": "Terlapor", "capacity": "terlapor"}]},
    )
    do_transition(track(case, "bawaslu"), "mulai_kajian", user, {"minutes": {"date": today()}})
    do_transition(track(case, "bawaslu"), "ajukan_pleno", user, {"study": {"conclusion": "Terbukti melanggar"}})


def test_a_report_runs_to_a_recorded_sanction_on_two_tracks(
    make_case: MakeCase, banjar: User, bkn: User, ppk: User
) -> None:
    case = make_case()
    assert case.receipt_number.endswith(f"/LP/PB/Kab/63.03/{case.receipt_number.split('/')[-2]}/{timezone.now().year}")
    assert track(case, "bawaslu").due_at is not None
    run_to_plenary(case, banjar)
    case.refresh_from_db()
    assert "/Reg/LP/PB/Kab/63.03/" in case.registration_number
    letter = {"number": "001/PP/2024", "date": today()}
    outcome = do_transition(
        track(case, "bawaslu"),
        "putuskan_teruskan",
        banjar,
        {"decision": letter, "recommendation_letter": letter, "tracks": ["asn", "gakkumdu"]},
    )
    assert {o.kind for o in outcome.opens} == {"asn", "gakkumdu"}
    asn, gakkumdu = track(case, "asn"), track(case, "gakkumdu")
    assert asn.ppk_region_code == "63.03" and asn.parent == track(case, "bawaslu")
    assert asn.due_at is not None and gakkumdu.due_at is None
    assert ClockEvent.objects.filter(case=case, code="referral_received").exists()

    # closing is refused while children run
    with pytest.raises(IllegalTransition) as refused:
        do_transition(track(case, "bawaslu"), "tutup", banjar, {})
    assert refused.value.reason == "children_open"

    do_transition(asn, "verifikasi_satgas", bkn, {})
    do_transition(track(case, "asn"), "validasi_bawaslu", banjar, {})
    do_transition(
        track(case, "asn"),
        "rekomendasi_ppk",
        bkn,
        {"recommendation": {"number": "B-1/BKN/2024", "date": today(), "sanction_level": "sedang"}},
    )
    do_transition(
        track(case, "asn"),
        "catat_sanksi",
        ppk,
        {
            "sanction": {
                "level": "sedang",
                "type": "Pemotongan tunjangan kinerja 25% selama 6 bulan",
                "decree_number": "800/12/BKPSDM/2024",
                "decree_date": today(),
            }
        },
    )
    do_transition(track(case, "asn"), "verifikasi_tindak_lanjut", bkn, {})
    do_transition(track(case, "gakkumdu"), "hentikan", banjar, {"reason": "Tidak cukup bukti"})
    do_transition(track(case, "bawaslu"), "tutup", banjar, {})

    case.refresh_from_db()
    assert case.closed
    assert not Track.objects.filter(case=case, ended=False).exists()
    sanction = TrackEvent.objects.get(track__case=case, transition="catat_sanksi")
    assert sanction.inputs["sanction"]["code"] == "disiplin_sedang" and sanction.role == "ppk_officer"
    actions = list(AuditEntry.objects.filter(object_id=str(case.pk)).values_list("action", flat=True))
    assert actions[0] == "case.received" and "case.catat_sanksi" in actions and actions[-1] == "case.tutup"


def test_an_illegal_transition_is_refused_with_an_indonesian_message(make_case: MakeCase, banjar: User) -> None:
    case = make_case()
    with pytest.raises(IllegalTransition) as refused:
        do_transition(track(case, "bawaslu"), "ajukan_pleno", banjar, {"study": {"conclusion": "x"}})
    assert refused.value.reason == "wrong_state"
    assert "tidak dapat dilakukan pada status" in str(refused.value)
    assert not AuditEntry.objects.filter(action="case.ajukan_pleno").exists()


def test_a_ppk_may_not_take_bawaslus_transition(make_case: MakeCase, ppk: User) -> None:
    case = make_case()
    with pytest.raises(CaseActionRefused):
        do_transition(track(case, "bawaslu"), "mulai_kajian", ppk, {})


def test_the_audit_entry_rolls_back_with_the_transition(make_case: MakeCase, banjar: User) -> None:
    from django.db import transaction

    case = make_case()
    before = AuditEntry.objects.count()
    seen = []

    def transition_then_fail() -> None:
        with transaction.atomic():
            do_transition(track(case, "bawaslu"), "minta_kelengkapan", banjar, {"missing_items": ["bukti"]})
            seen.append(AuditEntry.objects.count())
            raise RuntimeError("rollback")

    with pytest.raises(RuntimeError):
        transition_then_fail()
    assert seen == [before + 1]
    assert AuditEntry.objects.count() == before
    assert track(case, "bawaslu").state == "diterima"


def test_the_timeline_records_who_did_what_in_which_role(make_case: MakeCase, banjar: User) -> None:
    case = make_case()
    do_transition(track(case, "bawaslu"), "minta_kelengkapan", banjar, {"missing_items": ["bukti"]}, note="lengkapi")
    events = list(TrackEvent.objects.filter(track__case=case))
    assert [(e.transition, e.from_state, e.to_state) for e in events] == [
        ("laporan", "", "diterima"),
        ("minta_kelengkapan", "diterima", "menunggu_kelengkapan"),
    ]
    assert (
        events[1].actor == banjar
        and events[1].role == "bawaslu_kabkota"
        and events[1].inputs == {"missing_items": ["bukti"]}
    )


def test_a_ppk_that_lets_the_deadline_pass_opens_bkns_block_and_escalation(
    make_case: MakeCase, banjar: User, bkn: User, ppk: User
) -> None:
    case = make_case()
    run_to_plenary(case, banjar)
    letter = {"number": "001/PP/2024", "date": today()}
    do_transition(
        track(case, "bawaslu"),
        "putuskan_teruskan",
        banjar,
        {"decision": letter, "recommendation_letter": letter, "tracks": ["asn"]},
    )
    do_transition(track(case, "asn"), "verifikasi_satgas", bkn, {})
    do_transition(track(case, "asn"), "validasi_bawaslu", banjar, {})
    do_transition(
        track(case, "asn"),
        "rekomendasi_ppk",
        bkn,
        {"recommendation": {"number": "B-2/BKN/2024", "date": today(), "sanction_level": "ringan"}},
    )
    block = {"block": {"reference": "BLK-01", "date": today()}}
    with pytest.raises(IllegalTransition) as refused:
        do_transition(track(case, "asn"), "blokir_data", bkn, block)
    assert refused.value.reason == "not_overdue"
    due = track(case, "asn").due_at
    assert due is not None
    later = due + dt.timedelta(minutes=1)
    do_transition(track(case, "asn"), "blokir_data", bkn, block, now=later)
    do_transition(
        track(case, "asn"),
        "eskalasi",
        bkn,
        {"escalation": {"number": "E-1", "date": today(), "to": "kemendagri"}},
        now=later,
    )
    assert track(case, "asn").state == "ppk_lalai"
    assert AuditEntry.objects.filter(action="case.blokir_data").exists()
    assert AuditEntry.objects.filter(action="case.eskalasi").exists()
