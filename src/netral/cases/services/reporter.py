"""Reading a reporter's identity: only roles that need it, only for cases in scope, always recorded."""

from __future__ import annotations

from django.db import transaction

from netral.accounts.access import AnyUser, may_see_reporter_identity
from netral.audit.services import record
from netral.cases.access import cases_visible_to
from netral.cases.models import Case, ReporterIdentity
from netral.cases.services.transitions import CaseActionRefused


def view_reporter_identity(user: AnyUser, case: Case) -> ReporterIdentity | None:
    """The identity (None for an anonymous report), with a "reporter.viewed" audit entry in the same transaction.

    Raises CaseActionRefused for roles that may not see reporters (BKN, PPK, analysts, administrators) or cases
    out of scope. Anonymous reports have no identity and write no entry: there is nothing to see.
    """
    if not may_see_reporter_identity(user) or not cases_visible_to(user).filter(pk=case.pk).exists():
        raise CaseActionRefused("Anda tidak berwenang melihat identitas pelapor.")
    with transaction.atomic():
        identity = ReporterIdentity.objects.filter(case=case).first()
        if identity is None:
            return None
        record(user, "reporter.viewed", obj=case, region_code=case.event_region_code, data={})
    return identity
