"""Receiving a case: a report, a finding or initial information, with its people, violation types and clock."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.utils import timezone

from netral.accounts.access import AnyUser, can_see_region, has_capability
from netral.accounts.models import User
from netral.audit.services import record
from netral.cases.models import (
    Case,
    CaseViolationType,
    Intake,
    ReportedPerson,
    ReporterIdentity,
    Track,
    TrackEvent,
    Witness,
)
from netral.cases.registration import receipt_number, registration_number
from netral.cases.services.clock import mark, refresh_deadlines
from netral.cases.services.transitions import CaseActionRefused, role_of
from netral.cases.workflow import load_workflow
from netral.geo.models import Level, Region
from netral.insights.facts import refresh_case_facts
from netral.rules.models import Election, ViolationType

__all__ = ["NewCase", "do_receive_case", "do_receive_public_report", "office_of", "suggest_registration_number"]


@dataclass
class NewCase:
    """What a supervisor records when a case comes in. People are plain mappings of the model fields."""

    intake: str
    election: Election
    summary: str
    event_region: Region
    description: str = ""
    event_date: dt.date | None = None
    event_time: dt.time | None = None
    event_place: str = ""
    received_at: dt.datetime | None = None
    discovered_at: dt.datetime | None = None  # temuan: when the act was discovered (its clock starts there)
    reporter: Mapping[str, str] | None = None  # None: anonymous
    reported_persons: Sequence[Mapping[str, object]] = field(default_factory=list)
    witnesses: Sequence[Mapping[str, str]] = field(default_factory=list)
    violation_codes: Sequence[str] = field(default_factory=list)


def office_of(actor: AnyUser, event_region: Region) -> Region | None:
    """The handling office: the actor's own jurisdiction (a regional Bawaslu), else None (Bawaslu RI)."""
    if isinstance(actor, User) and actor.jurisdiction_id:
        return actor.jurisdiction
    return None


def _level_segment(office: Region | None) -> tuple[str, str]:
    """Office level and region segment of Bawaslu's numbers. [UNVERIFIED] The region segment is the election
    bodies' own numbering, not Kemendagri's; until that table exists we use the Kemendagri code (editable)."""
    if office is None:
        return "RI", "00.00"
    if office.level == Level.PROVINSI:
        return "Prov", f"{office.code}.00"
    if office.level == Level.KABUPATEN_KOTA:
        return ("Kota" if office.type == "kota" else "Kab"), office.code
    return "Kec", office.code


def _sequence(office: Region | None, year: int, *, registered: bool) -> int:
    cases = Case.objects.filter(office_region=office, received_at__year=year)
    cases = cases.exclude(registration_number="") if registered else cases.exclude(receipt_number="")
    return cases.count() + 1


def suggest_registration_number(case: Case, *, today: dt.date | None = None) -> str:
    """The next free register number for the case's office (the form pre-fills it; the officer may correct it)."""
    if case.intake == Intake.INFORMASI_AWAL:
        return ""
    zone = ZoneInfo(case.event_region.timezone)
    today = today or timezone.now().astimezone(zone).date()
    level, segment = _level_segment(case.office_region)
    seq = _sequence(case.office_region, today.year, registered=True)
    while True:
        args: dict[str, Any] = {"intake": case.intake, "regime": case.regime, "office_level": level}
        number = registration_number(seq, region_code=segment, registered_on=today, **args)
        if not Case.objects.filter(registration_number=number).exists():
            return number
        seq += 1


def do_receive_case(actor: AnyUser, new: NewCase) -> Case:
    """Open a case on the bawaslu track in the intake's state, with its clock events and a receipt number."""
    if not has_capability(actor, "cases.transition") or not can_see_region(actor, new.event_region.code):
        raise CaseActionRefused("Anda tidak berwenang menerima perkara di wilayah ini.")
    return _open_case(actor, new, office_of(actor, new.event_region))


def do_receive_public_report(new: NewCase) -> Case:
    """A report from the public portal (`netral.portal`): the actor is the public (AnonymousUser in the audit
    log), the handling office is the Bawaslu of the event's kabupaten/kota. Only laporan and informasi awal."""
    if new.intake not in (Intake.LAPORAN, Intake.INFORMASI_AWAL):
        raise CaseActionRefused("Portal publik hanya menerima laporan atau informasi awal.")
    region = new.event_region
    office = region
    if region.level in (Level.KECAMATAN, Level.DESA) and region.regency_code:
        office = Region.objects.get(code=region.regency_code)
    return _open_case(AnonymousUser(), new, office)


def _open_case(actor: AnyUser, new: NewCase, office: Region | None) -> Case:
    if not new.summary.strip():
        raise CaseActionRefused("Ringkasan perkara wajib diisi.")
    workflow = load_workflow()
    opening = workflow.start(new.intake)
    received_at = new.received_at or timezone.now()
    with transaction.atomic():
        case = Case(
            intake=new.intake,
            regime=new.election.regime,
            election=new.election,
            summary=new.summary.strip(),
            description=new.description,
            event_date=new.event_date,
            event_time=new.event_time,
            event_place=new.event_place,
            event_region=new.event_region,
            office_region=office,
            received_at=received_at,
            anonymous=new.reporter is None,
            workflow_version=workflow.version,
            created_by=actor if isinstance(actor, User) else None,
        )
        if new.intake != Intake.INFORMASI_AWAL:
            level, segment = _level_segment(office)
            local = received_at.astimezone(ZoneInfo(new.event_region.timezone)).date()
            args: dict[str, Any] = {"intake": new.intake, "regime": case.regime, "office_level": level}
            case.receipt_number = receipt_number(
                _sequence(office, local.year, registered=False), region_code=segment, received_on=local, **args
            )
        case.save()
        if new.reporter is not None:
            ReporterIdentity.objects.create(case=case, **dict(new.reporter))
        for person in new.reported_persons:
            ReportedPerson.objects.create(case=case, **dict(person))
        for witness in new.witnesses:
            Witness.objects.create(case=case, **dict(witness))
        codes = list(dict.fromkeys(new.violation_codes))
        known = set(ViolationType.objects.filter(code__in=codes).values_list("code", flat=True))
        for code in codes:
            if code not in known:
                raise CaseActionRefused(f"Jenis pelanggaran {code} tidak dikenal.")
            CaseViolationType.objects.create(case=case, violation_type_id=code)
        track = Track.objects.create(case=case, kind=opening.kind, state=opening.state, entered_at=received_at)
        moments = {"report_received": received_at, "act_discovered": new.discovered_at or received_at}
        for code in opening.marks:
            mark(case, [code], moments.get(code, received_at))
        TrackEvent.objects.create(
            track=track,
            transition=new.intake,
            from_state="",
            to_state=opening.state,
            actor=actor if isinstance(actor, User) else None,
            role=role_of(actor),
            at=received_at,
        )
        refresh_deadlines(case)
        record(
            actor,
            "case.received",
            obj=case,
            region_code=case.event_region_code,
            data={"intake": case.intake, "number": case.receipt_number, "anonymous": case.anonymous},
        )
        refresh_case_facts(case.pk)
    return case
