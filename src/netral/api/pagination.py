"""Cursor pagination by descending primary key: the cursor is opaque (base64 of the last key seen)."""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any, TypeVar

from django.db.models import Model, QuerySet

from netral.api.errors import ApiError

__all__ = ["MAX_LIMIT", "page"]

MAX_LIMIT = 100
INT_BOUND = 2**62  # a forged cursor must not overflow the database integer
INTEGER_KEYS = ("AutoField", "BigAutoField")
M = TypeVar("M", bound=Model)


def _encode(pk: Any) -> str:
    return base64.urlsafe_b64encode(json.dumps({"k": pk}).encode()).decode().rstrip("=")


def _decode(cursor: str, integer: bool) -> Any:
    try:
        data = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        data = None
    key = data.get("k") if isinstance(data, dict) else None
    wanted = int if integer else str
    if not isinstance(key, wanted) or isinstance(key, bool) or (isinstance(key, int) and abs(key) > INT_BOUND):
        raise ApiError(422, "invalid_cursor", "Kursor halaman tidak valid.")
    return key


def page(
    queryset: QuerySet[M], cursor: str | None, limit: int, *, descending: bool = True
) -> tuple[list[M], str | None]:
    """One page of `queryset` ordered by primary key and the cursor of the next page (None on the last page)."""
    ordered = queryset.order_by("-pk" if descending else "pk")
    if cursor:
        pk = queryset.model._meta.pk
        key = _decode(cursor, integer=pk is not None and pk.get_internal_type() in INTEGER_KEYS)
        ordered = ordered.filter(pk__lt=key) if descending else ordered.filter(pk__gt=key)
    rows = list(ordered[: limit + 1])
    more = len(rows) > limit
    rows = rows[:limit]
    return rows, (_encode(rows[-1].pk) if more and rows else None)
