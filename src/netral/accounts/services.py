"""Writes to staff accounts' access (role, jurisdiction, active/staff/superuser flags), each with its audit entry.

`access_snapshot` captures the audited fields; `record_access_change` writes the entry for what changed, inside the
caller's transaction (the admin's `save_model` uses it); `do_assign_role` is the whole service for code and
commands.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db import transaction

from netral.accounts.assignment import check_assignment
from netral.accounts.models import User
from netral.audit.models import AuditEntry
from netral.audit.services import record
from netral.geo.models import Region

__all__ = ["AccessSnapshot", "access_snapshot", "do_assign_role", "record_access_change"]

AccessSnapshot = dict[str, Any]


def access_snapshot(user: User) -> AccessSnapshot:
    """The fields that decide what a user may see and do (never the password)."""
    return {
        "role": user.role,
        "jurisdiction": user.jurisdiction_id or "",
        "is_active": user.is_active,
        "is_staff": user.is_staff,
        "is_superuser": user.is_superuser,
    }


def record_access_change(
    actor: AbstractBaseUser | AnonymousUser | None, user: User, *, previous: AccessSnapshot | None
) -> AuditEntry | None:
    """Audit `user` as saved now; `previous` None means the account was just created. Nothing changed → None."""
    current = access_snapshot(user)
    region_code = user.jurisdiction_id or ""
    if previous is None:
        return record(actor, "user.created", obj=user, region_code=region_code, data=current)
    changes = {key: [previous[key], value] for key, value in current.items() if previous[key] != value}
    if not changes:
        return None
    return record(actor, "user.access_changed", obj=user, region_code=region_code, data={"changes": changes})


@transaction.atomic
def do_assign_role(
    actor: AbstractBaseUser | AnonymousUser | None, user: User, role: str, jurisdiction: Region | None
) -> AuditEntry | None:
    """Give `user` a role and jurisdiction (validated by `check_assignment`), audited in the same transaction."""
    check_assignment(role, jurisdiction)
    previous = access_snapshot(User.objects.select_for_update().get(pk=user.pk))
    user.role, user.jurisdiction = role, jurisdiction
    user.save(update_fields=["role", "jurisdiction"])
    return record_access_change(actor, user, previous=previous)
