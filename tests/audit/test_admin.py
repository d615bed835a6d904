"""The admin shows audit entries and offers no way to add, change or delete one."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from netral.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_the_admin_lists_and_searches_entries(
    admin_client: Client, recorded: Callable[[int], list[AuditEntry]]
) -> None:
    recorded(2)
    body = admin_client.get("/admin/audit/auditentry/", {"q": "case.registered"}).content.decode()
    assert "case.registered" in body and "63.03" in body
    assert admin_client.get("/admin/audit/auditentry/", {"action": "case.registered"}).status_code == 200


def test_the_admin_offers_no_change(admin_client: Client, recorded: Callable[[int], list[AuditEntry]]) -> None:
    recorded(1)
    assert admin_client.get("/admin/audit/auditentry/add/").status_code == 403
    assert admin_client.get("/admin/audit/auditentry/1/delete/").status_code == 403
    page = admin_client.get("/admin/audit/auditentry/1/change/").content.decode()
    assert 'name="_save"' not in page  # read-only: no save button
    admin_client.post("/admin/audit/auditentry/1/change/", {"action": "case.forgotten"})
    assert AuditEntry.objects.get().action == "case.registered"
