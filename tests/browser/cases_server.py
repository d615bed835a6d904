"""A real `netral serve` for the case-flow browser test, on its own SQLite database in a temporary data folder.

Not pytest-django's live server: the audit log refuses to be flushed (append-only triggers), so flows that write
audit entries run against a separate instance that is simply thrown away.
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
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

NETRAL = [sys.executable, "-m", "netral.cli"]


@dataclass(frozen=True)
class Server:
    url: str
    passwords: dict[str, str]
    env: dict[str, str]


def django(env: dict[str, str], code: str) -> str:
    script = f"import django; django.setup(); {code}"
    return subprocess.run(
        [sys.executable, "-c", script], env=env, check=True, capture_output=True, text=True
    ).stdout.strip()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_for(url: str, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 - loopback URL built here
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


@pytest.fixture(scope="module")
def case_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    data = Path(tmp_path_factory.mktemp("cases-serve"))
    env = {
        **os.environ,
        "NETRAL_DATA_DIR": str(data),
        "DATABASE_URL": f"sqlite:///{data / 'netral.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "netral.settings",
    }
    subprocess.run([*NETRAL, "migrate"], env=env, check=True, capture_output=True)
    code = "import json; from netral.cases.demo import load_demo_cases as f; print(json.dumps(f(with_cases=False)))"
    out = django(env, code)
    passwords = json.loads(out.splitlines()[-1])
    port = _free_port()
    server = subprocess.Popen(
        [*NETRAL, "serve", "--port", str(port), "--workers", "1"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        _wait_for(f"http://127.0.0.1:{port}/healthz", 60)
        yield Server(f"http://127.0.0.1:{port}", passwords, env)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
