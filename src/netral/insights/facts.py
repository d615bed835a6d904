"""Keeping the fact tables (`netral.insights.models`) equal to the case tables.

* `refresh_case_facts(case_id)`: the case services call it at the end of the transaction that changes a case
  (opening it, a transition on any of its tracks, merging it), so the rows change, or roll back, with the case.
* `rebuild()`: every row again from the case tables (`netral facts --rebuild`, the migration that creates the
  tables, the synthetic data generator); `differences()` lists the cases whose rows disagree (`netral facts
  --check`).

Every value is computed by the database with the same expressions the dashboards used on the case tables (the day
and week in settings.TIME_ZONE, the gap between a track's consecutive events), so a figure read from the facts is
the figure the case tables give: tests/insights/test_facts.py compares every dashboard both ways.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Count, DurationField, ExpressionWrapper, F, Max, Q, QuerySet, Window
from django.db.models.functions import Lag, TruncDate, TruncWeek

from netral.cases.models import Case, CaseViolationType, ReportedPerson, Track, TrackEvent
from netral.cases.workflow import load_workflow
from netral.insights.models import CaseFact, StepFact

__all__ = [
    "as_list",
    "differences",
    "rebuild",
    "refresh_case_facts",
    "refresh_facts",
    "sanction_transitions",
    "track_token",
]

ONE_MICROSECOND = dt.timedelta(microseconds=1)


@cache
def sanction_transitions() -> tuple[str, ...]:
    """Transition codes that record a sanction imposed (those requiring the `sanction` input), from workflow.toml."""
    return tuple(sorted({t.code for tr in load_workflow().tracks for t in tr.transitions if "sanction" in t.requires}))


def as_list(codes: Iterable[str]) -> str:
    """Codes as stored in a fact row: sorted, space-separated, a space on both sides (" D9 E1 ")."""
    return f" {' '.join(sorted(codes))} "


def track_token(kind: str, state: str, ended: bool) -> str:
    return f"{kind}:{state}:{int(ended)}"


@dataclass(frozen=True, slots=True)
class Models:
    """The models read and written: the current ones, or a migration's historical ones (`of(apps)`)."""

    case: type[Case]
    violation: type[CaseViolationType]
    person: type[ReportedPerson]
    track: type[Track]
    event: type[TrackEvent]
    fact: type[CaseFact]
    step: type[StepFact]

    @classmethod
    def of(cls, apps: Any) -> Models:
        names = ("cases.Case", "cases.CaseViolationType", "cases.ReportedPerson", "cases.Track", "cases.TrackEvent")
        return cls(*(apps.get_model(name) for name in (*names, "insights.CaseFact", "insights.StepFact")))


CURRENT = Models(Case, CaseViolationType, ReportedPerson, Track, TrackEvent, CaseFact, StepFact)


@dataclass(frozen=True, slots=True)
class Built:
    facts: list[CaseFact]
    steps: list[StepFact]


def build(cases: Q, m: Models = CURRENT) -> Built:
    """The fact rows of the counted cases (not merged) among those matching `cases`, read from the case tables in
    six queries whatever their number."""
    zone = ZoneInfo(settings.TIME_ZONE)
    counted = m.case.objects.filter(cases, merged_into__isnull=True)
    ids = counted.values("pk")
    rows = list(
        counted.annotate(
            day=TruncDate("received_at", tzinfo=zone), week=TruncWeek("received_at", tzinfo=zone)
        ).values_list("pk", "event_region_code", "election_id", "regime", "intake", "closed", "day", "week")
    )
    sanctions = dict(
        m.event.objects.filter(track__case__in=ids, transition__in=sanction_transitions())
        .values_list("track__case_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    violations: dict[int, list[str]] = defaultdict(list)
    for case_id, code in m.violation.objects.filter(case__in=ids).values_list("case_id", "violation_type_id"):
        violations[case_id].append(code)
    subjects: dict[int, set[str]] = defaultdict(set)
    for case_id, subject in m.person.objects.filter(case__in=ids).values_list("case_id", "subject_type"):
        subjects[case_id].add(subject)
    tracks: dict[int, list[str]] = defaultdict(list)
    for case_id, kind, state, ended in (
        m.track.objects.filter(case__in=ids)
        .filter(Q(ended=True) | Q(kind="bawaslu"))
        .values_list("case_id", "kind", "state", "ended")
    ):
        tracks[case_id].append(track_token(kind, state, ended))

    facts, regime_and_region = [], {}
    for pk, region, election, regime, intake, closed, day, week in rows:
        regime_and_region[pk] = (regime, region)
        facts.append(
            m.fact(
                case_id=pk,
                region_code=region,
                election=election,
                intake=intake,
                closed=closed,
                received_on=day,
                received_week=week.date() if isinstance(week, dt.datetime) else week,
                sanctions=sanctions.get(pk, 0),
                violations=as_list(violations[pk]),
                subjects=as_list(subjects[pk]),
                tracks=as_list(tracks[pk]),
            )
        )
    steps = [
        m.step(
            case_id=case_id,
            region_code=regime_and_region[case_id][1],
            kind=kind,
            state=state,
            regime=regime_and_region[case_id][0],
            spent_us=gap // ONE_MICROSECOND,
        )
        for case_id, kind, state, gap in _gaps(ids, m)
        if state  # an event with no state before it opened its track (a child track's first event)
    ]
    return Built(facts, steps)


def _gaps(ids: QuerySet[Case, Any], m: Models) -> Iterator[tuple[int, str, str, dt.timedelta]]:
    """(case, track kind, state left, time in it) for every event of the cases' tracks but each track's first: the
    gap to the previous event of the same track, ordered by time then id (a window LAG)."""
    gap = F("at") - Window(Lag("at"), partition_by=[F("track_id")], order_by=[F("at").asc(), F("pk").asc()])
    yield from (
        m.event.objects.filter(track__case__in=ids)
        .annotate(gap=ExpressionWrapper(gap, output_field=DurationField()))
        .filter(gap__isnull=False)
        .values_list("track__case_id", "track__kind", "from_state", "gap")
    )


def refresh_case_facts(case_id: int) -> None:
    """Rewrite the rows of one case from the case tables. Call it inside the transaction that changed the case,
    after the change: the rows then commit or roll back with it. The case row is locked first, so two changes to
    one case refresh one after the other and the later sees the earlier (PostgreSQL, READ COMMITTED). The lock is
    FOR NO KEY UPDATE, as an UPDATE of the case takes: a stronger one would block the foreign-key checks of a
    concurrent `rebuild()` and deadlock with it."""
    no_key = connection.features.has_select_for_no_key_update
    with transaction.atomic():
        list(Case.objects.select_for_update(no_key=no_key).filter(pk=case_id).values_list("pk").order_by())
        _rewrite([case_id])


def refresh_facts(case_ids: Sequence[int]) -> None:
    """Rewrite the rows of these cases from the case tables (for bulk writers: the synthetic data, tests)."""
    with transaction.atomic():
        _rewrite(case_ids)


def _rewrite(case_ids: Sequence[int]) -> None:
    StepFact.objects.filter(case_id__in=case_ids).delete()
    CaseFact.objects.filter(case_id__in=case_ids).delete()
    _write(build(Q(pk__in=case_ids)))


def _write(built: Built, m: Models = CURRENT) -> None:
    m.fact.objects.bulk_create(built.facts, batch_size=2000)
    m.step.objects.bulk_create(built.steps, batch_size=5000)


def _ranges(batch: int, m: Models = CURRENT) -> Iterator[tuple[int, int]]:
    """Case ids in ranges (after, up to] of `batch` ids."""
    last = m.case.objects.aggregate(last=Max("pk"))["last"] or 0
    for start in range(0, last, batch):
        yield start, start + batch


def rebuild(batch: int = 5000, m: Models = CURRENT) -> int:
    """Every fact row again from the case tables, in one transaction; returns the number of counted cases.

    On PostgreSQL the fact tables are locked against writes first: a case changed meanwhile waits for the rebuild
    to commit and then rewrites its own rows (without the lock its refresh would insert next to the rebuilt row)."""
    total = 0
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                tables = ", ".join(connection.ops.quote_name(t._meta.db_table) for t in (m.fact, m.step))
                cursor.execute(f"LOCK TABLE {tables} IN SHARE ROW EXCLUSIVE MODE")
        m.step.objects.all().delete()
        m.fact.objects.all().delete()
        for after, upto in _ranges(batch, m):
            built = build(Q(pk__gt=after, pk__lte=upto), m)
            _write(built, m)
            total += len(built.facts)
    return total


def _fact_key(fact: CaseFact) -> tuple[object, ...]:
    return tuple(getattr(fact, f.attname) for f in CaseFact._meta.concrete_fields)


def _step_keys(steps: Iterable[StepFact]) -> dict[int, list[tuple[object, ...]]]:
    keys: dict[int, list[tuple[object, ...]]] = defaultdict(list)
    for s in steps:
        keys[s.case_id].append((s.region_code, s.kind, s.state, s.regime, s.spent_us))
    return {case_id: sorted(rows) for case_id, rows in keys.items()}


def _disagreeing(expected: dict[int, object], stored: dict[int, object]) -> set[int]:
    return {pk for pk in expected.keys() | stored.keys() if expected.get(pk) != stored.get(pk)}


def differences(batch: int = 5000) -> list[int]:
    """Ids of the cases whose stored rows differ from the rows the case tables give now (missing, extra or
    changed), in id order."""
    wrong: set[int] = set()
    for after, upto in _ranges(batch):
        built = build(Q(pk__gt=after, pk__lte=upto))
        stored = CaseFact.objects.filter(case_id__gt=after, case_id__lte=upto)
        wrong |= _disagreeing({f.case_id: _fact_key(f) for f in built.facts}, {f.case_id: _fact_key(f) for f in stored})
        stored_steps = StepFact.objects.filter(case_id__gt=after, case_id__lte=upto)
        wrong |= _disagreeing(dict(_step_keys(built.steps)), dict(_step_keys(stored_steps)))
    return sorted(wrong)
