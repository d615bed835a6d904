"""`netral digest [--dry-run]`: e-mail each assignee their overdue and due-soon tracks (run it daily, e.g. cron).

E-mail goes through Django's backend: the console by default; set EMAIL_BACKEND/EMAIL_HOST… for SMTP.
"""

from __future__ import annotations

import argparse

from netral.cli import setup_django


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--dry-run", action="store_true", help="show who would get an e-mail; send nothing")


def run(args: argparse.Namespace) -> int:
    setup_django()
    from netral.cases.services.digest import send_digests

    results = send_digests(dry_run=args.dry_run)
    for r in results:
        verb = "terkirim" if r.sent else "akan dikirim"
        print(f"{r.username} <{r.email}>: {r.overdue} lewat batas waktu, {r.upcoming} segera jatuh tempo ({verb})")
    if not results:
        print("Tidak ada tenggat yang perlu dikirim.")
    return 0
