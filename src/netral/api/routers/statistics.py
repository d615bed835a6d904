"""Statistics (statistik), readable with `statistics:read` by owners holding `stats.view` (as the dashboards).

The figures are the staff dashboards' (`netral.insights.services`, with their cache), for the token's
jurisdiction — its own region by default, or a region inside it (`region`; 404 outside). Counts only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal, TypeVar

from django.http import HttpRequest
from ninja import Query, Router
from ninja.types import TCallable

from netral.accounts.access import has_capability
from netral.api.auth import require
from netral.api.errors import ERRORS, ApiError
from netral.api.schemas_statistics import (
    BreakdownOut,
    BreakdownRow,
    FiltersOut,
    FocusOut,
    HandlingOut,
    HandlingRow,
    RegionFigures,
    RegionsOut,
    StatisticsFilter,
    SummaryOut,
    WeekFigures,
    WeeklyOut,
)
from netral.api.tokens import Grant
from netral.cases.models.people import SubjectType
from netral.cases.workflow import load_workflow
from netral.insights import services
from netral.insights.filters import Filters
from netral.rules.catalogue import load_catalogue

__all__ = ["StatisticsView", "router", "statistics_view"]

router = Router(tags=["statistik / statistics"])
CAPABILITY = "stats.view"
T = TypeVar("T")


@dataclass(frozen=True)
class StatisticsView:
    """What a statistics or export request looks at: who asks, where, with which filters."""

    grant: Grant
    focus: services.Focus
    filters: Filters

    def cached(self, kind: str, make: Callable[[], T]) -> T:
        """The dashboards' cache: the same key as the page for the same scope, region and filters."""
        return services.cached(kind, self.grant.scope, self.focus, self.filters, make)

    @property
    def region(self) -> FocusOut:
        return FocusOut(code=self.focus.code or None, name=str(self.focus.name), level=self.focus.level)

    @property
    def applied(self) -> FiltersOut:
        f = self.filters
        return FiltersOut(
            election=f.election or None,
            date_from=f.date_from,
            date_to=f.date_to,
            violation_type=f.violation or None,
            subject_type=f.subject or None,
        )


def _invalid(field: str, message: str) -> ApiError:
    return ApiError(422, "invalid", "Isian tidak valid.", [{"loc": ["query", field], "msg": message}])


def statistics_view(request: HttpRequest, scope: str, wanted: StatisticsFilter) -> StatisticsView:
    """The request's grant (403 without `scope` or, for the owner, without `stats.view`), its focus (404 outside
    the token's jurisdiction) and the dashboards' filters (422 for an unknown election or SKB code)."""
    grant = require(request, scope)
    if not has_capability(grant.user, CAPABILITY):
        raise ApiError(403, "forbidden", "Pemilik token tidak berhak melihat statistik.")
    catalogue = load_catalogue()
    election = wanted.election or ""
    if election and election not in {e.code for e in catalogue.elections}:
        raise _invalid("election", "Kode pemilihan tidak dikenal.")
    violation = (wanted.violation_type or "").upper()
    if violation and violation not in {v.code for v in catalogue.violation_types}:
        raise _invalid("violation_type", "Kode jenis pelanggaran tidak dikenal.")
    filters = Filters(
        election=election,
        date_from=wanted.date_from,
        date_to=wanted.date_to,
        violation=violation,
        subject=wanted.subject_type.value if wanted.subject_type else "",
    )
    return StatisticsView(grant, services.resolve_focus(grant.scope, wanted.region or ""), filters)


def _dashboard(request: HttpRequest, wanted: StatisticsFilter) -> tuple[StatisticsView, services.Dashboard]:
    view = statistics_view(request, "statistics:read", wanted)
    scope, focus, filters = view.grant.scope, view.focus, view.filters
    return view, view.cached("dashboard", lambda: services.dashboard(scope, focus, filters))


def _table(request: HttpRequest, wanted: StatisticsFilter, key: str) -> tuple[StatisticsView, services.Table]:
    view = statistics_view(request, "statistics:read", wanted)
    scope, focus, filters = view.grant.scope, view.focus, view.filters
    return view, view.cached(f"table-{key}", lambda: services.table(scope, focus, filters, key))


FILTERS_TEXT = (
    "Filter seperti dasbor: `region` (di dalam wilayah token), `election`, `date_from`/`date_to` (tanggal "
    "diterima), `violation_type`, `subject_type`. / The dashboards' filters: `region` (inside the token's "
    "jurisdiction), `election`, `date_from`/`date_to` (date received), `violation_type`, `subject_type`."
)


@router.get(
    "/statistics/summary",
    response={200: SummaryOut, **ERRORS},
    summary="Ringkasan angka / Summary counts",
    description=FILTERS_TEXT,
)
def statistics_summary(request: HttpRequest, filters: Query[StatisticsFilter]) -> SummaryOut:
    view, data = _dashboard(request, filters)
    s = data.summary
    return SummaryOut(
        region=view.region,
        filters=view.applied,
        cases=s["cases"],
        reports=s["reports"],
        findings=s["findings"],
        tips=s["tips"],
        closed=s["closed"],
        alerts=s["alerts"],
        sanctions=s["sanctions"],
    )


@router.get(
    "/statistics/regions",
    response={200: RegionsOut, **ERRORS},
    summary="Menurut wilayah di bawahnya / By the regions one level below",
    description=FILTERS_TEXT,
)
def statistics_by_region(request: HttpRequest, filters: Query[StatisticsFilter]) -> RegionsOut:
    view, data = _dashboard(request, filters)
    return RegionsOut(
        region=view.region,
        filters=view.applied,
        regions=[
            RegionFigures(
                code=r.code or None,
                name=str(r.name),
                cases=r.cases,
                reports=r.reports,
                closed=r.closed,
                alerts=r.alerts,
                sanctions=r.sanctions,
            )
            for r in data.regions
        ],
    )


@router.get(
    "/statistics/weekly",
    response={200: WeeklyOut, **ERRORS},
    summary="Per minggu / Weekly",
    description=FILTERS_TEXT,
)
def statistics_weekly(request: HttpRequest, filters: Query[StatisticsFilter]) -> WeeklyOut:
    view, data = _dashboard(request, filters)
    return WeeklyOut(
        region=view.region,
        filters=view.applied,
        weeks=[
            WeekFigures(week_start=dt.date.fromisoformat(str(week)), cases=int(cases or 0), alerts=int(alerts or 0))
            for week, cases, alerts in data.tables["mingguan"].rows
        ],
    )


Counted = Literal["cases", "reported_persons", "tracks"]


def _codes(key: str) -> Callable[[str], str | None]:
    """The code behind a dashboard label, where the label names a catalogue or workflow entry."""
    if key == "jenis":  # "D9 Title": the service writes the SKB code first
        known = {v.code for v in load_catalogue().violation_types}
        return lambda label: code if (code := label.split(" ", 1)[0]) in known else None
    names: dict[str, str] = {}
    if key == "pemilihan":
        names = {e.name: e.code for e in load_catalogue().elections}
    elif key == "subjek":
        names = {str(label): value for value, label in SubjectType.choices}
    elif key == "tahap":
        names = {s.name: s.code for s in load_workflow().track("bawaslu").states}
    return names.get


def _breakdown(request: HttpRequest, wanted: StatisticsFilter, key: str, counts: Counted) -> BreakdownOut:
    view, table = _table(request, wanted, key)
    code_of = _codes(key)
    rows = [BreakdownRow(label=str(label), code=code_of(str(label)), count=int(n or 0)) for label, n in table.rows]
    return BreakdownOut(region=view.region, filters=view.applied, title=str(table.title), counts=counts, rows=rows)


def _breakdown_route(path: str, summary: str, description: str = FILTERS_TEXT) -> Callable[[TCallable], TCallable]:
    return router.get(path, response={200: BreakdownOut, **ERRORS}, summary=summary, description=description)


@_breakdown_route(
    "/statistics/violation-types", "Menurut jenis pelanggaran (SKB) / By violation type (SKB)", FILTERS_TEXT
)
def statistics_by_violation_type(request: HttpRequest, filters: Query[StatisticsFilter]) -> BreakdownOut:
    return _breakdown(request, filters, "jenis", "cases")


@_breakdown_route("/statistics/subject-types", "Menurut jenis terlapor / By subject type of reported persons")
def statistics_by_subject_type(request: HttpRequest, filters: Query[StatisticsFilter]) -> BreakdownOut:
    return _breakdown(request, filters, "subjek", "reported_persons")


@_breakdown_route(
    "/statistics/positions",
    "Jabatan terlapor terbanyak / Most frequent positions",
    FILTERS_TEXT + " Sepuluh teratas / top ten.",
)
def statistics_by_position(request: HttpRequest, filters: Query[StatisticsFilter]) -> BreakdownOut:
    return _breakdown(request, filters, "jabatan", "reported_persons")


@_breakdown_route(
    "/statistics/agencies",
    "Instansi terlapor terbanyak / Most frequent agencies",
    FILTERS_TEXT + " Sepuluh teratas / top ten.",
)
def statistics_by_agency(request: HttpRequest, filters: Query[StatisticsFilter]) -> BreakdownOut:
    return _breakdown(request, filters, "instansi", "reported_persons")


@_breakdown_route("/statistics/elections", "Menurut pemilihan / By election")
def statistics_by_election(request: HttpRequest, filters: Query[StatisticsFilter]) -> BreakdownOut:
    return _breakdown(request, filters, "pemilihan", "cases")


@_breakdown_route(
    "/statistics/stages",
    "Perkara berjalan menurut tahap / Open cases by stage",
    FILTERS_TEXT + " Jalur Bawaslu yang belum selesai / open Bawaslu tracks.",
)
def statistics_by_stage(request: HttpRequest, filters: Query[StatisticsFilter]) -> BreakdownOut:
    return _breakdown(request, filters, "tahap", "tracks")


@_breakdown_route("/statistics/outcomes", "Hasil akhir per jalur / Outcomes per track")
def statistics_by_outcome(request: HttpRequest, filters: Query[StatisticsFilter]) -> BreakdownOut:
    return _breakdown(request, filters, "hasil", "tracks")


@router.get(
    "/statistics/handling-times",
    response={200: HandlingOut, **ERRORS},
    summary="Waktu penanganan per tahap / Handling time per stage",
    description=(
        "Median hari di setiap tahap terhadap batas waktunya, seperti halaman `/dasbor/waktu/`. / Median days "
        "spent in each state against its deadline, as on the handling-time page. " + FILTERS_TEXT
    ),
)
def statistics_handling_times(request: HttpRequest, filters: Query[StatisticsFilter]) -> HandlingOut:
    view = statistics_view(request, "statistics:read", filters)
    scope, focus, wanted = view.grant.scope, view.focus, view.filters
    table = view.cached("waktu", lambda: services.handling_times(scope, focus, wanted))
    return HandlingOut(
        region=view.region,
        filters=view.applied,
        note=str(table.note),
        rows=[
            HandlingRow(
                stage=str(stage),
                regime=str(regime),
                steps=int(steps or 0),
                median_days=float(median or 0),
                deadline=None if deadline in ("", "—", None) else str(deadline),
                late_percent=None if late is None else int(late),
            )
            for stage, regime, steps, median, deadline, late in table.rows
        ],
    )
