"""Ingestion: raw items in, stored items, stories and alerts out. Idempotent and batched.

Per batch: drop items already stored (same identity), prepare the rest (`netral.monitor.prepare`, in a process pool
when asked), then in one transaction store items, group them into stories and raise or update alerts. A crash
loses at most the batch in flight, and running the same input again stores nothing twice.
"""

from __future__ import annotations

import multiprocessing
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from netral.audit.services import record
from netral.geo.models import Region
from netral.monitor.models import Item, Source, Story
from netral.monitor.prepare import Identity, Prepared, identity_of, prepare, warm_up
from netral.monitor.services.alerts import evaluate_stories
from netral.monitor.services.stories import StoryGrouper
from netral.monitor.sources.base import RawItem

__all__ = ["IngestReport", "ingest"]

#: Keys of the text pipeline's result not kept with the item (the cleaned text is the item's text already).
DROPPED_KEYS = ("clean", "url", "published")
CHUNK = 8


@dataclass
class IngestReport:
    received: int = 0
    stored: int = 0
    repeated: int = 0  # already stored: same canonical URL, or the same text without a URL
    stories_new: int = 0
    stories_joined: int = 0
    alerts: int = 0
    flagged_language: int = 0
    alert_ids: list[int] = field(default_factory=list)

    def add(self, other: IngestReport) -> None:
        for name in ("received", "stored", "repeated", "stories_new", "stories_joined", "alerts", "flagged_language"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.alert_ids.extend(other.alert_ids)


def _batches(items: Iterable[RawItem], size: int) -> Iterator[list[RawItem]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


Job = tuple[RawItem, Identity]


def _new_only(batch: list[RawItem], seen: set[str]) -> list[Job]:
    """The items of the batch neither stored nor seen earlier in this run, each once; `seen` grows."""
    keyed: dict[str, Job] = {}
    for raw in batch:
        identity = identity_of(raw)
        if raw.text.strip() and identity[0] not in seen:
            keyed.setdefault(identity[0], (raw, identity))
    stored = set(Item.objects.filter(identity__in=list(keyed)).values_list("identity", flat=True))
    seen.update(keyed)
    return [job for key, job in keyed.items() if key not in stored]


def _prepare(job: Job) -> Prepared:
    return prepare(*job)


def _band_rows(rows: list[tuple[int, int]]) -> None:
    """Straight to the table: 32 rows an item, where building model instances would cost more than the insert."""
    with connection.cursor() as cursor:
        cursor.executemany('INSERT INTO monitor_itemband ("key", item_id) VALUES (%s, %s)', rows)


def _fts_rows(rows: list[tuple[int, Prepared]]) -> None:
    if connection.vendor != "sqlite" or not rows:
        return
    with connection.cursor() as cursor:
        cursor.executemany(
            "INSERT INTO monitor_item_fts(rowid, title, body) VALUES (%s, %s, %s)",
            [(pk, p.title_stems, p.body_stems) for pk, p in rows],
        )


def _known_regions(prepared: list[Prepared]) -> set[str]:
    codes = {p.region_code for p in prepared if p.region_code}
    return set(Region.objects.filter(code__in=codes).values_list("code", flat=True)) if codes else set()


def _item(p: Prepared, source: Source | None, story: Story, region: str, now: Any) -> Item:
    raw = p.raw
    analysis = {k: v for k, v in p.analysis.items() if k not in DROPPED_KEYS}
    return Item(
        identity=p.identity,
        source=source,
        kind=raw.kind,
        url=p.url,
        content_hash=p.content_hash,
        title=raw.title[:500],
        text=raw.text,
        raw=zlib.compress(raw.raw, 6),
        raw_type=raw.raw_type[:100],
        outlet=raw.outlet[:200],
        author=raw.author[:200],
        published_at=raw.published,
        fetched_at=now,
        language=p.language,
        language_kept=p.language_kept,
        analysis=analysis,
        violation=p.violation,
        confidence=p.confidence,
        region_id=region or None,
        region_code=region,
        story=story,
        signature=p.signature,
    )


def _store(prepared: list[Prepared], source: Source | None) -> IngestReport:
    report = IngestReport(stored=len(prepared))
    now = timezone.now()
    known = _known_regions(prepared)
    with transaction.atomic():
        grouper = StoryGrouper(now)
        grouper.load(prepared)
        placed = [(p, grouper.place(p, p.region_code if p.region_code in known else "")) for p in prepared]
        grouper.save()
        items = Item.objects.bulk_create(
            [_item(p, source, story, p.region_code if p.region_code in known else "", now) for p, story in placed]
        )
        _band_rows([(key, item.pk) for item, (p, _story) in zip(items, placed, strict=True) for key in p.bands])
        _fts_rows([(item.pk, p) for item, (p, _story) in zip(items, placed, strict=True)])
        report.stories_new, report.stories_joined = grouper.counts()
        report.flagged_language = sum(1 for p in prepared if not p.language_kept)
        raised = evaluate_stories(grouper.touched(), now=now)
        report.alerts = len(raised)
        report.alert_ids = [a.pk for a in raised]
    return report


def _store_once_more_if_raced(prepared: list[Prepared], source: Source | None) -> IngestReport:
    """Store; if another worker stored one of these items meanwhile, drop those and store the rest."""
    try:
        return _store(prepared, source)
    except IntegrityError:
        stored = set(
            Item.objects.filter(identity__in=[p.identity for p in prepared]).values_list("identity", flat=True)
        )
        rest = [p for p in prepared if p.identity not in stored]
        report = _store(rest, source) if rest else IngestReport()
        report.repeated += len(prepared) - len(rest)
        return report


def ingest(
    raw_items: Iterable[RawItem],
    *,
    source: Source | None = None,
    workers: int = 1,
    batch_size: int = 500,
    progress: Callable[[int], None] | None = None,
) -> IngestReport:
    """Store new items, group them into stories and raise alerts; `progress(n)` after each batch of n raw items.

    `workers` > 1 prepares items in that many processes (the pipeline is built once and forked warm); while this
    process stores one batch, the pool prepares the next.
    """
    report = IngestReport()
    seen: set[str] = set()

    def stored(prepared: list[Prepared], received: int) -> None:
        part = _store_once_more_if_raced(prepared, source) if prepared else IngestReport()
        part.received, part.repeated = received, part.repeated + received - len(prepared)
        report.add(part)
        if progress:
            progress(received)

    if workers <= 1:
        for batch in _batches(raw_items, batch_size):
            stored([_prepare(job) for job in _new_only(batch, seen)], len(batch))
    else:
        warm_up()
        context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
        with context.Pool(workers) as pool:
            pending: tuple[Any, int] | None = None
            for batch in _batches(raw_items, batch_size):
                job = pool.map_async(_prepare, _new_only(batch, seen), chunksize=CHUNK)
                if pending:
                    stored(pending[0].get(), pending[1])
                pending = (job, len(batch))
            if pending:
                stored(pending[0].get(), pending[1])
    if report.stored:
        with transaction.atomic():
            record(
                None,
                "monitor.ingested",
                obj=source,
                region_code=source.owner_code if source else "",
                data={k: getattr(report, k) for k in ("received", "stored", "repeated", "stories_new", "alerts")},
            )
    return report
