"""The dashboards' raw figures from the fact tables (`netral.insights.models`): what the pages use.

A dashboard groups one narrow row per case instead of joining cases, SKB types, tracks and sanction events: the
areas, elections, sanctions, weeks, SKB types, stages and outcomes come from three groupings of `CaseFact` (by area
and election, by week, by the lists of SKB types and tracks: these are grouped whole and split here, about a
thousand distinct pairs). Reported persons (positions and agencies are free text) are still read from their table,
limited to the counted cases.

Handling times read the steps already measured (`StepFact`). On PostgreSQL the medians are computed by the
database: the two middle values of each group (`percentile_disc(0.5)` in ascending and in descending order), so
only a few rows come back; Python takes the middle one for an odd count and the mean of both for an even one, as
`statistics.median` does. Other databases return every step (SQLite is for small installations).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from django.db import connection
from django.db.models import Aggregate, BigIntegerField, Count, Q, QuerySet, Sum, Value, When
from django.db.models import Case as SqlCase
from django.db.models.functions import Substr

from netral.accounts.access import RegionScope
from netral.cases.models import Case
from netral.cases.models.case import Intake
from netral.insights.figures import CASE_COUNTS, Breakdowns, CaseCounts, StepFigures, StepKey, days, step_figures
from netral.insights.filters import Filters
from netral.insights.models import CaseFact, StepFact
from netral.insights.scoping import Focus, region_q

__all__ = ["FACTS", "FactTables", "late_threshold_us"]


class MiddleValue(Aggregate):
    """PostgreSQL `percentile_disc(0.5)`: the lower middle value of the group in the given order (ascending: the
    lower of the two middle values, descending: the upper one; the middle one for an odd count)."""

    function = "PERCENTILE_DISC"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s%(order)s)"

    def __init__(self, expression: str, *, descending: bool = False) -> None:
        super().__init__(expression, output_field=BigIntegerField(), order=" DESC" if descending else "")


def _days(microseconds: int) -> float:
    return days(dt.timedelta(microseconds=microseconds))


def late_threshold_us(limit: float) -> int:
    """The longest step, in whole microseconds, that is not over a deadline of `limit` days as the reference
    compares it (days as a float > limit), so `spent_us > threshold` in SQL counts exactly the same steps."""
    us = round(limit * 86_400_000_000)
    while _days(us) > limit:
        us -= 1
    while _days(us + 1) <= limit:
        us += 1
    return us


def _thresholds(limits: Mapping[StepKey, float]) -> SqlCase:
    """Each step's late threshold in microseconds (NULL without a compared deadline), as a CASE nested by kind,
    then state, then regime: a handful of comparisons per row instead of a chain of one per deadline."""
    nested: dict[str, dict[str, dict[str, int]]] = defaultdict(lambda: defaultdict(dict))
    for (kind, state, regime), limit in limits.items():
        nested[kind][state][regime] = late_threshold_us(limit)

    def case(field: str, branches: Mapping[str, Any]) -> SqlCase:
        return SqlCase(
            *(When(**{field: key}, then=then) for key, then in branches.items()), output_field=BigIntegerField()
        )

    return case(
        "kind",
        {
            kind: case(
                "state",
                {state: case("regime", {r: Value(t) for r, t in regimes.items()}) for state, regimes in states.items()},
            )
            for kind, states in nested.items()
        },
    )


class FactTables:
    def facts_for(self, scope: RegionScope, focus: Focus, filters: Filters) -> QuerySet[CaseFact]:
        """The counted cases' rows in scope and focus, matching the filters (a merged case has no row)."""
        q = region_q(scope, focus, "region_code")
        if filters.election:
            q &= Q(election=filters.election)
        if filters.date_from:
            q &= Q(received_on__gte=filters.date_from)
        if filters.date_to:
            q &= Q(received_on__lte=filters.date_to)
        # Codes are case-distinct ("D9", "asn"), so SQLite's case-insensitive LIKE finds exactly the same rows.
        if filters.violation:
            q &= Q(violations__contains=f" {filters.violation} ")
        if filters.subject:
            q &= Q(subjects__contains=f" {filters.subject} ")
        return CaseFact.objects.filter(q)

    def of_cases(self, scope: RegionScope, focus: Focus, filters: Filters, field: str = "case") -> Q:
        """Usually `field IN (the counted cases' rows)`. With nothing restricting the cases (the whole country, no
        filter) every case but the merged ones counts: `NOT IN (the merged cases)` probes a handful of ids instead
        of hashing all 100,000."""
        if scope.everything and not focus.code and not filters.active:
            return ~Q(**{f"{field}__in": Case.objects.filter(merged_into__isnull=False).values("pk")})
        return Q(**{f"{field}__in": self.facts_for(scope, focus, filters).values("pk")})

    def case_counts(self, scope: RegionScope, focus: Focus, filters: Filters, *, detail: bool) -> CaseCounts:
        facts = self.facts_for(scope, focus, filters)
        result = CaseCounts(cases={}, sanctions={})
        sanctions: dict[str, int] = defaultdict(int)
        for row in (
            facts.annotate(area=Substr("region_code", 1, focus.child_code_length))
            .values(*(("area", "election") if detail else ("area",)))
            .annotate(
                n=Count("pk"),
                reports=Count("pk", filter=Q(intake=Intake.LAPORAN)),
                findings=Count("pk", filter=Q(intake=Intake.TEMUAN)),
                tips=Count("pk", filter=Q(intake=Intake.INFORMASI_AWAL)),
                closed=Count("pk", filter=Q(closed=True)),
                sanctions=Sum("sanctions"),
            )
            .order_by()
        ):
            area = result.cases.setdefault(row["area"], dict.fromkeys(CASE_COUNTS, 0))
            for key in CASE_COUNTS:
                area[key] += row[key]
            sanctions[row["area"]] += row["sanctions"]
            if detail:
                result.elections[row["election"]] = result.elections.get(row["election"], 0) + row["n"]
        result.sanctions = {area: n for area, n in sanctions.items() if n}
        if detail:
            result.weeks = dict(facts.values_list("received_week").annotate(n=Count("pk")).order_by())
        return result

    def breakdowns(self, scope: RegionScope, focus: Focus, filters: Filters) -> Breakdowns:
        """One grouping by the whole lists of SKB types and tracks (about a thousand distinct pairs in 100,000
        generated cases), split here: one pass over the rows instead of two."""
        violations: dict[str, int] = defaultdict(int)
        tracks: dict[tuple[str, str, bool], int] = defaultdict(int)
        facts = self.facts_for(scope, focus, filters)
        for codes, tokens, n in facts.values_list("violations", "tracks").annotate(n=Count("pk")).order_by():
            for code in codes.split():
                violations[code] += n
            for token in tokens.split():
                kind, state, ended = token.split(":")
                tracks[(kind, state, ended == "1")] += n
        return Breakdowns(dict(violations), dict(tracks))

    def steps(
        self, scope: RegionScope, focus: Focus, filters: Filters, limits: Mapping[StepKey, float]
    ) -> dict[StepKey, StepFigures]:
        if filters.active:
            steps = StepFact.objects.filter(case__in=self.facts_for(scope, focus, filters).values("pk"))
        else:  # the step's own copy of the region: no join
            steps = StepFact.objects.filter(region_q(scope, focus, "region_code"))
        if connection.vendor != "postgresql":
            values: dict[StepKey, list[float]] = defaultdict(list)
            for kind, state, regime, spent in steps.values_list("kind", "state", "regime", "spent_us"):
                values[(kind, state, regime)].append(_days(spent))
            return {key: step_figures(v, limits.get(key)) for key, v in values.items()}
        aggregates: dict[str, Any] = {
            "n": Count("pk"),
            "low": MiddleValue("spent_us"),
            "high": MiddleValue("spent_us", descending=True),
        }
        if limits:
            aggregates["late"] = Count("pk", filter=Q(spent_us__gt=_thresholds(limits)))
        result = {}
        for row in steps.values("kind", "state", "regime").annotate(**aggregates).order_by():
            key = (row["kind"], row["state"], row["regime"])
            n, low, high = row["n"], _days(row["low"]), _days(row["high"])
            result[key] = StepFigures(n, low if n % 2 else (low + high) / 2, row["late"] if key in limits else None)
        return result


FACTS = FactTables()
