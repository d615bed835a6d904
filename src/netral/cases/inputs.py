"""The inputs a workflow transition can require, and how each is checked.

A transition in ``data/workflow.toml`` names input kinds in ``requires`` / ``optional``; ``netral.cases.workflow``
passes each value through the checker registered here (``INPUT_KINDS``) and keeps the normalised value. A checker
raises `InputError` with an Indonesian and an English message. Rules shared by all kinds:

* documents record things that happened, so their dates (``date``, ``decree_date``) may not lie in the future
  (``today`` is the handling office's local date, given by the caller); an invitation may be for a future date;
* dates are ``datetime.date`` values or ISO strings ``YYYY-MM-DD`` (a ``datetime`` is refused: say which day);
* text must not be blank; unknown keys in a mapping are refused, so a typo never passes silently.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from netral.cases.registration import RegistrationNumber, parse_registration_number
from netral.rules.catalogue import Catalogue

__all__ = [
    "CAPACITIES",
    "ESCALATION_TARGETS",
    "INPUT_KINDS",
    "INPUT_NAMES",
    "VERDICT_RESULTS",
    "InputContext",
    "InputError",
    "ResolvedSanction",
]

#: In what capacity someone is invited to a clarification.
CAPACITIES: tuple[str, ...] = ("pelapor", "terlapor", "saksi", "ahli")
#: Who BKN escalates a PPK's inaction to (domain.md §2.4 step 6).
ESCALATION_TARGETS: tuple[str, ...] = ("kemenpanrb", "kemendagri", "presiden")
#: Outcome of a court or DKPP decision, as Netral records it.
VERDICT_RESULTS: tuple[str, ...] = ("terbukti", "tidak_terbukti")

#: Indonesian names of the input kinds, for messages and forms.
INPUT_NAMES: Mapping[str, str] = MappingProxyType(
    {
        "reason": "alasan",
        "missing_items": "kekurangan syarat laporan",
        "registration": "nomor registrasi",
        "invitations": "undangan klarifikasi",
        "minutes": "berita acara klarifikasi",
        "study": "hasil kajian",
        "decision": "putusan pleno",
        "recommendation_letter": "surat rekomendasi Bawaslu",
        "recommendation": "rekomendasi kepada PPK",
        "sanction": "keputusan sanksi",
        "block": "pemblokiran data kepegawaian",
        "escalation": "eskalasi",
        "verdict": "putusan",
        "letter": "surat",
        "tracks": "jalur tujuan",
    }
)


class InputError(ValueError):
    """An input is missing or invalid. ``message_id`` is shown to users; ``message_en`` goes to logs and tests."""

    def __init__(self, message_id: str, message_en: str) -> None:
        self.message_id = message_id
        self.message_en = message_en
        super().__init__(message_id)


@dataclass(frozen=True, slots=True)
class InputContext:
    """What a checker may need besides the value."""

    today: dt.date
    catalogue: Catalogue
    requirements: frozenset[str]  # requirement codes of workflow.toml (missing_items)
    opens: tuple[str, ...] = ()  # child tracks the transition may open (tracks)
    sanction_for: tuple[str, ...] = ()  # subject types the sanction must apply to
    sanction_levels: tuple[str, ...] = ()  # catalogue levels the sanction may have


@dataclass(frozen=True, slots=True)
class ResolvedSanction:
    """A recorded sanction, resolved against the catalogue (``code`` is the catalogue sanction)."""

    code: str
    level: str
    type: str
    decree_number: str
    decree_date: dt.date
    file: str


Checker = Callable[[Any, InputContext], Any]
LetterChecker = Callable[[Any, InputContext], Mapping[str, Any]]


def _text(value: Any, what_id: str, what_en: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InputError(f"{what_id} wajib diisi.", f"{what_en} must be non-empty text.")
    return value.strip()


def _date(value: Any, what_id: str, what_en: str, today: dt.date | None) -> dt.date:
    day: dt.date
    if isinstance(value, dt.datetime):
        raise InputError(f"{what_id} harus berupa tanggal, bukan waktu.", f"{what_en} must be a date, not a datetime.")
    if isinstance(value, dt.date):
        day = value
    elif isinstance(value, str):
        try:
            day = dt.date.fromisoformat(value.strip())
        except ValueError:
            raise InputError(
                f"{what_id} tidak valid: {value!r} (format TTTT-BB-HH).", f"{what_en} is not a date: {value!r}."
            ) from None
    else:
        raise InputError(f"{what_id} wajib diisi.", f"{what_en} must be a date.")
    if today is not None and day > today:
        raise InputError(
            f"{what_id} ({day:%d-%m-%Y}) tidak boleh di masa depan.",
            f"{what_en} ({day.isoformat()}) must not be in the future (today is {today.isoformat()}).",
        )
    return day


def _mapping(value: Any, kind: str, required: Sequence[str], optional: Sequence[str] = ()) -> Mapping[str, Any]:
    name = INPUT_NAMES[kind]
    if not isinstance(value, Mapping):
        raise InputError(f"Isian {name} harus berisi {', '.join(required)}.", f"{kind} must be a mapping.")
    unknown = sorted(set(value) - set(required) - set(optional))
    if unknown:
        raise InputError(
            f"Isian {name} memuat data yang tidak dikenal: {', '.join(map(str, unknown))}.",
            f"{kind} has unknown keys: {', '.join(map(str, unknown))}.",
        )
    missing = [k for k in required if k not in value or value[k] in (None, "")]
    if missing:
        raise InputError(
            f"Isian {name} belum lengkap: {', '.join(missing)}.", f"{kind} is missing: {', '.join(missing)}."
        )
    return value


def _file(value: Mapping[str, Any], kind: str) -> str:
    raw = value.get("file", "")
    if raw in (None, ""):
        return ""
    return _text(raw, f"Berkas {INPUT_NAMES[kind]}", f"{kind}.file")


# --- checkers -----------------------------------------------------------------------------------------------------


def check_reason(value: Any, ctx: InputContext) -> str:
    text = _text(value, "Alasan", "reason")
    if len(text) > 5000:
        raise InputError("Alasan terlalu panjang (maksimal 5000 karakter).", "reason is longer than 5000 characters.")
    return text


def check_missing_items(value: Any, ctx: InputContext) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, Sequence) or not value:
        raise InputError(
            "Sebutkan paling sedikit satu syarat laporan yang belum dipenuhi.",
            "missing_items must be a non-empty list of requirement codes.",
        )
    items = tuple(value)
    unknown = [str(v) for v in items if v not in ctx.requirements]
    if unknown:
        raise InputError(
            f"Syarat laporan tidak dikenal: {', '.join(unknown)}. Pilih dari: {', '.join(sorted(ctx.requirements))}.",
            f"unknown requirement codes: {', '.join(unknown)}.",
        )
    if len(set(items)) != len(items):
        raise InputError("Syarat laporan disebut dua kali.", "missing_items lists a requirement twice.")
    return items


def check_registration(value: Any, ctx: InputContext) -> RegistrationNumber:
    raw = value.get("number") if isinstance(value, Mapping) else value
    if not isinstance(raw, str) or not raw.strip():
        raise InputError("Nomor registrasi wajib diisi.", "registration must be a register number.")
    try:
        number = parse_registration_number(raw)
    except ValueError as exc:
        raise InputError(f"Nomor registrasi tidak sesuai format Bawaslu: {raw}.", str(exc)) from None
    if not number.registered:
        raise InputError(
            f"{raw} adalah nomor penerimaan, bukan nomor registrasi (harus memuat /Reg/).",
            f"{raw} is a receipt number, not a register number (needs /Reg/).",
        )
    if number.year > ctx.today.year or (number.year == ctx.today.year and number.month > ctx.today.month):
        raise InputError(
            f"Bulan/tahun pada nomor registrasi {raw} tidak boleh di masa depan.",
            f"the month of register number {raw} is in the future.",
        )
    return number


def check_invitations(value: Any, ctx: InputContext) -> tuple[Mapping[str, Any], ...]:
    if isinstance(value, (str, Mapping)) or not isinstance(value, Sequence) or not value:
        raise InputError(
            "Undangan klarifikasi wajib diisi (paling sedikit satu orang).",
            "invitations must be a non-empty list of {name, capacity[, date]}.",
        )
    out = []
    for item in value:
        m = _mapping(item, "invitations", ("name", "capacity"), ("date",))
        name = _text(m["name"], "Nama yang diundang", "invitation name")
        capacity = m["capacity"]
        if capacity not in CAPACITIES:
            raise InputError(
                f"Kapasitas undangan {capacity!r} tidak dikenal (pilih: {', '.join(CAPACITIES)}).",
                f"invitation capacity must be one of {', '.join(CAPACITIES)}, not {capacity!r}.",
            )
        entry: dict[str, Any] = {"name": name, "capacity": capacity}
        if m.get("date") not in (None, ""):
            entry["date"] = _date(m["date"], "Tanggal undangan", "invitation date", None)
        out.append(MappingProxyType(entry))
    return tuple(out)


def _check_letter(kind: str, extra_required: Sequence[str] = (), extra_optional: Sequence[str] = ()) -> LetterChecker:
    name = INPUT_NAMES[kind]

    def check(value: Any, ctx: InputContext) -> Mapping[str, Any]:
        m = _mapping(value, kind, ("number", "date", *extra_required), ("file", *extra_optional))
        out: dict[str, Any] = {
            "number": _text(m["number"], f"Nomor {name}", f"{kind}.number"),
            "date": _date(m["date"], f"Tanggal {name}", f"{kind}.date", ctx.today),
            "file": _file(m, kind),
        }
        for key in (*extra_required, *extra_optional):
            if key in m:
                out[key] = m[key]
        return MappingProxyType(out)

    return check


def check_minutes(value: Any, ctx: InputContext) -> Mapping[str, Any]:
    m = _mapping(value, "minutes", ("date",), ("number", "file"))
    out: dict[str, Any] = {"date": _date(m["date"], "Tanggal berita acara", "minutes.date", ctx.today)}
    if m.get("number") not in (None, ""):
        out["number"] = _text(m["number"], "Nomor berita acara", "minutes.number")
    out["file"] = _file(m, "minutes")
    return MappingProxyType(out)


def check_study(value: Any, ctx: InputContext) -> Mapping[str, Any]:
    m = _mapping(value, "study", ("conclusion",), ("file",))
    return MappingProxyType(
        {"conclusion": _text(m["conclusion"], "Kesimpulan kajian", "study.conclusion"), "file": _file(m, "study")}
    )


_check_plain_letter = _check_letter("letter")
_check_escalation_letter = _check_letter("escalation", ("to",))
_check_verdict_letter = _check_letter("verdict", ("result",), ("summary",))
_check_recommendation_letter = _check_letter("recommendation", ("sanction_level",))


def check_recommendation(value: Any, ctx: InputContext) -> Mapping[str, Any]:
    """BKN's recommendation to the PPK: letter number and date, and the recommended catalogue sanction level."""
    out = _check_recommendation_letter(value, ctx)
    levels = sorted(
        {
            s.level
            for s in ctx.catalogue.sanctions
            if s.in_force and "asn" in s.applies_to and s.level not in ("administratif", "pidana")
        }
    )
    if out["sanction_level"] not in levels:
        raise InputError(
            f"Tingkat sanksi yang direkomendasikan {out['sanction_level']!r} tidak dikenal "
            f"(pilih: {', '.join(levels)}).",
            f"recommendation.sanction_level must be one of {', '.join(levels)}.",
        )
    return out


def check_escalation(value: Any, ctx: InputContext) -> Mapping[str, Any]:
    out = _check_escalation_letter(value, ctx)
    if out["to"] not in ESCALATION_TARGETS:
        raise InputError(
            f"Tujuan eskalasi {out['to']!r} tidak dikenal (pilih: {', '.join(ESCALATION_TARGETS)}).",
            f"escalation.to must be one of {', '.join(ESCALATION_TARGETS)}.",
        )
    return out


def check_verdict(value: Any, ctx: InputContext) -> Mapping[str, Any]:
    out = _check_verdict_letter(value, ctx)
    if out["result"] not in VERDICT_RESULTS:
        raise InputError(
            f"Amar putusan {out['result']!r} tidak dikenal (pilih: {', '.join(VERDICT_RESULTS)}).",
            f"verdict.result must be one of {', '.join(VERDICT_RESULTS)}.",
        )
    return out


def check_block(value: Any, ctx: InputContext) -> Mapping[str, Any]:
    """The SIASN block: BKN's reference and the day it took effect."""
    m = _mapping(value, "block", ("reference", "date"), ("file",))
    return MappingProxyType(
        {
            "reference": _text(m["reference"], "Nomor pemblokiran", "block.reference"),
            "date": _date(m["date"], "Tanggal pemblokiran", "block.date", ctx.today),
            "file": _file(m, "block"),
        }
    )


def check_sanction(value: Any, ctx: InputContext) -> ResolvedSanction:
    """The PPK's (or other authority's) sanction decree: level and type from the catalogue, decree number and date.

    ``level`` must be one of the transition's ``sanction_levels``; ``type`` one of the concrete penalties of an
    in-force catalogue sanction of that level applying to the transition's subject types; ``code`` (optional) pins
    the catalogue sanction when several share a level.
    """
    m = _mapping(value, "sanction", ("level", "type", "decree_number", "decree_date"), ("file", "code"))
    level, kind = m["level"], m["type"]
    if level not in ctx.sanction_levels:
        raise InputError(
            f"Tingkat sanksi {level!r} tidak berlaku di sini (pilih: {', '.join(ctx.sanction_levels)}).",
            f"sanction level {level!r} is not allowed here (allowed: {', '.join(ctx.sanction_levels)}).",
        )
    candidates = [
        s
        for s in ctx.catalogue.sanctions
        if s.in_force and s.level == level and set(s.applies_to) & set(ctx.sanction_for)
    ]
    if m.get("code") not in (None, ""):
        candidates = [s for s in candidates if s.code == m["code"]]
        if not candidates:
            raise InputError(
                f"Kode sanksi {m['code']!r} tidak cocok dengan tingkat {level!r}.",
                f"sanction code {m['code']!r} is not an in-force {level!r} sanction for {', '.join(ctx.sanction_for)}.",
            )
    match = next((s for s in candidates if kind in s.penalties), None)
    if match is None:
        allowed = sorted({p for s in candidates for p in s.penalties})
        raise InputError(
            f"Jenis sanksi {kind!r} tidak ada pada tingkat {level!r}. Pilih: {'; '.join(allowed)}.",
            f"sanction type {kind!r} is not a penalty of level {level!r}.",
        )
    return ResolvedSanction(
        code=match.code,
        level=level,
        type=kind,
        decree_number=_text(m["decree_number"], "Nomor keputusan sanksi", "sanction.decree_number"),
        decree_date=_date(m["decree_date"], "Tanggal keputusan sanksi", "sanction.decree_date", ctx.today),
        file=_file(m, "sanction"),
    )


def check_tracks(value: Any, ctx: InputContext) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, Sequence) or not value:
        raise InputError(
            f"Pilih paling sedikit satu jalur tujuan ({', '.join(ctx.opens)}).",
            f"tracks must be a non-empty list drawn from {', '.join(ctx.opens)}.",
        )
    tracks = tuple(value)
    unknown = [str(t) for t in tracks if t not in ctx.opens]
    if unknown:
        raise InputError(
            f"Jalur tujuan tidak dikenal: {', '.join(unknown)} (pilih: {', '.join(ctx.opens)}).",
            f"unknown tracks: {', '.join(unknown)}.",
        )
    if len(set(tracks)) != len(tracks):
        raise InputError("Jalur tujuan disebut dua kali.", "tracks lists a track twice.")
    return tracks


INPUT_KINDS: Mapping[str, Checker] = MappingProxyType(
    {
        "reason": check_reason,
        "missing_items": check_missing_items,
        "registration": check_registration,
        "invitations": check_invitations,
        "minutes": check_minutes,
        "study": check_study,
        "decision": _check_letter("decision"),
        "recommendation_letter": _check_letter("recommendation_letter"),
        "recommendation": check_recommendation,
        "sanction": check_sanction,
        "block": check_block,
        "escalation": check_escalation,
        "verdict": check_verdict,
        "letter": _check_plain_letter,
        "tracks": check_tracks,
    }
)
