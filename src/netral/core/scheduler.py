"""The worker's scheduler: periodic jobs enqueued as tasks, safe with any number of workers.

Each tick claims work with a conditional UPDATE (a source whose `next_fetch_at` is still what we read; a job mark
whose `last_run` is still what we read), so when several workers tick at once each due thing is enqueued once.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import IntegrityError, close_old_connections, transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from netral.core.models import ScheduleMark

log = logging.getLogger(__name__)

DAILY_ZONE = ZoneInfo("Asia/Jakarta")
#: How far ahead a claimed source is pushed while its fetch task runs; the task then sets the real next time.
CLAIM_LEASE = dt.timedelta(minutes=30)


def enqueue_due_sources(now: dt.datetime) -> list[int]:
    """Enqueue a fetch for every enabled source that is due; returns their ids."""
    from netral.monitor.models import Source
    from netral.monitor.tasks import fetch_source_task

    claimed: list[int] = []
    due = Source.objects.filter(enabled=True, next_fetch_at__lte=now).values_list("pk", "next_fetch_at")
    for pk, next_at in list(due[:500]):
        if Source.objects.filter(pk=pk, next_fetch_at=next_at).update(next_fetch_at=now + CLAIM_LEASE):
            fetch_source_task.enqueue(pk)
            claimed.append(pk)
    return claimed


def _claim_daily(job: str, due: dt.datetime, now: dt.datetime) -> bool:
    """True for the one caller that moves the job's mark past today's due time."""
    if now < due:
        return False
    mark = ScheduleMark.objects.filter(job=job).first()
    if mark is None:
        try:
            with transaction.atomic():
                ScheduleMark.objects.create(job=job, last_run=now)
            return True
        except IntegrityError:
            return False
    if mark.last_run >= due:
        return False
    return ScheduleMark.objects.filter(job=job, last_run=mark.last_run).update(last_run=now) == 1


#: Daily jobs: name → task, enqueued once a day after NETRAL_DIGEST_HOUR (WIB).
DAILY_JOBS = {
    "cases.daily_digest": "netral.cases.tasks.send_daily_digest",
    "prevention.pledge_reminders": "netral.prevention.tasks.send_pledge_reminders",
    "monitor.sweep_uploads": "netral.monitor.tasks.sweep_pending_uploads",
}


def enqueue_daily_jobs(now: dt.datetime) -> list[str]:
    """Enqueue each daily job not yet run since today's hour; returns the jobs enqueued."""
    local = now.astimezone(DAILY_ZONE)
    due = local.replace(hour=settings.NETRAL_DIGEST_HOUR, minute=0, second=0, microsecond=0)
    started = []
    for job, task_path in DAILY_JOBS.items():
        if _claim_daily(job, due, now):
            import_string(task_path).enqueue()
            started.append(job)
    return started


def tick(now: dt.datetime | None = None) -> dict[str, list[Any]]:
    now = now or timezone.now()
    return {"sources": enqueue_due_sources(now), "daily": enqueue_daily_jobs(now)}


def run_scheduler(stop: threading.Event, interval: float | None = None) -> None:
    """Tick until `stop` is set; a failing tick is logged and retried at the next one."""
    interval = float(settings.NETRAL_SCHEDULER_TICK if interval is None else interval)
    while not stop.is_set():
        try:
            tick()
        except Exception:
            log.exception("scheduler tick failed")
        finally:
            close_old_connections()
        stop.wait(interval)


def start_in_thread(interval: float | None = None) -> threading.Event:
    """Run the scheduler beside the task worker in this process; set the returned event to stop it."""
    stop = threading.Event()
    threading.Thread(target=run_scheduler, args=(stop, interval), name="netral-scheduler", daemon=True).start()
    return stop
