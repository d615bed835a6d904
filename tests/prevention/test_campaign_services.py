"""Campaign services: agencies and campaigns in scope only, pledges once per NIP, pacts, imports; all audited."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from tests.prevention.conftest import BARITO_KUALA, NIPS, PDF, csv_bytes

from netral.accounts.models import User
from netral.audit.models import AuditEntry
from netral.cases.evidence_files import EvidenceRefused
from netral.geo.models import Region
from netral.prevention.attendance import AttendanceRefused
from netral.prevention.models import Agency, Campaign, Pledge
from netral.prevention.services.campaigns import (
    AgencyInput,
    PledgeInput,
    do_create_agency,
    do_create_campaign,
    do_import_attendance,
    do_set_campaign,
    do_sign_pledge,
    do_upload_pact,
)
from netral.prevention.services.common import PreventionRefused
from netral.rules.models import Election

pytestmark = pytest.mark.django_db


def actions() -> list[str]:
    return list(AuditEntry.objects.order_by("sequence").values_list("action", flat=True))


def test_creating_an_agency_and_a_campaign_writes_audit_entries(campaign: Campaign) -> None:
    assert actions() == ["prevention.agency_created", "prevention.campaign_created"]
    assert campaign.expected == 10
    assert len(campaign.token) >= 32


def test_a_regency_officer_cannot_create_an_agency_in_another_regency(banjar: User) -> None:
    with pytest.raises(PreventionRefused, match="tidak berwenang"):
        do_create_agency(
            banjar,
            AgencyInput(
                name="Dinas Uji Barito Kuala",
                kind="lainnya",
                region=Region.objects.get(code=BARITO_KUALA),
                headcount=5,
            ),
        )
    assert not Agency.objects.exists()


def test_an_analyst_and_an_administrator_cannot_manage(analyst: User, administrator: User, agency: Agency) -> None:
    election = Election.objects.get(code="pemilu_2024")
    for user in (analyst, administrator):
        with pytest.raises(PreventionRefused):
            do_create_campaign(user, agency, election)


def test_the_ppk_of_the_regency_may_run_a_campaign(ppk: User, agency: Agency, election: Election) -> None:
    campaign = do_create_campaign(ppk, agency, election, expected=25)
    assert campaign.expected == 25


def test_one_campaign_per_agency_and_election(banjar: User, campaign: Campaign) -> None:
    with pytest.raises(PreventionRefused, match="sudah ada"):
        do_create_campaign(banjar, campaign.agency, campaign.election)


def test_a_pledge_is_signed_once_per_nip_with_a_clear_message_on_repeat(campaign: Campaign) -> None:
    pledge = do_sign_pledge(campaign, PledgeInput("Pegawai Uji", "19850312 201001 1 002", "Analis", "Bidang A"))
    assert pledge.nip == NIPS[0] and pledge.nip_kind == "pns" and len(pledge.code) == 20
    with pytest.raises(PreventionRefused, match="sudah menandatangani ikrar pada kampanye ini"):
        do_sign_pledge(campaign, PledgeInput("Nama Lain", NIPS[0], "Analis", "Bidang A"))
    assert Pledge.objects.count() == 1
    assert AuditEntry.objects.filter(action="prevention.pledge_signed", actor_label="publik").count() == 1


def test_an_invalid_nip_or_a_closed_campaign_is_refused(banjar: User, campaign: Campaign) -> None:
    with pytest.raises(PreventionRefused, match="NIP tidak valid: tanggal lahir 31-02-1985 tidak ada"):
        do_sign_pledge(campaign, PledgeInput("Pegawai Uji", "198502312010011002", "", ""))
    do_set_campaign(banjar, campaign, expected=12, is_open=False)
    with pytest.raises(PreventionRefused, match="ditutup"):
        do_sign_pledge(campaign, PledgeInput("Pegawai Uji", NIPS[0], "", ""))


def test_the_pact_is_stored_with_its_sha256_and_a_disguised_file_is_refused(
    banjar: User, campaign: Campaign, settings: Any
) -> None:
    do_upload_pact(banjar, campaign, [PDF], "pakta.pdf")
    campaign.refresh_from_db()
    assert campaign.pact_content_type == "application/pdf"
    assert len(campaign.pact_sha256) == 64
    assert (Path(settings.MEDIA_ROOT) / campaign.pact_path).read_bytes() == PDF
    with pytest.raises(EvidenceRefused):
        do_upload_pact(banjar, campaign, [b"<html><script>alert(1)</script></html>" * 3], "pakta.pdf")
    with pytest.raises(EvidenceRefused, match="Hanya PDF, JPEG atau PNG"):
        do_upload_pact(banjar, campaign, [b"ID3" + b"\x00" * 100], "pakta.pdf")
    stored = list((Path(settings.MEDIA_ROOT) / "prevention").glob("*/*"))
    assert [p.name for p in stored] == [campaign.pact_sha256]


def test_an_import_takes_good_rows_reports_bad_ones_and_is_idempotent(banjar: User, campaign: Campaign) -> None:
    do_sign_pledge(campaign, PledgeInput("Pegawai Daring", NIPS[3], "", ""))
    data = csv_bytes(
        "Nama,NIP,Jabatan,Unit Kerja",
        f"Pegawai Uji Satu,{NIPS[0]},Analis,Bidang A",
        "Pegawai Uji Dua,198502312010011002,Analis,Bidang A",
        f"Pegawai Uji Tiga,{NIPS[2]},Penata,Bidang B",
        f"Pegawai Daring,{NIPS[3]},,",
    )
    batch = do_import_attendance(banjar, campaign, data, "daftar-hadir.csv")
    assert (batch.rows_read, batch.imported, batch.already_signed) == (4, 2, 1)
    assert batch.errors == ["baris 3: NIP 19850231… tidak valid: tanggal lahir 31-02-1985 tidak ada"]
    again = do_import_attendance(banjar, campaign, data, "daftar-hadir.csv")
    assert (again.imported, again.already_signed) == (0, 3)
    assert campaign.pledges.count() == 3
    assert AuditEntry.objects.filter(action="prevention.attendance_imported").count() == 2


def test_an_unreadable_import_changes_nothing(banjar: User, campaign: Campaign) -> None:
    with pytest.raises(AttendanceRefused):
        do_import_attendance(banjar, campaign, b"Nama,Jabatan\nA,B\n", "salah.csv")
    assert not campaign.imports.exists()


def test_an_officer_of_another_regency_cannot_import(batola: User, campaign: Campaign) -> None:
    with pytest.raises(PreventionRefused):
        do_import_attendance(batola, campaign, csv_bytes("Nama,NIP", f"A,{NIPS[0]}"), "x.csv")
