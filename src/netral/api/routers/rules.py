"""The rules catalogue (aturan), readable with `rules:read`: what the public `/aturan/` pages show, as data.

Violation types of the SKB with their sanctions, sanctions, elections with their phases, handling regimes with
their deadline steps, and holidays. The rows are the database mirror of `netral/rules/data/*.toml` (an
administrator's correction included), the same rows the pages read. Public data, but still behind a token.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeVar

from django.db.models import Model, Prefetch, Q, QuerySet
from django.http import Http404, HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.params.functions import Path as P

from netral.api.auth import require
from netral.api.errors import ERRORS
from netral.api.pagination import MAX_LIMIT, page
from netral.api.schemas_rules import (
    ElectionOut,
    ElectionPage,
    HolidayOut,
    HolidayPage,
    PhaseOut,
    RegimeOut,
    RegimePage,
    SanctionOut,
    SanctionPage,
    SanctionRef,
    StepOut,
    ViolationTypeOut,
    ViolationTypePage,
)
from netral.rules.models import (
    CatalogueRow,
    Election,
    ElectionPhase,
    Holiday,
    ProcedureStep,
    Regime,
    Sanction,
    ViolationType,
)

router = Router(tags=["aturan / rules"])
SCOPE = "rules:read"
M = TypeVar("M", bound=Model)
CURSOR = Field(None, max_length=100, description="Kursor dari next_cursor / cursor from next_cursor")
LIMIT = Field(50, ge=1, le=MAX_LIMIT, description="Jumlah per halaman / page size")


def _sourced(row: CatalogueRow) -> dict[str, Any]:
    return {
        "legal_basis": row.legal_basis,
        "source": row.source,
        "note": row.note,
        "locally_modified": row.locally_modified,
    }


def _containing(rows: QuerySet[M], field: str, value: str) -> QuerySet[M]:
    """Rows whose JSON list `field` holds `value`. Decided in Python over the codes (catalogue tables hold a few
    dozen rows): JSON containment has no portable lookup on SQLite."""
    keys = [pk for pk, values in rows.values_list("pk", field) if isinstance(values, list) and value in values]
    return rows.filter(pk__in=keys)


# --- violation types --------------------------------------------------------------------------------------------


class ViolationTypeFilter(Schema):
    category: str | None = Field(None, max_length=30, description="kode_etik, disiplin, desa, tni, polri, pidana")
    regime: str | None = Field(None, max_length=20, description="Rezim / regime (pemilu, pilkada)")
    election: str | None = Field(
        None, max_length=40, description="Kode pemilihan: jenis yang berlaku di rezimnya / election code"
    )
    subject_type: str | None = Field(None, max_length=20, description="asn, village, tni, polri, regional_head")
    kind: str | None = Field(None, max_length=30, description="Jenis kasar / coarse kind (social_media, …)")
    stage: str | None = Field(None, max_length=40, description="before_designation, after_designation, any")
    q: str | None = Field(
        None, max_length=100, description="Cari di judul dan uraian, atau kode persis / search title, text, code"
    )
    cursor: str | None = CURSOR
    limit: int = LIMIT


def _violation_types() -> QuerySet[ViolationType]:
    return ViolationType.objects.prefetch_related(Prefetch("sanctions", queryset=Sanction.objects.order_by("code")))


def _violation_out(row: ViolationType) -> ViolationTypeOut:
    return ViolationTypeOut(
        code=row.code,
        category=row.category,
        subject_types=list(row.subject_types),
        title=row.title,
        description=row.description,
        stage=row.stage,
        kinds=list(row.kinds),
        regimes=list(row.regimes),
        position=row.position,
        sanctions=[SanctionRef(code=s.code, level=s.level, name=s.name) for s in row.sanctions.all()],
        **_sourced(row),
    )


@router.get(
    "/rules/violation-types",
    response={200: ViolationTypePage, **ERRORS},
    summary="Daftar jenis pelanggaran (SKB) / List violation types",
    description=(
        "Larangan netralitas menurut SKB 2022 dan undang-undang terkait, dengan dasar hukum dan sanksinya; urut "
        "kode (`position` memberi urutan katalog). / Neutrality violation types of the 2022 joint decree and "
        "related laws, with legal basis and sanctions; ordered by code (`position` gives the catalogue order)."
    ),
)
def list_violation_types(request: HttpRequest, filters: Query[ViolationTypeFilter]) -> ViolationTypePage:
    require(request, SCOPE)
    rows = _violation_types()
    if filters.category:
        rows = rows.filter(category=filters.category)
    if filters.stage:
        rows = rows.filter(stage=filters.stage)
    if filters.q:
        rows = rows.filter(
            Q(title__icontains=filters.q) | Q(description__icontains=filters.q) | Q(code__iexact=filters.q)
        )
    regimes = [filters.regime] if filters.regime else []
    if filters.election:
        regimes.append(Election.objects.filter(code=filters.election).values_list("regime", flat=True).first() or "")
    for regime in regimes:
        rows = _containing(rows, "regimes", regime)
    if filters.subject_type:
        rows = _containing(rows, "subject_types", filters.subject_type)
    if filters.kind:
        rows = _containing(rows, "kinds", filters.kind)
    found, cursor = page(rows, filters.cursor, filters.limit, descending=False)
    return ViolationTypePage(items=[_violation_out(v) for v in found], next_cursor=cursor)


@router.get(
    "/rules/violation-types/{code}",
    response={200: ViolationTypeOut, **ERRORS},
    summary="Satu jenis pelanggaran / One violation type",
)
def get_violation_type(request: HttpRequest, code: str = P(..., max_length=10)) -> ViolationTypeOut:
    require(request, SCOPE)
    row = _violation_types().filter(code=code.upper()).first()
    if row is None:
        raise Http404
    return _violation_out(row)


# --- sanctions --------------------------------------------------------------------------------------------------


class SanctionFilter(Schema):
    level: str | None = Field(None, max_length=30, description="moral, ringan, sedang, berat, pemberhentian, …")
    subject_type: str | None = Field(None, max_length=20, description="Berlaku bagi / applies to (asn, …)")
    in_force: bool | None = Field(None, description="Hanya yang (tidak) berlaku / only (not) in force")
    violation_type: str | None = Field(None, max_length=10, description="Sanksi satu jenis pelanggaran / of a type")
    cursor: str | None = CURSOR
    limit: int = LIMIT


def _sanction_out(row: Sanction) -> SanctionOut:
    return SanctionOut(
        code=row.code,
        level=row.level,
        name=row.name,
        description=row.description,
        penalties=list(row.penalties),
        applies_to=list(row.applies_to),
        imposed_by=row.imposed_by,
        in_force=row.in_force,
        **_sourced(row),
    )


@router.get(
    "/rules/sanctions",
    response={200: SanctionPage, **ERRORS},
    summary="Daftar sanksi / List sanctions",
    description="Sanksi dengan dasar hukumnya, urut kode. / Sanctions with their legal basis, by code.",
)
def list_sanctions(request: HttpRequest, filters: Query[SanctionFilter]) -> SanctionPage:
    require(request, SCOPE)
    rows = Sanction.objects.all()
    if filters.level:
        rows = rows.filter(level=filters.level)
    if filters.in_force is not None:
        rows = rows.filter(in_force=filters.in_force)
    if filters.violation_type:
        rows = rows.filter(violation_types__code=filters.violation_type.upper())
    if filters.subject_type:
        rows = _containing(rows, "applies_to", filters.subject_type)
    found, cursor = page(rows, filters.cursor, filters.limit, descending=False)
    return SanctionPage(items=[_sanction_out(s) for s in found], next_cursor=cursor)


@router.get("/rules/sanctions/{code}", response={200: SanctionOut, **ERRORS}, summary="Satu sanksi / One sanction")
def get_sanction(request: HttpRequest, code: str = P(..., max_length=60)) -> SanctionOut:
    require(request, SCOPE)
    row = Sanction.objects.filter(code=code).first()
    if row is None:
        raise Http404
    return _sanction_out(row)


# --- elections --------------------------------------------------------------------------------------------------


class ElectionFilter(Schema):
    kind: str | None = Field(None, max_length=20, description="pemilu, pilkada, pilkades")
    regime: str | None = Field(None, max_length=20, description="Rezim / regime")
    on: dt.date | None = Field(None, description="Yang tahapannya mencakup tanggal ini / running on this date")
    cursor: str | None = CURSOR
    limit: int = LIMIT


def _elections() -> QuerySet[Election]:
    return Election.objects.prefetch_related(
        Prefetch("phases", queryset=ElectionPhase.objects.order_by("start", "code"))
    )


def _election_out(row: Election) -> ElectionOut:
    return ElectionOut(
        code=row.code,
        name=row.name,
        kind=row.kind,
        regime=row.regime,
        voting_day=row.voting_day,
        start=row.start,
        end=row.end,
        phases=[PhaseOut(code=p.code, name=p.name, start=p.start, end=p.end, **_sourced(p)) for p in row.phases.all()],
        **_sourced(row),
    )


@router.get(
    "/rules/elections",
    response={200: ElectionPage, **ERRORS},
    summary="Daftar pemilihan dan tahapannya / List elections with their phases",
    description="Urut kode. / Ordered by code.",
)
def list_elections(request: HttpRequest, filters: Query[ElectionFilter]) -> ElectionPage:
    require(request, SCOPE)
    rows = _elections()
    if filters.kind:
        rows = rows.filter(kind=filters.kind)
    if filters.regime:
        rows = rows.filter(regime=filters.regime)
    if filters.on:
        rows = rows.filter(start__lte=filters.on, end__gte=filters.on)
    found, cursor = page(rows, filters.cursor, filters.limit, descending=False)
    return ElectionPage(items=[_election_out(e) for e in found], next_cursor=cursor)


@router.get("/rules/elections/{code}", response={200: ElectionOut, **ERRORS}, summary="Satu pemilihan / One election")
def get_election(request: HttpRequest, code: str = P(..., max_length=40)) -> ElectionOut:
    require(request, SCOPE)
    row = _elections().filter(code=code).first()
    if row is None:
        raise Http404
    return _election_out(row)


# --- regimes and their deadline steps ---------------------------------------------------------------------------


class RegimeFilter(Schema):
    cursor: str | None = CURSOR
    limit: int = LIMIT


def _step_out(step: ProcedureStep) -> StepOut:
    return StepOut(
        regime=step.regime_id,
        code=step.code,
        name=step.name,
        actor=step.actor,
        amount=step.amount,
        unit=step.unit,
        starts_on=step.starts_on,
        starts_on_text=step.starts_on_text,
        position=step.position,
        **_sourced(step),
    )


def _regimes_out(regimes: list[Regime]) -> list[RegimeOut]:
    """Each regime with the steps that apply to it: its own, then those of regimes shared with it (the catalogue's
    `steps(regime)`), in two queries whatever the number of regimes."""
    steps: dict[str, list[ProcedureStep]] = {}
    for step in ProcedureStep.objects.order_by("regime", "position", "code"):
        steps.setdefault(step.regime_id, []).append(step)
    sharers = [(code, shared) for code, shared in Regime.objects.values_list("code", "shared_with").order_by("code")]
    out = []
    for regime in regimes:
        applying = list(steps.get(regime.code, []))
        for code, shared in sharers:
            if isinstance(shared, list) and regime.code in shared and code != regime.code:
                applying += steps.get(code, [])
        out.append(
            RegimeOut(
                code=regime.code,
                name=regime.name,
                shared_with=list(regime.shared_with),
                steps=[_step_out(s) for s in applying],
                **_sourced(regime),
            )
        )
    return out


@router.get(
    "/rules/regimes",
    response={200: RegimePage, **ERRORS},
    summary="Rezim penanganan dan tenggatnya / Handling regimes and their deadlines",
    description=(
        "Langkah penanganan dengan tenggatnya per rezim (Pemilu, Pilkada, penerusan ASN), seperti halaman "
        "`/aturan/tenggat/`. / Handling steps with their deadlines per regime, as on the deadlines page."
    ),
)
def list_regimes(request: HttpRequest, filters: Query[RegimeFilter]) -> RegimePage:
    require(request, SCOPE)
    found, cursor = page(Regime.objects.all(), filters.cursor, filters.limit, descending=False)
    return RegimePage(items=_regimes_out(found), next_cursor=cursor)


@router.get("/rules/regimes/{code}", response={200: RegimeOut, **ERRORS}, summary="Satu rezim / One regime")
def get_regime(request: HttpRequest, code: str = P(..., max_length=20)) -> RegimeOut:
    require(request, SCOPE)
    row = Regime.objects.filter(code=code).first()
    if row is None:
        raise Http404
    return _regimes_out([row])[0]


# --- holidays ---------------------------------------------------------------------------------------------------


class HolidayFilter(Schema):
    year: int | None = Field(None, ge=1900, le=2200, description="Tahun / year")
    type: str | None = Field(None, max_length=30, description="libur_nasional, cuti_bersama")
    date_from: dt.date | None = Field(None, description="Sejak tanggal (termasuk) / from (inclusive)")
    date_to: dt.date | None = Field(None, description="Sampai tanggal (termasuk) / to (inclusive)")
    cursor: str | None = CURSOR
    limit: int = LIMIT


@router.get(
    "/rules/holidays",
    response={200: HolidayPage, **ERRORS},
    summary="Hari libur dan cuti bersama / Holidays",
    description=(
        "Hari libur nasional dan cuti bersama yang dipakai menghitung tenggat hari kerja; urut id (= urut tanggal "
        "saat dimuat). / Public holidays and joint leave days used for working-day deadlines; ordered by id."
    ),
)
def list_holidays(request: HttpRequest, filters: Query[HolidayFilter]) -> HolidayPage:
    require(request, SCOPE)
    rows = Holiday.objects.all()
    if filters.year:
        rows = rows.filter(date__year=filters.year)
    if filters.type:
        rows = rows.filter(type=filters.type)
    if filters.date_from:
        rows = rows.filter(date__gte=filters.date_from)
    if filters.date_to:
        rows = rows.filter(date__lte=filters.date_to)
    found, cursor = page(rows, filters.cursor, filters.limit, descending=False)
    return HolidayPage(
        items=[
            HolidayOut(id=h.pk, date=h.date, name=h.name, type=h.type, decree=h.decree, **_sourced(h)) for h in found
        ],
        next_cursor=cursor,
    )
