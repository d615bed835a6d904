"""The production profile of docs/operations.md, run for real: gunicorn with three workers, two `netral worker`
processes, whitenoise's hashed static files, the health endpoint, and tasks that run exactly once.

Uses its own database: SQLite in a temporary data folder, or a scratch PostgreSQL database when DATABASE_URL names
PostgreSQL (the profile's real target).
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.servers import NETRAL, django, free_port, instance_env, own_database, wait_for

TASKS = 6


@pytest.fixture
def env(tmp_path: Path) -> Iterator[dict[str, str]]:
    with own_database(tmp_path, "profile") as url:
        yield instance_env(tmp_path, DATABASE_URL=url)


@contextlib.contextmanager
def started(command: list[str], env: dict[str, str]) -> Iterator[subprocess.Popen[bytes]]:
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    try:
        yield process
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def children(pid: int) -> int:
    """How many processes have `pid` as parent (gunicorn's workers under its master)."""
    count = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError):
            count += stat.read_text().rsplit(")", 1)[1].split()[1] == str(pid)
    return count


def test_gunicorn_workers_whitenoise_health_and_two_task_workers_run_each_task_once(env: dict[str, str]) -> None:
    subprocess.run([*NETRAL, "migrate"], env=env, check=True, capture_output=True)
    subprocess.run([*NETRAL, "manage", "collectstatic", "--noinput"], env=env, check=True, capture_output=True)
    port = free_port()
    gunicorn = [sys.executable, "-m", "gunicorn", "netral.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "3"]
    worker = [*NETRAL, "worker", "--interval", "0.2"]
    with started(gunicorn, env) as web, started(worker, env), started(worker, env):
        health = wait_for(f"http://127.0.0.1:{port}/healthz", 60)
        assert health["status"] == "ok"
        assert children(web.pid) == 3

        static_root = Path(django(env, "from django.conf import settings; print(settings.STATIC_ROOT)"))
        manifest = json.loads((static_root / "staticfiles.json").read_text())["paths"]
        original = next(name for name in manifest if name.endswith(".css"))
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/static/{manifest[original]}", timeout=5) as response:
            assert response.status == 200
            assert "immutable" in response.headers["Cache-Control"]
            assert "max-age=315360000" in response.headers["Cache-Control"]  # hashed name: cached ten years

        ids = django(
            env,
            "from netral.core.tasks import reload_reference_data as t; "
            f"print(' '.join(str(t.enqueue().id) for _ in range({TASKS})))",
        ).split()
        query = (
            "import json; from django_tasks_db.models import DBTaskResult as R; "
            f"print(json.dumps([[r.status, r.worker_ids] for r in R.objects.filter(id__in={ids!r})]))"
        )
        deadline = time.monotonic() + 90
        results: list[list[object]] = []
        while time.monotonic() < deadline:
            results = json.loads(django(env, query))
            if len(results) == TASKS and all(status in ("SUCCESSFUL", "FAILED") for status, _ in results):
                break
            time.sleep(0.5)
    assert [status for status, _ in results] == ["SUCCESSFUL"] * TASKS
    assert all(len(workers) == 1 for _, workers in results)  # type: ignore[arg-type]  # claimed by one worker only
