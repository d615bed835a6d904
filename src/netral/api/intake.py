"""Reports from partner intake channels (another agency's complaint system, LAPOR!/SP4N, a call centre).

A partner report is a portal report: the values pass the portal's own forms (`netral.portal.forms`) and are stored
by the portal's own service (`do_submit_report`: the same case, receipt code, confirmation e-mail and audit entry).
This module adds what a machine channel needs:

- the channel: the service token that sent it and the partner's own reference (`PartnerReport`), audited as
  `api.report_received` by the token's owner;
- idempotency: the reference (`external_id`, or the Idempotency-Key header) is unique per token, so a retry gets
  the first answer again, receipt code included. The code is kept only sealed with a key derived from the token's
  secret, which the server never stores (only its SHA-256), and only for `replay_window()`;
- evidence afterwards, one file per request, by the same token within `evidence_window()`, through the case
  evidence service (magic bytes, size and count limits, SHA-256, atomic content-addressed storage).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from netral.api.models import PartnerReport
from netral.api.schemas_reports import ReportIn
from netral.api.tokens import Grant
from netral.audit.services import record
from netral.cases import evidence_files
from netral.cases.models import Case, Evidence
from netral.cases.services.evidence import do_add_evidence
from netral.cases.services.transitions import CaseActionRefused
from netral.geo.models import Level, Region
from netral.portal import services as portal
from netral.portal.draft import clean_text
from netral.portal.forms import ReporterForm, WhatForm, WhereWhenForm, WhoForm, WitnessForm
from netral.portal.receipt import DIGITS

__all__ = ["IntakeRefused", "Received", "add_evidence", "evidence_window", "receive", "replay_window"]


class IntakeRefused(Exception):
    """The report or file is refused: an HTTP status, a stable code, an Indonesian message and field details."""

    def __init__(self, status: int, code: str, message: str, detail: Any = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.detail = status, code, message, detail


@dataclass(frozen=True)
class Received:
    body: dict[str, Any]  # the answer without the receipt code (what a retry repeats)
    receipt_code: str | None
    replayed: bool


def replay_window() -> dt.timedelta:
    return dt.timedelta(hours=int(getattr(settings, "NETRAL_API_REPORT_REPLAY_HOURS", 24)))


def evidence_window() -> dt.timedelta:
    return dt.timedelta(minutes=int(getattr(settings, "NETRAL_API_REPORT_EVIDENCE_MINUTES", 60)))


# ---- the portal's forms as the validator -------------------------------------------------------------------------

#: portal form field → where it is in the API body (for the 422 detail)
LOCATIONS = {
    "name": ("reported", "name"),
    "subject_type": ("reported", "subject_type"),
    "position": ("reported", "position"),
    "agency": ("reported", "agency"),
    "nip": ("reported", "nip"),
    "rank": ("reported", "rank"),
    "province": ("region_code",),
    "regency": ("region_code",),
    "district": ("region_code",),
    "witness_name": ("witness", "name"),
    "witness_contact": ("witness", "contact"),
    "witness_statement": ("witness", "statement"),
    "mode": ("reporter",),
    "reporter_name": ("reporter", "name"),
    "reporter_nik": ("reporter", "nik"),
    "reporter_address": ("reporter", "address"),
    "reporter_phone": ("reporter", "phone"),
    "reporter_email": ("reporter", "email"),
}


def _region(grant: Grant, code: str) -> Region:
    region = Region.objects.filter(code=code).first()
    if region is None:
        raise IntakeRefused(422, "unknown_region", _("Kode wilayah %(code)s tidak dikenal.") % {"code": code})
    if region.level not in (Level.KABUPATEN_KOTA, Level.KECAMATAN):
        raise IntakeRefused(
            422, "invalid_region", _("Wilayah kejadian harus berupa kabupaten/kota atau kecamatan, bukan provinsi.")
        )
    if not grant.scope.includes(region.code):
        raise IntakeRefused(
            422,
            "outside_jurisdiction",
            _("Wilayah kejadian %(code)s berada di luar wilayah token ini; kirim laporan ini ke Bawaslu setempat.")
            % {"code": region.code},
        )
    return region


def _form_data(report: ReportIn, region: Region) -> dict[str, Any]:
    """The API body as the portal form steps would have posted it."""
    parts = region.code.split(".")
    person, witness, reporter = report.reported, report.witness, report.reporter
    return {
        "summary": report.summary,
        "description": report.description,
        "violation_codes": list(report.violation_codes),
        "election": report.election,
        "name": person.name,
        "subject_type": str(person.subject_type.value),
        "position": person.position,
        "agency": person.agency,
        "nip": person.nip,
        "rank": person.rank,
        "province": parts[0],
        "regency": ".".join(parts[:2]),
        "district": region.code if region.level == Level.KECAMATAN else "",
        "place": report.place,
        "event_date": report.event_date.isoformat(),
        "known_date": report.known_date.isoformat(),
        "witness_name": witness.name if witness else "",
        "witness_contact": witness.contact if witness else "",
        "witness_statement": witness.statement if witness else "",
        "mode": "named" if reporter else "anonymous",
        "reporter_name": reporter.name if reporter else "",
        "reporter_nik": reporter.nik if reporter else "",
        "reporter_address": reporter.address if reporter else "",
        "reporter_phone": reporter.phone if reporter else "",
        "reporter_email": reporter.email if reporter else "",
    }


def draft_of(grant: Grant, report: ReportIn) -> dict[str, Any]:
    """The portal draft of a report, checked by the portal's forms; IntakeRefused (422) lists every problem."""
    data = _form_data(report, _region(grant, report.region_code))
    draft: dict[str, Any] = {}
    problems: list[dict[str, Any]] = []
    for form_class in (WhatForm, WhoForm, WhereWhenForm, WitnessForm, ReporterForm):
        form = form_class(data)
        if not form.is_valid():
            for field, messages in form.errors.items():
                loc = ["body", "report", *LOCATIONS.get(field, (field,) if field != "__all__" else ())]
                problems += [{"loc": loc, "msg": str(message)} for message in messages]
            continue
        for key, value in form.cleaned_data.items():  # stored as the portal's session draft stores them
            if isinstance(value, dt.date):
                value = value.isoformat()
            elif isinstance(value, str):
                value = clean_text(value)
            elif isinstance(value, list):
                value = [clean_text(v) if isinstance(v, str) else v for v in value]
            draft[key] = value
    if problems:
        raise IntakeRefused(422, "invalid", _("Laporan belum dapat diterima: periksa isian yang disebut."), problems)
    return draft


# ---- idempotency and the sealed receipt code ---------------------------------------------------------------------


def reference_of(report: ReportIn, idempotency_key: str | None) -> str:
    """The one idempotency key: the body's external_id or the Idempotency-Key header (both: they must agree)."""
    if report.external_id and idempotency_key and report.external_id != idempotency_key:
        raise IntakeRefused(
            422, "reference_mismatch", _("external_id dan header Idempotency-Key berbeda; kirim satu saja.")
        )
    reference = report.external_id or idempotency_key
    if not reference:
        raise IntakeRefused(
            422,
            "reference_required",
            _("Isi external_id (nomor rujukan mitra) atau header Idempotency-Key, agar pengiriman ulang aman."),
            [{"loc": ["body", "report", "external_id"], "msg": _("Wajib diisi.")}],
        )
    return reference


def _fingerprint(report: ReportIn, reference: str, secret: str) -> str:
    """An HMAC of the body keyed by the token secret, not a bare hash: the body holds the reporter's identity, and
    a bare hash of it could be confirmed by anyone guessing the identity."""
    body = report.model_dump(mode="json") | {"external_id": reference}
    message = json.dumps(body, sort_keys=True, ensure_ascii=True).encode()
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def _keystream(secret: str, token_pk: int, reference: str) -> bytes:
    message = f"netral.api.partner-receipt\0{token_pk}\0{reference}".encode()
    return hmac.new(secret.encode(), message, hashlib.sha256).digest()


def seal(code: str, secret: str, token_pk: int, reference: str) -> str:
    """The code XOR an HMAC keystream of the token secret: one key per (token, reference), used once."""
    stream = _keystream(secret, token_pk, reference)
    return bytes(a ^ b for a, b in zip(code.encode(), stream, strict=False)).hex()


def unseal(sealed: str, secret: str, token_pk: int, reference: str) -> str | None:
    if not sealed:
        return None
    stream = _keystream(secret, token_pk, reference)
    code = bytes(a ^ b for a, b in zip(bytes.fromhex(sealed), stream, strict=False)).decode("ascii", "replace")
    return code if len(code) == DIGITS and code.isdigit() else None


def _replay(link: PartnerReport, grant: Grant, secret: str, fingerprint: str) -> Received:
    if not grant.scope.includes(link.case.event_region_code):
        raise IntakeRefused(404, "not_found", _("Data tidak ditemukan."))
    if not hmac.compare_digest(link.fingerprint, fingerprint):
        raise IntakeRefused(
            422,
            "reference_reused",
            _("Nomor rujukan %(reference)s sudah dipakai untuk laporan lain dengan isi berbeda (perkara %(case)s).")
            % {"reference": link.external_id, "case": link.case_id},
        )
    fresh = timezone.now() - link.created_at <= replay_window()
    code = unseal(link.sealed_receipt, secret, link.token_id, link.external_id) if fresh else None
    return Received(dict(link.response), code, replayed=True)


def _existing(grant: Grant, reference: str) -> PartnerReport | None:
    return PartnerReport.objects.select_related("case").filter(token=grant.token, external_id=reference).first()


def receive(grant: Grant, secret: str, report: ReportIn, idempotency_key: str | None, followup_url: str) -> Received:
    """Store a partner's report once per reference; a retry (same token, same reference, same body) gets the first
    answer. `secret` is the raw bearer token (the key of the sealed receipt code)."""
    reference = reference_of(report, idempotency_key)
    fingerprint = _fingerprint(report, reference, secret)
    if (link := _existing(grant, reference)) is not None:
        return _replay(link, grant, secret, fingerprint)
    draft = draft_of(grant, report)
    token = grant.token
    try:
        with transaction.atomic():
            try:
                submitted = portal.do_submit_report(draft, [])
            except (portal.PortalRefused, CaseActionRefused) as refused:
                raise IntakeRefused(422, "invalid", str(refused)) from None
            case = submitted.case
            formal, _material = portal.completeness(draft)
            window = portal.reporting_window(draft)
            body = {
                "case_id": case.pk,
                "number": case.receipt_number,
                "intake": case.intake,
                "external_id": reference,
                "followup_url": followup_url,
                "formal_gaps": formal,
                "late": bool(window and window.late),
                "evidence_until": (timezone.now() + evidence_window()).isoformat(),
            }
            PartnerReport.objects.create(
                token=token,
                external_id=reference,
                case=case,
                fingerprint=fingerprint,
                response=body,
                sealed_receipt=seal(submitted.code, secret, token.pk, reference),
            )
            record(
                grant.user,
                "api.report_received",
                obj=case,
                region_code=case.event_region_code,
                data={"prefix": token.prefix, "channel": token.name, "external_id": reference, "intake": case.intake},
            )
            # no sealed code outlives the replay window, whoever sent it
            stale = timezone.now() - replay_window()
            PartnerReport.objects.filter(created_at__lt=stale).exclude(sealed_receipt="").update(sealed_receipt="")
    except IntegrityError:
        # the same reference committed by a concurrent request: that one is the first answer
        if (link := _existing(grant, reference)) is None:
            raise
        return _replay(link, grant, secret, fingerprint)
    return Received(body, submitted.code, replayed=False)


# ---- evidence after the report -----------------------------------------------------------------------------------


def _sha256(upload: UploadedFile) -> str:
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    return digest.hexdigest()


def add_evidence(grant: Grant, case_id: int, upload: UploadedFile, description: str = "") -> tuple[Evidence, bool]:
    """Attach one file to a report this token sent, within the evidence window. The same content twice is kept
    once (a retried upload): (evidence, duplicate)."""
    link = PartnerReport.objects.select_related("case").filter(case_id=case_id, token=grant.token).first()
    if link is None or not grant.scope.includes(link.case.event_region_code):
        raise IntakeRefused(404, "not_found", _("Data tidak ditemukan."))
    if timezone.now() > link.created_at + evidence_window():
        raise IntakeRefused(
            409,
            "evidence_window_closed",
            _(
                "Waktu pengiriman bukti untuk laporan ini sudah lewat; pelapor dapat menambah bukti di halaman "
                "tindak lanjut dengan kode tanda terimanya."
            ),
        )
    sha = _sha256(upload)
    name = clean_text(upload.name or "berkas")
    # stored text, shown to staff: Indonesian, not translated per request
    note = clean_text(description).strip() or f"Dari pelapor lewat {grant.token.name}"
    try:
        with transaction.atomic():
            case = Case.objects.select_for_update().get(pk=link.case_id)  # one upload per case at a time
            files = Evidence.objects.filter(case=case).exclude(file_path="")
            if (same := files.filter(sha256=sha).first()) is not None:
                return same, True
            portal.check_files([upload], already=files.count())
            evidence = do_add_evidence(case, grant.user, chunks=upload.chunks(), original_name=name, description=note)
    except evidence_files.EvidenceRefused as refused:
        raise IntakeRefused(422, "evidence_refused", str(refused)) from None
    except CaseActionRefused:
        raise IntakeRefused(404, "not_found", _("Data tidak ditemukan.")) from None
    return evidence, False
