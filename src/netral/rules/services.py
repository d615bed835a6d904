"""Queries over the rules catalogue in the database, for pages and other apps."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from netral.rules.models import ElectionPhase


@dataclass(frozen=True)
class CurrentPhase:
    election_name: str
    name: str
    start: dt.date
    end: dt.date


def current_phases(today: dt.date | None = None) -> list[CurrentPhase]:
    """The election phases running today (in Jakarta time: phases are national calendar dates)."""
    today = today or timezone.localdate()
    phases = ElectionPhase.objects.filter(start__lte=today, end__gte=today).select_related("election")
    return [CurrentPhase(p.election.name, p.name, p.start, p.end) for p in phases.order_by("start")]
