"""A real `netral serve` for the case-flow browser test, on its own SQLite database in a temporary data folder.

Not pytest-django's live server: the audit log refuses to be flushed (append-only triggers), so flows that write
audit entries run against a separate instance that is simply thrown away.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from tests.servers import NETRAL, django, free_port, instance_env, wait_for


@dataclass(frozen=True)
class Server:
    url: str
    passwords: dict[str, str]
    env: dict[str, str]


@pytest.fixture(scope="module")
def case_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    data = Path(tmp_path_factory.mktemp("cases-serve"))
    env = instance_env(data)
    subprocess.run([*NETRAL, "migrate"], env=env, check=True, capture_output=True)
    code = "import json; from netral.cases.demo import load_demo_cases as f; print(json.dumps(f(with_cases=False)))"
    out = django(env, code)
    passwords = json.loads(out.splitlines()[-1])
    port = free_port()
    server = subprocess.Popen(
        [*NETRAL, "serve", "--port", str(port), "--workers", "1"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        wait_for(f"http://127.0.0.1:{port}/healthz", 60)
        yield Server(f"http://127.0.0.1:{port}", passwords, env)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
