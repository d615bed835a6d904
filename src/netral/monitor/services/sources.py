"""Sources: adding and changing them, fetching one (what the scheduler's task does), and uploads.

A fetch asks the source's kind for new items with the source's conditional-GET state, ingests them and schedules the
next fetch: after the source's interval, or later after failures (the interval doubled per failure, up to a day).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from functools import cache
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

import netral
from netral.accounts.access import AnyUser, can_see_region, has_capability, region_scope
from netral.accounts.models import User
from netral.audit.services import record
from netral.geo.models import Region
from netral.monitor.fetching.errors import FetchError
from netral.monitor.fetching.http import Fetcher
from netral.monitor.models import FetchRun, Item, Source
from netral.monitor.prepare import identity_of
from netral.monitor.services.ingest import IngestReport, ingest
from netral.monitor.sources import KINDS, get_upload_kind, get_url_kind
from netral.monitor.sources.base import Collected, FetchState, RawItem

__all__ = [
    "SourceRefused",
    "do_add_source",
    "do_update_source",
    "do_upload",
    "fetch_source",
    "fetcher",
    "sources_visible_to",
]

MAX_BACKOFF = dt.timedelta(days=1)


class SourceRefused(Exception):
    """A source change that may not happen; the message is for the supervisor."""


def fetcher() -> Fetcher:
    """One fetcher per process and configuration, so robots.txt answers and per-host pauses carry across runs."""
    return _fetcher(
        settings.SITE_URL,
        float(settings.NETRAL_MONITOR_TIMEOUT),
        settings.NETRAL_MONITOR_RESPECT_ROBOTS,
        settings.NETRAL_MONITOR_ALLOW_PRIVATE_HOSTS,
    )


@cache
def _fetcher(site_url: str, timeout: float, respect_robots: bool, allow_private_hosts: bool) -> Fetcher:
    return Fetcher(
        f"NetralBot/{netral.__version__} (+{site_url}/bot; pemantauan netralitas ASN)",
        timeout=timeout,
        respect_robots=respect_robots,
        allow_private_hosts=allow_private_hosts,
    )


def sources_visible_to(user: AnyUser) -> QuerySet[Source]:
    """Sources managed in the user's jurisdiction or above it (a province's feeds serve its regencies too)."""
    if not has_capability(user, "monitor.view"):
        return Source.objects.none()
    scope = region_scope(user)
    if scope.everything:
        return Source.objects.all()
    parts = scope.region_code.split(".")
    above = [".".join(parts[: i + 1]) for i in range(len(parts) - 1)]
    return Source.objects.filter(scope.q("owner_code") | Q(owner_code="") | Q(owner_code__in=above))


def _check_manager(actor: AnyUser, owner: Region | None) -> None:
    if not has_capability(actor, "monitor.sources"):
        raise SourceRefused("Anda tidak berwenang mengelola sumber pantauan.")
    if owner is None and not region_scope(actor).everything:
        raise SourceRefused("Sumber nasional hanya dapat dikelola Bawaslu RI.")
    if owner is not None and not can_see_region(actor, owner.code):
        raise SourceRefused("Wilayah pengelola berada di luar wilayah tugas Anda.")


def _check_fields(kind: str, name: str, url: str, interval: int) -> None:
    if kind not in KINDS:
        raise SourceRefused(f"Jenis sumber tidak dikenal: {kind}.")
    if not name.strip():
        raise SourceRefused("Nama sumber wajib diisi.")
    if KINDS[kind].needs_url and not url.startswith(("http://", "https://")):
        raise SourceRefused("Alamat sumber harus diawali http:// atau https://.")
    if interval < settings.NETRAL_MONITOR_MIN_INTERVAL:
        raise SourceRefused(f"Selang pengambilan paling cepat {settings.NETRAL_MONITOR_MIN_INTERVAL} menit.")


def do_add_source(
    actor: AnyUser,
    *,
    kind: str,
    name: str,
    url: str,
    owner: Region | None,
    interval_minutes: int = 60,
    config: Mapping[str, Any] | None = None,
) -> Source:
    """A new URL source, due at once (the scheduler picks it up at its next tick)."""
    _check_manager(actor, owner)
    _check_fields(kind, name, url, interval_minutes)
    if not KINDS[kind].needs_url:
        raise SourceRefused("Berkas diunggah lewat halaman unggah, bukan ditambahkan sebagai sumber.")
    with transaction.atomic():
        source = Source.objects.create(
            kind=kind,
            name=name.strip()[:200],
            url=url.strip(),
            owner=owner,
            interval_minutes=interval_minutes,
            config=dict(config or {}),
            next_fetch_at=timezone.now(),
            created_by=actor if isinstance(actor, User) else None,
        )
        record(
            actor, "monitor.source_added", obj=source, region_code=source.owner_code, data={"kind": kind, "url": url}
        )
    return source


def do_update_source(
    source: Source, actor: AnyUser, *, name: str, url: str, interval_minutes: int, enabled: bool
) -> None:
    _check_manager(actor, source.owner)
    _check_fields(source.kind, name, url, interval_minutes)
    changed = {"name": name.strip()[:200], "url": url.strip(), "interval_minutes": interval_minutes, "enabled": enabled}
    before = {key: getattr(source, key) for key in changed}
    with transaction.atomic():
        for key, value in changed.items():
            setattr(source, key, value)
        if enabled and not before["enabled"]:
            source.next_fetch_at, source.failures = timezone.now(), 0
        source.save()
        diff = {k: [before[k], v] for k, v in changed.items() if before[k] != v}
        record(actor, "monitor.source_changed", obj=source, region_code=source.owner_code, data=diff)


def _seen(url: str) -> bool:
    raw = RawItem(kind="article", raw=b"", raw_type="text/html", text="-", url=url)
    return Item.objects.filter(identity=identity_of(raw)[0]).exists()


def _next_fetch(source: Source, now: dt.datetime) -> dt.datetime:
    interval = dt.timedelta(minutes=source.interval_minutes)
    wait: dt.timedelta = min(interval * (2 ** min(source.failures, 10)), max(interval, MAX_BACKOFF))
    return now + wait


def fetch_source(source: Source, *, progress: Callable[[int], None] | None = None) -> FetchRun:
    """Fetch a URL source once: new items ingested, state and schedule updated, the run recorded."""
    started = timezone.now()
    state = FetchState(etag=source.etag, last_modified=source.last_modified)
    collected: Collected | None = None
    report = IngestReport()
    error = ""
    try:
        collected = get_url_kind(source.kind).collect(source.url, source.config, fetcher(), state, _seen)
        report = ingest(collected.items, source=source, progress=progress)
    except FetchError as exc:
        error = str(exc)
    now = timezone.now()
    if error:
        status, source.failures = Source.Status.ERROR, source.failures + 1
    else:
        assert collected is not None
        status = Source.Status.NOT_MODIFIED if collected.not_modified else Source.Status.OK
        source.failures, source.etag, source.last_modified = 0, collected.state.etag, collected.state.last_modified
    source.last_status, source.last_error, source.last_fetched_at = status, error, now
    source.next_fetch_at = _next_fetch(source, now)
    with transaction.atomic():
        source.save()
        run = FetchRun.objects.create(
            source=source,
            started_at=started,
            finished_at=now,
            status=status,
            received=report.received,
            stored=report.stored,
            alerts=report.alerts,
            problems=list(collected.problems[:200]) if collected else [],
            error=error,
        )
    return run


def do_upload(
    actor: AnyUser,
    *,
    kind: str,
    filename: str,
    data: bytes,
    owner: Region | None,
    config: Mapping[str, Any] | None = None,
    progress: Callable[[int], None] | None = None,
) -> FetchRun:
    """Ingest an uploaded export (social posts, a WhatsApp chat, text/HTML files): one source and one run per file."""
    _check_manager(actor, owner)
    if kind not in KINDS or KINDS[kind].needs_url:
        raise SourceRefused("Pilih jenis berkas: ekspor media sosial, obrolan WhatsApp, atau berkas teks/HTML.")
    if len(data) > settings.NETRAL_MONITOR_MAX_UPLOAD_MB * 1024 * 1024:
        raise SourceRefused(f"Berkas lebih dari {settings.NETRAL_MONITOR_MAX_UPLOAD_MB} MB.")
    started = timezone.now()
    try:
        collected = get_upload_kind(kind).parse(data, filename, config or {})
    except ValueError as exc:  # UploadError, or a bad zone in the config: Indonesian messages, shown as they are
        raise SourceRefused(str(exc)) from exc
    with transaction.atomic():
        source = Source.objects.create(
            kind=kind,
            name=filename[:200] or kind,
            owner=owner,
            config=dict(config or {}),
            enabled=False,
            last_fetched_at=started,
            created_by=actor if isinstance(actor, User) else None,
        )
        record(
            actor,
            "monitor.uploaded",
            obj=source,
            region_code=source.owner_code,
            data={"kind": kind, "items": len(collected.items), "problems": len(collected.problems)},
        )
    report = ingest(collected.items, source=source, progress=progress)
    status = Source.Status.OK if collected.items or not collected.problems else Source.Status.ERROR
    with transaction.atomic():
        source.last_status = status
        source.save(update_fields=["last_status"])
        return FetchRun.objects.create(
            source=source,
            started_at=started,
            finished_at=timezone.now(),
            status=status,
            received=report.received,
            stored=report.stored,
            alerts=report.alerts,
            problems=list(collected.problems[:200]),
        )
