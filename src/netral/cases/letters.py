"""Official letters of case handling, rendered to PDF with WeasyPrint from Django templates.

Two kinds share the letterhead (*kop surat*), the Nomor/Sifat/Lampiran/Perihal block, the addressee, the signature
and the copies (*tembusan*), and differ in the body:

* ``rekomendasi`` — Bawaslu's recommendation, with its study, to the body that can sanction (KASN until
  23–24 Aug 2024, BKN since): the reported person, what they did, the legal basis and what is recommended;
* ``undangan_klarifikasi`` — an invitation to a witness, the reported person or the reporter to give a
  clarification: when (in the region's own zone), where, the agenda and whom to contact.

``render_letter(kind, context)`` returns the PDF bytes; it is meant to run in a background task (a letter takes a
fraction of a second, see the tests). Every text a user typed goes through Django's autoescape.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.template.loader import render_to_string

from netral.rules.calendar import zone_label

__all__ = [
    "LETTER_KINDS",
    "Invitation",
    "LetterContext",
    "Recommendation",
    "ReportedPerson",
    "format_date_id",
    "format_day_date_id",
    "render_html",
    "render_letter",
]

MONTHS_ID = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
DAYS_ID = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")  # date.weekday() order

InviteeRole = Literal["saksi", "terlapor", "pelapor"]
INVITEE_ROLES: Mapping[str, str] = {"saksi": "saksi", "terlapor": "terlapor", "pelapor": "pelapor"}


def format_date_id(day: dt.date) -> str:
    """``12 Oktober 2024`` — written out here so the active locale never changes an official letter."""
    return f"{day.day} {MONTHS_ID[day.month - 1]} {day.year}"


def format_day_date_id(day: dt.date) -> str:
    """``Sabtu, 12 Oktober 2024``."""
    return f"{DAYS_ID[day.weekday()]}, {format_date_id(day)}"


@dataclass(frozen=True)
class ReportedPerson:
    """The person a recommendation is about. ``nip`` (civil-servant number) is often unknown to Bawaslu."""

    name: str
    position: str  # jabatan, e.g. "Camat Aluh Aluh"
    agency: str  # instansi, e.g. "Pemerintah Kabupaten Banjar"
    nip: str = ""


@dataclass(frozen=True)
class Recommendation:
    """The body of a ``rekomendasi`` letter."""

    registration_number: str  # e.g. 001/Reg/TM/PB/Kab/22.05/X/2024 (netral.cases.registration)
    reported: ReportedPerson
    summary: str  # what the person did, when and where (from the study)
    legal_basis: tuple[str, ...]  # one provision per item, e.g. "Pasal 9 ayat (2) UU Nomor 5 Tahun 2014 ..."
    recommendation: str  # what the sanctioning body is asked to do


@dataclass(frozen=True)
class Invitation:
    """The body of an ``undangan_klarifikasi`` letter."""

    person: str  # the invited person's name
    role: InviteeRole
    starts_at: dt.datetime  # timezone-aware; shown in ``zone``
    zone: str  # IANA name of the region's zone: Asia/Jakarta (WIB), Asia/Makassar (WITA), Asia/Jayapura (WIT)
    place: str
    agenda: str
    contact_person: str  # name and telephone, e.g. "Rahmawati (0812-5000-1234)"
    registration_number: str = ""  # the case's number, when it has one already


@dataclass(frozen=True)
class LetterContext:
    """Everything a letter shows. The shared parts are plain fields; the kind-specific body is ``recommendation``
    (for ``rekomendasi``) or ``invitation`` (for ``undangan_klarifikasi``). ``body`` paragraphs, when given,
    replace the generated opening paragraph."""

    office: str  # "Badan Pengawas Pemilihan Umum Kabupaten Banjar"
    office_address: str  # one line: street, city, telephone, e-mail
    office_city: str  # where the letter is signed: "Martapura"
    letter_number: str
    sifat: str  # "Penting", "Segera", "Rahasia", "Biasa"
    lampiran: str  # "1 (satu) berkas", or "-"
    perihal: str
    date: dt.date
    addressee: tuple[str, ...]  # "Kepala Badan Kepegawaian Negara", further lines if needed ("Yth." is added)
    signer_position: str  # "Ketua Bawaslu Kabupaten Banjar"
    signer_name: str
    addressee_place: str = "Tempat"  # the line under "di –", e.g. "Jakarta"
    tembusan: tuple[str, ...] = ()
    body: tuple[str, ...] = ()
    recommendation: Recommendation | None = None
    invitation: Invitation | None = None
    signer_id: str = ""  # e.g. "NIP 19800101 200501 1 001", printed under the name when given


def _require_text(owner: str, names: tuple[str, ...], obj: object) -> None:
    missing = [name for name in names if not str(getattr(obj, name) or "").strip()]
    if missing:
        raise ValueError(f"{owner} is missing {', '.join(missing)}")


def _check_common(context: LetterContext) -> None:
    _require_text(
        "the letter",
        ("office", "office_address", "office_city", "letter_number", "sifat", "lampiran", "perihal"),
        context,
    )
    _require_text("the letter", ("signer_position", "signer_name"), context)
    if isinstance(context.date, dt.datetime) or not isinstance(context.date, dt.date):
        raise ValueError(f"the letter date must be a date, not {context.date!r}")
    if not any(line.strip() for line in context.addressee):
        raise ValueError("the letter is missing addressee (at least one line)")


def _check_recommendation(context: LetterContext) -> Recommendation:
    rec = context.recommendation
    if rec is None:
        raise ValueError("a 'rekomendasi' letter needs context.recommendation (a Recommendation)")
    _require_text("the recommendation", ("registration_number", "summary", "recommendation"), rec)
    _require_text("the reported person", ("name", "position", "agency"), rec.reported)
    if not any(item.strip() for item in rec.legal_basis):
        raise ValueError("the recommendation is missing legal_basis (at least one provision)")
    return rec


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown time zone {name!r} (use Asia/Jakarta, Asia/Makassar or Asia/Jayapura)") from None


def _check_invitation(context: LetterContext) -> Invitation:
    inv = context.invitation
    if inv is None:
        raise ValueError("an 'undangan_klarifikasi' letter needs context.invitation (an Invitation)")
    _require_text("the invitation", ("person", "place", "agenda", "contact_person", "zone"), inv)
    if inv.role not in INVITEE_ROLES:
        raise ValueError(f"the invitation role must be one of {', '.join(INVITEE_ROLES)}, not {inv.role!r}")
    if inv.starts_at.tzinfo is None or inv.starts_at.utcoffset() is None:
        raise ValueError("the invitation starts_at must be timezone-aware")
    _zone(inv.zone)
    return inv


def _letterhead_lines(office: str) -> list[str]:
    """The office name in capitals, broken before the region the way Bawaslu's letterheads are:
    BADAN PENGAWAS PEMILIHAN UMUM / KABUPATEN BANJAR."""
    parts = re.split(r"\s+(?=(?:Provinsi|Kabupaten|Kota|Kecamatan|Republik)\b)", office.strip(), maxsplit=1)
    return [part.upper() for part in parts]


def _addressee_lines(lines: tuple[str, ...]) -> list[str]:
    # Callers may or may not write "Yth." themselves; the template adds it once.
    cleaned = [line.strip() for line in lines if line.strip()]
    cleaned[0] = re.sub(r"^(Kepada\s+)?Yth\.?\s*", "", cleaned[0], flags=re.IGNORECASE)
    return cleaned


def _common(context: LetterContext) -> dict[str, Any]:
    return {
        "letterhead": _letterhead_lines(context.office),
        "c": context,
        "date_text": format_date_id(context.date),
        "addressee_lines": _addressee_lines(context.addressee),
        "tembusan": [item.strip() for item in context.tembusan if item.strip()],
        "body": [p.strip() for p in context.body if p.strip()],
        "has_attachment": context.lampiran.strip() not in {"-", "–", "—"},
    }


def _recommendation_vars(context: LetterContext) -> dict[str, Any]:
    rec = _check_recommendation(context)
    return {"rec": rec, "legal_basis": [item.strip() for item in rec.legal_basis if item.strip()]}


def _invitation_vars(context: LetterContext) -> dict[str, Any]:
    inv = _check_invitation(context)
    local = inv.starts_at.astimezone(_zone(inv.zone))
    return {
        "inv": inv,
        "role_text": INVITEE_ROLES[inv.role],
        "day_date_text": format_day_date_id(local.date()),
        "time_text": f"{local:%H.%M} {zone_label(inv.zone, inv.starts_at)}",
    }


# kind → (template, the kind-specific context builder, which also checks the kind's fields)
LETTER_KINDS: Mapping[str, tuple[str, Callable[[LetterContext], dict[str, Any]]]] = {
    "rekomendasi": ("cases/letters/rekomendasi.html", _recommendation_vars),
    "undangan_klarifikasi": ("cases/letters/undangan_klarifikasi.html", _invitation_vars),
}


def render_html(kind: str, context: LetterContext) -> str:
    """The letter as HTML (what WeasyPrint lays out). ValueError for an unknown kind or a missing field."""
    if kind not in LETTER_KINDS:
        raise ValueError(f"unknown letter kind {kind!r} (known: {', '.join(LETTER_KINDS)})")
    template, kind_vars = LETTER_KINDS[kind]
    _check_common(context)
    return render_to_string(template, {**_common(context), **kind_vars(context), "kind": kind})


def render_letter(kind: str, context: LetterContext) -> bytes:
    """The letter as PDF bytes (A4). ValueError for an unknown kind or a context missing what the kind needs."""
    html = render_html(kind, context)
    # Imported here: WeasyPrint loads Pango through cffi, which is slow and only needed by the task that renders.
    from django.conf import settings
    from weasyprint import HTML  # type: ignore[import-untyped]

    # The stylesheet is linked relative to the static folder; the trailing slash makes it the base directory.
    base_url = (settings.BASE_DIR / "static").as_uri() + "/"
    pdf: bytes = HTML(string=html, base_url=base_url).write_pdf()
    return pdf
