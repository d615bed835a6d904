"""The case pages over HTTP: inbox, detail, new case, transitions (htmx and plain), evidence, reporter identity."""

from __future__ import annotations

import pytest
from django.test import Client
from tests.cases.conftest import MakeCase

from netral.accounts.models import User
from netral.audit.models import AuditEntry
from netral.cases.models import Case, Track

pytestmark = pytest.mark.django_db


def login(client: Client, user: User) -> Client:
    client.force_login(user)
    return client


def test_the_inbox_lists_cases_with_their_deadline_badge(client: Client, make_case: MakeCase, banjar: User) -> None:
    case = make_case()
    body = login(client, banjar).get("/perkara/").content.decode()
    assert case.summary in body
    assert "WITA" in body and 'class="deadline' in body


def test_the_inbox_with_htmx_returns_only_the_results(client: Client, make_case: MakeCase, banjar: User) -> None:
    make_case(summary="Kepala desa memasang spanduk")
    make_case(summary="Camat berfoto dengan calon")
    body = login(client, banjar).get("/perkara/", {"q": "spanduk"}, HTTP_HX_REQUEST="true").content.decode()
    assert "Kepala desa memasang spanduk" in body and "Camat berfoto" not in body and "<html" not in body


def test_the_inbox_filters_by_intake_and_deadline(client: Client, make_case: MakeCase, banjar: User) -> None:
    make_case("informasi_awal", summary="Info dari media sosial", anonymous=True)
    make_case(summary="Laporan warga")
    login(client, banjar)
    body = client.get("/perkara/", {"intake": "informasi_awal"}).content.decode()
    assert "Info dari media sosial" in body and "Laporan warga" not in body
    body = client.get("/perkara/", {"deadline": "overdue"}).content.decode()
    assert "Tidak ada perkara yang cocok" in body


def test_the_inbox_needs_few_queries(
    client: Client, make_case: MakeCase, banjar: User, django_assert_max_num_queries: object
) -> None:
    for i in range(12):
        make_case(summary=f"Perkara {i}")
    login(client, banjar)
    with django_assert_max_num_queries(12):  # type: ignore[operator]
        response = client.get("/perkara/")
    assert response.status_code == 200


def test_the_detail_shows_tracks_actions_and_timeline(client: Client, make_case: MakeCase, banjar: User) -> None:
    case = make_case()
    body = login(client, banjar).get(f"/perkara/{case.pk}/").content.decode()
    assert "Laporan diterima, kajian awal" in body
    assert "Registrasi laporan" in body and "Diterima sebagai laporan" in body
    assert "Pelapor Uji" not in body  # identity only on request


def test_a_transition_through_htmx_redirects_and_an_illegal_one_shows_the_refusal(
    client: Client, make_case: MakeCase, banjar: User
) -> None:
    case = make_case()
    track = Track.objects.get(case=case)
    login(client, banjar)
    url = f"/perkara/{case.pk}/jalur/{track.pk}/minta_kelengkapan/"
    refused = client.post(url, {}, HTTP_HX_REQUEST="true")
    assert refused.status_code == 200
    assert "memerlukan: kekurangan syarat laporan" in refused.content.decode()
    ok = client.post(url, {"missing_items": ["bukti"]}, HTTP_HX_REQUEST="true")
    assert ok.status_code == 204 and ok["HX-Refresh"] == "true"
    track.refresh_from_db()
    assert track.state == "menunggu_kelengkapan"


def test_a_transition_without_javascript_redirects_with_a_message(
    client: Client, make_case: MakeCase, banjar: User
) -> None:
    case = make_case()
    track = Track.objects.get(case=case)
    response = login(client, banjar).post(f"/perkara/{case.pk}/jalur/{track.pk}/mulai_kajian/", {}, follow=True)
    assert "tidak dapat dilakukan pada status" in response.content.decode()


def test_a_new_case_is_recorded_from_the_form(client: Client, banjar: User) -> None:
    login(client, banjar)
    assert client.get("/perkara/baru/").status_code == 200
    response = client.post(
        "/perkara/baru/",
        {
            "intake": "laporan",
            "election": "pilkada_2024",
            "summary": "Lurah mengajak warga memilih calon",
            "event_region": "63.03.01",
            "reporter_name": "Warga Uji",
            "person_name": "Lurah Uji",
            "person_subject_type": "asn",
            "person_region": "63.03",
            "violations": [],
        },
    )
    case = Case.objects.get(summary="Lurah mengajak warga memilih calon")
    assert response.status_code == 302 and response["Location"] == f"/perkara/{case.pk}/"
    assert case.reporter.name == "Warga Uji" and case.reported_persons.get().name == "Lurah Uji"


def test_the_new_case_form_speaks_indonesian_when_the_reporter_is_missing(client: Client, banjar: User) -> None:
    body = (
        login(client, banjar)
        .post(
            "/perkara/baru/",
            {
                "intake": "laporan",
                "election": "pilkada_2024",
                "summary": "x",
                "event_region": "63.03",
                "person_subject_type": "asn",
            },
        )
        .content.decode()
    )
    assert "Nama pelapor wajib diisi" in body


def test_viewing_the_reporter_writes_an_audit_entry(client: Client, make_case: MakeCase, banjar: User) -> None:
    case = make_case()
    body = login(client, banjar).post(f"/perkara/{case.pk}/pelapor/", HTTP_HX_REQUEST="true").content.decode()
    assert "Pelapor Uji" in body
    assert AuditEntry.objects.filter(action="reporter.viewed", object_id=str(case.pk), actor=banjar).count() == 1


def test_an_anonymous_report_shows_no_identity_and_writes_no_entry(
    client: Client, make_case: MakeCase, banjar: User
) -> None:
    case = make_case(anonymous=True)
    login(client, banjar)
    assert "Pelapor anonim" in client.get(f"/perkara/{case.pk}/").content.decode()
    assert "Pelapor anonim" in client.post(f"/perkara/{case.pk}/pelapor/").content.decode()
    assert not AuditEntry.objects.filter(action="reporter.viewed").exists()


@pytest.mark.parametrize("who", ["bkn", "ppk", "kalsel_analyst"])
def test_the_reporter_identity_is_hidden_from_referral_roles(
    client: Client, make_case: MakeCase, referred_case: Case, bkn: User, ppk: User, analyst: User, who: str
) -> None:
    user = {"bkn": bkn, "ppk": ppk, "kalsel_analyst": analyst}[who]
    login(client, user)
    if who != "kalsel_analyst":
        body = client.get(f"/perkara/{referred_case.pk}/").content.decode()
        assert "Pelapor Uji" not in body and "Tampilkan identitas pelapor" not in body
    assert client.post(f"/perkara/{referred_case.pk}/pelapor/").status_code == 404
    assert not AuditEntry.objects.filter(action="reporter.viewed").exists()


def test_after_its_last_action_a_ppk_is_sent_back_to_the_inbox(
    client: Client, referred_case: Case, banjar: User, bkn: User, ppk: User
) -> None:
    from django.utils import timezone

    from netral.cases.services import do_transition

    today = timezone.localdate().isoformat()
    asn = Track.objects.get(case=referred_case, kind="asn")
    do_transition(asn, "verifikasi_satgas", bkn, {})
    do_transition(Track.objects.get(pk=asn.pk), "validasi_bawaslu", banjar, {})
    recommendation = {"number": "R-1", "date": today, "sanction_level": "ringan"}
    do_transition(Track.objects.get(pk=asn.pk), "rekomendasi_ppk", bkn, {"recommendation": recommendation})
    client.force_login(ppk)
    response = client.post(
        f"/perkara/{referred_case.pk}/jalur/{asn.pk}/catat_sanksi/",
        {
            "sanction-choice": "disiplin_ringan|Teguran tertulis",
            "sanction-decree_number": "K-9",
            "sanction-decree_date": today,
        },
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 204 and response["HX-Redirect"] == "/perkara/"
    assert Track.objects.get(pk=asn.pk).state == "sanksi_dijatuhkan"


def test_the_inbox_query_count_does_not_grow_with_the_cases(
    client: Client, make_case: MakeCase, banjar: User, django_assert_num_queries: object
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    make_case(summary="Satu")
    login(client, banjar)
    with CaptureQueriesContext(connection) as one:
        client.get("/perkara/")
    for i in range(10):
        make_case(summary=f"Lagi {i}")
    with CaptureQueriesContext(connection) as eleven:
        client.get("/perkara/")
    assert len(eleven.captured_queries) == len(one.captured_queries)


def test_an_overdue_ppk_shows_on_the_case_and_bkn_can_block_and_escalate(
    client: Client, referred_case: Case, banjar: User, bkn: User
) -> None:
    import datetime as dt

    from django.utils import timezone

    from netral.cases.models import ClockEvent
    from netral.cases.services import do_transition, refresh_deadlines

    today = timezone.localdate().isoformat()
    asn = Track.objects.get(case=referred_case, kind="asn")
    do_transition(asn, "verifikasi_satgas", bkn, {})
    do_transition(Track.objects.get(pk=asn.pk), "validasi_bawaslu", banjar, {})
    recommendation = {"number": "R-1", "date": today, "sanction_level": "ringan"}
    do_transition(Track.objects.get(pk=asn.pk), "rekomendasi_ppk", bkn, {"recommendation": recommendation})
    client.force_login(bkn)
    body = client.get(f"/perkara/{referred_case.pk}/").content.decode()
    assert "Blokir data kepegawaian" not in body and "menunggu pihak lain" in body

    long_ago = timezone.now() - dt.timedelta(days=30)  # the recommendation reached the PPK a month ago
    ClockEvent.objects.filter(case=referred_case, code="recommendation_received").update(at=long_ago)
    Track.objects.filter(pk=asn.pk).update(entered_at=long_ago)
    refresh_deadlines(referred_case)
    body = client.get(f"/perkara/{referred_case.pk}/").content.decode()
    assert "Lewat batas waktu" in body
    assert "Blokir data kepegawaian (SIASN)" in body and "Eskalasi (KemenPANRB, Kemendagri, Presiden)" in body
    assert referred_case.summary in client.get("/perkara/", {"deadline": "overdue"}).content.decode()
    assert referred_case.summary in client.get("/perkara/tenggat/").content.decode()

    url = f"/perkara/{referred_case.pk}/jalur/{asn.pk}/blokir_data/"
    assert (
        client.post(url, {"block-reference": "BLK-7", "block-date": today}, HTTP_HX_REQUEST="true").status_code == 204
    )
    assert Track.objects.get(pk=asn.pk).state == "ppk_lalai"
    client.force_login(banjar)  # Bawaslu sees BKN's action in its timeline
    assert "Blokir data kepegawaian (SIASN)" in client.get(f"/perkara/{referred_case.pk}/").content.decode()


def test_the_new_case_form_lists_each_violation_type_as_its_own_labelled_checkbox(client: Client, banjar: User) -> None:
    body = login(client, banjar).get("/perkara/baru/").content.decode()
    assert body.count('name="violations"') >= 13  # D1–D13 at least, one checkbox each
    assert 'value="D4"' in body and "D4 " in body


def test_times_are_printed_in_the_regions_own_zone_not_the_servers(
    client: Client, make_case: MakeCase, banjar: User
) -> None:
    import datetime as dt

    case = make_case(received_at=dt.datetime(2024, 10, 14, 1, 0, tzinfo=dt.UTC))  # 09:00 WITA, 08:00 WIB
    detail = login(client, banjar).get(f"/perkara/{case.pk}/").content.decode()
    inbox = client.get("/perkara/").content.decode()
    assert "14-10-2024 09:00 WITA" in detail
    assert "14-10-2024 09:00 WITA" in inbox
    assert "08:00 WITA" not in detail + inbox
