"""A real `netral serve` on a throw-away SQLite data folder, and a client that walks the report form over HTTP.

Used by the crash test and the browser tests (not pytest-django's live server: the append-only audit log refuses
the flush).
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import requests
from tests.servers import NETRAL, free_port, instance_env, wait_for


def portal_env(data: Path, **extra: str) -> dict[str, str]:
    """An instance whose portal rate limits let the tests' own bursts through."""
    return instance_env(data, NETRAL_PORTAL_SUBMIT_RATE="100000/h", NETRAL_PORTAL_LOOKUP_RATE="100000/h", **extra)


@dataclass
class Running:
    url: str
    process: subprocess.Popen[bytes]

    def kill(self, sig: int = signal.SIGKILL) -> None:
        os.killpg(self.process.pid, sig)
        self.process.wait(timeout=30)


def start(env: dict[str, str], *, workers: int = 2, port: int | None = None) -> Running:
    port = port or free_port()
    process = subprocess.Popen(
        [*NETRAL, "serve", "--port", str(port), "--workers", str(workers), "--no-worker"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        wait_for(f"http://127.0.0.1:{port}/healthz", 60)
    except BaseException:
        os.killpg(process.pid, signal.SIGKILL)
        raise
    return Running(f"http://127.0.0.1:{port}", process)


STEPS: dict[str, dict[str, Any]] = {
    "kejadian": {
        "summary": "",
        "description": "Kepala desa mengumpulkan perangkat desa dan meminta mereka memilih pasangan calon.",
        "election": "pilkada_2024",
        "violation_codes": ["D8"],
    },
    "terlapor": {"name": "Terlapor Uji", "subject_type": "village", "position": "Kepala Desa", "agency": "Desa"},
    "tempat-waktu": {
        "province": "63",
        "regency": "63.03",
        "district": "63.03.01",
        "place": "Balai desa",
        "event_date": "",
        "known_date": "",
    },
    "saksi": {"witness_name": "", "witness_contact": "", "witness_statement": ""},
    "pelapor": {"mode": "anonymous"},
}


def submit_over_http(url: str, summary: str, files: list[tuple[str, bytes]], *, day: str, timeout: float = 30) -> str:
    """Walk the form like a browser; return the receipt code (16 digits) or raise."""
    session = requests.Session()
    session.get(f"{url}/lapor/", timeout=timeout).raise_for_status()
    token = session.cookies["csrftoken"]
    headers = {"Referer": f"{url}/lapor/"}
    for step, values in STEPS.items():
        data = {**values, "csrfmiddlewaretoken": token, "next": "1"}
        if step == "kejadian":
            data["summary"] = summary
        if step == "tempat-waktu":
            data["event_date"] = data["known_date"] = day
        response = session.post(f"{url}/lapor/langkah/{step}/", data=data, headers=headers, timeout=timeout,
                                allow_redirects=False)  # fmt: skip
        if response.status_code != 302:
            raise RuntimeError(f"step {step}: {response.status_code}")
    upload = [("evidence", (name, content, "application/octet-stream")) for name, content in files]
    response = session.post(
        f"{url}/lapor/kirim/", data={"csrfmiddlewaretoken": token}, files=upload, headers=headers, timeout=timeout
    )
    match = re.search(r'id="kode-tanda-terima">([0-9 ]+)<', response.text)
    if response.status_code != 200 or not match:
        raise RuntimeError(f"submit: {response.status_code}")
    return match.group(1).replace(" ", "")
