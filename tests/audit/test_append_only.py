"""Entries cannot be changed or deleted: not through the ORM, and not with raw SQL while the triggers stand."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.db import DatabaseError, connection, transaction
from tests.audit.conftest import raw_sql

from netral.audit.models import AppendOnlyError, AuditEntry

pytestmark = pytest.mark.django_db


def test_the_orm_refuses_to_change_or_delete_an_entry(recorded: Callable[[int], list[AuditEntry]]) -> None:
    entry = recorded(1)[0]
    entry.action = "case.forgotten"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.filter(sequence=1).update(action="case.forgotten")
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.all().delete()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.bulk_create([AuditEntry(sequence=2)])
    with pytest.raises(ValueError, match=r"only by netral\.audit\.services\.record"):
        AuditEntry.objects.create(sequence=2, created_at=entry.created_at, action="case.forged", prev_hash=entry.hash)
    assert AuditEntry.objects.get().action == "case.registered"


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE audit_auditentry SET data = '{}' WHERE sequence = %s",
        "DELETE FROM audit_auditentry WHERE sequence = %s",
    ],
)
def test_the_database_refuses_raw_updates_and_deletes(recorded: Callable[[int], list[AuditEntry]], sql: str) -> None:
    recorded(2)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        raw_sql(sql, [1])
    assert AuditEntry.objects.count() == 2


@pytest.mark.skipif(connection.vendor != "postgresql", reason="TRUNCATE is PostgreSQL's; SQLite has no such statement")
def test_postgresql_refuses_to_truncate_a_non_empty_log(recorded: Callable[[int], list[AuditEntry]]) -> None:
    recorded(1)
    raw_sql("SET CONSTRAINTS ALL IMMEDIATE", [])  # check the deferred foreign keys now, as a commit would
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        raw_sql("TRUNCATE audit_auditentry CASCADE", [])
    assert AuditEntry.objects.count() == 1
