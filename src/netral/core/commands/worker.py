"""`netral worker`: the background task worker (django-tasks-db) and the scheduler that enqueues periodic work
(due source fetches, the daily digest). Run several for more throughput; their schedulers never double-enqueue."""

from __future__ import annotations

import argparse

from netral.cli import setup_django


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--queue", default="*", help="queue names, comma-separated; * for all (default)")
    parser.add_argument("--interval", type=float, default=1.0, help="seconds between polls when idle")
    parser.add_argument("--max-tasks", type=int, default=None, help="stop after this many tasks (for tests)")
    parser.add_argument(
        "--no-scheduler", action="store_true", help="only run tasks; do not enqueue due fetches and the daily digest"
    )


def run(args: argparse.Namespace) -> int:
    setup_django()
    from netral.core.scheduler import start_in_thread

    if not args.no_scheduler:
        start_in_thread()
    run_worker(args.queue, args.interval, args.max_tasks)
    return 0


def run_worker(queue: str, interval: float, max_tasks: int | None) -> None:
    """The task backend's own worker: django-tasks-db's `db_worker`, or django-rq's `rqworker`."""
    from django.conf import settings
    from django.core.management import call_command

    if settings.NETRAL_TASKS_BACKEND == "rq":
        queues = list(settings.RQ_QUEUES) if queue == "*" else queue.split(",")
        jobs = ["--max-jobs", str(max_tasks)] if max_tasks else []
        call_command("rqworker", *queues, "--job-class", "django_tasks_rq.backend.Job", *jobs)
        return
    options = ["--queue-name", queue, "--interval", str(interval)]
    call_command("db_worker", *options, *(["--max-tasks", str(max_tasks)] if max_tasks else []))
