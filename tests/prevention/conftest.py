"""Standing people and records for the prevention tests.

Owner side: Bawaslu Kabupaten Banjar (63.03), Bawaslu Provinsi Kalimantan Selatan (63), the PPK (BKPSDM) of
Kabupaten Banjar. Outsiders: Bawaslu Kabupaten Barito Kuala (63.04), an analyst (coverage figures only), an
administrator (nothing).
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from tests.people import staff_user

from netral.accounts.models import User
from netral.geo.models import Region
from netral.prevention.models import Agency, Campaign
from netral.prevention.services.campaigns import AgencyInput, do_create_agency, do_create_campaign
from netral.rules.models import Election

BANJAR, BARITO_KUALA, KALSEL = "63.03", "63.04", "63"
PASSWORD = "kata-sandi-uji-123"
PDF = b"%PDF-1.4\n% synthetic pact for tests\n" + b"0" * 200 + b"\n%%EOF\n"
# Structurally valid NIPs, invented for the tests (birth date, TMT, sex, serial).
NIPS = ("198503122010011002", "199001152015032001", "198807072023212004", "197712242003121003")


make_user = staff_user


@pytest.fixture(autouse=True)
def _media(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def banjar(db: None) -> User:
    return make_user("bawaslu-banjar", "bawaslu_kabkota", BANJAR)


@pytest.fixture
def kalsel(db: None) -> User:
    return make_user("bawaslu-kalsel", "bawaslu_provinsi", KALSEL)


@pytest.fixture
def ppk(db: None) -> User:
    return make_user("ppk-banjar", "ppk_officer", BANJAR)


@pytest.fixture
def batola(db: None) -> User:
    return make_user("bawaslu-batola", "bawaslu_kabkota", BARITO_KUALA)


@pytest.fixture
def analyst(db: None) -> User:
    return make_user("analis", "analyst", None)


@pytest.fixture
def administrator(db: None) -> User:
    return make_user("admin-sistem", "administrator", None)


@pytest.fixture
def election(db: None) -> Election:
    return Election.objects.get(code="pilkada_2024")


@pytest.fixture
def agency(banjar: User) -> Agency:
    return do_create_agency(
        banjar,
        AgencyInput(
            name="Dinas Uji Kabupaten Banjar",
            kind="pemerintah_kabupaten_kota",
            region=Region.objects.get(code=BANJAR),
            headcount=10,
            contact_name="Narahubung Uji",
            contact_email="kepegawaian@uji.invalid",
        ),
    )


@pytest.fixture
def campaign(banjar: User, agency: Agency, election: Election) -> Campaign:
    return do_create_campaign(banjar, agency, election)


def csv_bytes(*rows: str) -> bytes:
    return ("\n".join(rows) + "\n").encode()


def xlsx_bytes(rows: list[list[Any]], *, nip_as_text: bool = True) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
