"""The worker's scheduler: due sources and the daily digest are enqueued once, however many workers tick."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from django_tasks_db.models import DBTaskResult

from netral.core import scheduler
from netral.core.models import ScheduleMark
from netral.monitor.models import Source

UTC = dt.UTC
NOW = dt.datetime(2026, 3, 2, 3, 0, tzinfo=UTC)  # 10:00 WIB, after the digest hour


def _source(name: str, *, due: dt.datetime | None, enabled: bool = True) -> Source:
    return Source.objects.create(
        kind="feed", name=name, url=f"https://contoh.test/{name}.xml", next_fetch_at=due, enabled=enabled
    )


def _queued(task_suffix: str) -> int:
    return DBTaskResult.objects.filter(task_path__endswith=task_suffix).count()


@pytest.mark.django_db
def test_a_due_source_is_enqueued_once_even_when_two_workers_tick() -> None:
    due = _source("due", due=NOW - dt.timedelta(minutes=1))
    _source("later", due=NOW + dt.timedelta(minutes=5))
    _source("off", due=NOW - dt.timedelta(hours=1), enabled=False)
    _source("never-scheduled", due=None)

    first = scheduler.enqueue_due_sources(NOW)
    second = scheduler.enqueue_due_sources(NOW)

    assert first == [due.pk]
    assert second == []
    assert _queued("fetch_source_task") == 1
    due.refresh_from_db()
    assert due.next_fetch_at == NOW + scheduler.CLAIM_LEASE


@pytest.mark.django_db
def test_the_daily_jobs_are_enqueued_once_a_day_after_their_hour() -> None:
    before_hour = dt.datetime(2026, 3, 2, 23, 30, tzinfo=UTC)  # 06:30 WIB on 3 March
    daily = ["cases.daily_digest", "prevention.pledge_reminders", "monitor.sweep_uploads"]
    assert scheduler.enqueue_daily_jobs(NOW) == daily
    assert scheduler.enqueue_daily_jobs(NOW + dt.timedelta(hours=1)) == []
    assert scheduler.enqueue_daily_jobs(before_hour) == []
    assert scheduler.enqueue_daily_jobs(before_hour + dt.timedelta(hours=1)) == daily  # 07:30 WIB next day
    assert _queued("send_daily_digest") == 2
    assert _queued("send_pledge_reminders") == 2
    assert ScheduleMark.objects.get(job="cases.daily_digest").last_run == before_hour + dt.timedelta(hours=1)


@pytest.mark.django_db
def test_a_stale_mark_read_by_two_workers_lets_only_one_claim() -> None:
    ScheduleMark.objects.create(job="cases.daily_digest", last_run=NOW - dt.timedelta(days=1))
    mark = ScheduleMark.objects.get()
    due = NOW - dt.timedelta(hours=3)
    assert ScheduleMark.objects.filter(job=mark.job, last_run=mark.last_run).update(last_run=NOW) == 1
    # The second worker read the same old mark; its conditional update now matches nothing.
    assert ScheduleMark.objects.filter(job=mark.job, last_run=mark.last_run).update(last_run=NOW) == 0
    assert scheduler._claim_daily(mark.job, due, NOW) is False


@pytest.mark.django_db
def test_the_daily_tasks_run_and_report_what_they_sent() -> None:
    from netral.cases.tasks import send_daily_digest
    from netral.prevention.tasks import send_pledge_reminders

    assert send_daily_digest.call() == 0  # nobody has deadlines
    assert send_pledge_reminders.call() == 0  # no campaign lags


@pytest.mark.django_db
def test_uploads_abandoned_at_the_mapping_step_are_swept_after_a_day(settings: Any, tmp_path: Path) -> None:
    import os
    import time

    from netral.monitor.tasks import sweep_pending_uploads

    settings.DATA_DIR = tmp_path
    folder = tmp_path / "monitor-uploads"
    folder.mkdir()
    (folder / "fresh").write_bytes(b"a")
    old = folder / "old"
    old.write_bytes(b"b")
    two_days_ago = time.time() - 48 * 3600
    os.utime(old, (two_days_ago, two_days_ago))

    assert sweep_pending_uploads.call() == 1
    assert [p.name for p in folder.iterdir()] == ["fresh"]
