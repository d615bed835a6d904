"""NETRAL_TASKS_BACKEND=rq: tasks go through a real Redis and `netral worker` runs them with django-rq.

Needs the `redis-server` binary (Debian package redis-server; `.ci/run` installs it). Without it the test is
skipped, unless NETRAL_REQUIRE_REDIS=1 (CI) makes that a failure.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.servers import NETRAL, django, free_port, instance_env

REDIS = shutil.which("redis-server")


@pytest.fixture
def redis_url(tmp_path: Path) -> Iterator[str]:
    if REDIS is None:
        if os.environ.get("NETRAL_REQUIRE_REDIS") == "1":
            pytest.fail("redis-server is required (NETRAL_REQUIRE_REDIS=1) but not installed")
        pytest.skip("redis-server is not installed")
    port = free_port()
    server = subprocess.Popen(
        [REDIS, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", str(tmp_path)],
        stdout=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while (
            subprocess.run(
                [REDIS.replace("redis-server", "redis-cli"), "-p", str(port), "ping"], capture_output=True, text=True
            ).stdout.strip()
            != "PONG"
        ):
            assert time.monotonic() < deadline, "redis-server did not start"
            time.sleep(0.1)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_a_task_enqueued_with_the_rq_backend_is_run_by_netral_worker(tmp_path: Path, redis_url: str) -> None:
    env = instance_env(tmp_path / "data", NETRAL_TASKS_BACKEND="rq", NETRAL_REDIS_URL=redis_url)
    subprocess.run([*NETRAL, "migrate"], env=env, check=True, capture_output=True)
    uploads = tmp_path / "data" / "monitor-uploads"
    uploads.mkdir(parents=True)
    stale = uploads / "abandoned"
    stale.write_bytes(b"x")
    os.utime(stale, (time.time() - 3 * 86400,) * 2)
    result_id = django(
        env,
        "from django.conf import settings; assert settings.TASKS['default']['BACKEND'].endswith('RQBackend'); "
        "from netral.monitor.tasks import sweep_pending_uploads as t; print(t.enqueue().id)",
    ).splitlines()[-1]

    subprocess.run([*NETRAL, "worker", "--no-scheduler", "--max-tasks", "1"], env=env, check=True, timeout=60)

    status = django(
        env,
        "from netral.monitor.tasks import sweep_pending_uploads as t; "
        f"r = t.get_result({result_id!r}); print(r.status, r.return_value)",
    ).splitlines()[-1]
    assert status == "SUCCESSFUL 1"
    assert not stale.exists()


def test_an_unknown_task_backend_is_refused_at_start(tmp_path: Path) -> None:
    env = instance_env(tmp_path, NETRAL_TASKS_BACKEND="celery")
    done = subprocess.run([*NETRAL, "migrate"], env=env, capture_output=True, text=True)
    assert done.returncode != 0
    assert "NETRAL_TASKS_BACKEND must be db or rq" in done.stderr
