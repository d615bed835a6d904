"""Load test on loopback: public report submissions and staff case lists under concurrency (locust, headless).

    .venv/bin/python bench/load.py                         # PostgreSQL netral_bench, 4 gunicorn workers, 30 s each
    .venv/bin/python bench/load.py --users 40 --seconds 60 --web-workers 5
    .venv/bin/python bench/load.py --database-url sqlite   # the embedded default instead

It creates (and afterwards drops) its own database, runs `netral migrate` and `netral demo`, starts gunicorn as the
production profile does (docs/operations.md; rate limits raised for the bench only), then runs two scenarios in turn
with `locust --headless` using this file as the locustfile:

- reporters: each simulated person walks the public form at /lapor/ (5 steps) and submits it, like a browser;
- staff: a Bawaslu user (bawaslu.banjar from the demo) lists /perkara/ through a session made by Django's session
  engine and marked as past the second factor (netral.accounts.twofactor), as after a real login with a TOTP code.

Prints requests/s, p50 and p95 per request and the submissions/s, with the machine's load. Locust runs on the same
machine and takes CPU from the server: the figures are a floor. A submission's receipt code is hashed with
Argon2id (≈ 100 ms of one core, deliberately: docs/portal.md), which caps submissions at about cores / hash time
(≈ 20/s on 2 cores) however fast everything else is; the bench prints that ceiling from a measured hash.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as dt
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "bench" / "out"
STAFF_USER = "bawaslu.banjar"
# A session as after password and second factor: made with Django's session engine, marked 2FA-verified.
STAFF_SESSION = f"""
from django.contrib.auth import get_user_model
from django.test import Client
from netral.accounts.twofactor import mark_verified
client = Client()
client.force_login(get_user_model().objects.get(username='{STAFF_USER}'))
session = client.session
mark_verified(session)
session.save()
print(session.session_key)
"""

STEPS: dict[str, dict[str, Any]] = {
    "kejadian": {
        "summary": "Uji beban: kepala desa mengarahkan pilihan",
        "description": "Kepala desa mengumpulkan perangkat desa dan meminta mereka memilih pasangan calon tertentu.",
        "election": "pilkada_2024",
        "violation_codes": ["D8"],
    },
    "terlapor": {"name": "Terlapor Beban", "subject_type": "village", "position": "Kepala Desa", "agency": "Desa"},
    "tempat-waktu": {"province": "63", "regency": "63.03", "district": "63.03.01", "place": "Balai desa"},
    "saksi": {"witness_name": "", "witness_contact": "", "witness_statement": ""},
    "pelapor": {"mode": "anonymous"},
}

if __name__ != "__main__":  # imported by locust as the locustfile (locust patches the standard library with gevent)
    from locust import HttpUser, between, task

    class Reporter(HttpUser):
        """Walks the multi-step form and submits; a new session (cookies) for every report."""

        wait_time = between(0, 0.2)

        @task
        def report(self) -> None:
            self.client.cookies.clear()
            self.client.get("/lapor/", name="GET /lapor/")
            token = self.client.cookies.get("csrftoken", "")
            headers = {"Referer": f"{self.host}/lapor/"}
            day = dt.date.today().isoformat()
            for step, values in STEPS.items():
                data = {**values, "csrfmiddlewaretoken": token, "next": "1"}
                if step == "tempat-waktu":
                    data["event_date"] = data["known_date"] = day
                with self.client.post(
                    f"/lapor/langkah/{step}/",
                    data=data,
                    headers=headers,
                    allow_redirects=False,
                    name="POST /lapor/langkah/[step]/",
                    catch_response=True,
                ) as response:
                    if response.status_code != 302:
                        response.failure(f"step {step}: {response.status_code}")
                        return
            with self.client.post(
                "/lapor/kirim/",
                data={"csrfmiddlewaretoken": token},
                headers=headers,
                name="POST /lapor/kirim/ (submission)",
                catch_response=True,
            ) as response:
                if response.status_code != 200 or 'id="kode-tanda-terima"' not in response.text:
                    response.failure(f"submit: {response.status_code}")

    class Staff(HttpUser):
        """A logged-in Bawaslu user opening the case list (first page) again and again."""

        wait_time = between(0, 0.2)

        def on_start(self) -> None:
            self.client.cookies.set("sessionid", os.environ["NETRAL_BENCH_SESSION"])

        @task
        def case_list(self) -> None:
            with self.client.get("/perkara/", name="GET /perkara/", allow_redirects=False, catch_response=True) as r:
                if r.status_code != 200:
                    r.failure(f"case list: {r.status_code}")


def netral(env: dict[str, str], *args: str) -> str:
    command = [sys.executable, "-m", "netral.cli", *args]
    return subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout  # noqa: S603


def django(env: dict[str, str], code: str) -> str:
    script = f"import django; django.setup(); {code}"
    command = [sys.executable, "-c", script]
    return subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout.strip()  # noqa: S603


@contextlib.contextmanager
def scratch_database(url: str, data: Path) -> Iterator[str]:
    """A fresh database for the run: the PostgreSQL database named in `url` (dropped after), or SQLite in `data`."""
    if url == "sqlite":
        yield f"sqlite:///{data / 'netral.sqlite3'}"
        return
    import psycopg

    base, _, name = url.rpartition("/")
    with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield url
    finally:
        with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def gunicorn(env: dict[str, str], workers: int, threads: int) -> Iterator[str]:
    port = free_port()
    command = [
        sys.executable, "-m", "gunicorn", "netral.wsgi", "--bind", f"127.0.0.1:{port}",
        "--workers", str(workers), "--threads", str(threads), "--graceful-timeout", "10",
    ]  # fmt: skip
    quiet = subprocess.DEVNULL
    server = subprocess.Popen(command, env=env, stdout=quiet, stderr=quiet, start_new_session=True)  # noqa: S603
    try:
        import urllib.request

        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.3)
        yield f"http://127.0.0.1:{port}"
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def run_locust(env: dict[str, str], url: str, user_class: str, users: int, seconds: int) -> list[dict[str, str]]:
    """Run one scenario headless; returns locust's per-request statistics rows (its CSV)."""
    with tempfile.TemporaryDirectory() as folder:
        prefix = str(Path(folder) / "stats")
        command = [
            sys.executable, "-m", "locust", "-f", str(Path(__file__).resolve()), "--headless", "--only-summary",
            "--users", str(users), "--spawn-rate", str(users), "--run-time", f"{seconds}s", "--host", url,
            "--csv", prefix, "--loglevel", "WARNING", user_class,
        ]  # fmt: skip
        subprocess.run(command, env=env, check=False, capture_output=True, text=True)  # noqa: S603
        with open(f"{prefix}_stats.csv", newline="") as fh:
            return list(csv.DictReader(fh))


def show(title: str, rows: list[dict[str, str]], seconds: int) -> dict[str, float]:
    print(f"\n{title}")
    print(f"  {'request':<34} {'count':>7} {'fail':>5} {'req/s':>8} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7}")
    figures: dict[str, float] = {}
    for row in rows:
        name = row["Name"] if row["Name"] != "Aggregated" else "(all requests)"
        print(
            f"  {name:<34} {int(row['Request Count']):>7,} {int(row['Failure Count']):>5} "
            f"{float(row['Requests/s']):>8.1f} {row['50%']:>7} {row['95%']:>7} {row['99%']:>7}"
        )
        figures[name] = float(row["Requests/s"])
        figures[name + " p95"] = float(row["95%"] or 0)
    load1, load5, _ = os.getloadavg()
    print(f"  load average after: {load1:.2f} (1 min), {load5:.2f} (5 min) on {os.cpu_count()} CPUs")
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default="postgres://netral:netral@127.0.0.1:5432/netral_bench",
                        help="PostgreSQL URL of a database to create and drop, or 'sqlite'")  # fmt: skip
    parser.add_argument("--web-workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=4, help="threads per gunicorn worker (as netral serve)")
    parser.add_argument("--users", type=int, default=20, help="concurrent simulated users per scenario")
    parser.add_argument("--seconds", type=int, default=30, help="duration of each scenario")
    args = parser.parse_args()

    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=OUT, prefix="load-") as folder:
        data = Path(folder)
        with scratch_database(args.database_url, data) as url:
            env = {
                **os.environ,
                "NETRAL_DATA_DIR": str(data),
                "DATABASE_URL": url,
                "DJANGO_SETTINGS_MODULE": "netral.settings",
                # bench only: the per-client limits would stop one loopback client after ten reports an hour
                "NETRAL_PORTAL_SUBMIT_RATE": "10000000/h",
                "NETRAL_PORTAL_LOOKUP_RATE": "10000000/h",
                "NETRAL_LOG_LEVEL": "WARNING",
            }
            print(f"Preparing {url.split('@')[-1]}: migrate, demo data, static files…", flush=True)
            netral(env, "migrate")
            netral(env, "demo")
            netral(env, "manage", "collectstatic", "--noinput", "-v", "0")
            env["NETRAL_BENCH_SESSION"] = django(env, STAFF_SESSION)
            hash_ms = float(
                django(
                    env,
                    "import time; from netral.portal.receipt import hash_code; hash_code('1234567890123456'); "
                    "t = time.perf_counter(); [hash_code('1234567890123456') for _ in range(5)]; "
                    "print((time.perf_counter() - t) / 5 * 1000)",
                )
            )
            cases = int(django(env, "from netral.cases.models import Case; print(Case.objects.count())"))
            print(f"gunicorn: {args.web_workers} workers × {args.threads} threads; {args.users} users per scenario, "
                  f"{args.seconds} s each; {cases} demo cases before the run")  # fmt: skip
            with gunicorn(env, args.web_workers, args.threads) as base:
                reporters = show(
                    "Scenario 1 — public report submissions (5 form steps + submit per report)",
                    run_locust(env, base, "Reporter", args.users, args.seconds),
                    args.seconds,
                )
                staff = show(
                    f"Scenario 2 — staff case list /perkara/ as {STAFF_USER}",
                    run_locust(env, base, "Staff", args.users, args.seconds),
                    args.seconds,
                )
            total = int(django(env, "from netral.cases.models import Case; print(Case.objects.count())"))
    submissions = reporters.get("POST /lapor/kirim/ (submission)", 0.0)
    cores = os.cpu_count() or 1
    print("\nSummary")
    print(f"  submissions: {submissions:.1f}/s, p95 {reporters.get('POST /lapor/kirim/ (submission) p95', 0):.0f} ms "
          f"({total - cases} reports stored)  — goal ≥ 200/s, p95 < 200 ms")  # fmt: skip
    print(f"  case list:   {staff.get('GET /perkara/', 0.0):.1f}/s, p95 {staff.get('GET /perkara/ p95', 0):.0f} ms")
    print(
        f"  receipt-code Argon2id hash: {hash_ms:.0f} ms of one core → ceiling ≈ {cores} cores / "
        f"{hash_ms / 1000:.3f} s ≈ {cores / (hash_ms / 1000):.0f} submissions/s on this machine before any other"
    )
    print("  work; the cost is deliberate (docs/portal.md) and is not lowered for the bench.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
