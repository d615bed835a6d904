"""What every case view shares: the access decorator and the presentation of tracks, deadlines and the timeline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from django.utils.translation import gettext_lazy

from netral.accounts.access import AnyUser, has_capability
from netral.cases.forms import Group, fields_for
from netral.cases.inputs import INPUT_NAMES
from netral.cases.models import Case, Track, TrackEvent
from netral.cases.services import deadline_status, role_of
from netral.cases.services.transitions import _lapsed_state
from netral.cases.workflow import load_workflow
from netral.core.decorators import with_capability
from netral.geo.reference import ZONE_LABELS

STATUS_LABELS = {
    "overdue": gettext_lazy("Lewat batas waktu"),
    "due_soon": gettext_lazy("Segera jatuh tempo"),
    "on_track": gettext_lazy("Berjalan"),
}


#: Login required; then `cases.view` or `referrals.view` (Bawaslu, BKN, PPK), else 404.
case_staff = with_capability("cases.view", "referrals.view")
#: Bawaslu's own handling (new cases, evidence, triage): `cases.transition`, else 404.
case_handler = with_capability("cases.transition")


def local(moment: dt.datetime | None, tz: str) -> dt.datetime | None:
    return moment.astimezone(ZoneInfo(tz)) if moment else None


@dataclass
class Action:
    code: str
    label: str
    groups: list[Group]
    note: str = ""


@dataclass
class TrackCard:
    track: Track
    name: str
    state_name: str
    due_local: dt.datetime | None
    zone: str
    status: str
    status_label: str
    actions: list[Action] = field(default_factory=list)
    error: str = ""
    error_field: str = ""
    open_action: str = ""
    may_act: bool = False
    values: dict[str, str] = field(default_factory=dict)


def track_card(
    case: Case, track: Track, user: AnyUser, now: dt.datetime, *, initial: dict[str, Any] | None = None
) -> TrackCard:
    workflow = load_workflow()
    spec = workflow.track(track.kind)
    tz = case.event_region.timezone
    status = deadline_status(track, now)
    card = TrackCard(
        track=track,
        name=spec.name,
        state_name=spec.state(track.state).name,
        due_local=local(track.due_at, tz),
        zone=ZONE_LABELS.get(tz, tz),
        status=status,
        status_label=str(STATUS_LABELS.get(status, "")),
    )
    if track.ended or case.merged_into_id is not None:
        return card
    if not (has_capability(user, "cases.transition") or has_capability(user, "referrals.respond")):
        return card
    card.may_act = True
    overdue = status == "overdue" or _lapsed_state(track.kind, track.state)
    for t in workflow.available(track.kind, track.state, role_of(user), overdue=overdue):
        card.actions.append(Action(t.code, t.label, fields_for(t, initial), t.note if t.when_overdue else ""))
    return card


@dataclass
class TimelineLine:
    at: dt.datetime | None
    track_name: str
    label: str
    from_name: str
    to_name: str
    actor: str
    role: str
    details: list[tuple[str, str]]
    note: str


#: Indonesian names of the keys inside the cleaned inputs, for the timeline.
KEY_NAMES = {
    "number": "nomor",
    "date": "tanggal",
    "file": "berkas",
    "name": "nama",
    "capacity": "sebagai",
    "conclusion": "kesimpulan",
    "sanction_level": "tingkat sanksi",
    "level": "tingkat",
    "type": "jenis",
    "code": "kode katalog",
    "decree_number": "nomor keputusan",
    "decree_date": "tanggal keputusan",
    "reference": "nomor pemblokiran",
    "to": "kepada",
    "result": "amar",
    "summary": "ringkasan",
}


def _label(prefix: str, key: str) -> str:
    if not prefix:
        name = INPUT_NAMES.get(key, key)
        return name[:1].upper() + name[1:]
    return f"{prefix}, {KEY_NAMES.get(key, key)}"


def _flatten(prefix: str, value: Any, out: list[tuple[str, str]]) -> None:
    if isinstance(value, dict):
        for k, v in value.items():
            if v not in ("", None, [], {}):
                _flatten(_label(prefix, str(k)), v, out)
    elif isinstance(value, list):
        if all(not isinstance(v, (dict, list)) for v in value):
            out.append((prefix, ", ".join(map(str, value))))
        else:
            for i, v in enumerate(value, 1):
                _flatten(f"{prefix} {i}", v, out)
    else:
        out.append((prefix, str(value)))


def timeline(case: Case, events: Iterable[TrackEvent]) -> list[TimelineLine]:
    workflow = load_workflow()
    tz = case.event_region.timezone
    roles = {r.code: r.name for r in workflow.roles}
    lines = []
    for e in events:
        spec = workflow.track(e.track.kind)
        if spec.has_state(e.to_state) and any(t.code == e.transition for t in spec.transitions):
            label = spec.transition(e.transition).label
        elif e.transition in {i.code for i in workflow.intakes}:
            label = f"Diterima sebagai {workflow.intake(e.transition).name.lower()}"
        elif e.transition == "gabung":
            label = "Digabung (duplikat)"
        else:
            label = e.transition
        if not e.from_state and e.track.parent_id:
            label = f"Jalur dibuka: {spec.name}"
        details: list[tuple[str, str]] = []
        _flatten("", e.inputs, details)
        lines.append(
            TimelineLine(
                at=local(e.at, tz),
                track_name=spec.name,
                label=label,
                from_name=spec.state(e.from_state).name if e.from_state else "",
                to_name=spec.state(e.to_state).name,
                actor=str(e.actor) if e.actor else "sistem",
                role=roles.get(e.role, e.role),
                details=details,
                note=e.note,
            )
        )
    return lines
