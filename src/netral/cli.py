"""The `netral` command: one entry point for the web app, the worker and the pure tools.

Each subcommand lives in its own module, listed in COMMANDS with its one-line help. A module is imported only
when its command runs, so pure tools (`analyze`, `evaluate`, `rules`) start without loading Django.
A command module defines `add_arguments(parser)` and `run(args) -> int`.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

#: name → (module, one-line help). Add a command here and in CONTRIBUTING.md's checklist.
COMMANDS: dict[str, tuple[str, str]] = {
    "serve": ("netral.core.commands.serve", "start the web app and the in-process task worker"),
    "worker": ("netral.core.commands.worker", "run the background task worker (scheduler included)"),
    "migrate": ("netral.core.commands.migrate", "create or update the database tables and reference data"),
    "createadmin": ("netral.core.commands.createadmin", "create a staff administrator account"),
    "demo": ("netral.core.commands.demo", "load demonstration data (users, sample records)"),
    "geo": ("netral.geo.commands", "load and inspect regions: provinsi, kabupaten/kota, kecamatan, desa"),
    "rules": ("netral.rules.commands", "list the rules catalogue: elections, violation types, sanctions, deadlines"),
    "analyze": ("netral.text.commands.analyze", "analyse Indonesian news texts for neutrality violations"),
    "evaluate": ("netral.text.commands.evaluate", "score analysis results against gold annotations"),
    "audit": ("netral.audit.commands", "verify the audit log's hash chain and list entries"),
    "ingest": ("netral.monitor.commands.ingest", "ingest news and social-media files, folders or URLs once"),
    "digest": ("netral.cases.commands.digest", "e-mail each case assignee their overdue and due-soon deadlines"),
    "pledge-reminders": ("netral.prevention.commands.reminders", "e-mail agencies whose pledge coverage lags"),
    "report": ("netral.insights.commands.report", "write the weekly or monthly PDF neutrality report of a region"),
    "facts": ("netral.insights.commands.facts", "check or rebuild the dashboards' fact tables from the cases"),
    "backup": ("netral.core.commands.backup", "write one archive: database, evidence files, manifest (and secret key)"),
    "restore": ("netral.core.commands.restore", "restore a backup archive into an empty instance and verify it"),
    "manage": ("netral.core.commands.manage", "run a Django management command (advanced)"),
}


def setup_django() -> None:
    """Configure Django for commands that need the database or settings."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "netral.settings")
    import django

    django.setup()


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="netral",
        description="Netral: pengawasan netralitas ASN, kepala desa, TNI dan Polri / neutrality supervision.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module_name, help_line) in COMMANDS.items():
        cmd = sub.add_parser(name, help=help_line, description=help_line)
        if name == only:
            importlib.import_module(module_name).add_arguments(cmd)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    name = argv[0] if argv and argv[0] in COMMANDS else None
    if name == "manage":  # hand everything after `manage` to Django untouched
        return int(importlib.import_module(COMMANDS[name][0]).run_argv(argv[1:]))
    args = build_parser(only=name).parse_args(argv)
    if args.command is None:
        build_parser().print_help()
        return 0
    module = importlib.import_module(COMMANDS[args.command][0])
    try:
        return int(module.run(args) or 0)
    except BrokenPipeError:  # `netral ... | head`: the reader left, which is not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
