"""A real `netral serve` for the case-flow browser test, on its own SQLite database in a temporary data folder.

Not pytest-django's live server: the audit log refuses to be flushed (append-only triggers), so flows that write
audit entries run against a separate instance that is simply thrown away.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from tests.servers import NETRAL, django, instance_env, serving


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
    with serving(env) as url:
        yield Server(url, passwords, env)
