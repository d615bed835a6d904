"""`netral serve` as a user runs it: a real gunicorn answering HTTP and the in-process worker running tasks.

Uses its own SQLite database in a temporary data folder (the embedded default), not the test database.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from tests.servers import NETRAL, django, free_port, instance_env, wait_for


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return instance_env(tmp_path)


def test_serve_answers_http_and_its_worker_runs_queued_tasks(env: dict[str, str]) -> None:
    subprocess.run([*NETRAL, "migrate"], env=env, check=True, capture_output=True)
    port = free_port()
    server = subprocess.Popen(
        [*NETRAL, "serve", "--port", str(port), "--workers", "1"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        assert wait_for(f"http://127.0.0.1:{port}/healthz", 30)["status"] == "ok"
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
            assert "Apa arti netral?" in response.read().decode()
        task_id = django(env, "from netral.core.tasks import reload_reference_data as t; print(t.enqueue().id)")
        check = f"from django_tasks_db.models import DBTaskResult as R; print(R.objects.get(id='{task_id}').status)"
        status = ""
        deadline = time.monotonic() + 30
        while status != "SUCCESSFUL" and time.monotonic() < deadline:
            time.sleep(0.5)
            status = django(env, check)
        assert status == "SUCCESSFUL"
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        output = server.communicate(timeout=30)[0].decode()
    assert "Netral berjalan di http://localhost:" in output
