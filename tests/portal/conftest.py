"""Shared helpers for the portal tests: the standing Bawaslu users (from the case tests), a client that walks
the report form step by step, tiny valid evidence files, and a cheaper receipt hash for speed where the cost is
not what the test is about (the brute-force and bench figures use the real settings)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from tests.cases.conftest import banjar, batola, kalsel, make_case  # noqa: F401 - fixtures

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 120
PDF = b"%PDF-1.4\n" + b"1 0 obj << >> endobj\n" * 8
TODAY = dt.date.today()
ALUH_ALUH = "63.03.01"


@pytest.fixture(autouse=True)
def _portal_settings(settings: Any, tmp_path: Path) -> Iterator[None]:
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.NETRAL_RECEIPT_TIME_COST = 1
    settings.NETRAL_RECEIPT_MEMORY_KIB = 8 * 1024
    settings.NETRAL_PORTAL_SUBMIT_RATE = "1000/h"
    settings.NETRAL_PORTAL_LOOKUP_RATE = "1000/h"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    return


def steps(**overrides: Any) -> dict[str, dict[str, Any]]:
    data: dict[str, dict[str, Any]] = {
        "kejadian": {
            "summary": "Camat mengajak warga memilih pasangan calon",
            "description": "Pada apel pagi di kantor kecamatan, camat meminta pegawai mendukung pasangan calon.",
            "election": "pilkada_2024",
            "violation_codes": ["D8"],
        },
        "terlapor": {"name": "Budi Terlapor", "subject_type": "asn", "position": "Camat", "agency": "Kecamatan"},
        "tempat-waktu": {
            "province": "63",
            "regency": "63.03",
            "district": ALUH_ALUH,
            "place": "Kantor Kecamatan Aluh Aluh",
            "event_date": TODAY.isoformat(),
            "known_date": TODAY.isoformat(),
        },
        "saksi": {"witness_name": "Siti Saksi", "witness_contact": "0812", "witness_statement": "Ikut apel."},
        "pelapor": {
            "mode": "named",
            "reporter_name": "Rina Pelapor",
            "reporter_nik": "6303010101010001",
            "reporter_address": "Jl. Contoh 1, Martapura",
            "reporter_phone": "0813",
            "reporter_email": "rina@example.org",
        },
    }
    for key, value in overrides.items():
        for step in data.values():
            if key in step:
                step[key] = value
    return data


def fill(client: Client, **overrides: Any) -> None:
    for step, values in steps(**overrides).items():
        response = client.post(f"/lapor/langkah/{step}/", {**values, "next": "1"})
        assert response.status_code == 302, (step, response.content.decode()[:3000])


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def submit(client: Client, files: list[SimpleUploadedFile] | None = None, **overrides: Any) -> Any:
    fill(client, **overrides)
    return client.post("/lapor/kirim/", {"evidence": files or []})


def receipt_code(response: Any) -> str:
    import re

    match = re.search(r'id="kode-tanda-terima">([0-9 ]+)<', response.content.decode())
    assert match, response.content.decode()[:2000]
    return match.group(1).replace(" ", "")
