"""NIP (Nomor Induk Pegawai) and NI PPPK: structure checks, pure Python, no Django.

A civil servant's NIP has 18 digits, written with or without spaces (``19850312 201001 1 002``):

    yyyymmdd   date of birth
    yyyymm     TMT CPNS: the year and month of appointment as a candidate civil servant
    s          sex: 1 man, 2 woman
    nnn        serial number, 001–999, among those born and appointed in the same months

A PPPK employee's number (NI PPPK) has the same length and the same birth date, sex and serial parts, but its
middle six digits are the appointment *year* followed by ``21`` instead of a month (``1990 0415 2023 21 2 001``).
Netral accepts both kinds and says which it saw; the ``21`` marker is the only difference it relies on.

The checks catch typing mistakes and invented numbers (an impossible date, a sex digit of 3, an appointment
before the 18th birthday or in the future); they cannot prove that a number belongs to a real employee — only
BKN's SIASN can.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

__all__ = ["MIN_APPOINTMENT_AGE", "NipError", "ParsedNip", "mask", "normalise", "parse"]

LENGTH = 18
PPPK_MARKER = "21"  # in the month position of an NI PPPK
MIN_APPOINTMENT_AGE = 18  # the lowest age for applying to CPNS or PPPK
EARLIEST_BIRTH_YEAR = 1900
SEPARATORS = " .-"


class NipError(ValueError):
    """The number is not a valid NIP or NI PPPK; the message is Indonesian, for the person typing it."""


@dataclass(frozen=True, slots=True)
class ParsedNip:
    number: str  # 18 digits, no separators
    kind: str  # "pns" or "pppk"
    birth_date: dt.date
    appointment_year: int
    appointment_month: int | None  # None for PPPK (the number records the year only)
    sex: str  # "L" or "P"
    serial: int


def normalise(text: str) -> str:
    """Remove the spaces, dots and dashes people type between the parts."""
    return "".join(ch for ch in str(text).strip() if ch not in SEPARATORS)


def _birth_date(digits: str) -> dt.date:
    try:
        return dt.date(int(digits[0:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        raise NipError(f"tanggal lahir {digits[6:8]}-{digits[4:6]}-{digits[0:4]} tidak ada") from None


def parse(text: str, *, today: dt.date | None = None) -> ParsedNip:
    """The parts of a valid NIP or NI PPPK; NipError (in Indonesian) naming the first part that is wrong."""
    today = today or dt.date.today()
    digits = normalise(text)
    if not digits:
        raise NipError("NIP kosong")
    if not digits.isascii() or not digits.isdigit():
        raise NipError("NIP hanya boleh berisi angka")
    if len(digits) != LENGTH:
        raise NipError(f"NIP harus 18 angka, bukan {len(digits)}")
    birth = _birth_date(digits)
    if birth.year < EARLIEST_BIRTH_YEAR or birth > today:
        raise NipError(f"tahun lahir {birth.year} tidak masuk akal")
    year, month_part = int(digits[8:12]), digits[12:14]
    if month_part == PPPK_MARKER:
        kind, month = "pppk", None
    elif 1 <= int(month_part) <= 12:
        kind, month = "pns", int(month_part)
    else:
        raise NipError(f"bulan pengangkatan {month_part} tidak ada")
    appointed = dt.date(year, month or 1, 1)
    if year > today.year or (month is not None and appointed > today):
        raise NipError(f"pengangkatan {month_part}/{year} belum terjadi")
    if _age_at(birth, dt.date(year, month or 12, 28)) < MIN_APPOINTMENT_AGE:
        raise NipError(f"pengangkatan tahun {year} sebelum pegawai berumur {MIN_APPOINTMENT_AGE} tahun")
    sex_digit = digits[14]
    if sex_digit not in "12":
        raise NipError(f"kode jenis kelamin harus 1 atau 2, bukan {sex_digit}")
    serial = int(digits[15:18])
    if serial == 0:
        raise NipError("nomor urut 000 tidak ada")
    return ParsedNip(
        number=digits,
        kind=kind,
        birth_date=birth,
        appointment_year=year,
        appointment_month=month,
        sex="L" if sex_digit == "1" else "P",
        serial=serial,
    )


def _age_at(birth: dt.date, day: dt.date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def mask(number: str) -> str:
    """``19850312…002`` → ``1985************02``: enough for an officer to tell two rows apart, no birth date."""
    digits = normalise(number)
    if len(digits) < 6:
        return "*" * len(digits)
    return digits[:4] + "*" * (len(digits) - 6) + digits[-2:]
