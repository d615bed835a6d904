"""Which cases a user may see: the one function every case list, detail, download and search goes through.

* Bawaslu roles (capability `cases.view`): cases whose event region is in their jurisdiction and below
  (`scope_q(user, "event_region_code")`), never beside.
* BKN reviewers (`referrals.view`, national): cases with a track *currently addressed to BKN* — an open track in
  a state where the workflow lets `bkn_reviewer` act (derived from workflow.toml, not listed here).
* PPK officers (`referrals.view`, regional): cases with a track currently addressed to the PPK — a state where
  `ppk_officer` acts — whose `ppk_region_code` is in the officer's jurisdiction.
* Anyone else (analysts, administrators, anonymous, users without a valid jurisdiction): nothing.

Objects outside this set answer 404, never 403.
"""

from __future__ import annotations

from functools import cache

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from netral.accounts.access import AnyUser, has_capability, scope_q
from netral.accounts.models import User
from netral.cases.models import Case, Track
from netral.cases.workflow import load_workflow

__all__ = ["acting_states", "cases_visible_to", "get_case_or_404", "tracks_visible_to"]


@cache
def acting_states(role: str) -> tuple[tuple[str, str], ...]:
    """(track kind, state) pairs where `role` may take some transition: where a case is "addressed to" the role."""
    pairs: list[tuple[str, str]] = []
    for track in load_workflow().tracks:
        for t in track.transitions:
            if role in t.roles:
                pairs.extend((track.kind, s) for s in t.sources)
    return tuple(sorted(set(pairs)))


def _addressed_q(role: str) -> Q:
    q = Q(pk__in=[])
    for kind, state in acting_states(role):
        q |= Q(kind=kind, state=state)
    return q


def tracks_visible_to(user: AnyUser) -> QuerySet[Track]:
    """For referral roles: the tracks addressed to them (what they may see of a case). Bawaslu: all tracks in scope."""
    if has_capability(user, "cases.view"):
        return Track.objects.filter(scope_q(user, "case__event_region_code"))
    if not has_capability(user, "referrals.view") or not isinstance(user, User):
        return Track.objects.none()
    tracks = Track.objects.filter(_addressed_q(user.role), ended=False)
    if user.role == "ppk_officer":
        tracks = tracks.filter(scope_q(user, "ppk_region_code"))
    elif user.role != "bkn_reviewer":
        return Track.objects.none()
    return tracks


def cases_visible_to(user: AnyUser) -> QuerySet[Case]:
    if has_capability(user, "cases.view"):
        return Case.objects.filter(scope_q(user, "event_region_code"))
    if has_capability(user, "referrals.view"):
        return Case.objects.filter(Exists(tracks_visible_to(user).filter(case=OuterRef("pk"))))
    return Case.objects.none()


def get_case_or_404(user: AnyUser, pk: int) -> Case:
    try:
        return cases_visible_to(user).select_related("event_region", "election", "assignee", "office_region").get(pk=pk)
    except Case.DoesNotExist:
        raise Http404 from None
