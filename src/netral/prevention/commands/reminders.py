"""`netral pledge-reminders [--threshold 80] [--election CODE] [--dry-run]`: e-mail agencies whose pledge coverage
lags (run it daily, e.g. from cron). A campaign is reminded at most once every three days.

E-mail goes through Django's backend: the console by default; set NETRAL_EMAIL_HOST… for SMTP.
"""

from __future__ import annotations

import argparse

from netral.cli import setup_django


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--threshold", type=int, default=80, help="remind campaigns below this percentage (80)")
    parser.add_argument("--election", default=None, help="only campaigns of this election code, e.g. pilkada_2024")
    parser.add_argument("--dry-run", action="store_true", help="show which agencies would get an e-mail; send nothing")


def run(args: argparse.Namespace) -> int:
    if not 1 <= args.threshold <= 100:
        print("--threshold harus antara 1 dan 100")
        return 2
    setup_django()
    from netral.prevention.services.reminders import send_reminders

    results = send_reminders(threshold=args.threshold, election_code=args.election, dry_run=args.dry_run)
    for r in results:
        verb = "terkirim" if r.sent else "akan dikirim"
        print(f"{r.agency} <{r.email}>: {r.signed}/{r.expected} ({r.percent}%) — {verb}")
    if not results:
        print("Tidak ada instansi yang perlu diingatkan.")
    return 0
