"""The portal's writes and the checks the form shows: submit a report, find a receipt, answer a question, add
evidence, ask a question (staff), the completeness check and the reporting window.

A submission writes its evidence files first (checked by content, hashed, written atomically and content-addressed
by `netral.cases.evidence_files`), then creates the case, its people, evidence rows, the receipt hash and the audit
entry in ONE transaction. If anything fails, the transaction rolls back and the files this request created are
removed; a crash between the file writes and the commit can leave unreferenced files, which `sweep_orphans`
removes (`netral manage portal_sweep`, run at start-up or from cron).
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.files.uploadedfile import UploadedFile
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Count
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from netral.accounts.access import AnyUser, has_capability
from netral.accounts.models import User
from netral.audit.services import record
from netral.cases import evidence_files
from netral.cases.access import cases_visible_to
from netral.cases.models import Case, Evidence, Intake, Track
from netral.cases.services.evidence import max_bytes, max_files, media_root
from netral.cases.services.intake import NewCase, do_receive_public_report
from netral.cases.services.transitions import CaseActionRefused
from netral.cases.workflow import load_workflow
from netral.geo.models import Region
from netral.portal import receipt
from netral.portal.draft import clean_text
from netral.portal.models import Question, Receipt
from netral.rules.calendar import due_for_step
from netral.rules.models import Election, ViolationType

__all__ = [
    "Submitted",
    "completeness",
    "do_add_public_evidence",
    "do_answer",
    "do_ask",
    "do_submit_report",
    "find_receipt",
    "reporting_window",
    "status_of",
    "sweep_orphans",
]


class PortalRefused(ValueError):
    """The portal refuses the request; the message is translated (Indonesian source), for the reporter."""


@dataclass(frozen=True)
class Window:
    due: dt.datetime
    late: bool
    amount: int
    unit: str  # "days" | "working_days"
    legal_basis: str


def reporting_window(draft: Mapping[str, Any], *, now: dt.datetime | None = None) -> Window | None:
    """The legal reporting window (procedures.toml step `penyampaian_laporan` of the election's regime), counted
    from the day the reporter learned of the act, in the region's zone. None when it cannot be computed yet."""
    from netral.rules.catalogue import load_catalogue

    known, election_code = draft.get("known_date"), draft.get("election")
    region_code = draft.get("district") or draft.get("regency") or draft.get("province")
    if not known or not election_code or not region_code:
        return None
    election = Election.objects.filter(code=election_code).first()
    region = Region.objects.filter(code=region_code).first()
    if election is None or region is None:
        return None
    zone = ZoneInfo(region.timezone)
    start = dt.datetime.combine(dt.date.fromisoformat(str(known)), dt.time(12), tzinfo=zone)
    try:
        step = load_catalogue().step(election.regime, "penyampaian_laporan")
        due = due_for_step(start, election.regime, "penyampaian_laporan", tz=region.timezone)
    except (KeyError, ValueError, LookupError, RuntimeError):
        return None
    now = now or timezone.now()
    return Window(due, now > due, step.amount, str(step.unit), step.legal_basis)


def completeness(draft: Mapping[str, Any], *, files: int = 0) -> tuple[list[str], list[str]]:
    """What a formal report still lacks (formal requirements) and what would make it stronger (material), in
    plain Indonesian. Anonymous reports are initial information: the formal list then explains that."""
    formal: list[str] = []
    material: list[str] = []
    if draft.get("mode") != "named":
        formal.append(
            _(
                "Anda melapor tanpa nama, jadi laporan ini menjadi informasi awal, bukan laporan resmi. "
                "Untuk laporan resmi, isi nama, alamat dan kontak Anda."
            )
        )
    else:
        if not str(draft.get("reporter_address", "")).strip():
            formal.append(_("Alamat Anda belum diisi."))
        if not (str(draft.get("reporter_phone", "")).strip() or str(draft.get("reporter_email", "")).strip()):
            formal.append(
                _("Nomor telepon atau surel Anda belum diisi, sehingga petugas tidak dapat menghubungi Anda.")
            )
        if not str(draft.get("reporter_nik", "")).strip():
            formal.append(_("NIK Anda belum diisi (diperlukan saat laporan diregistrasi)."))
    if not str(draft.get("name", "")).strip():
        formal.append(_("Nama orang yang dilaporkan (terlapor) belum diisi."))
    window = reporting_window(draft)
    if window is not None and window.late:
        formal.append(
            _("Laporan ini melewati batas waktu pelaporan. Bawaslu tetap dapat menjadikannya informasi awal.")
        )
    if not draft.get("event_date"):
        material.append(_("Tanggal kejadian belum diisi."))
    if not (draft.get("regency") and (draft.get("place") or draft.get("district"))):
        material.append(_("Tempat kejadian belum lengkap (kecamatan atau alamat tempat)."))
    if len(str(draft.get("description", "")).strip()) < 30:
        material.append(_("Uraian kejadian masih sangat singkat: ceritakan siapa berbuat apa, kapan dan di mana."))
    if files == 0:
        material.append(_("Lampirkan bukti di bawah jika ada: foto, tangkapan layar, dokumen atau rekaman."))
    return formal, material


@dataclass(frozen=True)
class Submitted:
    case: Case
    receipt: Receipt
    code: str  # shown once, never stored


def _new_case(draft: Mapping[str, Any]) -> NewCase:
    named = draft.get("mode") == "named"
    region_code = draft.get("district") or draft.get("regency")
    region = Region.objects.filter(code=region_code).first() if region_code else None
    election = Election.objects.filter(code=draft.get("election", "")).first()
    if region is None or election is None or not str(draft.get("summary", "")).strip():
        raise PortalRefused(_("Formulir belum lengkap: isi kejadian, pemilihan dan wilayah kejadian."))
    position = str(draft.get("position", ""))
    if draft.get("rank"):
        position = f"{position} ({draft['rank']})" if position else str(draft["rank"])
    reported = []
    if str(draft.get("name", "")).strip():
        reported.append(
            {
                "name": str(draft["name"])[:200],
                "position": position[:200],
                "agency": str(draft.get("agency", ""))[:200],
                "nip": str(draft.get("nip", ""))[:18],
                "subject_type": str(draft.get("subject_type") or "other"),
                "region": Region.objects.filter(code=draft.get("regency")).first(),
            }
        )
    witnesses = []
    if str(draft.get("witness_name", "")).strip():
        witnesses.append(
            {
                "name": str(draft["witness_name"])[:200],
                "contact": str(draft.get("witness_contact", ""))[:200],
                "statement": str(draft.get("witness_statement", "")),
            }
        )
    reporter = None
    if named:
        reporter = {
            "name": str(draft.get("reporter_name", ""))[:200],
            "nik": str(draft.get("reporter_nik", ""))[:16],
            "address": str(draft.get("reporter_address", "")),
            "phone": str(draft.get("reporter_phone", ""))[:40],
            "email": str(draft.get("reporter_email", ""))[:254],
        }
    known = draft.get("known_date")
    zone = ZoneInfo(region.timezone)
    return NewCase(
        intake=Intake.LAPORAN if named else Intake.INFORMASI_AWAL,
        election=election,
        summary=str(draft["summary"])[:300],
        event_region=region,
        description=str(draft.get("description", "")),
        event_date=dt.date.fromisoformat(str(draft["event_date"])) if draft.get("event_date") else None,
        event_place=str(draft.get("place", ""))[:300],
        discovered_at=dt.datetime.combine(dt.date.fromisoformat(str(known)), dt.time(12), tzinfo=zone)
        if known
        else None,
        reporter=reporter,
        reported_persons=reported,
        witnesses=witnesses,
        violation_codes=[str(c) for c in draft.get("violation_codes", [])],
    )


def check_files(files: Sequence[UploadedFile], *, already: int = 0) -> None:
    """Count and size limits, with clear messages, before anything is written."""
    if already + len(files) > max_files():
        most = max_files()
        raise evidence_files.EvidenceRefused(
            ngettext(
                "Paling banyak %(count)d berkas bukti per laporan.",
                "Paling banyak %(count)d berkas bukti per laporan.",
                most,
            )
            % {"count": most}
        )
    limit = max_bytes()
    for f in files:
        if (f.size or 0) > limit:
            name = Path(f.name or "").name[:80]
            raise evidence_files.EvidenceRefused(
                _("Berkas %(name)s terlalu besar (paling besar %(size)d MB).")
                % {"name": name, "size": limit // (1024 * 1024)}
            )


def _store_files(files: Sequence[UploadedFile]) -> list[tuple[evidence_files.StoredFile, str]]:
    stored: list[tuple[evidence_files.StoredFile, str]] = []
    try:
        for f in files:
            try:
                kept = evidence_files.store(f.chunks(), media_root(), max_bytes=max_bytes())
            except evidence_files.EvidenceRefused as refused:
                name = Path(f.name or "").name[:80]
                raise evidence_files.EvidenceRefused(f"{name}: {refused}") from None
            stored.append((kept, clean_text(Path(f.name or "berkas").name)[:255]))
    except BaseException:
        _discard(stored)
        raise
    return stored


def _evidence_rows(case: Case, stored: Sequence[tuple[evidence_files.StoredFile, str]], description: str) -> None:
    """The database rows of files already written; the description is stored text, so it is not translated."""
    for kept, name in stored:
        Evidence.objects.create(
            case=case,
            file_path=kept.relative_path,
            sha256=kept.sha256,
            size=kept.size,
            content_type=kept.content_type,
            original_name=name,
            description=description,
        )


def _discard(stored: Sequence[tuple[evidence_files.StoredFile, str]]) -> None:
    for kept, _name in stored:
        if kept.created and not Evidence.objects.filter(file_path=kept.relative_path).exists():
            evidence_files.discard(media_root(), kept)


def do_submit_report(draft: Mapping[str, Any], files: Sequence[UploadedFile], *, client_ip: str = "") -> Submitted:
    """Store the whole report or nothing: files first, then one transaction; returns the code to show once."""
    new = _new_case(draft)
    check_files(files)
    code = receipt.new_code()
    code_hash = receipt.hash_code(code)
    store_ip = bool(getattr(settings, "NETRAL_STORE_REPORTER_IP", False))
    stored = _store_files(files)
    try:
        with transaction.atomic():
            case = do_receive_public_report(new)
            _evidence_rows(case, stored, "Dari pelapor (portal)")
            kept_receipt = Receipt.objects.create(
                case=case, code_hash=code_hash, reporter_ip=(client_ip or None) if store_ip else None
            )
            record(
                AnonymousUser(),
                "portal.report_submitted",
                obj=case,
                region_code=case.event_region_code,
                data={"intake": case.intake, "files": len(stored), "sha256": [k.sha256 for k, _ in stored]},
            )
            email = new.reporter.get("email", "") if new.reporter else ""
            if email:
                transaction.on_commit(lambda: _send_confirmation(case, email))
    except BaseException:
        _discard(stored)
        raise
    return Submitted(case, kept_receipt, code)


def _send_confirmation(case: Case, email: str) -> None:
    """A confirmation for a named reporter. Never the receipt code: e-mail is not a safe channel."""
    context = {"case": case, "number": case.receipt_number or case.number}
    body = render_to_string("portal/email/confirmation.txt", context)
    subject = settings.EMAIL_SUBJECT_PREFIX + _("Laporan Anda telah diterima")
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [email])


def find_receipt(code_text: str) -> Receipt | None:
    """The receipt for a typed code. Always computes exactly one hash, found or not (same time, same answer)."""
    code = receipt.normalise(code_text)
    digest = receipt.hash_code(code if code is not None else "x" * receipt.DIGITS)
    if code is None:
        return None
    found = Receipt.objects.select_related("case").filter(code_hash=digest).first()
    if found is not None:
        with transaction.atomic():
            record(
                AnonymousUser(),
                "portal.receipt_used",
                obj=found.case,
                region_code=found.case.event_region_code,
                data={},
            )
    return found


STATUS_TEXT = {
    "diterima": gettext_lazy("Laporan Anda sudah diterima dan menunggu pemeriksaan kelengkapan oleh Bawaslu."),
    "informasi_awal": gettext_lazy("Informasi Anda sudah diterima. Bawaslu akan menelusurinya."),
}


def status_of(case: Case) -> tuple[str, str]:
    """(short state name, plain explanation) from the case's bawaslu track."""
    track = Track.objects.filter(case=case, kind="bawaslu").first()
    if case.closed:
        return _("Selesai"), _("Penanganan perkara ini sudah selesai.")
    if track is None:
        return _("Diterima"), str(STATUS_TEXT["diterima"])
    try:
        name = load_workflow().track("bawaslu").state(track.state).name
    except KeyError:
        name = track.state
    explanation = str(STATUS_TEXT.get(track.state, ""))
    if not explanation:
        explanation = _("Laporan Anda sedang ditangani Bawaslu. Tahap saat ini: %(stage)s.") % {"stage": name}
        if case.registration_number:
            explanation += " " + _("Laporan sudah diregistrasi dengan nomor %(number)s.") % {
                "number": case.registration_number
            }
    return name, explanation


def do_answer(found: Receipt, question: Question, text: str) -> Question:
    if question.case_id != found.case_id:
        raise PortalRefused(_("Pertanyaan tidak ditemukan."))
    if question.answered_at is not None:
        raise PortalRefused(_("Pertanyaan ini sudah Anda jawab."))
    with transaction.atomic():
        question.answer = clean_text(text)
        question.answered_at = timezone.now()
        question.save(update_fields=["answer", "answered_at"])
        record(
            AnonymousUser(),
            "portal.question_answered",
            obj=found.case,
            region_code=found.case.event_region_code,
            data={"question": question.pk},
        )
    return question


def do_add_public_evidence(found: Receipt, files: Sequence[UploadedFile]) -> int:
    case = found.case
    already = Evidence.objects.filter(case=case).exclude(file_path="").count()
    check_files(files, already=already)
    stored = _store_files(files)
    try:
        with transaction.atomic():
            _evidence_rows(case, stored, "Tambahan dari pelapor (portal)")
            record(
                AnonymousUser(),
                "portal.evidence_added",
                obj=case,
                region_code=case.event_region_code,
                data={"files": len(stored), "sha256": [k.sha256 for k, _ in stored]},
            )
    except BaseException:
        _discard(stored)
        raise
    return len(stored)


def do_ask(actor: AnyUser, case: Case, text: str) -> Question:
    """A supervisor asks the reporter a question (shown on the follow-up page)."""
    if not has_capability(actor, "cases.transition") or not cases_visible_to(actor).filter(pk=case.pk).exists():
        raise CaseActionRefused(_("Anda tidak berwenang bertanya pada perkara ini."))
    if not isinstance(actor, User):
        raise CaseActionRefused(_("Anda tidak berwenang bertanya pada perkara ini."))
    if not Receipt.objects.filter(case=case).exists():
        raise CaseActionRefused(_("Perkara ini tidak masuk lewat portal, jadi pelapor tidak dapat ditanya di sini."))
    with transaction.atomic():
        question = Question.objects.create(case=case, text=text.strip(), asked_by=actor)
        record(
            actor, "portal.question_asked", obj=case, region_code=case.event_region_code, data={"question": question.pk}
        )
    return question


def sweep_orphans(*, grace_seconds: float = 3600) -> list[Path]:
    """Remove evidence files no row refers to and older than `grace_seconds` (a file younger than that may belong
    to a submission still in flight). Left by a crash between the file write and the commit."""
    referenced = Evidence.objects.exclude(file_path="").values_list("file_path", flat=True)
    cutoff = time.time() - grace_seconds
    removed = []
    folder = media_root() / "evidence"
    temporary = sorted(folder.glob(".upload-*")) if folder.exists() else []  # a write cut off before its rename
    for path in [*evidence_files.orphans(media_root(), referenced), *temporary]:
        if path.stat().st_mtime <= cutoff:
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


def statistics(min_count: int) -> dict[str, Any]:
    """Registered cases by province and SKB type; cells below `min_count` are suppressed (None)."""
    registered = Case.objects.exclude(registration_number="")
    provinces = dict(Region.objects.filter(level="provinsi").values_list("code", "canonical_name"))
    by_province: dict[str, int] = {}
    for code in registered.values_list("event_region_code", flat=True):
        key = code.split(".")[0]
        by_province[key] = by_province.get(key, 0) + 1
    by_type = dict(
        registered.values_list("violations__violation_type").annotate(n=Count("pk", distinct=True)).order_by()
    )

    def cell(n: int) -> int | None:
        return n if n == 0 or n >= min_count else None

    return {
        "provinces": sorted(((provinces.get(k, k), cell(n)) for k, n in by_province.items()), key=lambda item: item[0]),
        "types": [
            (f"{v.code} {v.title}", cell(by_type[v.code])) for v in ViolationType.objects.filter(code__in=by_type)
        ],
        "total": cell(registered.count()),
    }
