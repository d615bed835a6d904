"""`record`: append one entry to the audit log, inside the caller's transaction.

The entry commits or rolls back with the change it records, so the log never claims something that did not
happen, and nothing happens without its entry. Appends are serialised so the chain never forks:
on PostgreSQL by a transaction-scoped advisory lock; on SQLite by the write lock every transaction takes at
BEGIN IMMEDIATE (settings.py). If serialisation ever failed, the primary key on `sequence` would refuse the second
entry with the same number rather than fork the chain.
"""

from __future__ import annotations

import json
import re
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ImproperlyConfigured
from django.db import models, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.utils import timezone

from netral.accounts.models import User
from netral.audit.chain import GENESIS, compute_hash
from netral.audit.models import AuditEntry

__all__ = ["MAX_DATA_BYTES", "record"]

ACTION = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$")
REGION_CODE = re.compile(r"^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$")
MAX_DATA_BYTES = 4096
#: Keys that suggest a secret; the audit log is readable by supervisors and must never hold one.
SECRET_WORDS = ("password", "secret", "token", "sandi", "receipt")
#: Arbitrary constant naming the audit chain's advisory lock on PostgreSQL ("netral" in ASCII).
PG_LOCK_KEY = 0x6E657472616C

Actor = AbstractBaseUser | AnonymousUser | None


def record(
    actor: Actor,
    action: str,
    *,
    obj: models.Model | None = None,
    object_type: str = "",
    object_id: str = "",
    region_code: str = "",
    data: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append an entry: `actor` did `action` (a dotted verb, "case.registered") to `obj` (or object_type/id).

    `actor` None is the system itself; an anonymous user is the public (the reporting portal). `region_code` is
    the Kemendagri code that jurisdiction filters use. `data` is small JSON context, never a secret.
    Raises TransactionManagementError outside `transaction.atomic()`.
    """
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        raise transaction.TransactionManagementError(
            "audit.record harus dipanggil di dalam transaction.atomic() bersama perubahan yang dicatat"
        )
    if not ACTION.match(action):
        raise ValueError(f"action must be a dotted lower-case verb like 'case.registered', not {action!r}")
    if region_code and not REGION_CODE.match(region_code):
        raise ValueError(f"region_code must be a Kemendagri code like '63.03', not {region_code!r}")
    if obj is not None:
        if obj.pk is None:
            raise ValueError("record an object after saving it, so the entry can name it")
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or str(obj.pk)
    payload = _checked_data(data or {})

    _lock_chain(connection)
    head = AuditEntry.objects.order_by("-sequence").values_list("sequence", "hash").first()
    sequence, prev_hash = (head[0] + 1, head[1]) if head else (1, GENESIS)
    user = actor if isinstance(actor, User) else None
    entry = AuditEntry(
        sequence=sequence,
        created_at=timezone.now(),
        actor=user,
        actor_label=_label(actor),
        action=action,
        object_type=object_type,
        object_id=object_id,
        region_code=region_code,
        data=payload,
        prev_hash=prev_hash,
    )
    entry.hash = compute_hash(entry.link())
    entry.save()
    return entry


def _label(actor: Actor) -> str:
    if isinstance(actor, AbstractBaseUser):
        return actor.get_username()
    return "publik" if isinstance(actor, AnonymousUser) else "sistem"


def _checked_data(data: dict[str, Any]) -> dict[str, Any]:
    """Small, secret-free JSON that reads back from every database exactly as written (so hashes stay stable)."""

    def walk(value: Any) -> None:
        if isinstance(value, float):
            raise ValueError("audit data holds no floats (they may not read back identically); use str or int")
        if isinstance(value, dict):
            for key, item in value.items():
                if not isinstance(key, str):
                    raise ValueError("audit data keys must be strings")
                if any(word in key.lower() for word in SECRET_WORDS):
                    raise ValueError(f"audit data must never hold secrets (key {key!r})")
                walk(item)
        elif isinstance(value, list | tuple):
            for item in value:
                walk(item)
        elif not isinstance(value, str | int | bool | None):
            raise ValueError(f"audit data must be plain JSON, not {type(value).__name__}")

    walk(data)
    text = json.dumps(data, ensure_ascii=False)
    if len(text.encode()) > MAX_DATA_BYTES:
        raise ValueError(f"audit data is limited to {MAX_DATA_BYTES} bytes; record references, not documents")
    result: dict[str, Any] = json.loads(text)  # tuples become lists now, not after the hash
    return result


def _lock_chain(connection: BaseDatabaseWrapper) -> None:
    """Hold the chain head until this transaction ends, so two writers never take the same sequence number."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [PG_LOCK_KEY])
    elif connection.vendor == "sqlite":
        if connection.settings_dict.get("OPTIONS", {}).get("transaction_mode") != "IMMEDIATE":
            raise ImproperlyConfigured("the audit log needs SQLite transactions in IMMEDIATE mode (settings.py)")
    else:
        raise ImproperlyConfigured(f"the audit log does not support the {connection.vendor} database")
