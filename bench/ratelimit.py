"""Microseconds per rate-limit hit (`netral.core.ratelimit.hit`) on the configured database.

Uses a throw-away database holding only the counter table: a temporary SQLite file by default (with the
project's SQLite settings: WAL, IMMEDIATE, synchronous=NORMAL), or with DATABASE_URL pointing at PostgreSQL a
database `<name>_bench_ratelimit` created and dropped around the run. Times N hits spread over M clients.

    .venv/bin/python bench/ratelimit.py                    # SQLite file, 5,000 hits over 100 clients
    DATABASE_URL=postgres://netral:netral@127.0.0.1:5432/netral .venv/bin/python bench/ratelimit.py
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--hits", type=int, default=5000)
    parser.add_argument("--clients", type=int, default=100)
    args = parser.parse_args()

    tmp = tempfile.mkdtemp(prefix="netral-bench-rl-")
    if "DATABASE_URL" not in os.environ:
        os.environ["DATABASE_URL"] = f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
    os.environ.setdefault("NETRAL_DATA_DIR", tmp)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "netral.settings")
    import django

    django.setup()
    from django.db import connection
    from django.test import RequestFactory

    from netral.core import ratelimit
    from netral.core.models import RateLimitCounter

    bench_db = ""
    if connection.vendor == "postgresql":
        bench_db = f"{connection.settings_dict['NAME']}_bench_ratelimit"
        with connection._nodb_cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{bench_db}"')
            cursor.execute(f'CREATE DATABASE "{bench_db}"')
        connection.close()
        connection.settings_dict["NAME"] = bench_db
    with connection.schema_editor() as editor:
        editor.create_model(RateLimitCounter)
    ratelimit.PRUNE_PROBABILITY = 0.0  # time the hit itself; pruning is measured separately below
    factory = RequestFactory()
    requests = [factory.post("/", REMOTE_ADDR=f"198.51.100.{n % 250}") for n in range(args.clients)]
    keys = [f"client-{n}" for n in range(args.clients)]

    for n in range(200):  # warm-up: connection, prepared statement cache
        ratelimit.hit(requests[n % args.clients], "bench.warm", "1000000/h", key=keys[n % args.clients])
    samples = []
    started = time.perf_counter()
    for n in range(args.hits):
        t0 = time.perf_counter()
        ratelimit.hit(requests[n % args.clients], "bench.scope", "1000000/h", key=keys[n % args.clients])
        samples.append(time.perf_counter() - t0)
    total = time.perf_counter() - started
    # The alternative considered: get_or_create + F() update in a transaction (three statements, two round trips
    # more). bulk_create(update_conflicts=True) cannot add to the stored count, so it is not a candidate.
    from django.db import transaction
    from django.db.models import F

    orm_started = time.perf_counter()
    for n in range(args.hits):
        with transaction.atomic():
            row, _ = RateLimitCounter.objects.get_or_create(
                scope_key=f"orm-{n % args.clients}", window_start=0, defaults={"window_end": 1}
            )
            RateLimitCounter.objects.filter(pk=row.pk).update(count=F("count") + 1)
            RateLimitCounter.objects.filter(pk=row.pk).values_list("count", flat=True).get()
    orm_total = time.perf_counter() - orm_started

    t0 = time.perf_counter()
    deleted = ratelimit.prune(before=time.time() + 10 * 86400)
    prune_ms = (time.perf_counter() - t0) * 1000

    samples.sort()
    print(f"database: {connection.vendor}  hits: {args.hits}  clients: {args.clients}")
    print(f"mean   {total / args.hits * 1e6:8.1f} µs/hit")
    print(f"median {statistics.median(samples) * 1e6:8.1f} µs/hit")
    print(f"p99    {samples[int(len(samples) * 0.99)] * 1e6:8.1f} µs/hit")
    print(f"ORM get_or_create + F() in a transaction, for comparison: {orm_total / args.hits * 1e6:.1f} µs/hit")
    print(f"prune of {deleted} rows: {prune_ms:.1f} ms")
    if bench_db:
        connection.close()
        with connection._nodb_cursor() as cursor:
            cursor.execute(f'DROP DATABASE "{bench_db}"')
    sys.exit(0)


if __name__ == "__main__":
    main()
