"""Wiring of the other modules: letters rendered and stored with the case; the daily digest; `netral digest`; demo."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone
from tests.cases.conftest import MakeCase

from netral.accounts.models import User
from netral.audit.models import AuditEntry
from netral.cases.models import Case, GeneratedFile, Track
from netral.cases.services.digest import send_digests
from netral.cases.services.documents import do_generate_letter
from netral.cli import main

pytestmark = pytest.mark.django_db

LETTER = {
    "letter_number": "001/PP.01/K.KS-03/XI/2024",
    "perihal": "Rekomendasi pelanggaran netralitas ASN",
    "addressee": "Kepala Badan Kepegawaian Negara",
    "office_address": "Jalan Contoh No. 1, Martapura",
    "office_city": "Martapura",
    "signer_name": "Ketua Contoh",
    "summary": "Terlapor berpidato mendukung pasangan calon.",
    "legal_basis": "Pasal 9 ayat (2) UU 5/2014\nPasal 5 huruf n PP 94/2021",
    "recommendation": "Menjatuhkan sanksi sesuai peraturan perundang-undangan.",
}


@pytest.fixture
def media(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = str(tmp_path)
    return tmp_path


def test_a_recommendation_letter_is_rendered_stored_and_audited(media: Path, make_case: MakeCase, banjar: User) -> None:
    case = make_case()
    document = do_generate_letter(case, "rekomendasi", banjar, LETTER)
    pdf = (media / document.file_path).read_bytes()
    assert pdf.startswith(b"%PDF") and hashlib.sha256(pdf).hexdigest() == document.sha256
    assert AuditEntry.objects.filter(action="case.letter_generated", object_id=str(case.pk)).exists()


def test_a_letter_with_a_missing_field_is_refused_and_nothing_is_stored(
    client: Client, media: Path, make_case: MakeCase, banjar: User
) -> None:
    case = make_case()
    client.force_login(banjar)
    data = {**LETTER, "signer_name": ""}
    body = client.post(f"/perkara/{case.pk}/surat/rekomendasi/", data, follow=True).content.decode()
    assert "Surat belum dapat dibuat" in body
    assert not GeneratedFile.objects.exists()


def test_an_invitation_is_made_from_the_page_and_downloaded(
    client: Client, media: Path, make_case: MakeCase, banjar: User, batola: User
) -> None:
    case = make_case()
    client.force_login(banjar)
    data = {**LETTER, "person": "Terlapor Uji", "role": "terlapor", "starts_at": "2024-11-20T09:00", "place": "Kantor",
            "agenda": "Klarifikasi", "contact_person": "Petugas (0800)"}  # fmt: skip
    client.post(f"/perkara/{case.pk}/surat/undangan_klarifikasi/", data)
    document = GeneratedFile.objects.get(case=case)
    response = client.get(f"/perkara/{case.pk}/dokumen/{document.pk}/unduh/")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment")
    client.force_login(batola)
    assert client.post(f"/perkara/{case.pk}/surat/rekomendasi/", LETTER).status_code == 404


def _assigned_overdue_case(make_case: MakeCase, banjar: User) -> Case:
    banjar.email = "banjar@contoh.invalid"
    banjar.save()
    case = make_case(received_at=timezone.now() - dt.timedelta(days=10))
    Case.objects.filter(pk=case.pk).update(assignee=banjar)
    assert Track.objects.get(case=case).due_at is not None
    return case


def test_the_digest_mails_each_assignee_once(make_case: MakeCase, banjar: User) -> None:
    _assigned_overdue_case(make_case, banjar)
    make_case()  # not assigned: nobody gets it
    results = send_digests()
    assert [(r.username, r.overdue) for r in results] == [("bawaslu-banjar", 1)]
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["bawaslu-banjar <banjar@contoh.invalid>"]
    assert "/perkara/" in str(mail.outbox[0].body)


def test_the_digest_task_sends_the_same(make_case: MakeCase, banjar: User) -> None:
    from netral.cases.tasks import send_daily_digest

    _assigned_overdue_case(make_case, banjar)
    assert send_daily_digest.call() == 1
    assert len(mail.outbox) == 1


def test_netral_digest_dry_run_sends_nothing(make_case: MakeCase, banjar: User, capsys: Any) -> None:
    _assigned_overdue_case(make_case, banjar)
    assert main(["digest", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "bawaslu-banjar" in out and "akan dikirim" in out
    assert mail.outbox == []


def test_the_demo_makes_four_users_with_generated_passwords_and_cases(db: None) -> None:
    from netral.cases.demo import load_demo_cases

    passwords = load_demo_cases()
    assert set(passwords) == {"bawaslu.banjar", "bawaslu.kalsel", "bkn.penelaah", "ppk.banjar"}
    assert len(set(passwords.values())) == 4
    assert Case.objects.count() == 3
    assert load_demo_cases() == {}  # idempotent; existing passwords are not returned
    assert Case.objects.count() == 3
