"""Bawaslu's numbers for reports and findings: make them and read them back.

A report (*laporan*, LP) or finding (*temuan*, TM) gets a number when it is received and, once it meets the formal
and material requirements, a register number (*nomor registrasi*) with ``Reg`` in front::

    002/LP/PL/Kab/27.09/III/2024          received   (seen on SigapLapor's "Daftar Kajian Awal", 2024)
    002/Reg/LP/PL/Kab/27.09/III/2024      registered ([UNVERIFIED] form: Bawaslu documents, not a primary text)

    sequence / [Reg /] LP|TM / election / office level / region code / month in Roman numerals / year

* **sequence** — the office's running number, zero-padded to three digits (more digits when it grows past 999).
* **election** — ``PL`` (Pemilu, as on every 2024 Pemilu number seen; ``PP`` presumably the presidential race) or,
  for Pilkada, ``PB`` / ``PW`` / ``PG`` (pemilihan bupati / wali kota / gubernur). Only ``PL`` is confirmed; the
  table is data in ``data/workflow.toml`` (``[registration]``) so it can be corrected without code.
* **office level** — ``RI``, ``Prov``, ``Kab``, ``Kota``, ``Kec`` (the office that registers it).
* **region code** — two-digit groups separated by dots (``27.09``; ``00.00`` for Bawaslu RI). The numbers seen do
  not follow Kemendagri's codes (a Central Java case carries ``14.11``, Kemendagri's 14 is Riau), so this is the
  election bodies' own numbering: the caller supplies it; it is not derived from ``netral.geo`` codes.

Pure functions, no Django. See docs/workflow.md for the evidence and its limits.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

__all__ = [
    "INTAKE_CODES",
    "WORKFLOW_FILE",
    "Numbering",
    "RegistrationNumber",
    "load_numbering",
    "numbering_from_table",
    "parse_registration_number",
    "receipt_number",
    "registration_number",
    "roman_month",
]

WORKFLOW_FILE = Path(__file__).resolve().parent / "data" / "workflow.toml"

Intake = Literal["laporan", "temuan"]
#: The intake segment of a number. Informasi awal is never numbered: it is not a report.
INTAKE_CODES: Mapping[str, str] = {"laporan": "LP", "temuan": "TM"}
_INTAKE_BY_CODE = {v: k for k, v in INTAKE_CODES.items()}

_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
_REGION = re.compile(r"\d{2}(?:\.\d{2}){0,2}")
_SEGMENT = re.compile(r"[A-Za-z]{2,4}")


def roman_month(month: int) -> str:
    """1 → "I" … 12 → "XII"."""
    if not 1 <= month <= 12:
        raise ValueError(f"month must be 1–12, not {month}")
    return _ROMAN[month - 1]


@dataclass(frozen=True, slots=True)
class Numbering:
    """The segments allowed in numbers (from ``[registration]`` in workflow.toml)."""

    election_codes: Mapping[str, tuple[str, ...]]  # regime → codes; the first is the regime's default
    office_levels: tuple[str, ...]

    def regime_of(self, election_code: str) -> str | None:
        return next((r for r, codes in self.election_codes.items() if election_code in codes), None)


def numbering_from_table(table: Mapping[str, Any]) -> Numbering:
    """Build and check the numbering rules from the TOML table. ValueError says what is wrong."""
    codes = table.get("election_codes")
    levels = table.get("office_levels")
    if not isinstance(codes, dict) or not codes:
        raise ValueError("election_codes must be a table { regime = [codes] }")
    election_codes: dict[str, tuple[str, ...]] = {}
    seen: set[str] = set()
    for regime, values in codes.items():
        if not isinstance(values, list) or not values or not all(isinstance(v, str) for v in values):
            raise ValueError(f"election_codes.{regime} must be a non-empty list of strings")
        for v in values:
            if not _SEGMENT.fullmatch(v) or v.upper() == "REG" or v in INTAKE_CODES.values():
                raise ValueError(f"election code {v!r} must be 2–4 letters and not Reg/LP/TM")
            if v in seen:
                raise ValueError(f"election code {v!r} is listed for two regimes")
            seen.add(v)
        election_codes[regime] = tuple(values)
    if not isinstance(levels, list) or not levels:
        raise ValueError("office_levels must be a non-empty list of 2–4 letter codes")
    if not all(isinstance(v, str) and _SEGMENT.fullmatch(v) for v in levels):
        raise ValueError("office_levels must be a non-empty list of 2–4 letter codes")
    if set(levels) & seen:
        raise ValueError("an office level is also an election code")
    return Numbering(election_codes=election_codes, office_levels=tuple(levels))


@cache
def load_numbering() -> Numbering:
    """The numbering rules of the packaged workflow.toml (read once)."""
    with WORKFLOW_FILE.open("rb") as fh:
        return numbering_from_table(tomllib.load(fh).get("registration", {}))


@dataclass(frozen=True, slots=True)
class RegistrationNumber:
    """A parsed number. ``registered`` is False for the receipt form (no ``Reg``)."""

    seq: int
    registered: bool
    intake: str  # laporan | temuan
    election_code: str  # PL, PP, PB, PW, PG
    regime: str  # pemilu | pilkada
    office_level: str  # RI, Prov, Kab, Kota, Kec
    region_code: str
    month: int
    year: int

    def format(self) -> str:
        parts = [f"{self.seq:03d}"]
        if self.registered:
            parts.append("Reg")
        parts += [
            INTAKE_CODES[self.intake],
            self.election_code,
            self.office_level,
            self.region_code,
            roman_month(self.month),
            str(self.year),
        ]
        return "/".join(parts)

    def __str__(self) -> str:
        return self.format()


def _build(
    seq: int,
    *,
    intake: str,
    regime: str,
    office_level: str,
    region_code: str,
    registered_on: dt.date,
    election_code: str | None,
    registered: bool,
    numbering: Numbering | None,
) -> RegistrationNumber:
    rules = numbering or load_numbering()
    if isinstance(seq, bool) or not isinstance(seq, int) or seq < 1:
        raise ValueError(f"seq must be a positive integer, not {seq!r}")
    if intake not in INTAKE_CODES:
        raise ValueError(f"intake must be laporan or temuan, not {intake!r} (informasi awal is never numbered)")
    if regime not in rules.election_codes:
        raise ValueError(f"regime must be one of {', '.join(rules.election_codes)}, not {regime!r}")
    code = election_code or rules.election_codes[regime][0]
    if code not in rules.election_codes[regime]:
        allowed = ", ".join(rules.election_codes[regime])
        raise ValueError(f"election code {code!r} is not used for {regime} (allowed: {allowed})")
    if office_level not in rules.office_levels:
        raise ValueError(f"office_level must be one of {', '.join(rules.office_levels)}, not {office_level!r}")
    if not _REGION.fullmatch(region_code):
        raise ValueError(f"region_code must be like 22.05 (00.00 for Bawaslu RI), not {region_code!r}")
    if isinstance(registered_on, dt.datetime) or not isinstance(registered_on, dt.date):
        raise ValueError(f"registered_on must be a date, not {registered_on!r}")
    return RegistrationNumber(
        seq=seq,
        registered=registered,
        intake=intake,
        election_code=code,
        regime=regime,
        office_level=office_level,
        region_code=region_code,
        month=registered_on.month,
        year=registered_on.year,
    )


def registration_number(
    seq: int,
    *,
    intake: Intake,
    regime: Literal["pemilu", "pilkada"],
    office_level: Literal["RI", "Prov", "Kab", "Kota", "Kec"],
    region_code: str,
    registered_on: dt.date,
    election_code: str | None = None,
    numbering: Numbering | None = None,
) -> str:
    """The register number, e.g. ``001/Reg/LP/PB/Kab/22.05/X/2024``.

    ``election_code`` defaults to the regime's first code (``PL`` for pemilu, ``PB`` for pilkada); pass ``PW`` or
    ``PG`` for a mayoral or gubernatorial race, ``PP`` for the presidential one. ValueError on any bad segment.
    """
    return _build(
        seq,
        intake=intake,
        regime=regime,
        office_level=office_level,
        region_code=region_code,
        registered_on=registered_on,
        election_code=election_code,
        registered=True,
        numbering=numbering,
    ).format()


def receipt_number(
    seq: int,
    *,
    intake: Intake,
    regime: Literal["pemilu", "pilkada"],
    office_level: Literal["RI", "Prov", "Kab", "Kota", "Kec"],
    region_code: str,
    received_on: dt.date,
    election_code: str | None = None,
    numbering: Numbering | None = None,
) -> str:
    """The number a report or finding carries before registration, e.g. ``002/LP/PL/Kab/27.09/III/2024``."""
    return _build(
        seq,
        intake=intake,
        regime=regime,
        office_level=office_level,
        region_code=region_code,
        registered_on=received_on,
        election_code=election_code,
        registered=False,
        numbering=numbering,
    ).format()


def parse_registration_number(text: str, *, numbering: Numbering | None = None) -> RegistrationNumber:
    """Read a receipt or register number back. Surrounding spaces and spaces around ``/`` are ignored, and
    ``REG``/``lp``/``kab`` are accepted in any case; everything else must match. ValueError says what is wrong."""
    rules = numbering or load_numbering()
    parts = [p.strip() for p in text.strip().split("/")]
    original = text.strip()
    registered = len(parts) == 8 and parts[1].lower() == "reg"
    if registered:
        parts = [parts[0], *parts[2:]]
    if len(parts) != 7:
        shape = "sequence/[Reg/]LP|TM/election/level/region/month/year"
        raise ValueError(f"{original!r} is not a Bawaslu number ({shape})")
    seq_s, intake_s, election_s, level_s, region_s, month_s, year_s = parts
    if not seq_s.isdigit() or int(seq_s) < 1:
        raise ValueError(f"{original!r}: sequence {seq_s!r} must be a positive number")
    intake = _INTAKE_BY_CODE.get(intake_s.upper())
    if intake is None:
        raise ValueError(f"{original!r}: {intake_s!r} must be LP (laporan) or TM (temuan)")
    election_code = election_s.upper()
    regime = rules.regime_of(election_code)
    if regime is None:
        raise ValueError(f"{original!r}: unknown election code {election_s!r}")
    level = next((lv for lv in rules.office_levels if lv.lower() == level_s.lower()), None)
    if level is None:
        raise ValueError(f"{original!r}: unknown office level {level_s!r} ({', '.join(rules.office_levels)})")
    if not _REGION.fullmatch(region_s):
        raise ValueError(f"{original!r}: region code {region_s!r} must be like 22.05")
    if month_s.upper() not in _ROMAN:
        raise ValueError(f"{original!r}: month {month_s!r} must be a Roman numeral I–XII")
    if not (year_s.isdigit() and len(year_s) == 4):
        raise ValueError(f"{original!r}: year {year_s!r} must have four digits")
    return RegistrationNumber(
        seq=int(seq_s),
        registered=registered,
        intake=intake,
        election_code=election_code,
        regime=regime,
        office_level=level,
        region_code=region_s,
        month=_ROMAN.index(month_s.upper()) + 1,
        year=int(year_s),
    )
