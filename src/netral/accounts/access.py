"""Who may see what: the one access helper every view, list, export, search and API endpoint uses.

Deny by default. A user sees nothing unless they are active, hold a known role and — for a regional role — a
jurisdiction of the level that role takes. National roles see everything; a regional user sees their region and
everything below it, matched on the dotted Kemendagri code ("63.03" sees "63.03" and "63.03.01.2001", never
"63.04" nor a hypothetical "63.031"). Objects outside the scope answer 404, never 403, so outsiders learn nothing,
not even that the object exists.

Capabilities (what a role may do) come from `data/roles.toml`; they are always further limited to the region scope.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Manager, Model, Q, QuerySet
from django.http import Http404

from netral.accounts.models import User
from netral.accounts.roles import REGION_LEVELS, RoleSpec, role_table

__all__ = [
    "RegionScope",
    "can_see_region",
    "capabilities_of",
    "get_object_in_scope_or_404",
    "has_capability",
    "may_see_reporter_identity",
    "region_scope",
    "scope_q",
]

AnyUser = AbstractBaseUser | AnonymousUser | None
M = TypeVar("M", bound=Model)


@dataclass(frozen=True, slots=True)
class RegionScope:
    """The regions a user may see: everything, one region code and all below it, or nothing."""

    everything: bool = False
    region_code: str = ""

    @classmethod
    def nothing(cls) -> RegionScope:
        return cls()

    @classmethod
    def national(cls) -> RegionScope:
        return cls(everything=True)

    @classmethod
    def within(cls, region_code: str) -> RegionScope:
        if not region_code:
            raise ValueError("a regional scope needs a region code")
        return cls(region_code=region_code)

    @property
    def is_nothing(self) -> bool:
        return not self.everything and not self.region_code

    def includes(self, code: str) -> bool:
        if self.everything:
            return True
        if not self.region_code or not code:
            return False
        return code == self.region_code or code.startswith(self.region_code + ".")

    def q(self, field: str = "region_code") -> Q:
        """A filter on a field holding region codes; `Q(pk__in=[])` (an empty result, no query) for nothing.

        Everything is a condition that always holds, not an empty `Q()`: `Q(x) | Q()` reduces to `Q(x)`, so
        "public or in my scope" would silently drop the scope for national users."""
        if self.everything:
            return Q(pk__isnull=False)
        if not self.region_code:
            return Q(pk__in=[])
        return Q(**{field: self.region_code}) | Q(**{f"{field}__startswith": self.region_code + "."})


def _role_of(user: AnyUser) -> RoleSpec | None:
    """The role of an active staff user, or None for anyone else."""
    if not isinstance(user, User) or not user.is_active or not user.role:
        return None
    return role_table().roles.get(user.role)


def region_scope(user: AnyUser) -> RegionScope:
    spec = _role_of(user)
    if spec is None:
        return RegionScope.nothing()
    if spec.is_national:
        return RegionScope.national()
    assert isinstance(user, User)  # _role_of returned a role, so this is an active staff user
    code = user.jurisdiction_id or ""
    # Defence in depth: a jurisdiction of the wrong level (bad data, a role changed without one) grants nothing.
    if not code or code.count(".") >= len(REGION_LEVELS) or REGION_LEVELS[code.count(".")] not in spec.levels:
        return RegionScope.nothing()
    return RegionScope.within(code)


def scope_q(user: AnyUser, field: str = "region_code") -> Q:
    """Filter any queryset to what `user` may see, by a field holding a region code."""
    return region_scope(user).q(field)


def can_see_region(user: AnyUser, code: str) -> bool:
    return region_scope(user).includes(code)


def get_object_in_scope_or_404(
    queryset: QuerySet[M] | Manager[M], user: AnyUser, *, field: str = "region_code", **lookup: object
) -> M:
    """The one object matching `lookup` inside the user's scope; Http404 when it is missing or out of scope."""
    if not lookup:
        raise TypeError("get_object_in_scope_or_404 needs a lookup such as pk=...")
    try:
        return queryset.all().filter(scope_q(user, field)).get(**lookup)
    except ObjectDoesNotExist:
        raise Http404 from None


def capabilities_of(user: AnyUser) -> frozenset[str]:
    """What the user may do; empty when their scope is empty (a regional role without jurisdiction may do nothing)."""
    spec = _role_of(user)
    if spec is None or region_scope(user).is_nothing:
        return frozenset()
    return spec.capabilities


def has_capability(user: AnyUser, capability: str) -> bool:
    if capability not in role_table().capabilities:
        raise ValueError(f"unknown capability {capability!r}; declare it in accounts/data/roles.toml")
    return capability in capabilities_of(user)


def may_see_reporter_identity(user: AnyUser) -> bool:
    """Whether the user may ever see who reported a case (the `reporter.view` capability).

    Yes for Bawaslu handling cases (RI, provinsi, kabupaten/kota, Panwascam): they must contact the reporter,
    check the formal requirements and call witnesses. No for BKN reviewers and PPK officers: they judge the
    evidence, and the PPK is the reported civil servant's own employer, where retaliation would come from. No for
    analysts (statistics only) and for administrators, who run the system, not cases.

    Necessary, not sufficient: the case itself must be in scope (`get_object_in_scope_or_404`) and each viewing
    recorded in the audit log ("reporter.viewed").
    """
    return has_capability(user, "reporter.view")
