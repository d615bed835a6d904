"""The Kemendagri region tables and curated extras, read from `netral/geo/data/` without Django.

Codes are Kemendagri's dotted codes: "63" (provinsi), "63.03" (kabupaten/kota), "63.03.01" (kecamatan),
"63.03.01.2001" (desa/kelurahan). `canonical_name` is the name the rest of Netral shows and reports
(the official name, with a few spellings corrected in `name_overrides.csv`).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

DATA_DIR = Path(__file__).resolve().parent / "data"

Level = Literal["provinsi", "kabupaten_kota", "kecamatan", "desa"]
LEVELS: tuple[Level, ...] = ("provinsi", "kabupaten_kota", "kecamatan", "desa")

#: Display label of each province time zone.
ZONE_LABELS = {"Asia/Jakarta": "WIB", "Asia/Pontianak": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"}


@dataclass(frozen=True, slots=True)
class Region:
    code: str
    name: str  # as in the Kemendagri list, e.g. "Kabupaten Banjar", "Aluh Aluh"
    canonical_name: str  # the name Netral reports, e.g. "Kota Palangka Raya", "DKI Jakarta"
    type: str  # provinsi, kabupaten, kota, kecamatan, distrik, desa, kelurahan, desa_adat
    level: Level
    parent_code: str | None

    @property
    def province_code(self) -> str:
        return self.code[:2]

    @property
    def regency_code(self) -> str | None:
        return self.code[:5] if self.level != "provinsi" else None


@dataclass(frozen=True, slots=True)
class Alias:
    alias: str
    code: str
    note: str


def level_of(code: str) -> Level:
    return LEVELS[code.count(".")]


def _rows(filename: str) -> Iterator[dict[str, str]]:
    with (DATA_DIR / filename).open(encoding="utf-8", newline="") as fh:
        yield from csv.DictReader(fh)


@cache
def _overrides() -> dict[str, str]:
    names = {row["code"]: row["canonical_name"] for row in _rows("name_overrides.csv")}
    names.update({row["code"]: row["common_name"] for row in _rows("provinsi_extra.csv")})
    return names


@cache
def regions(level: Level) -> tuple[Region, ...]:
    """All regions of one level, in code order."""
    overrides = _overrides()
    return tuple(
        Region(
            code=row["code"],
            name=row["name"],
            canonical_name=overrides.get(row["code"], row["name"]),
            type=row["type"],
            level=level,
            parent_code=row["parent_code"] or None,
        )
        for row in _rows(f"{level}.csv")
    )


@cache
def by_code() -> dict[str, Region]:
    """Provinces, regencies and kecamatan by code (desa are many: use `desa_by_code`)."""
    return {r.code: r for level in LEVELS[:3] for r in regions(level)}


@cache
def desa_by_code() -> dict[str, Region]:
    return {r.code: r for r in regions("desa")}


def get(code: str) -> Region | None:
    return by_code().get(code) or (desa_by_code().get(code) if code.count(".") == 3 else None)


def ancestors(code: str) -> list[Region]:
    """The region's parents, nearest first: kecamatan → kabupaten/kota → provinsi."""
    parts = code.split(".")
    found = (by_code().get(".".join(parts[:i])) for i in range(len(parts) - 1, 0, -1))
    return [r for r in found if r is not None]


@cache
def timezones() -> dict[str, str]:
    """IANA time zone of every province, by province code."""
    return {row["code"]: row["timezone"] for row in _rows("provinsi_extra.csv")}


def timezone_of(code: str) -> str:
    return timezones()[code[:2]]


@cache
def aliases() -> tuple[Alias, ...]:
    return tuple(Alias(row["alias"], row["code"], row.get("note") or "") for row in _rows("aliases.csv"))
