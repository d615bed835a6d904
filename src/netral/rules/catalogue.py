"""The rules catalogue: elections and their phases, violation types, sanctions, procedure deadlines and holidays.

The catalogue is data, not code: five TOML files in `netral/rules/data/` that an administrator can correct
(see docs/rules.md). This module reads them with the standard library (no Django), turns every entry into a frozen
dataclass and validates the whole on load. Anything inconsistent — a duplicate code, a violation type that names a
sanction or kind that does not exist, a phase outside its election's span, a step with an unknown unit — raises
`CatalogueError` naming the file and the entry, so a bad edit fails at start-up and in the tests, never in a case.

Domain terms: *pemilu* is the national (legislative and presidential) election, *pilkada* the regional-head
election; a *regime* is the set of handling rules and deadlines Bawaslu follows for one of them (plus the shared
ASN referral flow, `asn`). *Libur nasional* is a national public holiday, *cuti bersama* a joint leave day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal, TypeVar, cast

from netral.core.datafile import DataFileError, Entry, read_toml

__all__ = [
    "CATEGORIES",
    "DATA_DIR",
    "ELECTION_KINDS",
    "HOLIDAY_TYPES",
    "SANCTION_LEVELS",
    "STAGES",
    "STARTS_ON",
    "SUBJECT_TYPES",
    "UNITS",
    "VIOLATION_KINDS",
    "Catalogue",
    "CatalogueError",
    "Election",
    "Holiday",
    "Phase",
    "ProcedureStep",
    "Regime",
    "Sanction",
    "Unit",
    "ViolationType",
    "election",
    "holidays_between",
    "load_catalogue",
    "phase_on",
    "read_catalogue",
    "step",
    "violation_type",
]

DATA_DIR = Path(__file__).resolve().parent / "data"

Unit = Literal["days", "working_days", "hours"]
UNITS: tuple[Unit, ...] = ("days", "working_days", "hours")

#: The coarse violation kinds of shared/corpus/ANNOTATION.md, used by the text pipeline.
VIOLATION_KINDS: tuple[str, ...] = (
    "social_media",
    "photo_gesture",
    "campaign_event",
    "campaign_materials",
    "vote_solicitation",
    "goods_distribution",
    "state_resources",
    "candidacy_party",
    "favouring_decision",
)
#: Subject types of ANNOTATION.md.
SUBJECT_TYPES: tuple[str, ...] = ("asn", "village", "tni", "polri", "regional_head", "other")
CATEGORIES: tuple[str, ...] = ("kode_etik", "disiplin", "desa", "tni", "polri", "pidana")
STAGES: tuple[str, ...] = ("before_designation", "after_designation", "any")
ELECTION_KINDS: tuple[str, ...] = ("pemilu", "pilkada", "pilkades")
SANCTION_LEVELS: tuple[str, ...] = (
    "moral",
    "ringan",
    "sedang",
    "berat",
    "pemberhentian",
    "administratif",
    "satgas",
    "desa",
    "internal",
    "pidana",
)
HOLIDAY_TYPES: tuple[str, ...] = ("libur_nasional", "cuti_bersama")
#: Events that start a procedure step's clock.
STARTS_ON: tuple[str, ...] = (
    "act_known",
    "act_discovered",
    "report_received",
    "report_registered",
    "completion_requested",
    "initial_study_done",
    "referral_received",
    "satgas_verified",
    "recommendation_received",
)


class CatalogueError(DataFileError):
    """The catalogue data is inconsistent. The message names the file and the entry."""


@dataclass(frozen=True, slots=True)
class Phase:
    """One stage (tahapan) of an election, dates inclusive."""

    code: str
    name: str
    start: dt.date
    end: dt.date
    source: str
    note: str

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True, slots=True)
class Election:
    code: str  # as in ANNOTATION.md: pemilu_2024, pilkada_2024, ...
    name: str
    kind: str  # pemilu | pilkada | pilkades
    regime: str  # procedure regime code in procedures.toml
    legal_basis: str
    voting_day: dt.date
    start: dt.date  # span of the stages covered; every phase lies inside
    end: dt.date
    phases: tuple[Phase, ...]
    source: str
    note: str

    def phase(self, code: str) -> Phase | None:
        return next((p for p in self.phases if p.code == code), None)

    @property
    def designation_day(self) -> dt.date | None:
        """Candidate designation (penetapan calon): the line between *bakal calon* and *calon* in the SKB matrix."""
        phase = self.phase("penetapan_calon")
        return phase.start if phase else None


@dataclass(frozen=True, slots=True)
class ViolationType:
    code: str  # E1…E7, D1…D13, KD1, PD1, TNI1, POL1, PID1…
    category: str  # kode_etik | disiplin | desa | tni | polri | pidana
    subject_types: tuple[str, ...]
    title: str
    description: str  # plain Indonesian, for the public explainer
    stage: str  # before_designation | after_designation | any
    kinds: tuple[str, ...]  # coarse violation_kinds; first = main
    sanctions: tuple[str, ...]  # sanction codes
    regimes: tuple[str, ...]  # pemilu, pilkada
    legal_basis: str
    source: str
    note: str

    @property
    def kind(self) -> str | None:
        """The main coarse kind, or None for the catch-all (D13)."""
        return self.kinds[0] if self.kinds else None


@dataclass(frozen=True, slots=True)
class Sanction:
    code: str
    level: str
    name: str
    description: str
    penalties: tuple[str, ...]
    applies_to: tuple[str, ...]
    imposed_by: str
    in_force: bool
    legal_basis: str
    source: str
    note: str


@dataclass(frozen=True, slots=True)
class ProcedureStep:
    regime: str  # the regime that defines the step
    code: str
    name: str
    actor: str
    amount: int
    unit: Unit
    starts_on: str  # one of STARTS_ON
    starts_on_text: str
    legal_basis: str
    source: str
    note: str


@dataclass(frozen=True, slots=True)
class Regime:
    code: str  # pemilu | pilkada | asn
    name: str
    shared_with: tuple[str, ...]  # regimes whose step lists include this regime's steps
    steps: tuple[ProcedureStep, ...]  # the regime's own steps
    legal_basis: str
    source: str
    note: str


@dataclass(frozen=True, slots=True)
class Holiday:
    date: dt.date
    name: str
    type: str  # libur_nasional | cuti_bersama
    decree: str
    source: str
    note: str


@dataclass(frozen=True, slots=True)
class Catalogue:
    elections: tuple[Election, ...]
    violation_types: tuple[ViolationType, ...]
    sanctions: tuple[Sanction, ...]
    regimes: tuple[Regime, ...]
    holidays: tuple[Holiday, ...]  # sorted by date
    holiday_years: tuple[int, ...]  # years with official data

    def election(self, code: str) -> Election:
        return _find(self.elections, code, "election")

    def violation_type(self, code: str) -> ViolationType:
        return _find(self.violation_types, code.upper(), "violation type")

    def sanction(self, code: str) -> Sanction:
        return _find(self.sanctions, code, "sanction")

    def regime(self, code: str) -> Regime:
        return _find(self.regimes, code, "regime")

    def steps(self, regime: str) -> tuple[ProcedureStep, ...]:
        """The steps that apply to a regime: its own, then those of regimes shared with it (e.g. `asn`)."""
        own = self.regime(regime).steps
        shared = tuple(s for r in self.regimes if regime in r.shared_with for s in r.steps)
        return own + shared

    def step(self, regime: str, code: str) -> ProcedureStep:
        for s in self.steps(regime):
            if s.code == code:
                return s
        known = ", ".join(s.code for s in self.steps(regime))
        raise KeyError(f"unknown step {code!r} in regime {regime!r} (known: {known})")

    def holidays_between(self, start: dt.date, end: dt.date) -> tuple[Holiday, ...]:
        """Holidays from start to end, both inclusive."""
        return tuple(h for h in self.holidays if start <= h.date <= end)

    def holiday_dates(self) -> frozenset[dt.date]:
        return frozenset(h.date for h in self.holidays)

    def phase_on(self, election_code: str, day: dt.date) -> tuple[Phase, ...]:
        """The phases of an election that include a day (phases may overlap), in catalogue order."""
        return tuple(p for p in self.election(election_code).phases if p.contains(day))


_T = TypeVar("_T", Election, ViolationType, Sanction, Regime)


def _find(items: Iterable[_T], code: str, what: str) -> _T:
    for item in items:
        if item.code == code:
            return item
    raise KeyError(f"unknown {what} {code!r}")


# --- loading and validation -----------------------------------------------------------------------------------------


def _sourced(e: Entry) -> tuple[str, str, str]:
    """legal_basis is optional here (callers check it); source must be a URL unless the note says why not."""
    source = e.text("source")
    note = e.text("note")
    if source and not source.startswith(("http://", "https://")):
        raise e.error(f"source must be an http(s) URL, not {source!r}")
    if not source and "[UNVERIFIED]" not in note:
        raise e.error("an entry without a source must say [UNVERIFIED] in its note")
    return source, note, e.text("legal_basis", "")


def _read(data_dir: Path, filename: str) -> Entry:
    return read_toml(data_dir / filename, error=CatalogueError)


def _unique(filename: str, what: str, codes: Iterable[str]) -> None:
    seen: set[str] = set()
    for code in codes:
        if code in seen:
            raise CatalogueError(filename, f"{what} {code}", "duplicate code")
        seen.add(code)


def _load_sanctions(data_dir: Path) -> tuple[Sanction, ...]:
    root = _read(data_dir, "sanctions.toml")
    out = []
    for i, table in enumerate(root.tables("sanction", required=True)):
        e = root.child(f"sanction #{i + 1} {table.get('code', '?')}", table)
        source, note, legal_basis = _sourced(e)
        if not legal_basis:
            raise e.error("missing legal_basis")
        out.append(
            Sanction(
                code=e.code(),
                level=e.choice("level", SANCTION_LEVELS),
                name=e.text("name"),
                description=e.text("description"),
                penalties=e.strs("penalties", non_empty=True),
                applies_to=e.strs("applies_to", SUBJECT_TYPES, non_empty=True),
                imposed_by=e.text("imposed_by"),
                in_force=e.flag("in_force"),
                legal_basis=legal_basis,
                source=source,
                note=note,
            )
        )
    _unique(root.filename, "sanction", (s.code for s in out))
    return tuple(out)


def _load_regimes(data_dir: Path) -> tuple[Regime, ...]:
    root = _read(data_dir, "procedures.toml")
    regimes = []
    for i, table in enumerate(root.tables("regime", required=True)):
        r = root.child(f"regime #{i + 1} {table.get('code', '?')}", table)
        code = r.code()
        source, note, legal_basis = _sourced(r)
        steps = []
        for j, step_table in enumerate(r.tables("step", required=True)):
            e = root.child(f"regime {code} step #{j + 1} {step_table.get('code', '?')}", step_table)
            s_source, s_note, s_basis = _sourced(e)
            if not s_basis:
                raise e.error("missing legal_basis")
            amount = e.integer("amount")
            if amount < 1:
                raise e.error(f"amount must be a positive integer, not {amount}")
            steps.append(
                ProcedureStep(
                    regime=code,
                    code=e.code(),
                    name=e.text("name"),
                    actor=e.text("actor"),
                    amount=amount,
                    unit=cast(Unit, e.choice("unit", UNITS)),
                    starts_on=e.choice("starts_on", STARTS_ON),
                    starts_on_text=e.text("starts_on_text"),
                    legal_basis=s_basis,
                    source=s_source,
                    note=s_note,
                )
            )
        _unique(root.filename, f"regime {code} step", (s.code for s in steps))
        regimes.append(
            Regime(
                code=code,
                name=r.text("name"),
                shared_with=r.strs("shared_with"),
                steps=tuple(steps),
                legal_basis=legal_basis,
                source=source,
                note=note,
            )
        )
    _unique(root.filename, "regime", (r.code for r in regimes))
    codes = {r.code for r in regimes}
    for regime in regimes:
        for other in regime.shared_with:
            if other not in codes or other == regime.code:
                raise CatalogueError(root.filename, f"regime {regime.code}", f"shared_with names unknown {other!r}")
            clash = {s.code for s in regime.steps} & {s.code for s in _regime(regimes, other).steps}
            if clash:
                raise CatalogueError(
                    root.filename, f"regime {regime.code}", f"step codes {sorted(clash)} clash with regime {other}"
                )
    return tuple(regimes)


def _regime(regimes: Iterable[Regime], code: str) -> Regime:
    return next(r for r in regimes if r.code == code)


def _load_violation_types(
    data_dir: Path, sanctions: tuple[Sanction, ...], regimes: tuple[Regime, ...]
) -> tuple[ViolationType, ...]:
    root = _read(data_dir, "violation_types.toml")
    sanction_codes = tuple(s.code for s in sanctions)
    regime_codes = tuple(r.code for r in regimes)
    out = []
    for i, table in enumerate(root.tables("violation", required=True)):
        e = root.child(f"violation #{i + 1} {table.get('code', '?')}", table)
        source, note, legal_basis = _sourced(e)
        if not legal_basis:
            raise e.error("missing legal_basis")
        for code in e.strs("sanctions", non_empty=True):
            if code not in sanction_codes:
                raise e.error(f"unknown sanction code {code!r} (not in sanctions.toml)")
        out.append(
            ViolationType(
                code=e.code(),
                category=e.choice("category", CATEGORIES),
                subject_types=e.strs("subject_types", SUBJECT_TYPES, non_empty=True),
                title=e.text("title"),
                description=e.text("description"),
                stage=e.choice("stage", STAGES),
                kinds=e.strs("kinds", VIOLATION_KINDS),
                sanctions=e.strs("sanctions", non_empty=True),
                regimes=e.strs("regimes", regime_codes, non_empty=True),
                legal_basis=legal_basis,
                source=source,
                note=note,
            )
        )
    _unique(root.filename, "violation", (v.code for v in out))
    return tuple(out)


def _load_elections(data_dir: Path, regimes: tuple[Regime, ...]) -> tuple[Election, ...]:
    root = _read(data_dir, "elections.toml")
    regime_codes = tuple(r.code for r in regimes)
    out = []
    for i, table in enumerate(root.tables("election", required=True)):
        e = root.child(f"election #{i + 1} {table.get('code', '?')}", table)
        code = e.code()
        source, note, legal_basis = _sourced(e)
        if not legal_basis:
            raise e.error("missing legal_basis")
        start, end, voting_day = e.date("start"), e.date("end"), e.date("voting_day")
        if start > end:
            raise e.error(f"start {start} is after end {end}")
        if not start <= voting_day <= end:
            raise e.error(f"voting_day {voting_day} is outside the election span {start}..{end}")
        phases = []
        for j, phase_table in enumerate(e.tables("phase", required=True)):
            p = root.child(f"election {code} phase #{j + 1} {phase_table.get('code', '?')}", phase_table)
            p_source, p_note, _ = _sourced(p)
            p_start, p_end = p.date("start"), p.date("end")
            if p_start > p_end:
                raise p.error(f"start {p_start} is after end {p_end}")
            if p_start < start or p_end > end:
                raise p.error(f"phase {p_start}..{p_end} is outside the election span {start}..{end}")
            phases.append(Phase(p.code(), p.text("name"), p_start, p_end, p_source, p_note))
        _unique(root.filename, f"election {code} phase", (p.code for p in phases))
        out.append(
            Election(
                code=code,
                name=e.text("name"),
                kind=e.choice("kind", ELECTION_KINDS),
                regime=e.choice("regime", regime_codes),
                legal_basis=legal_basis,
                voting_day=voting_day,
                start=start,
                end=end,
                phases=tuple(phases),
                source=source,
                note=note,
            )
        )
    _unique(root.filename, "election", (el.code for el in out))
    return tuple(out)


def _load_holidays(data_dir: Path) -> tuple[tuple[Holiday, ...], tuple[int, ...]]:
    root = _read(data_dir, "holidays.toml")
    holidays: list[Holiday] = []
    years: list[int] = []
    for i, table in enumerate(root.tables("year", required=True)):
        y = root.child(f"year #{i + 1} {table.get('year', '?')}", table)
        year = y.integer("year")
        if year in years:
            raise y.error(f"year {year} listed twice")
        years.append(year)
        decree = y.text("decree")
        source, _note, _ = _sourced(y)
        seen: set[tuple[dt.date, str]] = set()
        for j, h_table in enumerate(y.tables("holiday", required=True)):
            h = root.child(f"year {year} holiday #{j + 1} {h_table.get('date', '?')}", h_table)
            day = h.date("date")
            if day.year != year:
                raise h.error(f"date {day} is not in year {year}")
            kind = h.choice("type", HOLIDAY_TYPES)
            if (day, kind) in seen:
                raise h.error(f"duplicate {kind} on {day}")
            seen.add((day, kind))
            h_source = h.text("source")
            if h_source and not h_source.startswith(("http://", "https://")):
                raise h.error(f"source must be an http(s) URL, not {h_source!r}")
            holidays.append(
                Holiday(
                    date=day,
                    name=h.text("name"),
                    type=kind,
                    decree=h.text("decree") or decree,
                    source=h_source or source,
                    note=h.text("note"),
                )
            )
    holidays.sort(key=lambda h: (h.date, h.type))
    return tuple(holidays), tuple(sorted(years))


def read_catalogue(data_dir: Path = DATA_DIR) -> Catalogue:
    """Read and validate the catalogue from a directory (uncached; tests use it on edited copies)."""
    sanctions = _load_sanctions(data_dir)
    regimes = _load_regimes(data_dir)
    violation_types = _load_violation_types(data_dir, sanctions, regimes)
    elections = _load_elections(data_dir, regimes)
    holidays, years = _load_holidays(data_dir)
    return Catalogue(elections, violation_types, sanctions, regimes, holidays, years)


@cache
def load_catalogue() -> Catalogue:
    """The validated catalogue from the package's data files, read once per process."""
    return read_catalogue(DATA_DIR)


# --- module-level lookups on the packaged catalogue -----------------------------------------------------------------


def violation_type(code: str) -> ViolationType:
    """A violation type by code (E1…, D1…; case-insensitive). KeyError if unknown."""
    return load_catalogue().violation_type(code)


def election(code: str) -> Election:
    """An election by code (pemilu_2024, pilkada_2024, ...). KeyError if unknown."""
    return load_catalogue().election(code)


def step(regime: str, code: str) -> ProcedureStep:
    """A procedure step of a regime, including the shared ASN referral steps. KeyError if unknown."""
    return load_catalogue().step(regime, code)


def holidays_between(start: dt.date, end: dt.date) -> tuple[Holiday, ...]:
    """Libur nasional and cuti bersama from start to end, both inclusive."""
    return load_catalogue().holidays_between(start, end)


def phase_on(election_code: str, day: dt.date) -> tuple[Phase, ...]:
    """The phases of an election that include a day (several when stages overlap; empty outside all)."""
    return load_catalogue().phase_on(election_code, day)
