"""Helpers for the audit tests: record entries in a transaction, and tamper with the table as an attacker would."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection, transaction

from netral.audit.models import AuditEntry
from netral.audit.services import record


@pytest.fixture
def recorded() -> Callable[[int], list[AuditEntry]]:
    def make(count: int) -> list[AuditEntry]:
        with transaction.atomic():
            return [
                record(None, "case.registered", object_type="cases.case", object_id=str(n), region_code="63.03")
                for n in range(1, count + 1)
            ]

    return make


def drop_append_only_triggers() -> None:
    """What someone with write access to the database can do: the hash chain must still give them away."""
    on_table = " ON audit_auditentry" if connection.vendor == "postgresql" else ""
    with connection.cursor() as cursor:
        for name in ("audit_entry_no_update", "audit_entry_no_delete"):
            cursor.execute(f"DROP TRIGGER {name}{on_table}")


def raw_sql(sql: str, params: list[Any]) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
