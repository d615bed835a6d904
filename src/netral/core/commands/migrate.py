"""`netral migrate`: create or update the tables; reference data (regions, rules) follows automatically."""

from __future__ import annotations

import argparse

from netral.cli import setup_django


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--check", action="store_true", help="only report whether migrations are missing")


def run(args: argparse.Namespace) -> int:
    setup_django()
    from django.core.management import call_command

    if args.check:
        call_command("migrate", check=True, plan=True)
        return 0
    call_command("migrate", interactive=False, verbosity=1)
    return 0
