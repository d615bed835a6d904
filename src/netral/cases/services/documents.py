"""Letters: build the `LetterContext` from a case and the officer's form, render it (netral.cases.letters), store
the PDF content-addressed with its SHA-256, and record it — row and audit entry in one transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from netral.accounts.access import AnyUser, has_capability
from netral.accounts.models import User
from netral.audit.services import record
from netral.cases import evidence_files
from netral.cases.access import cases_visible_to
from netral.cases.letters import Invitation, LetterContext, Recommendation, render_letter
from netral.cases.letters import ReportedPerson as LetterPerson
from netral.cases.models import Case, GeneratedFile, Track
from netral.cases.services.transitions import CaseActionRefused

__all__ = ["LETTER_KINDS", "build_letter_context", "do_generate_letter", "office_name"]

LETTER_KINDS = {"rekomendasi": "Surat rekomendasi", "undangan_klarifikasi": "Undangan klarifikasi"}


def office_name(case: Case) -> str:
    region = case.office_region
    return f"Badan Pengawas Pemilihan Umum {region.display_name if region else 'Republik Indonesia'}"


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def build_letter_context(case: Case, kind: str, data: Mapping[str, str], *, today: dt.date) -> LetterContext:
    """The letter's content from the form; ValueError (Indonesian where it is ours) when something is missing."""
    short_office = office_name(case).replace("Badan Pengawas Pemilihan Umum", "Bawaslu")
    recommendation = invitation = None
    person = case.reported_persons.first()
    if kind == "rekomendasi":
        if person is None:
            raise ValueError("Perkara belum memiliki terlapor.")
        recommendation = Recommendation(
            registration_number=case.registration_number or case.receipt_number,
            reported=LetterPerson(name=person.name, position=person.position, agency=person.agency, nip=person.nip),
            summary=data.get("summary", "") or case.summary,
            legal_basis=_lines(data.get("legal_basis", "")),
            recommendation=data.get("recommendation", ""),
        )
    elif kind == "undangan_klarifikasi":
        zone = case.event_region.timezone
        try:
            starts = dt.datetime.fromisoformat(data.get("starts_at", "")).replace(tzinfo=ZoneInfo(zone))
        except ValueError:
            raise ValueError("Waktu klarifikasi wajib diisi (tanggal dan jam).") from None
        invitation = Invitation(
            person=data.get("person", ""),
            role=data.get("role", "terlapor"),  # type: ignore[arg-type]
            starts_at=starts,
            zone=zone,
            place=data.get("place", ""),
            agenda=data.get("agenda", "") or f"Klarifikasi atas {case.summary}",
            contact_person=data.get("contact_person", ""),
            registration_number=case.registration_number,
        )
    else:
        raise ValueError(f"Jenis surat {kind!r} tidak dikenal.")
    return LetterContext(
        office=office_name(case),
        office_address=data.get("office_address", ""),
        office_city=data.get("office_city", ""),
        letter_number=data.get("letter_number", ""),
        sifat=data.get("sifat", "") or "Penting",
        lampiran=data.get("lampiran", "") or "-",
        perihal=data.get("perihal", "") or LETTER_KINDS[kind],
        date=today,
        addressee=_lines(data.get("addressee", "")),
        addressee_place=data.get("addressee_place", "") or "Tempat",
        signer_position=data.get("signer_position", "") or f"Ketua {short_office}",
        signer_name=data.get("signer_name", ""),
        tembusan=_lines(data.get("tembusan", "")),
        recommendation=recommendation,
        invitation=invitation,
    )


def do_generate_letter(
    case: Case, kind: str, actor: AnyUser, data: Mapping[str, str], *, track: Track | None = None
) -> GeneratedFile:
    """Render and store a letter for the case. Raises CaseActionRefused, or ValueError for a missing field."""
    if not has_capability(actor, "cases.transition") or not cases_visible_to(actor).filter(pk=case.pk).exists():
        raise CaseActionRefused("Anda tidak berwenang membuat surat untuk perkara ini.")
    if not isinstance(actor, User):
        raise CaseActionRefused("Surat dibuat oleh petugas.")
    today = timezone.now().astimezone(ZoneInfo(case.event_region.timezone)).date()
    pdf = render_letter(kind, build_letter_context(case, kind, data, today=today))
    root = Path(settings.MEDIA_ROOT)
    stored = evidence_files.store_bytes(pdf, root, subdir="letters")
    try:
        with transaction.atomic():
            document = GeneratedFile.objects.create(
                case=case,
                track=track,
                kind=kind,
                file_path=stored.relative_path,
                sha256=stored.sha256,
                size=stored.size,
                created_by=actor,
            )
            record(
                actor,
                "case.letter_generated",
                obj=case,
                region_code=case.event_region_code,
                data={"kind": kind, "document": document.pk, "sha256": stored.sha256},
            )
    except BaseException:
        if not GeneratedFile.objects.filter(file_path=stored.relative_path).exists():
            evidence_files.discard(root, stored)
        raise
    return document
