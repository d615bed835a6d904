"""`netral facts --check | --rebuild`: the dashboards' fact tables (docs/insights.md, "Fact tables").

The case services keep them current in the same transaction as every change; `--check` compares them with the
case tables (exit 1 and the first case ids when they differ, e.g. after cases were edited with SQL or restored
from an old backup), `--rebuild` writes every row again from the case tables (in one transaction)."""

from __future__ import annotations

import argparse
import time

from netral.cli import setup_django

SHOWN = 20  # case ids listed when the tables differ


def add_arguments(parser: argparse.ArgumentParser) -> None:
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--check", action="store_true", help="compare the fact rows with the case tables")
    action.add_argument("--rebuild", action="store_true", help="write every fact row again from the case tables")


def run(args: argparse.Namespace) -> int:
    setup_django()
    from netral.insights.facts import differences, rebuild

    started = time.perf_counter()
    if args.rebuild:
        counted = rebuild()
        print(f"fakta ditulis ulang: {counted} perkara ({time.perf_counter() - started:.1f} s)")
        return 0
    wrong = differences()
    if wrong:
        listed = ", ".join(str(pk) for pk in wrong[:SHOWN]) + (" …" if len(wrong) > SHOWN else "")
        print(f"{len(wrong)} perkara berbeda dari fakta: {listed}; jalankan `netral facts --rebuild`")
        return 1
    print(f"fakta sesuai dengan tabel perkara ({time.perf_counter() - started:.1f} s)")
    return 0
