"""Who sees which prevention records: every query of this app goes through these helpers.

Staff with `prevention.view` see agencies, campaigns, pledges, events and circulars of their region and below
(`netral.accounts.access.scope_q` on the record's region code); `prevention.manage` lets them change those records.
The public sees only what is meant for it: public events, public circulars, a pledge's verification page.
Coverage figures (counts, no personal data) are also open to `stats.view` (analysts).
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from netral.accounts.access import AnyUser, has_capability, region_scope, scope_q
from netral.prevention.models import Agency, Campaign, Circular, Event, Pledge

__all__ = [
    "agencies_visible_to",
    "campaigns_visible_to",
    "circulars_visible_to",
    "events_visible_to",
    "may_manage",
    "may_see_coverage",
    "may_view",
    "pledges_visible_to",
]


def may_view(user: AnyUser) -> bool:
    return has_capability(user, "prevention.view")


def may_manage(user: AnyUser) -> bool:
    return has_capability(user, "prevention.manage")


def may_see_coverage(user: AnyUser) -> bool:
    return may_view(user) or has_capability(user, "stats.view")


def agencies_visible_to(user: AnyUser) -> QuerySet[Agency]:
    if not may_view(user):
        return Agency.objects.none()
    return Agency.objects.filter(scope_q(user, "region__code"))


def campaigns_visible_to(user: AnyUser) -> QuerySet[Campaign]:
    if not may_view(user):
        return Campaign.objects.none()
    return Campaign.objects.filter(scope_q(user, "agency__region__code"))


def pledges_visible_to(user: AnyUser) -> QuerySet[Pledge]:
    if not may_view(user):
        return Pledge.objects.none()
    return Pledge.objects.filter(scope_q(user, "campaign__agency__region__code"))


def events_visible_to(user: AnyUser) -> QuerySet[Event]:
    """Staff: every event in their scope. Anyone else: public events only."""
    if may_view(user):
        return Event.objects.filter(scope_q(user, "region__code"))
    return Event.objects.filter(is_public=True)


def circulars_visible_to(user: AnyUser) -> QuerySet[Circular]:
    """Public circulars for everyone; staff-only circulars for staff whose scope holds them."""
    if may_view(user) and not region_scope(user).is_nothing:
        return Circular.objects.filter(Q(is_public=True) | scope_q(user, "region__code"))
    return Circular.objects.filter(is_public=True)
