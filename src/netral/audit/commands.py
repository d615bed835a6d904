"""`netral audit`: check the audit log's hash chain and read its newest entries.

netral audit verify [--published HASH]   walk the chain; exit 1 at the first edited, deleted or reordered entry
netral audit list [--action case] [--limit 20]   newest entries first
"""

from __future__ import annotations

import argparse
import json
import sys

from netral.cli import setup_django


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="subcommand", metavar="ACTION", required=True)
    verify = sub.add_parser("verify", help="check every entry's hash and link, in sequence order")
    verify.add_argument(
        "--published", metavar="HASH", help="a head hash published earlier; it must still be in the chain"
    )
    listing = sub.add_parser("list", help="show the newest entries")
    listing.add_argument(
        "--action", dest="action_filter", default="", help="an action ('case.registered') or its prefix ('case')"
    )
    listing.add_argument("--limit", type=int, default=20)


def run(args: argparse.Namespace) -> int:
    setup_django()
    if args.subcommand == "verify":
        return _verify(args.published)
    return _list(args.action_filter, args.limit)


def _verify(published: str | None) -> int:
    from netral.audit.chain import verify
    from netral.audit.models import AuditEntry
    from netral.core.progress import Progress

    entries = AuditEntry.objects.order_by("sequence")
    bar = Progress("audit verify", entries.count(), stream=sys.stderr)  # the stream of now, not of import time

    def progress(done: int) -> None:
        if done % 1000 == 0 or done == bar.total:
            bar.update(done)

    links = (entry.link() for entry in entries.iterator(chunk_size=2000))
    report = verify(links, published=published, progress=progress)
    if report.broken is not None:
        if bar.enabled and report.count:
            sys.stderr.write("\n")
        print(f"RUSAK di entri #{report.broken.sequence} ({report.broken.kind}): {report.broken.message}")
        print(f"{report.count:,} entri sebelumnya utuh.")
        return 1
    if report.count == 0:
        print("OK: log audit kosong (0 entri).")
    else:
        print(f"OK: {report.count:,} entri, rantai hash utuh.")
        print(f"Hash kepala (#{report.head_sequence}): {report.head_hash}")
    return 0


def _list(action: str, limit: int) -> int:
    from django.db.models import Q

    from netral.audit.models import AuditEntry

    entries = AuditEntry.objects.order_by("-sequence")
    if action:
        entries = entries.filter(Q(action=action) | Q(action__startswith=action + "."))
    for entry in entries[: max(limit, 0)]:
        target = f"{entry.object_type}:{entry.object_id}" if entry.object_type or entry.object_id else "-"
        data = json.dumps(entry.data, ensure_ascii=False, sort_keys=True) if entry.data else ""
        when = entry.created_at.strftime("%Y-%m-%d %H:%M:%SZ")
        print(
            f"#{entry.sequence:<6} {when}  {entry.actor_label:<16} {entry.action:<24} {target:<24} "
            f"{entry.region_code or '-':<13} {data}".rstrip()
        )
    return 0
