"""`netral report [--region CODE] [--period minggu|bulan] [--until YYYY-MM-DD] --output FILE.pdf`: the periodic
neutrality report (summary, map, charts, tables) of a jurisdiction as PDF; run it weekly or monthly from cron.
Without --region: the whole country."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from netral.cli import setup_django


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--region", default="", help="Kemendagri code of the jurisdiction, e.g. 63 or 63.03")
    parser.add_argument("--period", choices=("minggu", "bulan"), default="minggu", help="7 or 30 days (minggu)")
    parser.add_argument("--until", type=dt.date.fromisoformat, default=None, help="last day (default: today)")
    parser.add_argument("--output", type=Path, required=True, help="where to write the PDF")


def run(args: argparse.Namespace) -> int:
    setup_django()
    from django.http import Http404

    from netral.accounts.access import RegionScope
    from netral.insights.report import render_report
    from netral.insights.services import resolve_focus

    scope = RegionScope.within(args.region) if args.region else RegionScope.national()
    try:
        focus = resolve_focus(scope, args.region)
    except Http404:
        print(f"wilayah tidak dikenal: {args.region}")
        return 2
    args.output.write_bytes(render_report(scope, focus, args.period, args.until))
    print(f"{args.output} ({focus.name}, {args.period})")
    return 0
