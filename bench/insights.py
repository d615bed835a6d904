"""Insights speed: 100,000 generated cases, then p50/p95 of the main dashboard, the map data and a filtered case list.

Generates the cases with `netral.insights.synthetic.generate` (bulk_create: tracks, events, violation types,
reported persons and n/5 media alerts, skewed like real data) into a fresh Netral database — a new SQLite file in
a temporary data folder, or `--database-url` (a PostgreSQL database you created, empty or migratable; its tables
are filled, so use a database of its own) — then measures requests through Django's test Client as a logged-in
user (the real middleware and view stack, in-process):

* the national dashboard as Bawaslu RI (`/dasbor/`);
* the province map layer as Bawaslu RI (`/dasbor/peta/provinsi.geojson`);
* a filtered case list as Bawaslu Provinsi of the busiest province (`/perkara/?intake=laporan&status=all`);
* for information: the province dashboard, the handling-time page and the index page.

Goal (issue 7): p95 < 150 ms on PostgreSQL. Each line ends with the one-minute load average after its runs (the
machine may be shared); `--explain` adds, per page, the database's own execution time of one request's queries
(EXPLAIN ANALYZE of each, summed, and the slowest), which other processes disturb far less than the wall clock.

    .venv/bin/python bench/insights.py --cases 100000
    createdb -h 127.0.0.1 -U netral netral_insights_bench
    .venv/bin/python bench/insights.py --cases 100000 --database-url postgres://netral:netral@127.0.0.1:5432/netral_insights_bench
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
GOAL_MS = 150.0


def prepare(database_url: str | None, data: Path) -> None:
    os.environ["NETRAL_DATA_DIR"] = str(data)
    os.environ["DATABASE_URL"] = database_url or f"sqlite:///{data / 'netral.sqlite3'}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "netral.settings"
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "netral.cli", "migrate"], check=True, cwd=ROOT, capture_output=True)  # noqa: S603
    print(f"database {os.environ['DATABASE_URL']} migrated in {time.perf_counter() - started:.1f} s")


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def explain(captured: list[dict[str, str]]) -> str:
    """Sum and maximum of the server execution times of the captured SELECTs, run again under EXPLAIN ANALYZE."""
    from django.db import connection

    times = []
    with connection.cursor() as cursor:
        for query in captured:
            if query["sql"].lstrip().upper().startswith("SELECT"):
                cursor.execute("EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) " + query["sql"])
                times.append(float(cursor.fetchone()[0][0]["Execution Time"]))
    return f"   EXPLAIN ANALYZE: {sum(times):6.1f} ms in {len(times)} queries, slowest {max(times, default=0):5.1f} ms"


def measure(label: str, user: object, url: str, runs: int, explained: bool) -> None:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from netral.accounts.twofactor import mark_verified

    client = Client(HTTP_HOST="localhost")
    client.force_login(user)  # type: ignore[arg-type]
    session = client.session  # as after a real login with the second factor (roles that need one)
    mark_verified(session)
    session.save()
    for _ in range(2):
        assert client.get(url).status_code == 200, url
    timings = []
    for _ in range(runs):
        t0 = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        timings.append((time.perf_counter() - t0) * 1000)
        assert response.status_code == 200
    p95 = percentile(timings, 95)
    flag = "" if p95 < GOAL_MS else "  (above the 150 ms goal)"
    load = os.getloadavg()[0]
    line = f"{label:40} {statistics.median(timings):8.1f} {p95:8.1f} {len(queries):8d} {load:6.2f}{flag}"
    if explained and connection.vendor == "postgresql":
        line += explain(queries.captured_queries)
    print(line, flush=True)


def read_case_tables() -> None:
    """Point the insights services at the case tables (the reference queries, as before the fact tables)."""
    from netral.insights import services
    from netral.insights.from_cases import CASES

    functions: tuple[Any, ...] = (
        services.counts,
        services.region_rows,
        services.dashboard,
        services.table,
        services.vulnerability,
        services.handling_times,
    )
    for function in functions:
        function.__kwdefaults__["source"] = CASES
    print("reading the case tables (netral.insights.from_cases), not the fact tables")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=30, help="timed requests per page (after 2 warm-up requests)")
    parser.add_argument("--database-url", default=None)
    parser.add_argument(
        "--reuse", action="store_true", help="measure a --database-url already filled by an earlier run (no generation)"
    )
    parser.add_argument("--explain", action="store_true", help="PostgreSQL: add EXPLAIN ANALYZE execution times")
    parser.add_argument("--cold-only", action="store_true", help="measure only with the insights cache off")
    parser.add_argument(
        "--source",
        choices=("facts", "cases"),
        default="facts",
        help="where the pages read case figures: the fact tables (as deployed) or the case tables (the queries used "
        "before the fact tables, kept as the reference in netral.insights.from_cases), for a comparison",
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="netral-insights-bench-") as tmp:
        prepare(args.database_url, Path(tmp))
        import django

        django.setup()
        from django.conf import settings

        # No collectstatic in a throw-away data folder: plain static URLs, as in the tests.
        settings.STORAGES = {
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }
        from django.db import connection
        from django.db.models import Count
        from django.db.models.functions import Substr

        from netral.accounts.models import User
        from netral.cases.models import Case, TrackEvent
        from netral.geo.models import Region
        from netral.insights.synthetic import generate

        if Case.objects.exists() and not args.reuse:
            print("the database already holds cases: use an empty one (or --reuse)", file=sys.stderr)
            return 2
        if not args.reuse:
            started = time.perf_counter()
            made = generate(args.cases)
            print(
                f"generated {made.cases:,} cases, {made.tracks:,} tracks, {made.events:,} events, "
                f"{made.alerts:,} alerts in {time.perf_counter() - started:.1f} s",
                flush=True,
            )
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        if args.source == "cases":
            read_case_tables()
        busiest = (
            Case.objects.annotate(p=Substr("event_region_code", 1, 2))
            .values_list("p")
            .annotate(n=Count("pk"))
            .order_by("-n")
            .first()
        )
        assert busiest is not None
        province = busiest[0]
        print(f"busiest province {province}: {busiest[1]:,} cases; events total {TrackEvent.objects.count():,}")
        User.objects.filter(username__startswith="bench-").delete()
        ri = User.objects.create_user("bench-ri", role="bawaslu_ri")
        prov = User.objects.create_user(
            "bench-prov",
            role="bawaslu_provinsi",
            jurisdiction=Region.objects.get(code=province),
        )
        pages = [
            ("main dashboard (national)", ri, "/dasbor/"),
            ("map data (provinces GeoJSON)", ri, "/dasbor/peta/provinsi.geojson"),
            ("filtered case list (province)", prov, "/perkara/?intake=laporan&status=all"),
            ("province dashboard", prov, "/dasbor/"),
            ("map drill-down (regencies GeoJSON)", prov, f"/dasbor/peta/{province}/kabupaten.geojson"),
            ("vulnerability index (national)", ri, "/dasbor/indeks/"),
            ("handling time per step (province)", prov, "/dasbor/waktu/"),
        ]
        modes = (("cold: cache off, every request computes", 0), ("warm: cache on (300 s)", 300))
        for mode, seconds in modes[:1] if args.cold_only else modes:
            settings.NETRAL_INSIGHTS_CACHE_SECONDS = seconds
            print(f"\n{mode}; load average {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
            head = f"{'page':40} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8} {'load':>6}"
            print(f"{head}  ({args.runs} runs, {connection.vendor})")
            for label, user, url in pages:
                measure(label, user, url, args.runs, args.explain and seconds == 0)
        connection.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
