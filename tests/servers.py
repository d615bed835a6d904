"""Helpers for tests that run Netral as a user does: `netral` subprocesses on a throw-away SQLite data folder.

Such tests use their own instance instead of pytest-django's live server, because the append-only audit log
refuses the flush that transactional tests end with.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

NETRAL = [sys.executable, "-m", "netral.cli"]


def instance_env(data: Path, **extra: str) -> dict[str, str]:
    """The environment of an instance whose database, secret key and files live in `data`."""
    return {
        **os.environ,
        "NETRAL_DATA_DIR": str(data),
        "DATABASE_URL": f"sqlite:///{data / 'netral.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "netral.settings",
        **extra,
    }


@contextlib.contextmanager
def own_database(data: Path, label: str) -> Iterator[str]:
    """The URL of a database only this test uses: a SQLite file in `data`, or, when DATABASE_URL names PostgreSQL,
    a scratch database made here and dropped afterwards (the suite's role needs only CREATEDB)."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        yield f"sqlite:///{data / 'netral.sqlite3'}"
        return
    import psycopg

    base = url.rpartition("/")[0]
    name = f"netral_{label}_{os.getpid()}"
    with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{base}/{name}"
    finally:
        drop_database(f"{base}/postgres", name)


def drop_database(maintenance_url: str, name: str) -> None:
    """Drop a scratch database. Not `WITH (FORCE)`: that needs the right to end other roles' sessions (autovacuum
    on the new database counts as one); ending our own sessions is allowed, and plain DROP cancels autovacuum."""
    import psycopg

    with psycopg.connect(maintenance_url, autocommit=True) as admin:
        for attempt in range(10):
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = %s AND usename = current_user AND pid <> pg_backend_pid()",
                (name,),
            )
            try:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
                return
            except psycopg.errors.ObjectInUse:
                if attempt == 9:
                    raise
                time.sleep(0.5)


def django(env: dict[str, str], code: str) -> str:
    """Run Python with Django set up against the instance's database; return what it printed."""
    script = f"import django; django.setup(); {code}"
    return subprocess.run(
        [sys.executable, "-c", script], env=env, check=True, capture_output=True, text=True
    ).stdout.strip()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(url: str, seconds: float) -> Any:
    """The JSON an URL answers once it answers at all (the health endpoint while the server starts)."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - loopback URL built here
                return json.load(response)
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


@contextlib.contextmanager
def serving(env: dict[str, str], *, workers: int = 1) -> Iterator[str]:
    """`netral serve` (web app and worker with its scheduler) on a free port; yields its base URL, stops it after."""
    port = free_port()
    server = subprocess.Popen(
        [*NETRAL, "serve", "--port", str(port), "--workers", str(workers)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        wait_for(f"http://127.0.0.1:{port}/healthz", 60)
        yield f"http://127.0.0.1:{port}"
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
