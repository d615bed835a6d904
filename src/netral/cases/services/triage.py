"""Triage of the inbox: assign, merge duplicates, dismiss with a reason."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from netral.accounts.access import AnyUser, can_see_region, has_capability
from netral.accounts.models import User
from netral.audit.services import record
from netral.cases.access import cases_visible_to
from netral.cases.models import Case, Track, TrackEvent
from netral.cases.services.transitions import CaseActionRefused, do_transition, role_of
from netral.cases.workflow import load_workflow
from netral.insights.facts import refresh_case_facts

#: The workflow transition that dismisses a case still at intake, per bawaslu state.
DISMISS_BY_STATE = {
    "informasi_awal": "arsipkan_informasi",
    "diterima": "tolak_registrasi",
    "menunggu_kelengkapan": "tolak_registrasi",
    "hasil_pengawasan": "tidak_ditetapkan",
}


def _handled_by(actor: AnyUser, case: Case) -> None:
    if not has_capability(actor, "cases.transition") or not cases_visible_to(actor).filter(pk=case.pk).exists():
        raise CaseActionRefused("Anda tidak berwenang menangani perkara ini.")


def check_assignee(case: Case, assignee: User) -> None:
    if not has_capability(assignee, "cases.transition") or not can_see_region(assignee, case.event_region_code):
        raise CaseActionRefused(f"{assignee} tidak dapat menangani perkara di wilayah ini.")


def do_assign(case: Case, assignee: User | None, actor: AnyUser) -> None:
    _handled_by(actor, case)
    if assignee is not None:
        check_assignee(case, assignee)
    with transaction.atomic():
        Case.objects.filter(pk=case.pk).update(assignee=assignee)
        case.assignee = assignee
        record(
            actor,
            "case.assigned",
            obj=case,
            region_code=case.event_region_code,
            data={"assignee": assignee.get_username() if assignee else ""},
        )


def _intake_track(case: Case) -> Track | None:
    return Track.objects.filter(case=case, kind="bawaslu", ended=False, state__in=DISMISS_BY_STATE).first()


def do_dismiss(case: Case, reason: str, actor: AnyUser) -> None:
    """Dismiss a case still at intake through its workflow transition (archive information, refuse registration,
    do not establish a finding)."""
    _handled_by(actor, case)
    track = _intake_track(case)
    if track is None:
        raise CaseActionRefused(
            f"Perkara {case.number} sudah ditangani lebih lanjut; tidak dapat ditolak dari kotak masuk."
        )
    with transaction.atomic():
        do_transition(track, DISMISS_BY_STATE[track.state], actor, {"reason": reason})
        Case.objects.filter(pk=case.pk).update(dismissal_reason=reason.strip())


def do_merge(duplicate: Case, into: Case, actor: AnyUser) -> None:
    """Mark `duplicate` as a duplicate of `into`: its open tracks end, it leaves the inbox, its evidence stays."""
    _handled_by(actor, duplicate)
    _handled_by(actor, into)
    if duplicate.pk == into.pk:
        raise CaseActionRefused("Perkara tidak dapat digabung ke dirinya sendiri.")
    if into.merged_into_id is not None:
        raise CaseActionRefused(f"Perkara {into.number} sendiri sudah digabung ke perkara lain.")
    if duplicate.merged_into_id is not None:
        raise CaseActionRefused(f"Perkara {duplicate.number} sudah digabung.")
    if _intake_track(duplicate) is None:
        raise CaseActionRefused(f"Perkara {duplicate.number} sudah ditangani lebih lanjut; tidak dapat digabung.")
    now = timezone.now()
    with transaction.atomic():
        for track in Track.objects.filter(case=duplicate, ended=False):
            TrackEvent.objects.create(
                track=track,
                transition="gabung",
                from_state=track.state,
                to_state=track.state,
                actor=actor if isinstance(actor, User) else None,
                role=role_of(actor),
                at=now,
                note=f"Digabung ke {into.number}",
            )
        Track.objects.filter(case=duplicate, ended=False).update(ended=True, due_at=None)
        Case.objects.filter(pk=duplicate.pk).update(merged_into=into, closed=True)
        duplicate.merged_into = into
        record(
            actor,
            "case.merged",
            obj=duplicate,
            region_code=duplicate.event_region_code,
            data={"into": into.pk, "workflow": load_workflow().version},
        )
        refresh_case_facts(duplicate.pk)
