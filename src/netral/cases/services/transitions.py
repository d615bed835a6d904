"""Moving a track: `do_transition` (workflow.apply → save → open children → deadlines → timeline → audit)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from netral.accounts.access import AnyUser
from netral.accounts.models import User
from netral.audit.services import record
from netral.cases.access import tracks_visible_to
from netral.cases.models import Case, ReportedPerson, SubjectType, Track, TrackEvent
from netral.cases.registration import RegistrationNumber
from netral.cases.services.clock import events_of, mark, refresh_deadlines, zone_of
from netral.cases.workflow import IllegalTransition, Outcome, load_workflow
from netral.insights.facts import refresh_case_facts

__all__ = ["CaseActionRefused", "do_transition", "jsonable", "role_of"]

AUDIT_TEXT_LIMIT = 300


class CaseActionRefused(Exception):
    """An action on a case was refused for a reason other than the workflow's (message in Indonesian)."""


def role_of(user: AnyUser) -> str:
    return user.role if isinstance(user, User) else ""


def jsonable(value: Any) -> Any:
    """Cleaned workflow inputs as plain JSON (dates as ISO strings, register numbers formatted)."""
    if isinstance(value, RegistrationNumber):
        return value.format()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _short(value: Any) -> Any:
    if isinstance(value, str):
        return value if len(value) <= AUDIT_TEXT_LIMIT else value[: AUDIT_TEXT_LIMIT - 1] + "…"
    if isinstance(value, dict):
        return {k: _short(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_short(v) for v in value]
    return value


@cache
def _lapsed_state(kind: str, state: str) -> bool:
    """A state only reached because a deadline passed (asn `ppk_lalai`): it stays "overdue" for the transitions
    marked `when_overdue`, so BKN can record further blocks and escalations there (docs/workflow.md)."""
    track = load_workflow().track(kind)
    into = [t for t in track.transitions if t.target == state]
    return bool(into) and all(t.when_overdue for t in into) and not track.state(state).deadline


def _ppk_region_for(case: Case, kind: str) -> str:
    """The government a child track is addressed to: the regency (else province) of the first reported person of
    the matching subject type, else of the event region."""
    subject = SubjectType.VILLAGE if kind == "village" else SubjectType.ASN
    person = ReportedPerson.objects.filter(case=case, subject_type=subject, region__isnull=False).first()
    region = person.region if person and person.region else case.event_region
    return region.regency_code or region.province_code


def do_transition(
    track: Track,
    code: str,
    actor: AnyUser,
    inputs: Mapping[str, Any] | None = None,
    *,
    ppk_region_code: str = "",
    note: str = "",
    now: dt.datetime | None = None,
) -> Outcome:
    """Take transition `code` on `track` as `actor`. Raises IllegalTransition (Indonesian message) when the
    workflow refuses, CaseActionRefused when the track is not addressed to the actor."""
    now = now or timezone.now()
    workflow = load_workflow()
    with transaction.atomic():
        try:
            track = tracks_visible_to(actor).select_for_update().get(pk=track.pk)
        except Track.DoesNotExist:
            raise CaseActionRefused("Jalur ini tidak ditujukan kepada Anda.") from None
        case = Case.objects.select_related("event_region").get(pk=track.case_id)
        if case.merged_into_id is not None:
            raise CaseActionRefused("Perkara ini telah digabung ke perkara lain.")
        tz = zone_of(case)
        events = events_of(case)
        overdue = workflow.is_overdue(
            track.kind, track.state, track.entered_at, case.regime, tz, now, events=events
        ) or _lapsed_state(track.kind, track.state)
        children = list(Track.objects.filter(parent=track).values_list("kind", "state"))
        today = now.astimezone(ZoneInfo(tz)).date()
        outcome = workflow.apply(
            track.kind, track.state, code, role_of(actor), inputs, overdue=overdue, children=children, today=today
        )
        registration = outcome.inputs.get("registration")
        if isinstance(registration, RegistrationNumber):
            number = registration.format()
            if Case.objects.filter(registration_number=number).exclude(pk=case.pk).exists():
                raise IllegalTransition(
                    "invalid_input",
                    f"Nomor registrasi {number} sudah dipakai perkara lain.",
                    f"register number {number} is already used",
                    field="registration",
                )
            case.registration_number = number
        track.state = outcome.to_state
        track.entered_at = now
        track.ended = outcome.terminal
        track.save(update_fields=["state", "entered_at", "ended"])
        mark(case, outcome.marks, now)
        cleaned = jsonable(dict(outcome.inputs))
        TrackEvent.objects.create(
            track=track,
            transition=code,
            from_state=outcome.from_state,
            to_state=outcome.to_state,
            actor=actor if isinstance(actor, User) else None,
            role=role_of(actor),
            at=now,
            inputs=cleaned,
            note=note,
        )
        opened = []
        for opening in outcome.opens:
            child = Track.objects.create(
                case=case,
                kind=opening.kind,
                state=opening.state,
                entered_at=now,
                parent=track,
                opened_by=code,
                ppk_region_code=(ppk_region_code or _ppk_region_for(case, opening.kind))
                if opening.kind in ("asn", "village")
                else "",
            )
            mark(case, opening.marks, now)
            TrackEvent.objects.create(
                track=child,
                transition=code,
                from_state="",
                to_state=opening.state,
                actor=actor if isinstance(actor, User) else None,
                role=role_of(actor),
                at=now,
                note="",
            )
            opened.append(opening.kind)
        refresh_deadlines(case)
        case.closed = not Track.objects.filter(case=case, ended=False).exists()
        case.save()
        record(
            actor,
            f"case.{code}",
            obj=case,
            region_code=case.event_region_code,
            data=_audit_data(track, outcome, cleaned, opened),
        )
        refresh_case_facts(case.pk)
    return outcome


def _audit_data(track: Track, outcome: Outcome, cleaned: dict[str, Any], opened: list[str]) -> dict[str, Any]:
    data: dict[str, Any] = {
        "track": track.kind,
        "track_id": track.pk,
        "from": outcome.from_state,
        "to": outcome.to_state,
        "inputs": _short(cleaned),
    }
    if opened:
        data["opened"] = opened
    import json

    if len(json.dumps(data, ensure_ascii=False).encode()) > 3500:
        data["inputs"] = sorted(cleaned)
    return data
