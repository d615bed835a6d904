"""A report walks from the form to the right staff inbox, whole, with its evidence and a receipt hash."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from tests.portal.conftest import PDF, PNG, receipt_code, submit, upload

from netral.accounts.models import User
from netral.audit.models import AuditEntry
from netral.cases.models import Case, Evidence, ReporterIdentity
from netral.portal.models import Receipt
from netral.portal.receipt import hash_code

pytestmark = pytest.mark.django_db


def test_a_named_report_becomes_a_laporan_with_evidence_and_a_hashed_receipt(client: Client) -> None:
    response = submit(client, [upload("foto.png", PNG), upload("surat.pdf", PDF)])
    assert response.status_code == 200
    code = receipt_code(response)
    assert len(code) == 16
    case = Case.objects.get()
    assert case.intake == "laporan" and not case.anonymous
    assert case.event_region_code == "63.03.01"
    assert case.office_region_id == "63.03"
    assert ReporterIdentity.objects.get(case=case).name == "Rina Pelapor"
    files = list(Evidence.objects.filter(case=case))
    assert sorted(e.content_type for e in files) == ["application/pdf", "image/png"]
    for evidence in files:
        data = (Path(settings.MEDIA_ROOT) / evidence.file_path).read_bytes()
        assert hashlib.sha256(data).hexdigest() == evidence.sha256
    stored = Receipt.objects.get(case=case)
    assert stored.code_hash == hash_code(code)
    assert code not in stored.code_hash and stored.reporter_ip is None
    assert case.violations.get().violation_type_id == "D8"


def test_the_receipt_code_is_stored_nowhere_in_the_database_or_audit_log(
    client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        code = receipt_code(submit(client))
    for entry in AuditEntry.objects.all():
        assert code not in str(entry.data) and "Rina" not in str(entry.data)
    assert not Receipt.objects.filter(code_hash__contains=code).exists()
    # and not in the confirmation e-mail either
    assert len(mail.outbox) == 1
    assert code not in mail.outbox[0].body
    assert code[:4] + " " + code[4:8] not in mail.outbox[0].body


def test_an_anonymous_report_becomes_initial_information_with_no_identity_and_no_ip(client: Client) -> None:
    response = submit(
        client, mode="anonymous", reporter_name="Should Vanish", reporter_email="x@example.org", reporter_phone="0899"
    )
    assert response.status_code == 200
    case = Case.objects.get()
    assert case.intake == "informasi_awal" and case.anonymous
    assert not ReporterIdentity.objects.filter(case=case).exists()
    assert Receipt.objects.get(case=case).reporter_ip is None
    assert "Should Vanish" not in str(list(AuditEntry.objects.values_list("data", flat=True)))
    assert mail.outbox == []


def test_the_ip_is_kept_only_when_the_deployment_turns_it_on(client: Client, settings: Any) -> None:
    settings.NETRAL_STORE_REPORTER_IP = True
    submit(client, mode="anonymous")
    assert Receipt.objects.get().reporter_ip == "127.0.0.1"


def test_the_report_reaches_the_inbox_of_its_kabupaten_and_not_the_neighbours(
    client: Client, banjar: User, batola: User, kalsel: User
) -> None:
    submit(client, summary="Laporan portal untuk kotak masuk Banjar")
    for user, sees in ((banjar, True), (kalsel, True), (batola, False)):
        staff = Client()
        staff.force_login(user)
        page = staff.get("/perkara/").content.decode()
        assert ("Laporan portal untuk kotak masuk Banjar" in page) is sees, user.username
        case = Case.objects.get()
        assert staff.get(f"/perkara/{case.pk}/").status_code == (200 if sees else 404)


def test_a_refused_file_stores_nothing_at_all(client: Client) -> None:
    response = submit(client, [upload("foto.png", PNG), upload("evil.html", b"<!doctype html><script>x</script>")])
    assert response.status_code == 400
    assert "HTML/SVG tidak diterima" in response.content.decode()
    assert not Case.objects.exists() and not Evidence.objects.exists() and not Receipt.objects.exists()
    media = Path(settings.MEDIA_ROOT)
    assert not [p for p in media.rglob("*") if p.is_file()]


def test_too_many_files_are_refused_with_a_clear_message(client: Client, settings: Any) -> None:
    settings.NETRAL_EVIDENCE_MAX_FILES = 2
    files = [upload(f"f{i}.png", PNG + bytes([i])) for i in range(3)]
    response = submit(client, files)
    assert response.status_code == 400
    assert "Paling banyak 2 berkas bukti" in response.content.decode()
    assert not Case.objects.exists()


def test_a_file_too_large_is_refused_with_a_clear_message(client: Client, settings: Any) -> None:
    settings.NETRAL_EVIDENCE_MAX_BYTES = 1024 * 1024
    response = submit(client, [upload("besar.png", PNG + b"\x00" * (1024 * 1024))])
    assert response.status_code == 400
    assert "terlalu besar" in response.content.decode()
    assert not Case.objects.exists()


def test_a_failure_inside_the_transaction_leaves_no_case_and_no_file(client: Client, monkeypatch: Any) -> None:
    from netral.portal import services

    def boom(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(services, "record", boom)
    with pytest.raises(RuntimeError):
        submit(client, [upload("foto.png", PNG)])
    assert not Case.objects.exists() and not Evidence.objects.exists()
    assert not [p for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file()]


def test_submissions_are_rate_limited_per_client(client: Client, settings: Any) -> None:
    settings.NETRAL_PORTAL_SUBMIT_RATE = "2/h"
    for _ in range(2):
        assert submit(client).status_code == 200
    response = submit(client)
    assert response.status_code == 429
    assert response["Retry-After"]
    assert Case.objects.count() == 2
