"""Aggregates for the dashboards, map and exports: counts only, never a person or a single case.

Every function takes the viewer's `RegionScope` and a `Focus` (the region being looked at, inside the scope) and
answers in a constant number of queries whatever the number of cases: grouping is done by the database
(`values(...).annotate(Count(...))`), names come from one region query and from the data files (workflow,
rules catalogue), which cost no query.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import statistics
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache as django_cache
from django.db.models import Count, DurationField, Exists, ExpressionWrapper, F, OuterRef, Q, QuerySet, Window
from django.db.models.functions import Lag, Substr, TruncWeek
from django.http import Http404
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from netral.accounts.access import RegionScope
from netral.cases.models import Case, CaseViolationType, ReportedPerson, Track, TrackEvent
from netral.cases.models.case import Intake
from netral.cases.models.people import SubjectType
from netral.cases.workflow import load_workflow
from netral.geo.models import Level, Region
from netral.insights.filters import Filters
from netral.insights.index import RegionIndex, compute, load_method
from netral.monitor.models import Alert
from netral.rules.catalogue import load_catalogue

__all__ = [
    "Focus",
    "RegionRow",
    "Table",
    "dashboard",
    "handling_times",
    "map_province",
    "region_rows",
    "resolve_focus",
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


# Length of the code of the regions one level below a focus, by the focus code's number of dots ("" = national).
_CHILD_CODE_LENGTH = {-1: 2, 0: 5, 1: 8, 2: 13, 3: 13}
TOP = 10  # rows shown for open-ended breakdowns (positions, agencies)


@dataclass(frozen=True, slots=True)
class Focus:
    """The region a dashboard looks at: "" for the whole country, else a region inside the viewer's scope."""

    code: str
    name: str
    level: str  # "nasional" or a geo Level
    ancestors: tuple[tuple[str, str], ...] = ()  # (code, name) from the province down, for the breadcrumb

    @property
    def child_code_length(self) -> int:
        return _CHILD_CODE_LENGTH[self.code.count(".") if self.code else -1]

    @property
    def has_children(self) -> bool:
        return self.level != Level.DESA

    def includes(self, code: str) -> bool:
        return not self.code or code == self.code or code.startswith(self.code + ".")

    def q(self, field: str) -> Q:
        if not self.code:
            return Q()
        return Q(**{field: self.code}) | Q(**{f"{field}__startswith": self.code + "."})


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


def resolve_focus(scope: RegionScope, code: str) -> Focus:
    """The focus for `code` ("" = the viewer's own level); 404 outside the scope or for an unknown region."""
    if scope.is_nothing:
        raise Http404
    code = code or ("" if scope.everything else scope.region_code)
    if not code:
        return Focus(code="", name=_("Indonesia"), level="nasional")
    if not scope.includes(code):
        raise Http404
    region = Region.objects.filter(code=code).first()
    if region is None:
        raise Http404
    parts = code.split(".")
    prefixes = [".".join(parts[:i]) for i in range(1, len(parts))]
    names = dict(Region.objects.filter(code__in=prefixes).values_list("code", "canonical_name"))
    ancestors = tuple((p, names[p]) for p in prefixes if p in names and (scope.everything or scope.includes(p)))
    return Focus(code=code, name=region.display_name, level=region.level, ancestors=ancestors)


def map_province(scope: RegionScope, code: str) -> Focus:
    """A province for the map's drill-down: one in the scope, or the one holding a regional viewer's jurisdiction
    (every figure is still limited to the scope, so a regency user sees only their own regency in it)."""
    inside = scope.includes(code) or (scope.region_code or "").startswith(code + ".")
    region = Region.objects.filter(code=code, level=Level.PROVINSI).first() if inside else None
    if region is None:
        raise Http404
    return Focus(code=code, name=region.display_name, level=region.level)


def region_q(scope: RegionScope, focus: Focus, field: str) -> Q:
    """In the scope and in the focus. One of them usually holds the other (a focus inside the scope; a map
    province around a regional viewer's scope): only the narrower one is written, since PostgreSQL takes two
    overlapping prefix conditions as independent, underestimates the rows fourfold and picks slow nested loops."""
    if focus.code and scope.includes(focus.code):
        return focus.q(field)
    if not scope.everything and scope.region_code and focus.includes(scope.region_code):
        return scope.q(field)
    return scope.q(field) & focus.q(field)


def case_q(scope: RegionScope, focus: Focus, filters: Filters, path: str = "") -> Q:
    """The cases counted, as a condition on the case reached through `path` ("" = a Case query; "track__case" from
    a track event): in scope and focus, not merged into another case, matching the filters."""
    p = f"{path}__" if path else ""
    q = region_q(scope, focus, f"{p}event_region_code") & Q(**{f"{p}merged_into__isnull": True})
    if filters.election:
        q &= Q(**{f"{p}election_id": filters.election})
    if filters.date_from:
        q &= Q(**{f"{p}received_at__date__gte": filters.date_from})
    if filters.date_to:
        q &= Q(**{f"{p}received_at__date__lte": filters.date_to})
    if filters.violation:
        violations = CaseViolationType.objects.filter(case=OuterRef(f"{p}pk"), violation_type_id=filters.violation)
        q &= Q(Exists(violations))
    if filters.subject:
        q &= Q(Exists(ReportedPerson.objects.filter(case=OuterRef(f"{p}pk"), subject_type=filters.subject)))
    return q


def cases_for(scope: RegionScope, focus: Focus, filters: Filters) -> QuerySet[Case]:
    """The cases counted: in scope and focus, not merged into another case, matching the filters."""
    return Case.objects.filter(case_q(scope, focus, filters))


def of_cases(scope: RegionScope, focus: Focus, filters: Filters, field: str = "case") -> Q:
    """Rows of a table whose `field` (a case foreign key) points at a counted case.

    Usually `field IN (the counted cases)`. When nothing restricts the cases (the whole country, no filter) every
    case but the merged ones counts: `NOT IN (the merged cases)` then probes a handful of ids instead of joining
    all cases (a hash of 100,000 ids per table on the national dashboard)."""
    if scope.everything and not focus.code and not filters.active:
        return ~Q(**{f"{field}__in": Case.objects.filter(merged_into__isnull=False).values("pk")})
    return Q(**{f"{field}__in": cases_for(scope, focus, filters).values("pk")})


def alerts_for(scope: RegionScope, focus: Focus, filters: Filters) -> QuerySet[Alert]:
    """Monitoring alerts in scope and focus; only the date filters apply (alerts have no election or SKB type)."""
    alerts = Alert.objects.filter(region_q(scope, focus, "region_code")).exclude(region_code="")
    if filters.date_from:
        alerts = alerts.filter(created_at__date__gte=filters.date_from)
    if filters.date_to:
        alerts = alerts.filter(created_at__date__lte=filters.date_to)
    return alerts


@cache
def sanction_transitions() -> tuple[str, ...]:
    """Transition codes that record a sanction imposed (those requiring the `sanction` input), from workflow.toml."""
    return tuple(sorted({t.code for tr in load_workflow().tracks for t in tr.transitions if "sanction" in t.requires}))


def _children(focus: Focus) -> list[tuple[str, str]]:
    if not focus.code:
        regions = Region.objects.filter(level=Level.PROVINSI)
    else:
        regions = Region.objects.filter(parent_id=focus.code, is_active=True)
    return [(r.code, r.display_name) for r in regions.only("code", "canonical_name", "level", "type").order_by("code")]


def _day(moment: dt.datetime | dt.date) -> dt.date:
    return moment.date() if isinstance(moment, dt.datetime) else moment


CASE_COUNTS = ("n", "reports", "findings", "tips", "closed")


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


def counts(scope: RegionScope, focus: Focus, filters: Filters, *, detail: bool = False) -> Counts:
    """One pass over the cases (conditional counts per intake and closed, grouped by area, and with `detail` by
    election too), one over the alerts, one over the sanction events (found through their index); with `detail`,
    one more over cases and alerts each for the weekly series: grouping by area and week at once would be cheaper
    in theory, but PostgreSQL cannot estimate the number of (area, week) groups and sorts all rows on disk."""
    length = focus.child_code_length
    cases = cases_for(scope, focus, filters)
    result = Counts(cases={}, alerts={}, sanctions={})
    for row in (
        cases.annotate(area=Substr("event_region_code", 1, length))
        .values(*(("area", "election_id") if detail else ("area",)))
        .annotate(
            n=Count("pk"),
            reports=Count("pk", filter=Q(intake=Intake.LAPORAN)),
            findings=Count("pk", filter=Q(intake=Intake.TEMUAN)),
            tips=Count("pk", filter=Q(intake=Intake.INFORMASI_AWAL)),
            closed=Count("pk", filter=Q(closed=True)),
        )
        .order_by()
    ):
        area = result.cases.setdefault(row["area"], dict.fromkeys(CASE_COUNTS, 0))
        for key in CASE_COUNTS:
            area[key] += row[key]
        if detail:
            result.elections[row["election_id"]] = result.elections.get(row["election_id"], 0) + row["n"]
    alerts = alerts_for(scope, focus, filters)
    result.alerts = dict(
        alerts.annotate(area=Substr("region_code", 1, length)).values_list("area").annotate(n=Count("pk")).order_by()
    )
    if detail:
        for moment, n in (
            cases.annotate(week=TruncWeek("received_at")).values_list("week").annotate(n=Count("pk")).order_by()
        ):
            result.case_weeks[_day(moment)] = n
        for moment, n in (
            alerts.annotate(week=TruncWeek("created_at")).values_list("week").annotate(n=Count("pk")).order_by()
        ):
            result.alert_weeks[_day(moment)] = n

    # Joined straight to the case (no IN subquery): the area is read from it anyway.
    result.sanctions = dict(
        TrackEvent.objects.filter(case_q(scope, focus, filters, "track__case"), transition__in=sanction_transitions())
        .annotate(area=Substr("track__case__event_region_code", 1, length))
        .values_list("area")
        .annotate(n=Count("pk"))
        .order_by()
    )
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


def region_rows(scope: RegionScope, focus: Focus, filters: Filters) -> list[RegionRow]:
    """One row per region one level below the focus (that the viewer may see), in four queries."""
    return _rows(scope, focus, counts(scope, focus, filters))


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


def _tables(scope: RegionScope, focus: Focus, filters: Filters, elections: dict[str, int]) -> dict[str, Table]:
    """The breakdowns by SKB type, reported person, election (from `elections`, counted by `counts`) and track
    state, in four queries."""
    catalogue = load_catalogue()
    titles = {v.code: v.title for v in catalogue.violation_types}
    names = {e.code: e.name for e in catalogue.elections}
    subjects = dict(SubjectType.choices)

    violations = (
        CaseViolationType.objects.filter(of_cases(scope, focus, filters))
        .values_list("violation_type_id")
        .annotate(n=Count("pk"))  # (case, type) is unique: no DISTINCT needed
        .order_by("violation_type_id")
    )
    # Reported persons (terlapor), not cases: a case about a camat and two village heads counts each of them,
    # and a plain COUNT avoids a DISTINCT over every person. Subject types and positions come from one grouping
    # (a position nearly always goes with one subject type, so it returns about as many rows as positions).
    by_subject: dict[str, int] = defaultdict(int)
    positions: dict[str, int] = defaultdict(int)
    people = ReportedPerson.objects.filter(of_cases(scope, focus, filters))
    for subject, position, n in people.values_list("subject_type", "position").annotate(n=Count("pk")).order_by():
        by_subject[subject] += n
        if position:
            positions[position] += n
    by_position = sorted(positions.items(), key=lambda p: (-p[1], p[0]))
    by_agency = people.exclude(agency="").values_list("agency").annotate(n=Count("pk")).order_by("-n", "agency")
    # Open bawaslu tracks by stage and ended tracks by outcome, in one grouping.
    tracks = (
        Track.objects.filter(of_cases(scope, focus, filters))
        .filter(Q(ended=True) | Q(kind="bawaslu"))
        .values_list("kind", "state", "ended")
        .annotate(n=Count("pk"))
        .order_by()
    )
    stages, outcomes = [], []
    for kind, state, ended, n in tracks:
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


def dashboard(scope: RegionScope, focus: Focus, filters: Filters) -> Dashboard:
    """Everything the staff dashboard shows, in a fixed number of queries (nine, plus the focus's regions)."""
    counted = counts(scope, focus, filters, detail=True)
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
    tables.update(_tables(scope, focus, filters, counted.elections))
    return Dashboard(focus=focus, summary=summary, regions=regions, tables=tables)


def table(scope: RegionScope, focus: Focus, filters: Filters, key: str) -> Table:
    """One table by key (for exports); Http404 for an unknown key."""
    if key == "wilayah":
        return _region_table(region_rows(scope, focus, filters) if focus.has_children else [], focus)
    if key == "mingguan":
        return _weekly(counts(scope, focus, filters, detail=True))
    if key == "indeks":
        return index_table(vulnerability(scope, focus, filters))
    if key == "waktu":
        return handling_times(scope, focus, filters)
    if key == "pemilihan":
        return _tables(scope, focus, filters, counts(scope, focus, filters, detail=True).elections)[key]
    tables = _tables(scope, focus, filters, {})
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
    scope: RegionScope, focus: Focus, filters: Filters, rows: Sequence[RegionRow] | None = None
) -> list[RegionIndex]:
    """The index of each region below the focus; `rows` when the caller already has them (the map)."""
    if rows is None:
        rows = region_rows(scope, focus, filters) if focus.has_children else []
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


def handling_times(scope: RegionScope, focus: Focus, filters: Filters) -> Table:
    """Median days spent in each state before the next step, against the state's deadline, in one query.

    The time in a state is the gap between the event that entered it and the event that left it on the same track
    (a window LAG over the track's events). Deadlines in working days are shown but not compared: converting them
    needs the holiday calendar per case.
    """
    # The gap is computed by the database: fetching both moments costs far more (two time-zone-aware datetimes
    # built per event) than one interval. Filtering on the window keeps only events that left a state.
    gap = F("at") - Window(Lag("at"), partition_by=[F("track_id")], order_by=[F("at").asc(), F("pk").asc()])
    events = (
        TrackEvent.objects.filter(of_cases(scope, focus, filters, "track__case"))
        .annotate(gap=ExpressionWrapper(gap, output_field=DurationField()))
        .filter(gap__isnull=False)  # the first event of a track only opens it
        .values_list("track__kind", "from_state", "track__case__regime", "gap")
    )
    durations: dict[tuple[str, str, str], list[float]] = defaultdict(list)
    for kind, state, regime, spent in events:
        if state:
            durations[(kind, state, regime)].append(spent.total_seconds() / 86400)
    rows: list[list[str | int | float | None]] = []
    for kind, state, regime in sorted(durations):
        values = durations[(kind, state, regime)]
        deadline, limit = _deadline_text(kind, state, regime)
        late = round(100 * sum(v > limit for v in values) / len(values)) if limit is not None else None
        rows.append(
            [_state_name(kind, state), regime, len(values), round(statistics.median(values), 1), deadline or "—", late]
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
