"""`netral serve` as a user runs it: a real gunicorn answering HTTP and the in-process worker running tasks.

Uses its own SQLite database in a temporary data folder (the embedded default), not the test database.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

NETRAL = [sys.executable, "-m", "netral.cli"]


def _django(env: dict[str, str], code: str) -> str:
    """Run Python with Django set up against the served instance's database; return what it printed."""
    script = f"import django; django.setup(); {code}"
    return subprocess.run(
        [sys.executable, "-c", script], env=env, check=True, capture_output=True, text=True
    ).stdout.strip()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_for(url: str, seconds: float) -> dict[str, str]:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - loopback URL built here
                return dict(json.load(response))
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "NETRAL_DATA_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'netral.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "netral.settings",
    }


def test_serve_answers_http_and_its_worker_runs_queued_tasks(env: dict[str, str]) -> None:
    subprocess.run([*NETRAL, "migrate"], env=env, check=True, capture_output=True)
    port = _free_port()
    server = subprocess.Popen(
        [*NETRAL, "serve", "--port", str(port), "--workers", "1"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        assert _wait_for(f"http://127.0.0.1:{port}/healthz", 30)["status"] == "ok"
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
            assert "Apa arti netral?" in response.read().decode()
        task_id = _django(env, "from netral.core.tasks import reload_reference_data as t; print(t.enqueue().id)")
        check = f"from django_tasks_db.models import DBTaskResult as R; print(R.objects.get(id='{task_id}').status)"
        status = ""
        deadline = time.monotonic() + 30
        while status != "SUCCESSFUL" and time.monotonic() < deadline:
            time.sleep(0.5)
            status = _django(env, check)
        assert status == "SUCCESSFUL"
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        output = server.communicate(timeout=30)[0].decode()
    assert "Netral berjalan di http://localhost:" in output
