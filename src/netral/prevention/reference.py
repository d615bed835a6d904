"""Reference data of prevention, read from `data/*.toml`: pure Python, no Django.

Agency kinds, event kinds and audiences, circular kinds, the pledge text and the attendance-list columns live in
data files so that a reviewer corrects them without touching code. Each reader validates its file and is cached.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

__all__ = [
    "DATA_DIR",
    "AttendanceSpec",
    "Pledge",
    "agency_kinds",
    "attendance_spec",
    "audiences",
    "circular_kinds",
    "event_kinds",
    "pledge_text",
]

DATA_DIR = Path(__file__).resolve().parent / "data"


def _read(name: str) -> dict[str, Any]:
    with (DATA_DIR / name).open("rb") as fh:
        return tomllib.load(fh)


def _names(name: str, table: str) -> dict[str, str]:
    raw = _read(name).get(table, {})
    if not raw:
        raise ValueError(f"{name}: no [{table}.*] entries")
    result = {}
    for code, entry in raw.items():
        if not str(entry.get("name", "")).strip():
            raise ValueError(f"{name} [{table}.{code}]: missing name")
        result[str(code)] = str(entry["name"])
    return result


@cache
def agency_kinds() -> dict[str, str]:
    """code → Indonesian name, e.g. "instansi_vertikal" → "Instansi vertikal (…)"."""
    return _names("agency_kinds.toml", "kinds")


@cache
def event_kinds() -> dict[str, str]:
    return _names("event_kinds.toml", "kinds")


@cache
def audiences() -> dict[str, str]:
    return _names("event_kinds.toml", "audiences")


@cache
def circular_kinds() -> dict[str, str]:
    return _names("circular_kinds.toml", "kinds")


@dataclass(frozen=True, slots=True)
class Pledge:
    title: str
    points: tuple[str, ...]

    def for_campaign(self, agency: str, election: str) -> list[str]:
        return [point.replace("{instansi}", agency).replace("{pemilihan}", election) for point in self.points]


@cache
def pledge_text() -> Pledge:
    raw = _read("pledge.toml")
    points = tuple(str(point) for point in raw.get("points", []))
    if not raw.get("title") or not points:
        raise ValueError("pledge.toml: needs a title and at least one point")
    return Pledge(title=str(raw["title"]), points=points)


@dataclass(frozen=True, slots=True)
class AttendanceSpec:
    max_rows: int
    max_bytes: int
    headers: dict[str, str]  # normalised header → column code
    required: tuple[str, ...]
    titles: dict[str, str]  # column code → its title in the template (the first header), in file order


def normalise_header(text: str) -> str:
    cleaned = "".join(" " if ch in "._-\t" else ch for ch in str(text).strip().lower())
    return " ".join(cleaned.split())


@cache
def attendance_spec() -> AttendanceSpec:
    raw = _read("attendance.toml")
    headers: dict[str, str] = {}
    required: list[str] = []
    titles: dict[str, str] = {}
    for code, entry in raw.get("columns", {}).items():
        names = [normalise_header(h) for h in entry.get("headers", [])]
        if not names:
            raise ValueError(f"attendance.toml [columns.{code}]: no headers")
        for header in names:
            if headers.setdefault(header, code) != code:
                raise ValueError(f"attendance.toml: header {header!r} names two columns")
        first = str(entry["headers"][0])
        titles[str(code)] = first.upper() if len(first) <= 3 else first.title()
        if entry.get("required"):
            required.append(str(code))
    return AttendanceSpec(
        max_rows=int(raw["max_rows"]),
        max_bytes=int(raw["max_bytes"]),
        headers=headers,
        required=tuple(required),
        titles=titles,
    )
