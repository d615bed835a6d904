"""Evidence: type by magic bytes, limits, SHA-256, atomic content-addressed storage, access-checked downloads."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from tests.cases.conftest import MakeCase

from netral.accounts.models import User
from netral.audit.models import AuditEntry
from netral.cases import evidence_files
from netral.cases.evidence_files import EvidenceRefused, detect_type, store
from netral.cases.models import Evidence
from netral.cases.services import do_add_evidence

JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x01" * 200
PDF = b"%PDF-1.7\n" + b"x" * 200


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (JPEG, "image/jpeg"),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 60, "image/png"),
        (b"GIF89a" + b"\0" * 60, "image/gif"),
        (b"RIFF\x00\x00\x00\x00WEBPVP8 " + b"\0" * 60, "image/webp"),
        (PDF, "application/pdf"),
        (b"ID3\x04" + b"\0" * 60, "audio/mpeg"),
        (b"\xff\xfb\x90\x00" + b"\0" * 60, "audio/mpeg"),
        (b"\x00\x00\x00\x20ftypM4A " + b"\0" * 60, "audio/mp4"),
        (b"OggS" + b"\0" * 60, "audio/ogg"),
        (b"RIFF\x00\x00\x00\x00WAVEfmt " + b"\0" * 60, "audio/wav"),
        (b"\x00\x00\x00\x20ftypisom" + b"\0" * 60, "video/mp4"),
        (b"\x00\x00\x00\x20ftyp3gp5" + b"\0" * 60, "video/3gpp"),
        (b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\x82\x84webm" + b"\0" * 60, "video/webm"),
    ],
)
def test_it_recognises_allowed_types_by_their_first_bytes(head: bytes, expected: str) -> None:
    assert detect_type(head) == expected


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"MZ\x90\x00" + b"\0" * 100, "executable"),
        (b"\x7fELF\x02\x01" + b"\0" * 100, "executable"),
        (b"<!DOCTYPE html><html><script>alert(1)</script>" + b" " * 40, "HTML/SVG"),
        (b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>' + b" " * 20, "HTML/SVG"),
        (b"PK\x03\x04" + b"\0" * 100, "tidak dikenali"),
    ],
)
def test_it_refuses_executables_html_svg_and_unknown_files(tmp_path: Path, content: bytes, message: str) -> None:
    with pytest.raises(EvidenceRefused, match=message):
        store([content], tmp_path)
    assert list((tmp_path / "evidence").iterdir()) == []  # no temporary file left


def test_a_disguised_file_name_does_not_matter(tmp_path: Path) -> None:
    stored = store([JPEG[:5], JPEG[5:]], tmp_path)  # chunks split inside the signature
    assert stored.content_type == "image/jpeg"


def test_it_refuses_a_file_over_the_size_limit_and_an_empty_one(tmp_path: Path) -> None:
    with pytest.raises(EvidenceRefused, match="terlalu besar"):
        store([PDF, b"y" * 2000], tmp_path, max_bytes=1000)
    with pytest.raises(EvidenceRefused, match="kosong"):
        store([], tmp_path)
    assert list((tmp_path / "evidence").iterdir()) == []


def test_it_stores_content_addressed_with_the_sha256(tmp_path: Path) -> None:
    stored = store([PDF], tmp_path)
    sha = hashlib.sha256(PDF).hexdigest()
    assert stored.sha256 == sha and stored.size == len(PDF) and stored.created
    assert stored.relative_path == f"evidence/{sha[:2]}/{sha}"
    assert (tmp_path / stored.relative_path).read_bytes() == PDF
    again = store([PDF], tmp_path)
    assert again.relative_path == stored.relative_path and not again.created


@pytest.fixture
def media(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = str(tmp_path)
    return tmp_path


@pytest.mark.django_db
def test_adding_evidence_writes_the_row_and_the_audit_entry(media: Path, make_case: MakeCase, banjar: User) -> None:
    case = make_case()
    evidence = do_add_evidence(case, banjar, chunks=[JPEG], original_name="../../foto.jpg", description="Foto")
    assert evidence.sha256 == hashlib.sha256(JPEG).hexdigest() and evidence.original_name == "foto.jpg"
    assert AuditEntry.objects.filter(action="case.evidence_added", object_id=str(case.pk)).exists()


@pytest.mark.django_db
def test_a_failed_transaction_leaves_no_file(media: Path, make_case: MakeCase, banjar: User, monkeypatch: Any) -> None:
    case = make_case()

    def boom(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("audit down")

    monkeypatch.setattr("netral.cases.services.evidence.record", boom)
    with pytest.raises(RuntimeError):
        do_add_evidence(case, banjar, chunks=[PDF], original_name="a.pdf")
    assert not Evidence.objects.exists()
    assert [p for p in (media / "evidence").rglob("*") if p.is_file()] == []


@pytest.mark.django_db
def test_an_outer_rollback_leaves_an_orphan_that_the_sweep_finds(
    media: Path, make_case: MakeCase, banjar: User
) -> None:
    case = make_case()

    def add_then_fail() -> None:
        with transaction.atomic():
            do_add_evidence(case, banjar, chunks=[PDF], original_name="a.pdf")
            raise RuntimeError

    with pytest.raises(RuntimeError):
        add_then_fail()
    referenced = Evidence.objects.values_list("file_path", flat=True)
    assert len(evidence_files.orphans(media, referenced)) == 1


@pytest.mark.django_db
def test_the_count_limit_is_enforced(media: Path, make_case: MakeCase, banjar: User, settings: Any) -> None:
    settings.NETRAL_EVIDENCE_MAX_FILES = 1
    case = make_case()
    do_add_evidence(case, banjar, chunks=[PDF])
    with pytest.raises(EvidenceRefused, match="Paling banyak 1"):
        do_add_evidence(case, banjar, chunks=[JPEG])


@pytest.mark.django_db
def test_upload_and_download_through_the_pages(
    client: Client, media: Path, make_case: MakeCase, banjar: User, batola: User
) -> None:
    case = make_case()
    client.force_login(banjar)
    upload = SimpleUploadedFile("bukti.pdf", PDF, content_type="text/html")  # the browser's claim is ignored
    client.post(f"/perkara/{case.pk}/bukti/", {"file": upload, "description": "Surat"})
    evidence = Evidence.objects.get(case=case)
    assert evidence.content_type == "application/pdf"
    response = client.get(f"/perkara/{case.pk}/bukti/{evidence.pk}/unduh/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == PDF  # type: ignore[attr-defined]
    client.force_login(batola)
    assert client.get(f"/perkara/{case.pk}/bukti/{evidence.pk}/unduh/").status_code == 404


@pytest.mark.django_db
def test_a_refused_upload_shows_the_reason(client: Client, media: Path, make_case: MakeCase, banjar: User) -> None:
    case = make_case()
    client.force_login(banjar)
    upload = SimpleUploadedFile("foto.jpg", b"<html><body>hi</body></html>" + b" " * 60)
    body = client.post(f"/perkara/{case.pk}/bukti/", {"file": upload}, follow=True).content.decode()
    assert "HTML/SVG tidak diterima" in body
    assert not Evidence.objects.exists()


@pytest.mark.django_db
def test_a_link_is_evidence_too(client: Client, make_case: MakeCase, banjar: User) -> None:
    case = make_case()
    client.force_login(banjar)
    client.post(f"/perkara/{case.pk}/bukti/", {"url": "https://contoh.invalid/video", "description": "Video"})
    assert Evidence.objects.get(case=case).url == "https://contoh.invalid/video"
