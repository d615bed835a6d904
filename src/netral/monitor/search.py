"""Full-text search over monitored items: SQLite FTS5 by default, PostgreSQL full-text search in production.

Both stem with the Snowball Indonesian stemmer — on SQLite our own (`prepare.stems`, indexed at ingest), on
PostgreSQL the server's `indonesian` configuration — so "berkampanye" finds "kampanye" on either. User input never
reaches the query language: it is reduced to words, each quoted.
"""

from __future__ import annotations

import re

from django.db import connection
from django.db.models import BooleanField, FloatField, QuerySet
from django.db.models.expressions import RawSQL

from netral.monitor.models import Item
from netral.monitor.prepare import stems

__all__ = ["search_items"]

MAX_WORDS = 12
_WORD = re.compile(r"\w+")


def _words(query: str) -> list[str]:
    return _WORD.findall(query.lower())[:MAX_WORDS]


PG_VECTOR = "to_tsvector('indonesian', monitor_item.title || ' ' || monitor_item.text)"
PG_MATCH = PG_VECTOR + " @@ plainto_tsquery('indonesian', %s)"
PG_RANK = "ts_rank(" + PG_VECTOR + ", plainto_tsquery('indonesian', %s))"
SQLITE_MATCH = "SELECT rowid FROM monitor_item_fts WHERE monitor_item_fts MATCH %s"
SQLITE_RANK = "SELECT rank FROM monitor_item_fts WHERE monitor_item_fts MATCH %s AND rowid = monitor_item.id"


def search_items(items: QuerySet[Item], query: str) -> QuerySet[Item]:
    """`items` (already limited to what the user may see) that contain every word of `query`, best first."""
    words = _words(query)
    if not words:
        return items.none()
    if connection.vendor == "postgresql":
        phrase = " ".join(words)
        return (
            items.filter(RawSQL(PG_MATCH, (phrase,), output_field=BooleanField()))  # noqa: S611 - constant SQL, words as parameters
            .annotate(rank=RawSQL(PG_RANK, (phrase,), output_field=FloatField()))  # noqa: S611
            .order_by("-rank", "-fetched_at")
        )
    match = " ".join(f'"{stem}"' for stem in stems(" ".join(words)).split())
    if not match:
        return items.none()
    return (
        items.filter(pk__in=RawSQL(SQLITE_MATCH, (match,)))  # noqa: S611 - constant SQL, words as parameters
        .annotate(rank=RawSQL(SQLITE_RANK, (match,), output_field=FloatField()))  # noqa: S611
        .order_by("rank", "-fetched_at")  # FTS5's rank: lower is better
    )
