"""The raw figures the dashboards are built from, and the interface of where they come from.

Two sources give them: `from_facts.FACTS` reads the fact tables (what the pages use) and `from_cases.CASES` reads
the case tables directly (the reference the facts are checked against: tests/insights/test_facts.py builds every
dashboard from both and compares them). Both answer for the cases in the viewer's scope and the focus, not merged
into another case, matching the filters.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol

from django.db.models import Q

from netral.accounts.access import RegionScope
from netral.insights.filters import Filters
from netral.insights.scoping import Focus

__all__ = ["CASE_COUNTS", "Breakdowns", "CaseCounts", "Source", "StepFigures", "StepKey", "days", "step_figures"]

CASE_COUNTS = ("n", "reports", "findings", "tips", "closed")
StepKey = tuple[str, str, str]  # (track kind, state left, regime)


@dataclass
class CaseCounts:
    """Cases grouped by area (the code of the region one level below the focus, or the focus itself for what is
    recorded there); with `detail` also by week received and by election."""

    cases: dict[str, dict[str, int]]  # area -> {"n", "reports", "findings", "tips", "closed"}
    sanctions: dict[str, int]  # area -> sanctions recorded (areas without any left out)
    weeks: dict[dt.date, int] = field(default_factory=dict)  # Monday -> cases received that week
    elections: dict[str, int] = field(default_factory=dict)  # election code -> cases


@dataclass
class Breakdowns:
    violations: dict[str, int]  # SKB type code -> cases
    tracks: dict[tuple[str, str, bool], int]  # (kind, state, ended) -> tracks that ended, and bawaslu tracks


@dataclass(frozen=True, slots=True)
class StepFigures:
    steps: int
    median_days: float
    late: int | None  # steps longer than the deadline; None when the deadline is not compared


class Source(Protocol):
    def case_counts(self, scope: RegionScope, focus: Focus, filters: Filters, *, detail: bool) -> CaseCounts: ...

    def of_cases(self, scope: RegionScope, focus: Focus, filters: Filters, field: str = "case") -> Q:
        """A condition on a table whose `field` (a case foreign key) must point at a counted case."""
        ...

    def breakdowns(self, scope: RegionScope, focus: Focus, filters: Filters) -> Breakdowns: ...

    def steps(
        self, scope: RegionScope, focus: Focus, filters: Filters, limits: Mapping[StepKey, float]
    ) -> dict[StepKey, StepFigures]:
        """Steps per (kind, state left, regime); `limits` are the deadlines in days of the states that have one
        in days or hours."""
        ...


def days(spent: dt.timedelta) -> float:
    return spent.total_seconds() / 86400


def step_figures(values: list[float], limit: float | None) -> StepFigures:
    """Count, median and steps over the limit of the days spent in one state."""
    late = sum(v > limit for v in values) if limit is not None else None
    return StepFigures(len(values), statistics.median(values), late)
