"""Aggregates for the dashboards, map and exports: counts only, never a person or a single case.

Every function takes the viewer's `RegionScope` and a `Focus` (the region being looked at, inside the scope) and
answers in a constant number of queries whatever the number of cases: grouping is done by the database
(`values(...).annotate(Count(...))`), names come from one region query and from the data files (workflow,
rules catalogue), which cost no query.

The case figures come from a `Source` (`netral.insights.figures`): the fact tables (`from_facts.FACTS`, the
default) or, to check them, the case tables themselves (`from_cases.CASES`); alerts and reported persons are read
from their own tables either way.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache as django_cache
from django.db.models import Count, QuerySet
from django.db.models.functions import Substr, TruncWeek
from django.http import Http404
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from netral.accounts.access import RegionScope
from netral.cases.models import ReportedPerson
from netral.cases.models.case import Regime
from netral.cases.models.people import SubjectType
from netral.cases.workflow import load_workflow
from netral.geo.models import Level, Region
from netral.insights.facts import sanction_transitions
from netral.insights.figures import CASE_COUNTS, Source, StepKey
from netral.insights.filters import Filters
from netral.insights.from_facts import FACTS
from netral.insights.index import RegionIndex, compute, load_method
from netral.insights.scoping import Focus, map_province, region_q, resolve_focus
from netral.monitor.models import Alert
from netral.rules.catalogue import load_catalogue

__all__ = [
    "Focus",
    "RegionRow",
    "Table",
    "dashboard",
    "handling_times",
    "map_province",
    "region_q",
    "region_rows",
    "resolve_focus",
    "sanction_transitions",
    "vulnerability",
]

T = TypeVar("T")


def cached(kind: str, scope: RegionScope, focus: Focus, filters: Filters, make: Callable[[], T]) -> T:
    """`make()`, kept for NETRAL_INSIGHTS_CACHE_SECONDS (default 300; 0 = off) per scope, focus, filters and
    language. Aggregates over the whole country cost a full scan each; a few minutes' delay is acceptable for
    statistics, never for case handling (case pages do not use this). The scope is part of the key, so one
    jurisdiction's figures are never served to another."""
    seconds = settings.NETRAL_INSIGHTS_CACHE_SECONDS
    if seconds <= 0:
        return make()
    identity = repr((kind, scope.everything, scope.region_code, focus.code, filters, get_language()))
    key = "netral.insights:" + hashlib.sha256(identity.encode()).hexdigest()
    value = django_cache.get(key)
    if value is None:
        value = make()
        django_cache.set(key, value, seconds)
    return value  # type: ignore[no-any-return]


TOP = 10  # rows shown for open-ended breakdowns (positions, agencies)


@dataclass
class Table:
    """A table shown on a page, drawn as a chart from its first numeric column, and exported as CSV/XLSX."""

    key: str
    title: str
    headers: list[str]
    rows: list[list[str | int | float | None]]
    chart: str = "bar"  # bar | line | "" (no chart)
    codes: list[str] = field(default_factory=list)  # region codes of the rows, for drill-down links
    note: str = ""

    @property
    def lines(self) -> list[tuple[str, list[str | int | float | None]]]:
        """(region code or "", row) pairs for templates that link rows to a drill-down."""
        codes = self.codes if len(self.codes) == len(self.rows) else [""] * len(self.rows)
        return list(zip(codes, self.rows, strict=True))


@dataclass(frozen=True, slots=True)
class RegionRow:
    code: str
    name: str
    cases: int
    reports: int
    closed: int
    alerts: int
    sanctions: int


def alerts_for(scope: RegionScope, focus: Focus, filters: Filters) -> QuerySet[Alert]:
    """Monitoring alerts in scope and focus; only the date filters apply (alerts have no election or SKB type)."""
    alerts = Alert.objects.filter(region_q(scope, focus, "region_code")).exclude(region_code="")
    if filters.date_from:
        alerts = alerts.filter(created_at__date__gte=filters.date_from)
    if filters.date_to:
        alerts = alerts.filter(created_at__date__lte=filters.date_to)
    return alerts


def _children(focus: Focus) -> list[tuple[str, str]]:
    if not focus.code:
        regions = Region.objects.filter(level=Level.PROVINSI)
    else:
        regions = Region.objects.filter(parent_id=focus.code, is_active=True)
    return [(r.code, r.display_name) for r in regions.only("code", "canonical_name", "level", "type").order_by("code")]


def _day(moment: dt.datetime | dt.date) -> dt.date:
    return moment.date() if isinstance(moment, dt.datetime) else moment


@dataclass
class Counts:
    """Cases, alerts and sanctions below a focus, grouped by area (the code of the region one level below the
    focus, or the focus itself for what is recorded there); for the dashboard also by week and by election."""

    cases: dict[str, dict[str, int]]  # area -> {"n", "reports", "findings", "tips", "closed"}
    alerts: dict[str, int]
    sanctions: dict[str, int]
    case_weeks: dict[dt.date, int] = field(default_factory=dict)
    alert_weeks: dict[dt.date, int] = field(default_factory=dict)
    elections: dict[str, int] = field(default_factory=dict)

    def total(self, key: str) -> int:
        return sum(counts[key] for counts in self.cases.values())


def counts(
    scope: RegionScope, focus: Focus, filters: Filters, *, detail: bool = False, source: Source = FACTS
) -> Counts:
    """Cases and sanctions by area (with `detail` by election and week too) from `source`, and alerts by area
    (with `detail` by week) from their table: one pass over the alerts per grouping."""
    length = focus.child_code_length
    cases = source.case_counts(scope, focus, filters, detail=detail)
    result = Counts(
        cases=cases.cases, alerts={}, sanctions=cases.sanctions, case_weeks=cases.weeks, elections=cases.elections
    )
    alerts = alerts_for(scope, focus, filters)
    result.alerts = dict(
        alerts.annotate(area=Substr("region_code", 1, length)).values_list("area").annotate(n=Count("pk")).order_by()
    )
    if detail:
        for moment, n in (
            alerts.annotate(week=TruncWeek("created_at")).values_list("week").annotate(n=Count("pk")).order_by()
        ):
            result.alert_weeks[_day(moment)] = n
    return result


def _rows(scope: RegionScope, focus: Focus, counted: Counts) -> list[RegionRow]:
    """One row per region one level below the focus that the viewer may see (one region query)."""
    empty = dict.fromkeys(CASE_COUNTS, 0)
    rows = []
    if focus.code and focus.code in counted.cases:  # cases recorded at the focus itself, not at a region below it
        found = counted.cases[focus.code]
        rows.append(
            RegionRow(
                code="",
                name=_("%(name)s (tanpa rincian wilayah)") % {"name": focus.name},
                cases=found["n"],
                reports=found["reports"],
                closed=found["closed"],
                alerts=counted.alerts.get(focus.code, 0),
                sanctions=counted.sanctions.get(focus.code, 0),
            )
        )
    for code, name in _children(focus):
        if not scope.includes(code) and not (scope.region_code and scope.region_code.startswith(code + ".")):
            continue
        found = counted.cases.get(code, empty)
        rows.append(
            RegionRow(
                code=code,
                name=name,
                cases=found["n"],
                reports=found["reports"],
                closed=found["closed"],
                alerts=counted.alerts.get(code, 0),
                sanctions=counted.sanctions.get(code, 0),
            )
        )
    return rows


def region_rows(scope: RegionScope, focus: Focus, filters: Filters, *, source: Source = FACTS) -> list[RegionRow]:
    """One row per region one level below the focus (that the viewer may see), in three queries."""
    return _rows(scope, focus, counts(scope, focus, filters, source=source))


def _region_table(rows: Sequence[RegionRow], focus: Focus) -> Table:
    return Table(
        key="wilayah",
        title=_("Menurut wilayah"),
        headers=[_("Wilayah"), _("Perkara"), _("Laporan"), _("Selesai"), _("Peringatan"), _("Sanksi")],
        rows=[[r.name, r.cases, r.reports, r.closed, r.alerts, r.sanctions] for r in rows],
        codes=[r.code for r in rows] if focus.level != Level.KECAMATAN else [],
    )


def _pairs_table(key: str, title: str, label: str, pairs: Iterable[tuple[str, int]], unit: str = "") -> Table:
    return Table(key=key, title=title, headers=[label, unit or _("Perkara")], rows=[[k, n] for k, n in pairs])


def _state_name(kind: str, state: str) -> str:
    track = load_workflow().track(kind)
    return f"{track.name}: {track.state(state).name}" if kind != "bawaslu" else track.state(state).name


def _tables(
    scope: RegionScope, focus: Focus, filters: Filters, elections: dict[str, int], source: Source
) -> dict[str, Table]:
    """The breakdowns by SKB type, reported person, election (from `elections`, counted by `counts`) and track
    state, in two queries (three from the case tables)."""
    catalogue = load_catalogue()
    titles = {v.code: v.title for v in catalogue.violation_types}
    names = {e.code: e.name for e in catalogue.elections}
    subjects = dict(SubjectType.choices)

    breakdowns = source.breakdowns(scope, focus, filters)
    violations = sorted(breakdowns.violations.items())
    # Reported persons (terlapor), not cases: a case about a camat and two village heads counts each of them,
    # and a plain COUNT avoids a DISTINCT over every person. Subject types, positions and agencies come from one
    # grouping (a position and an agency nearly always go with one subject type, so it returns about as many rows
    # as there are agencies), ordered by agency: agencies with equal counts then keep the database's collation
    # order through the stable sort by count, as `ORDER BY n DESC, agency` gave them.
    by_subject: dict[str, int] = defaultdict(int)
    positions: dict[str, int] = defaultdict(int)
    agencies: dict[str, int] = {}
    people = ReportedPerson.objects.filter(source.of_cases(scope, focus, filters))
    for subject, position, agency, n in (
        people.values_list("subject_type", "position", "agency").annotate(n=Count("pk")).order_by("agency")
    ):
        by_subject[subject] += n
        if position:
            positions[position] += n
        if agency:
            agencies[agency] = agencies.get(agency, 0) + n
    by_position = sorted(positions.items(), key=lambda p: (-p[1], p[0]))
    by_agency = sorted(agencies.items(), key=lambda a: -a[1])
    # Open bawaslu tracks by stage and ended tracks by outcome, in one grouping.
    stages, outcomes = [], []
    for (kind, state, ended), n in breakdowns.tracks.items():
        if ended:
            outcomes.append((kind, state, n))
        else:
            stages.append((state, n))
    stages.sort(key=lambda s: (-s[1], s[0]))
    outcomes.sort(key=lambda o: (o[0], -o[2], o[1]))

    return {
        "jenis": _pairs_table(
            "jenis",
            _("Menurut jenis pelanggaran (SKB)"),
            _("Jenis"),
            ((f"{code} {titles.get(code, '')}".strip(), n) for code, n in violations),
        ),
        "subjek": _pairs_table(
            "subjek",
            _("Menurut jenis terlapor"),
            _("Jenis terlapor"),
            ((str(subjects.get(s, s)), n) for s, n in sorted(by_subject.items(), key=lambda s: (-s[1], s[0]))),
            _("Terlapor"),
        ),
        "jabatan": _pairs_table(
            "jabatan", _("Jabatan terlapor terbanyak"), _("Jabatan"), by_position[:TOP], _("Terlapor")
        ),
        "instansi": _pairs_table(
            "instansi", _("Instansi terlapor terbanyak"), _("Instansi"), by_agency[:TOP], _("Terlapor")
        ),
        "pemilihan": _pairs_table(
            "pemilihan",
            _("Menurut pemilihan"),
            _("Pemilihan"),
            ((names.get(e, e), n) for e, n in sorted(elections.items())),
        ),
        "tahap": _pairs_table(
            "tahap",
            _("Perkara berjalan menurut tahap"),
            _("Tahap"),
            ((_state_name("bawaslu", s), n) for s, n in stages),
        ),
        "hasil": Table(
            key="hasil",
            title=_("Hasil akhir per jalur"),
            headers=[_("Hasil"), _("Jumlah jalur")],
            rows=[[_state_name(kind, state), n] for kind, state, n in outcomes],
        ),
    }


def _weekly(counted: Counts) -> Table:
    weeks = set(counted.case_weeks) | set(counted.alert_weeks)
    every_week = []  # weeks without any case or alert are rows of zeros, so the series keeps its time axis
    if weeks:
        week, last = min(weeks), max(weeks)
        while week <= last:
            every_week.append(week)
            week += dt.timedelta(days=7)
    return Table(
        key="mingguan",
        title=_("Per minggu"),
        headers=[_("Minggu mulai"), _("Perkara"), _("Peringatan")],
        rows=[
            [week.isoformat(), counted.case_weeks.get(week, 0), counted.alert_weeks.get(week, 0)] for week in every_week
        ],
        chart="line",
    )


@dataclass(frozen=True)
class Dashboard:
    focus: Focus
    summary: dict[str, int]
    regions: list[RegionRow]
    tables: dict[str, Table]


def dashboard(scope: RegionScope, focus: Focus, filters: Filters, *, source: Source = FACTS) -> Dashboard:
    """Everything the staff dashboard shows, in a fixed number of queries (nine, plus the focus's regions)."""
    counted = counts(scope, focus, filters, detail=True, source=source)
    summary = {
        "cases": counted.total("n"),
        "reports": counted.total("reports"),
        "findings": counted.total("findings"),
        "tips": counted.total("tips"),
        "closed": counted.total("closed"),
        "alerts": sum(counted.alerts.values()),
        "sanctions": sum(counted.sanctions.values()),
    }
    regions = _rows(scope, focus, counted) if focus.has_children else []
    tables: dict[str, Table] = {}
    if regions:
        tables["wilayah"] = _region_table(regions, focus)
    tables["mingguan"] = _weekly(counted)
    tables.update(_tables(scope, focus, filters, counted.elections, source))
    return Dashboard(focus=focus, summary=summary, regions=regions, tables=tables)


def table(scope: RegionScope, focus: Focus, filters: Filters, key: str, *, source: Source = FACTS) -> Table:
    """One table by key (for exports); Http404 for an unknown key."""
    if key == "wilayah":
        return _region_table(region_rows(scope, focus, filters, source=source) if focus.has_children else [], focus)
    if key == "mingguan":
        return _weekly(counts(scope, focus, filters, detail=True, source=source))
    if key == "indeks":
        return index_table(vulnerability(scope, focus, filters, source=source))
    if key == "waktu":
        return handling_times(scope, focus, filters, source=source)
    if key == "pemilihan":
        elections = counts(scope, focus, filters, detail=True, source=source).elections
        return _tables(scope, focus, filters, elections, source)[key]
    tables = _tables(scope, focus, filters, {}, source)
    if key not in tables:
        raise Http404
    return tables[key]


# --- vulnerability index -----------------------------------------------------------------------------------------


def _coverage_percent(scope: RegionScope, filters: Filters) -> dict[str, float]:
    """Pledge coverage per region code from the prevention app; a region without campaigns is absent."""
    from netral.prevention.services.coverage import coverage

    report = coverage(scope, election_code=filters.election or None)
    return {r.code: float(r.percent) for r in report.regions if r.expected > 0}


def vulnerability(
    scope: RegionScope,
    focus: Focus,
    filters: Filters,
    rows: Sequence[RegionRow] | None = None,
    *,
    source: Source = FACTS,
) -> list[RegionIndex]:
    """The index of each region below the focus; `rows` when the caller already has them (the map)."""
    if rows is None:
        rows = region_rows(scope, focus, filters, source=source) if focus.has_children else []
    covered = _coverage_percent(scope, filters) if focus.child_code_length <= 5 else {}
    signals = [
        (
            r.code,
            r.name,
            {
                "cases": float(r.cases),
                "alerts": float(r.alerts),
                "sanctions": float(r.sanctions),
                "coverage": covered.get(r.code),
            },
        )
        for r in rows
        if r.code  # a "without detail" row is not a region to compare
    ]
    return sorted(compute(signals), key=lambda r: (-(r.index or 0), r.code))


def index_table(indexes: Sequence[RegionIndex]) -> Table:
    method = load_method()
    headers = [_("Wilayah"), _("Indeks")]
    for c in method.components:
        score = _("skor")
        headers += [c.name, f"{c.name}: {score}"]
    rows: list[list[str | int | float | None]] = []
    for r in indexes:
        row: list[str | int | float | None] = [r.name, r.index]
        for s in r.components:
            row += [s.raw, s.score]
        rows.append(row)
    return Table(
        key="indeks",
        title=_("Indeks kerawanan netralitas"),
        headers=headers,
        rows=rows,
        codes=[r.code for r in indexes],
        note=_("Komponen kosong: belum tersedia (tidak dihitung sebagai nol)."),
    )


# --- handling time per step --------------------------------------------------------------------------------------


def _deadline_text(kind: str, state: str, regime: str) -> tuple[str, float | None]:
    """The deadline of a state as text ("7 hari kerja") and in calendar days when it is counted in days/hours."""
    step_code = load_workflow().track(kind).state(state).deadline_step(regime)
    if not step_code:
        return "", None
    step = load_catalogue().step(regime, step_code)
    units = {"days": _("hari"), "working_days": _("hari kerja"), "hours": _("jam")}
    calendar_days = {"days": float(step.amount), "hours": step.amount / 24}.get(step.unit)
    return f"{step.amount} {units.get(step.unit, step.unit)}", calendar_days


@cache
def _limits() -> dict[StepKey, float]:
    """The deadline in calendar days of every workflow state that has one in days or hours, per regime."""
    limits = {}
    for track in load_workflow().tracks:
        for state in track.states:
            for regime in Regime.values:
                limit = _deadline_text(track.kind, state.code, regime)[1]
                if limit is not None:
                    limits[(track.kind, state.code, regime)] = limit
    return limits


def handling_times(scope: RegionScope, focus: Focus, filters: Filters, *, source: Source = FACTS) -> Table:
    """Median days spent in each state before the next step, against the state's deadline, in one query.

    The time in a state is the gap between the event that entered it and the event that left it on the same track.
    Deadlines in working days are shown but not compared: converting them needs the holiday calendar per case.
    """
    steps = source.steps(scope, focus, filters, _limits())
    rows: list[list[str | int | float | None]] = []
    for kind, state, regime in sorted(steps):
        figures = steps[(kind, state, regime)]
        deadline, limit = _deadline_text(kind, state, regime)
        late = round(100 * figures.late / figures.steps) if limit is not None and figures.late is not None else None
        rows.append(
            [_state_name(kind, state), regime, figures.steps, round(figures.median_days, 1), deadline or "—", late]
        )
    return Table(
        key="waktu",
        title=_("Waktu penanganan per tahap"),
        headers=[_("Tahap"), _("Rezim"), _("Langkah"), _("Median (hari)"), _("Batas waktu"), _("Lewat batas (%)")],
        rows=rows,
        chart="",
        note=_(
            "Batas dalam hari kerja tidak dibandingkan otomatis: hitungannya memerlukan kalender libur per perkara."
        ),
    )
