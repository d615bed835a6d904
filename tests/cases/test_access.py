"""Deny by default: who sees which case, and an outsider test for every URL of netral.cases.

Outsiders: Bawaslu of another regency (Barito Kuala), the PPK of another regency, an analyst, an administrator
— each gets 404; anonymous visitors are sent to the login page.
"""

from __future__ import annotations

import hashlib

import pytest
from django.test import Client
from django.utils import timezone
from tests.cases.conftest import MakeCase

from netral.accounts.models import User
from netral.cases.access import cases_visible_to
from netral.cases.models import Case, Evidence, GeneratedFile, Track
from netral.cases.services import do_transition
from netral.geo.models import Region

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 100


@pytest.fixture
def evidence(referred_case: Case, settings: object, tmp_path: object) -> Evidence:
    from pathlib import Path

    root = Path(str(tmp_path))
    settings.MEDIA_ROOT = str(root)  # type: ignore[attr-defined]
    sha = hashlib.sha256(PNG).hexdigest()
    (root / "evidence" / sha[:2]).mkdir(parents=True)
    (root / "evidence" / sha[:2] / sha).write_bytes(PNG)
    return Evidence.objects.create(
        case=referred_case,
        file_path=f"evidence/{sha[:2]}/{sha}",
        sha256=sha,
        size=len(PNG),
        content_type="image/png",
        original_name="foto.png",
    )


@pytest.fixture
def document(referred_case: Case, evidence: Evidence, banjar: User) -> GeneratedFile:
    return GeneratedFile.objects.create(
        case=referred_case,
        kind="rekomendasi",
        file_path=evidence.file_path,
        sha256=evidence.sha256,
        size=evidence.size,
        created_by=banjar,
    )


def case_urls(case: Case, evidence: Evidence, document: GeneratedFile) -> list[tuple[str, str]]:
    track = Track.objects.get(case=case, kind="asn")
    return [
        ("get", f"/perkara/{case.pk}/"),
        ("post", f"/perkara/{case.pk}/jalur/{track.pk}/verifikasi_satgas/"),
        ("post", f"/perkara/{case.pk}/pelapor/"),
        ("post", f"/perkara/{case.pk}/bukti/"),
        ("get", f"/perkara/{case.pk}/bukti/{evidence.pk}/unduh/"),
        ("get", f"/perkara/{case.pk}/dokumen/{document.pk}/unduh/"),
        ("post", f"/perkara/{case.pk}/surat/rekomendasi/"),
    ]


@pytest.mark.parametrize("who", ["batola", "ppk_batola", "analyst", "administrator"])
def test_every_case_url_answers_404_to_an_outsider(
    client: Client,
    referred_case: Case,
    evidence: Evidence,
    document: GeneratedFile,
    who: str,
    request: pytest.FixtureRequest,
) -> None:
    client.force_login(request.getfixturevalue(who))
    for method, url in case_urls(referred_case, evidence, document):
        response = getattr(client, method)(url)
        assert response.status_code == 404, (who, url, response.status_code)
    assert Track.objects.get(case=referred_case, kind="asn").state == "dirujuk"
    assert Evidence.objects.filter(case=referred_case).count() == 1


def test_every_url_sends_an_anonymous_visitor_to_the_login_page(
    client: Client, referred_case: Case, evidence: Evidence, document: GeneratedFile
) -> None:
    urls = [*case_urls(referred_case, evidence, document)]
    urls += [
        ("get", "/perkara/"),
        ("get", "/perkara/baru/"),
        ("get", "/perkara/tenggat/"),
        ("post", "/perkara/aksi-massal/"),
    ]
    for method, url in urls:
        response = getattr(client, method)(url)
        assert response.status_code == 302 and response["Location"].startswith("/masuk/"), url


@pytest.mark.parametrize("who", ["analyst", "administrator"])
def test_the_lists_answer_404_to_roles_without_case_access(
    client: Client, who: str, request: pytest.FixtureRequest
) -> None:
    client.force_login(request.getfixturevalue(who))
    for method, url in [
        ("get", "/perkara/"),
        ("get", "/perkara/baru/"),
        ("get", "/perkara/tenggat/"),
        ("post", "/perkara/aksi-massal/"),
    ]:
        assert getattr(client, method)(url).status_code == 404, url


@pytest.mark.parametrize("who", ["bkn", "ppk"])
def test_referral_roles_cannot_open_or_triage_cases(client: Client, who: str, request: pytest.FixtureRequest) -> None:
    client.force_login(request.getfixturevalue(who))
    assert client.get("/perkara/baru/").status_code == 404
    assert client.post("/perkara/aksi-massal/").status_code == 404


def test_the_inbox_search_and_deadlines_of_another_regency_do_not_list_the_case(
    client: Client, referred_case: Case, batola: User
) -> None:
    client.force_login(batola)
    assert referred_case.summary not in client.get("/perkara/", {"q": "Camat"}).content.decode()
    assert referred_case.summary not in client.get("/perkara/", {"status": "all"}).content.decode()
    assert referred_case.summary not in client.get("/perkara/tenggat/").content.decode()


def test_bulk_actions_ignore_cases_of_another_regency(client: Client, referred_case: Case, batola: User) -> None:
    client.force_login(batola)
    client.post("/perkara/aksi-massal/", {"case": [referred_case.pk], "action": "assign", "assignee": batola.pk})
    referred_case.refresh_from_db()
    assert referred_case.assignee is None


# --- cases_visible_to ---------------------------------------------------------------------------------------------


def test_bawaslu_sees_its_region_and_below_never_beside(
    make_case: MakeCase, banjar: User, kalsel: User, batola: User
) -> None:
    case = make_case()
    assert case in cases_visible_to(banjar)
    assert case in cases_visible_to(kalsel)
    assert case not in cases_visible_to(batola)


def test_referral_roles_see_only_what_is_addressed_to_them_now(
    referred_case: Case, banjar: User, bkn: User, ppk: User, ppk_batola: User, analyst: User, administrator: User
) -> None:
    assert referred_case in cases_visible_to(bkn)  # asn track in dirujuk: BKN acts
    assert referred_case not in cases_visible_to(ppk)  # not yet addressed to the PPK
    asn = Track.objects.get(case=referred_case, kind="asn")
    today = timezone.localdate().isoformat()
    do_transition(asn, "verifikasi_satgas", bkn, {})
    assert referred_case in cases_visible_to(bkn)  # Bawaslu validates, but BKN may still return it
    do_transition(Track.objects.get(pk=asn.pk), "validasi_bawaslu", banjar, {})
    do_transition(
        Track.objects.get(pk=asn.pk),
        "rekomendasi_ppk",
        bkn,
        {"recommendation": {"number": "R-1", "date": today, "sanction_level": "ringan"}},
    )
    assert referred_case in cases_visible_to(ppk)
    assert referred_case in cases_visible_to(bkn)  # BKN may block/escalate once overdue
    assert referred_case not in cases_visible_to(ppk_batola)
    do_transition(
        Track.objects.get(pk=asn.pk),
        "catat_sanksi",
        ppk,
        {"sanction": {"level": "ringan", "type": "Teguran tertulis", "decree_number": "K-1", "decree_date": today}},
    )
    assert referred_case not in cases_visible_to(ppk)  # recorded: no longer addressed to the PPK
    do_transition(Track.objects.get(pk=asn.pk), "verifikasi_tindak_lanjut", bkn, {})
    assert referred_case not in cases_visible_to(bkn)  # the asn track has ended
    assert referred_case not in cases_visible_to(analyst)
    assert referred_case not in cases_visible_to(administrator)


def test_a_ppk_sees_only_the_asn_track_not_gakkumdu(client: Client, referred_case: Case, bkn: User) -> None:
    client.force_login(bkn)
    body = client.get(f"/perkara/{referred_case.pk}/").content.decode()
    assert "Verifikasi Satgas selesai" in body
    assert "Sentra Gakkumdu" not in body


def test_a_village_track_is_addressed_to_the_regents_office(
    make_case: MakeCase, banjar: User, ppk: User, ppk_batola: User
) -> None:
    from netral.cases.services import suggest_registration_number

    case = make_case(
        reported_persons=[
            {
                "name": "Kades Uji",
                "position": "Kepala Desa",
                "subject_type": "village",
                "region": Region.objects.get(code="63.03.01.2001"),
            }
        ]
    )
    today = timezone.localdate().isoformat()
    track = Track.objects.get(case=case)
    do_transition(track, "registrasi", banjar, {"registration": suggest_registration_number(case)})
    do_transition(Track.objects.get(pk=track.pk), "mulai_kajian", banjar, {})
    do_transition(Track.objects.get(pk=track.pk), "ajukan_pleno", banjar, {"study": {"conclusion": "Terbukti"}})
    letter = {"number": "1/PP", "date": today}
    do_transition(
        Track.objects.get(pk=track.pk),
        "putuskan_teruskan",
        banjar,
        {"decision": letter, "letter": letter, "tracks": ["village"]},
    )
    village = Track.objects.get(case=case, kind="village")
    assert village.ppk_region_code == "63.03"
    assert case in cases_visible_to(ppk) and case not in cases_visible_to(ppk_batola)


def test_evidence_of_another_case_is_not_reachable_through_a_visible_case(
    client: Client, make_case: MakeCase, evidence: Evidence, batola: User
) -> None:
    own = make_case(region="63.04", actor=batola)
    client.force_login(batola)
    assert client.get(f"/perkara/{own.pk}/bukti/{evidence.pk}/unduh/").status_code == 404
