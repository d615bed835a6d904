"""The dashboards' raw figures read straight from the case tables: the reference the fact tables are checked
against (tests/insights/test_facts.py), and the definition of every figure in plain conditions.

Each call reads whole tables (every case, SKB type, track, sanction event; every event of every track, sorted, for
the handling times), which is why the pages read the fact tables instead (`from_facts`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping

from django.db.models import Count, DurationField, Exists, ExpressionWrapper, F, OuterRef, Q, QuerySet, Window
from django.db.models.functions import Lag, Substr, TruncWeek

from netral.accounts.access import RegionScope
from netral.cases.models import Case, CaseViolationType, ReportedPerson, Track, TrackEvent
from netral.cases.models.case import Intake
from netral.insights.facts import sanction_transitions
from netral.insights.figures import CASE_COUNTS, Breakdowns, CaseCounts, StepFigures, StepKey, days, step_figures
from netral.insights.filters import Filters
from netral.insights.scoping import Focus, region_q

__all__ = ["CASES", "CaseTables", "case_q"]


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


def _day(moment: dt.datetime | dt.date) -> dt.date:
    return moment.date() if isinstance(moment, dt.datetime) else moment


class CaseTables:
    def cases_for(self, scope: RegionScope, focus: Focus, filters: Filters) -> QuerySet[Case]:
        return Case.objects.filter(case_q(scope, focus, filters))

    def of_cases(self, scope: RegionScope, focus: Focus, filters: Filters, field: str = "case") -> Q:
        """Usually `field IN (the counted cases)`. When nothing restricts the cases (the whole country, no filter)
        every case but the merged ones counts: `NOT IN (the merged cases)` then probes a handful of ids instead of
        joining all cases (a hash of 100,000 ids per table on the national dashboard)."""
        if scope.everything and not focus.code and not filters.active:
            return ~Q(**{f"{field}__in": Case.objects.filter(merged_into__isnull=False).values("pk")})
        return Q(**{f"{field}__in": self.cases_for(scope, focus, filters).values("pk")})

    def case_counts(self, scope: RegionScope, focus: Focus, filters: Filters, *, detail: bool) -> CaseCounts:
        length = focus.child_code_length
        cases = self.cases_for(scope, focus, filters)
        result = CaseCounts(cases={}, sanctions={})
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
        if detail:
            weeks = cases.annotate(week=TruncWeek("received_at")).values_list("week").annotate(n=Count("pk"))
            result.weeks = {_day(moment): n for moment, n in weeks.order_by()}
        result.sanctions = dict(
            TrackEvent.objects.filter(
                case_q(scope, focus, filters, "track__case"), transition__in=sanction_transitions()
            )
            .annotate(area=Substr("track__case__event_region_code", 1, length))
            .values_list("area")
            .annotate(n=Count("pk"))
            .order_by()
        )
        return result

    def breakdowns(self, scope: RegionScope, focus: Focus, filters: Filters) -> Breakdowns:
        """One grouping of the SKB types, one of the tracks that ended or are on the bawaslu track."""
        violations = (
            CaseViolationType.objects.filter(self.of_cases(scope, focus, filters))
            .values_list("violation_type_id")
            .annotate(n=Count("pk"))  # (case, type) is unique: no DISTINCT needed
            .order_by()
        )
        tracks = (
            Track.objects.filter(self.of_cases(scope, focus, filters))
            .filter(Q(ended=True) | Q(kind="bawaslu"))
            .values_list("kind", "state", "ended")
            .annotate(n=Count("pk"))
            .order_by()
        )
        return Breakdowns(dict(violations), {(kind, state, ended): n for kind, state, ended, n in tracks})

    def steps(
        self, scope: RegionScope, focus: Focus, filters: Filters, limits: Mapping[StepKey, float]
    ) -> dict[StepKey, StepFigures]:
        """The time in a state is the gap between the event that entered it and the event that left it on the
        same track (a window LAG over the track's events)."""
        gap = F("at") - Window(Lag("at"), partition_by=[F("track_id")], order_by=[F("at").asc(), F("pk").asc()])
        events = (
            TrackEvent.objects.filter(self.of_cases(scope, focus, filters, "track__case"))
            .annotate(gap=ExpressionWrapper(gap, output_field=DurationField()))
            .filter(gap__isnull=False)  # the first event of a track only opens it
            .values_list("track__kind", "from_state", "track__case__regime", "gap")
        )
        durations: dict[StepKey, list[float]] = defaultdict(list)
        for kind, state, regime, spent in events:
            if state:
                durations[(kind, state, regime)].append(days(spent))
        return {key: step_figures(values, limits.get(key)) for key, values in durations.items()}


CASES = CaseTables()
