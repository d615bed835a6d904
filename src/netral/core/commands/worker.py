"""`netral worker`: the background task worker (django-tasks-db). Run several for more throughput."""

from __future__ import annotations

import argparse

from netral.cli import setup_django


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--queue", default="*", help="queue names, comma-separated; * for all (default)")
    parser.add_argument("--interval", type=float, default=1.0, help="seconds between polls when idle")
    parser.add_argument("--max-tasks", type=int, default=None, help="stop after this many tasks (for tests)")


def run(args: argparse.Namespace) -> int:
    setup_django()
    from django.core.management import call_command

    call_command("db_worker", *worker_options(args.queue, args.interval, args.max_tasks))
    return 0


def worker_options(queue: str, interval: float, max_tasks: int | None) -> list[str]:
    options = ["--queue-name", queue, "--interval", str(interval)]
    return [*options, "--max-tasks", str(max_tasks)] if max_tasks else options
