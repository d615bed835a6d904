"""`netral manage ...`: any Django management command, for what the friendlier commands do not cover."""

from __future__ import annotations

import argparse

from netral.cli import setup_django


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("args", nargs=argparse.REMAINDER, help="the management command and its options")


def run_argv(argv: list[str]) -> int:
    setup_django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["netral manage", *argv])
    return 0


def run(args: argparse.Namespace) -> int:
    return run_argv(list(args.args))
