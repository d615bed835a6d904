"""Partner report intake through the API: the portal's report, once per reference, inside the token's region."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from tests.api.conftest import ApiClient, TokenFor
from tests.cases.conftest import ALUH_ALUH, BARITO_KUALA
from tests.people import staff_user

from netral.accounts.models import User
from netral.api import intake
from netral.api.models import PartnerReport
from netral.audit.models import AuditEntry
from netral.cases.models import Case, Evidence, ReporterIdentity
from netral.portal.models import Receipt

TODAY = dt.date.today()
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 120
PDF = b"%PDF-1.4\n" + b"1 0 obj << >> endobj\n" * 8
EXE = b"MZ" + b"\x90" * 200


@pytest.fixture(autouse=True)
def _cheap_receipts_and_own_media(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.NETRAL_RECEIPT_TIME_COST = 1  # the hash's cost is not what these tests are about
    settings.NETRAL_RECEIPT_MEMORY_KIB = 8 * 1024
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def report(**changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "external_id": "LAPOR-2024-000101",
        "summary": "Sekretaris camat membagikan stiker pasangan calon",
        "description": "Saat rapat RT, sekretaris camat membagikan stiker dan meminta warga memilih calon nomor dua.",
        "violation_codes": ["D8"],
        "election": "pilkada_2024",
        "region_code": ALUH_ALUH,
        "place": "Balai Desa Contoh",
        "event_date": TODAY.isoformat(),
        "known_date": TODAY.isoformat(),
        "reported": {"name": "Anton Terlapor", "subject_type": "asn", "position": "Sekretaris Camat"},
        "witness": {"name": "Wati Saksi", "contact": "0811", "statement": "Menerima stiker."},
        "reporter": {
            "name": "Dewi Pelapor",
            "nik": "6303010101010002",
            "address": "Jl. Sintetis 2, Martapura",
            "phone": "0812",
            "email": "dewi@example.org",
        },
    }
    body.update(changes)
    return body


@pytest.fixture
def partner(banjar: User, token_for: TokenFor) -> ApiClient:
    """LAPOR! as a service token of Bawaslu Banjar."""
    return ApiClient(token_for(banjar, scopes=("reports:write",), kind="service"))


def post(client: ApiClient, body: dict[str, Any], **headers: str) -> Any:
    return client.client.post(
        "/api/reports", body, content_type="application/json", headers={**client.headers, **headers}
    )


def upload(client: ApiClient, case_id: int, name: str, content: bytes, **form: str) -> Any:
    from django.core.files.uploadedfile import SimpleUploadedFile

    data: dict[str, Any] = {"file": SimpleUploadedFile(name, content), **form}
    return client.client.post(f"/api/reports/{case_id}/evidence", data, headers=client.headers)


def test_a_named_report_becomes_a_laporan_with_a_receipt_code(partner: ApiClient, banjar: User) -> None:
    response = post(partner, report())
    assert response.status_code == 201, response.content
    body = response.json()
    case = Case.objects.get(pk=body["case_id"])
    assert case.intake == body["intake"] == "laporan" and not case.anonymous
    assert body["number"] == case.receipt_number != ""
    assert len(body["receipt_code"]) == 16 and body["receipt_code"].isdigit()
    assert body["replayed"] is False and body["external_id"] == "LAPOR-2024-000101"
    assert body["followup_url"].endswith("/lapor/tindak-lanjut/")
    assert case.event_region_code == ALUH_ALUH and case.office_region_id == "63.03"
    assert ReporterIdentity.objects.get(case=case).nik == "6303010101010002"
    assert "Dewi Pelapor" not in response.content.decode()  # the API never returns the reporter
    link = PartnerReport.objects.get(case=case)
    assert link.token.owner == banjar and link.external_id == "LAPOR-2024-000101"


def test_the_receipt_code_opens_the_public_follow_up_page(partner: ApiClient) -> None:
    code = post(partner, report()).json()["receipt_code"]
    reporter = Client()
    assert reporter.post("/lapor/tindak-lanjut/", {"code": code}).status_code == 302
    page = reporter.get("/lapor/tindak-lanjut/").content.decode()
    assert "Laporan Anda sudah diterima" in page


def test_an_anonymous_report_becomes_initial_information_without_identity(partner: ApiClient) -> None:
    response = post(partner, report(reporter=None, witness=None))
    assert response.status_code == 201, response.content
    body = response.json()
    case = Case.objects.get(pk=body["case_id"])
    assert body["intake"] == case.intake == "informasi_awal" and case.anonymous and body["number"] == ""
    assert not ReporterIdentity.objects.filter(case=case).exists()
    assert any("tanpa nama" in gap for gap in body["formal_gaps"])
    assert Receipt.objects.get(case=case).reporter_ip is None


def test_the_named_reporter_gets_the_portals_confirmation_without_the_code(
    partner: ApiClient, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        code = post(partner, report()).json()["receipt_code"]
    assert [m.to for m in mail.outbox] == [["dewi@example.org"]]
    assert code not in mail.outbox[0].body


def test_a_retry_returns_the_first_answer_and_stores_nothing_twice(partner: ApiClient) -> None:
    first = post(partner, report())
    again = post(partner, report())
    assert again.status_code == 201 and again["Idempotent-Replayed"] == "true"
    assert again.json() == {**first.json(), "replayed": True}
    assert Case.objects.count() == Receipt.objects.count() == PartnerReport.objects.count() == 1
    assert AuditEntry.objects.filter(action="api.report_received").count() == 1


def test_a_concurrent_duplicate_loses_at_the_unique_constraint_and_gets_the_first_answer(
    partner: ApiClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = post(partner, report()).json()
    looked_up = intake._existing
    calls: list[str] = []

    def missed_by_the_first_look(grant: Any, reference: str) -> Any:
        """As if the first request committed just after this one looked (the race the constraint settles)."""
        calls.append(reference)
        return None if len(calls) == 1 else looked_up(grant, reference)

    monkeypatch.setattr(intake, "_existing", missed_by_the_first_look)
    again = post(partner, report())
    assert again.status_code == 201 and again.json() == {**first, "replayed": True}
    assert len(calls) == 2  # the second look came after the refused insert
    assert Case.objects.count() == Receipt.objects.count() == 1


def test_the_idempotency_key_header_stands_in_for_external_id(partner: ApiClient) -> None:
    body = report(external_id=None)
    first = post(partner, body, **{"Idempotency-Key": "a3f1c2d4-0000-4000-8000-000000000001"})
    again = post(partner, body, **{"Idempotency-Key": "a3f1c2d4-0000-4000-8000-000000000001"})
    assert first.status_code == again.status_code == 201
    assert again.json()["case_id"] == first.json()["case_id"] and again.json()["replayed"]
    assert first.json()["external_id"] == "a3f1c2d4-0000-4000-8000-000000000001"
    assert Case.objects.count() == 1


def test_without_a_reference_the_report_is_refused(partner: ApiClient) -> None:
    response = post(partner, report(external_id=None))
    assert response.status_code == 422 and response.json()["error"]["code"] == "reference_required"
    assert "Idempotency-Key" in response.json()["error"]["message"] and not Case.objects.exists()
    mismatch = post(partner, report(), **{"Idempotency-Key": "lain-123"})
    assert mismatch.status_code == 422 and mismatch.json()["error"]["code"] == "reference_mismatch"


def test_the_same_reference_with_another_body_is_refused(partner: ApiClient) -> None:
    case_id = post(partner, report()).json()["case_id"]
    response = post(partner, report(summary="Isi lain dengan nomor rujukan yang sama"))
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "reference_reused" and str(case_id) in error["message"]
    assert Case.objects.count() == 1


def test_references_are_unique_per_token_not_across_partners(banjar: User, token_for: TokenFor) -> None:
    lapor = ApiClient(token_for(banjar, scopes=("reports:write",), kind="service"))
    call_centre = ApiClient(token_for(banjar, scopes=("reports:write",), kind="service"))
    assert post(lapor, report()).json()["case_id"] != post(call_centre, report()).json()["case_id"]


def test_after_the_replay_window_a_retry_no_longer_repeats_the_code(partner: ApiClient, settings: Any) -> None:
    first = post(partner, report()).json()
    settings.NETRAL_API_REPORT_REPLAY_HOURS = 0
    again = post(partner, report()).json()
    assert again["case_id"] == first["case_id"] and again["receipt_code"] is None
    post(partner, report(external_id="LAPOR-2024-000102"))  # any later report wipes the sealed codes
    assert PartnerReport.objects.get(case_id=first["case_id"]).sealed_receipt == ""


def test_the_receipt_code_is_stored_only_sealed_and_never_audited(partner: ApiClient) -> None:
    code = post(partner, report()).json()["receipt_code"]
    link = PartnerReport.objects.get()
    assert code not in link.sealed_receipt and code not in str(link.response)
    assert code not in str(list(AuditEntry.objects.values_list("data", flat=True)))


def test_the_channel_is_audited_as_the_tokens_owner(partner: ApiClient, banjar: User) -> None:
    case_id = post(partner, report()).json()["case_id"]
    entry = AuditEntry.objects.get(action="api.report_received")
    assert entry.actor == banjar and entry.object_id == str(case_id) and entry.region_code == ALUH_ALUH
    assert entry.data["channel"] == "uji" and entry.data["external_id"] == "LAPOR-2024-000101"
    assert AuditEntry.objects.filter(action="portal.report_submitted", object_id=str(case_id)).exists()


def test_the_case_page_names_the_partner_channel_and_its_reference(partner: ApiClient, banjar: User) -> None:
    case_id = post(partner, report()).json()["case_id"]
    staff = Client()
    staff.force_login(banjar)
    page = staff.get(f"/perkara/{case_id}/").content.decode()
    assert "lewat mitra uji (rujukan LAPOR-2024-000101)" in page


def test_the_case_reaches_the_jurisdictions_case_list(partner: ApiClient, banjar: User, token_for: TokenFor) -> None:
    case_id = post(partner, report()).json()["case_id"]
    reader = ApiClient(token_for(banjar, scopes=("cases:read",)))
    assert [c["id"] for c in reader.get("/cases").json()["items"]] == [case_id]


def test_a_region_outside_the_tokens_jurisdiction_is_refused(
    partner: ApiClient, kalsel: User, token_for: TokenFor
) -> None:
    response = post(partner, report(region_code=f"{BARITO_KUALA}.01"))
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "outside_jurisdiction" and "di luar wilayah token" in error["message"]
    narrowed = ApiClient(token_for(kalsel, scopes=("reports:write",), jurisdiction=ALUH_ALUH, kind="service"))
    assert post(narrowed, report(region_code="63.03")).json()["error"]["code"] == "outside_jurisdiction"
    assert post(narrowed, report()).status_code == 201
    assert Case.objects.count() == 1


def test_unknown_and_province_regions_are_refused_in_indonesian(partner: ApiClient) -> None:
    unknown = post(partner, report(region_code="63.99")).json()["error"]
    assert unknown["code"] == "unknown_region" and "tidak dikenal" in unknown["message"]
    malformed = post(partner, report(region_code="63"))
    assert malformed.status_code == 422 and malformed.json()["error"]["detail"][0]["loc"][-1] == "region_code"


def test_a_token_without_reports_write_is_refused(banjar: User, token_for: TokenFor) -> None:
    reader = ApiClient(token_for(banjar, scopes=("cases:read",), kind="service"))
    response = post(reader, report())
    assert response.status_code == 403 and response.json()["error"]["code"] == "forbidden"
    assert not Case.objects.exists()


def test_a_personal_token_is_refused(banjar: User, token_for: TokenFor) -> None:
    personal = ApiClient(token_for(banjar, scopes=("reports:write",)))
    response = post(personal, report())
    assert response.status_code == 403 and response.json()["error"]["code"] == "service_token_required"


def test_an_owner_who_cannot_receive_cases_is_refused(analyst: User, token_for: TokenFor) -> None:
    response = post(ApiClient(token_for(analyst, scopes=("reports:write",), kind="service")), report())
    assert response.status_code == 403 and not Case.objects.exists()


def test_without_a_token_the_answer_is_401(db: None) -> None:
    response = Client().post("/api/reports", report(), content_type="application/json")
    assert response.status_code == 401


@pytest.mark.parametrize(
    ("changes", "where", "words"),
    [
        ({"election": "pemilu_1900"}, ["election"], "pilihan yang valid"),
        ({"violation_codes": ["Z99"]}, ["violation_codes"], "pilihan yang valid"),
        ({"known_date": (TODAY - dt.timedelta(days=3)).isoformat()}, ["known_date"], "sebelum tanggal kejadian"),
        ({"reported": {"name": "A", "subject_type": "asn", "nip": "12345"}}, ["reported", "nip"], "18 angka"),
        ({"reporter": {"name": "B", "nik": "12ab"}}, ["reporter", "nik"], "16 angka"),
        ({"reporter": {"name": "B", "email": "bukan-surel"}}, ["reporter", "email"], "alamat email yang valid"),
    ],
)
def test_invalid_values_answer_422_with_indonesian_messages(
    partner: ApiClient, changes: dict[str, Any], where: list[str], words: str
) -> None:
    response = post(partner, report(**changes))
    assert response.status_code == 422, response.content
    error = response.json()["error"]
    assert error["code"] == "invalid" and error["message"].startswith("Laporan belum dapat diterima")
    problems = {tuple(p["loc"][2:]): p["msg"] for p in error["detail"]}
    assert words in problems[tuple(where)], problems
    assert not Case.objects.exists() and not PartnerReport.objects.exists()


def test_malformed_bodies_answer_422_not_500(partner: ApiClient) -> None:
    missing = copy.deepcopy(report())
    del missing["reported"]
    for body in (missing, report(summary=""), report(event_date="kemarin"), report(summary="x" * 301)):
        response = post(partner, body)
        assert response.status_code == 422 and response.json()["error"]["message"] == "Isian tidak valid."
    # JSON may carry a lone surrogate, which no database can store: pydantic refuses it, so no 500 at save time
    hostile = json.dumps(report(place="TEMPAT")).replace("TEMPAT", "\\udc80")
    response = partner.client.post("/api/reports", hostile, content_type="application/json", headers=partner.headers)
    assert response.status_code == 422, response.content
    assert response.json()["error"]["detail"][0]["loc"][-1] == "place"
    assert not Case.objects.exists()


def test_writes_have_their_own_tighter_rate(partner: ApiClient, settings: Any) -> None:
    settings.NETRAL_API_REPORT_RATE = "2/m"
    statuses = [post(partner, report(external_id=f"R-{i}")).status_code for i in range(3)]
    assert statuses == [201, 201, 429]


def test_evidence_is_checked_and_stored_like_the_portals(partner: ApiClient, settings: Any) -> None:
    case_id = post(partner, report()).json()["case_id"]
    added = upload(partner, case_id, "foto.png", PNG, description="Foto stiker")
    assert added.status_code == 201, added.content
    evidence = Evidence.objects.get(pk=added.json()["id"])
    assert evidence.content_type == "image/png" and evidence.size == len(PNG) and evidence.description == "Foto stiker"
    stored = Path(settings.MEDIA_ROOT) / evidence.file_path
    assert stored.read_bytes() == PNG and stored.name == added.json()["sha256"]
    again = upload(partner, case_id, "foto-lagi.png", PNG)
    assert again.status_code == 200 and again.json()["duplicate"] and again.json()["id"] == evidence.pk
    refused = upload(partner, case_id, "surat.pdf.exe", EXE)
    assert refused.status_code == 422 and "program" in refused.json()["error"]["message"]
    assert upload(partner, case_id, "dokumen.pdf", PDF).json()["content_type"] == "application/pdf"
    assert Evidence.objects.filter(case_id=case_id).count() == 2
    assert AuditEntry.objects.filter(action="case.evidence_added").count() == 2


def test_evidence_limits_answer_with_the_portals_messages(partner: ApiClient, settings: Any) -> None:
    case_id = post(partner, report()).json()["case_id"]
    settings.NETRAL_EVIDENCE_MAX_BYTES = 100
    too_big = upload(partner, case_id, "besar.png", PNG)
    assert too_big.status_code == 422 and "terlalu besar" in too_big.json()["error"]["message"]
    settings.NETRAL_EVIDENCE_MAX_BYTES = 10_000
    settings.NETRAL_EVIDENCE_MAX_FILES = 1
    assert upload(partner, case_id, "a.png", PNG).status_code == 201
    over = upload(partner, case_id, "b.pdf", PDF)
    assert over.status_code == 422 and "Paling banyak 1 berkas" in over.json()["error"]["message"]


def test_only_the_sending_token_adds_evidence_and_only_for_a_while(
    partner: ApiClient, banjar: User, token_for: TokenFor, settings: Any
) -> None:
    case_id = post(partner, report()).json()["case_id"]
    other = ApiClient(token_for(banjar, scopes=("reports:write",), kind="service"))
    assert upload(other, case_id, "a.png", PNG).status_code == 404
    assert upload(partner, 999999, "a.png", PNG).status_code == 404
    settings.NETRAL_API_REPORT_EVIDENCE_MINUTES = 0
    late = upload(partner, case_id, "a.png", PNG)
    assert late.status_code == 409 and late.json()["error"]["code"] == "evidence_window_closed"
    assert not Evidence.objects.exists()


def test_a_kecamatan_panwascam_service_token_reports_inside_its_kecamatan(token_for: TokenFor) -> None:
    panwascam = staff_user("panwascam-aluh", "panwascam", ALUH_ALUH)
    client = ApiClient(token_for(panwascam, scopes=("reports:write",), kind="service"))
    assert post(client, report()).status_code == 201
    assert post(client, report(external_id="R-2", region_code="63.03")).status_code == 422


def test_the_schema_documents_the_intake_in_both_languages(db: None) -> None:
    schema = Client().get("/api/openapi.json").json()
    operation = schema["paths"]["/api/reports"]["post"]
    assert "Kirim laporan" in operation["summary"] and "Submit a report" in operation["summary"]
    assert {"201", "401", "403", "422", "429"} <= set(operation["responses"])
    assert any(p["name"] == "Idempotency-Key" for p in operation["parameters"])
    evidence = schema["paths"]["/api/reports/{case_id}/evidence"]["post"]
    assert "multipart/form-data" in evidence["requestBody"]["content"]
