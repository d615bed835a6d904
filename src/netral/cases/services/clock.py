"""Deadlines of a case's tracks: the clock events it recorded, the event region's zone, `workflow.deadline_for`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from netral.cases.models import Case, ClockEvent, Track
from netral.cases.workflow import load_workflow
from netral.rules.calendar import DEFAULT_SOON, remaining, zone_label


def zone_of(case: Case) -> str:
    """The IANA zone deadlines are counted in: the event region's (WIB, WITA or WIT)."""
    return case.event_region.timezone


def zone_label_of(case: Case) -> str:
    return zone_label(zone_of(case))


def events_of(case: Case) -> dict[str, dt.datetime]:
    """The case's recorded clock events (report_received, report_registered, …) — pass them to deadline_for."""
    return dict(ClockEvent.objects.filter(case=case).values_list("code", "at"))


def mark(case: Case, codes: Iterable[str], at: dt.datetime) -> None:
    """Record clock events; a later mark replaces the earlier one (docs/workflow.md)."""
    for code in codes:
        ClockEvent.objects.update_or_create(case=case, code=code, defaults={"at": at})


def due_of(case: Case, track: Track, events: dict[str, dt.datetime]) -> dt.datetime | None:
    if track.ended:
        return None
    return load_workflow().deadline_for(
        track.kind, track.state, track.entered_at, case.regime, zone_of(case), events=events
    )


def refresh_deadlines(case: Case) -> None:
    """Recompute `due_at` of every track of the case (clock events are case-wide, so one mark can move several)."""
    events = events_of(case)
    for track in Track.objects.filter(case=case):
        due = due_of(case, track, events)
        if due != track.due_at:
            track.due_at = due
            track.save(update_fields=["due_at"])


def deadline_status(track: Track, now: dt.datetime, *, soon: dt.timedelta = DEFAULT_SOON) -> str:
    """ "overdue", "due_soon", "on_track", or "" when no deadline runs."""
    if track.ended or track.due_at is None:
        return ""
    return remaining(now, track.due_at, soon=soon).status
