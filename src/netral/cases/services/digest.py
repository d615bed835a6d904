"""The daily digest: for each assignee with overdue or due-soon tracks on their cases, one e-mail
(composed by netral.cases.digest_mail, sent with Django's configured e-mail backend)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from netral.accounts.models import User
from netral.cases.access import tracks_visible_to
from netral.cases.digest_mail import DigestItem, compose_digest
from netral.cases.workflow import load_workflow
from netral.rules.calendar import DEFAULT_SOON

__all__ = ["DigestResult", "digest_items_for", "send_digests"]


@dataclass(frozen=True)
class DigestResult:
    username: str
    email: str
    overdue: int
    upcoming: int
    sent: bool


def digest_items_for(user: User, now: dt.datetime, *, soon: dt.timedelta = DEFAULT_SOON) -> list[DigestItem]:
    """Overdue and due-soon open tracks of the cases assigned to `user`, as far as the user may still see them."""
    workflow = load_workflow()
    site = str(getattr(settings, "SITE_URL", "")).rstrip("/")
    tracks = (
        tracks_visible_to(user)
        .filter(case__assignee=user, case__merged_into__isnull=True, ended=False, due_at__lte=now + soon)
        .select_related("case", "case__event_region")
        .order_by("due_at")
    )
    items = []
    for t in tracks:
        assert t.due_at is not None
        spec = workflow.track(t.kind)
        items.append(
            DigestItem(
                case_label=t.case.number,
                case_title=t.case.summary,
                track_name=spec.name,
                state_name=spec.state(t.state).name,
                due_at=t.due_at,
                zone=t.case.event_region.timezone,
                url=site + reverse("cases:detail", args=[t.case_id]),
                overdue=t.due_at < now,
            )
        )
    return items


def send_digests(*, dry_run: bool = False, now: dt.datetime | None = None) -> list[DigestResult]:
    """Compose (and unless `dry_run`, send) one digest per assignee with something due. Returns what was done."""
    now = now or timezone.now()
    results = []
    assignees = User.objects.filter(is_active=True, assigned_cases__isnull=False).distinct().order_by("username")
    for user in assignees:
        items = digest_items_for(user, now)
        if not items or not user.email:
            continue
        message = compose_digest(str(user), user.email, items, site_url=str(getattr(settings, "SITE_URL", "")))
        overdue = sum(1 for i in items if i.overdue)
        if not dry_run:
            message.send()
        results.append(DigestResult(user.get_username(), user.email, overdue, len(items) - overdue, not dry_run))
    return results
