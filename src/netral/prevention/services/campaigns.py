"""Agencies, pledge campaigns, pacts, online pledges and attendance imports: every change with its audit entry."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth.models import AnonymousUser
from django.db import IntegrityError, transaction
from django.utils import timezone

from netral.accounts.access import AnyUser
from netral.accounts.models import User
from netral.audit.services import record
from netral.cases.letters import format_date_id
from netral.geo.models import Region
from netral.prevention import attendance
from netral.prevention.models import Agency, AttendanceImport, Campaign, Pledge, PledgeSource
from netral.prevention.nip import NipError, parse
from netral.prevention.reference import agency_kinds
from netral.prevention.services.common import (
    PreventionRefused,
    check_manager,
    new_code,
    store_document,
    with_file_cleanup,
)
from netral.rules.models import Election

__all__ = [
    "AgencyInput",
    "PledgeInput",
    "do_create_agency",
    "do_create_campaign",
    "do_import_attendance",
    "do_set_campaign",
    "do_sign_pledge",
    "do_upload_pact",
]

MAX_TEXT = 200


def _user(actor: AnyUser) -> User | None:
    return actor if isinstance(actor, User) else None


@dataclass(frozen=True)
class AgencyInput:
    name: str
    kind: str
    region: Region
    headcount: int
    contact_name: str = ""
    contact_email: str = ""


def do_create_agency(actor: AnyUser, data: AgencyInput) -> Agency:
    check_manager(actor, data.region.code)
    name = " ".join(data.name.split())
    if not name:
        raise PreventionRefused("Nama instansi wajib diisi.")
    if data.kind not in agency_kinds():
        raise PreventionRefused("Jenis instansi tidak dikenal.")
    if Agency.objects.filter(region=data.region, name__iexact=name).exists():
        raise PreventionRefused(f"Instansi “{name}” sudah terdaftar di {data.region.display_name}.")
    with transaction.atomic():
        agency = Agency.objects.create(
            name=name[:MAX_TEXT],
            kind=data.kind,
            region=data.region,
            headcount=max(0, data.headcount),
            contact_name=data.contact_name.strip()[:MAX_TEXT],
            contact_email=data.contact_email.strip(),
        )
        record(actor, "prevention.agency_created", obj=agency, region_code=agency.region_id, data={"kind": data.kind})
    return agency


def do_create_campaign(actor: AnyUser, agency: Agency, election: Election, expected: int | None = None) -> Campaign:
    check_manager(actor, agency.region_id)
    if Campaign.objects.filter(agency=agency, election=election).exists():
        raise PreventionRefused(f"Kampanye ikrar {agency.name} untuk {election.name} sudah ada.")
    count = agency.headcount if expected is None else expected
    if count < 1:
        raise PreventionRefused("Isi jumlah pegawai yang diharapkan berikrar (paling sedikit 1).")
    with transaction.atomic():
        campaign = Campaign.objects.create(
            agency=agency,
            election=election,
            expected=count,
            token=secrets.token_urlsafe(24),
            created_by=_user(actor),
        )
        record(
            actor,
            "prevention.campaign_created",
            obj=campaign,
            region_code=agency.region_id,
            data={"agency": agency.pk, "election": election.code, "expected": count},
        )
    return campaign


def do_set_campaign(actor: AnyUser, campaign: Campaign, *, expected: int, is_open: bool) -> Campaign:
    """Change the expected headcount or open/close signing."""
    check_manager(actor, campaign.agency.region_id)
    if expected < 1:
        raise PreventionRefused("Jumlah pegawai yang diharapkan paling sedikit 1.")
    before = {"expected": campaign.expected, "is_open": campaign.is_open}
    with transaction.atomic():
        campaign.expected, campaign.is_open = expected, is_open
        campaign.save(update_fields=["expected", "is_open"])
        record(
            actor,
            "prevention.campaign_changed",
            obj=campaign,
            region_code=campaign.agency.region_id,
            data={"before": before, "after": {"expected": expected, "is_open": is_open}},
        )
    return campaign


def do_upload_pact(actor: AnyUser, campaign: Campaign, chunks: Iterable[bytes], original_name: str) -> Campaign:
    """Store the signed integrity pact (PDF/JPEG/PNG, checked by magic bytes); replaces an earlier upload."""
    check_manager(actor, campaign.agency.region_id)
    stored = store_document(chunks)

    def write() -> Campaign:
        with transaction.atomic():
            previous = campaign.pact_sha256
            campaign.pact_path = stored.relative_path
            campaign.pact_sha256 = stored.sha256
            campaign.pact_size = stored.size
            campaign.pact_content_type = stored.content_type
            campaign.pact_original_name = Path(original_name).name[:255]
            campaign.pact_uploaded_at = timezone.now()
            campaign.save()
            record(
                actor,
                "prevention.pact_uploaded",
                obj=campaign,
                region_code=campaign.agency.region_id,
                data={"sha256": stored.sha256, "replaced": previous},
            )
        return campaign

    return with_file_cleanup(stored, lambda path: _file_in_use(path), write)


def _file_in_use(path: str) -> bool:
    from netral.prevention.models import Circular, EventMaterial

    return (
        Campaign.objects.filter(pact_path=path).exists()
        or EventMaterial.objects.filter(file_path=path).exists()
        or Circular.objects.filter(file_path=path).exists()
    )


@dataclass(frozen=True)
class PledgeInput:
    full_name: str
    nip: str
    position: str
    unit: str


def do_sign_pledge(campaign: Campaign, data: PledgeInput) -> Pledge:
    """An employee signs online, without an account. PreventionRefused on bad input, a closed campaign or a NIP
    that already pledged in this campaign."""
    if not campaign.is_open:
        raise PreventionRefused("Penandatanganan ikrar untuk kampanye ini sudah ditutup.")
    name = " ".join(data.full_name.split())
    if not name:
        raise PreventionRefused("Nama lengkap wajib diisi.")
    if len(name) > MAX_TEXT:
        raise PreventionRefused(f"Nama paling panjang {MAX_TEXT} huruf.")
    try:
        parsed = parse(data.nip)
    except NipError as exc:
        raise PreventionRefused(f"NIP tidak valid: {exc}.") from None
    existing = Pledge.objects.filter(campaign=campaign, nip=parsed.number).first()
    if existing is not None:
        raise PreventionRefused(_already_signed(existing))
    try:
        with transaction.atomic():
            pledge = Pledge.objects.create(
                campaign=campaign,
                code=new_code(),
                full_name=name,
                nip=parsed.number,
                nip_kind=parsed.kind,
                position=" ".join(data.position.split())[:MAX_TEXT],
                unit=" ".join(data.unit.split())[:MAX_TEXT],
                source=PledgeSource.ONLINE,
                signed_at=timezone.now(),
            )
            record(
                AnonymousUser(),
                "prevention.pledge_signed",
                obj=pledge,
                region_code=campaign.agency.region_id,
                data={"campaign": campaign.pk},
            )
    except IntegrityError:  # the same NIP submitted twice at once
        raise PreventionRefused("NIP ini sudah menandatangani ikrar pada kampanye ini.") from None
    return pledge


def _already_signed(pledge: Pledge) -> str:
    day = timezone.localtime(pledge.signed_at).date()
    return (
        f"NIP ini sudah menandatangani ikrar pada kampanye ini ({format_date_id(day)}). "
        "Satu NIP hanya dapat berikrar satu kali; simpan tautan verifikasi yang Anda terima saat itu."
    )


def do_import_attendance(actor: AnyUser, campaign: Campaign, data: bytes, original_name: str) -> AttendanceImport:
    """Import a signed attendance list: valid new rows become pledges in one transaction; rows with errors and
    NIPs that already pledged are reported, never imported. Raises AttendanceRefused for an unusable file."""
    check_manager(actor, campaign.agency.region_id)
    parsed = attendance.read_attendance(data)
    now = timezone.now()
    with transaction.atomic():
        known = set(
            Pledge.objects.filter(campaign=campaign, nip__in=[row.nip for row in parsed.rows]).values_list(
                "nip", flat=True
            )
        )
        new_rows = [row for row in parsed.rows if row.nip not in known]
        batch = AttendanceImport.objects.create(
            campaign=campaign,
            original_name=Path(original_name).name[:255],
            sha256=hashlib.sha256(data).hexdigest(),
            file_format=parsed.format,
            rows_read=len(parsed.rows) + len(parsed.errors),
            imported=len(new_rows),
            already_signed=len(parsed.rows) - len(new_rows),
            errors=parsed.errors[:500],
            created_by=_user(actor),
        )
        Pledge.objects.bulk_create(
            Pledge(
                campaign=campaign,
                code=new_code(),
                full_name=row.name,
                nip=row.nip,
                nip_kind=parse(row.nip).kind,
                position=row.position,
                unit=row.unit,
                source=PledgeSource.IMPORT,
                attendance_import=batch,
                signed_at=now,
            )
            for row in new_rows
        )
        record(
            actor,
            "prevention.attendance_imported",
            obj=batch,
            region_code=campaign.agency.region_id,
            data={
                "campaign": campaign.pk,
                "sha256": batch.sha256,
                "imported": batch.imported,
                "already_signed": batch.already_signed,
                "rejected": len(parsed.errors),
            },
        )
    return batch
