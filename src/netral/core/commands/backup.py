"""`netral backup`: one archive with the database, the evidence and prevention files, and a checked manifest.

Safe while the app runs: SQLite is copied through its online backup API, PostgreSQL through `pg_dump`.
The secret key goes in only with --include-secret: receipt codes are hashed with a pepper derived from it
(NETRAL_RECEIPT_PEPPER or SECRET_KEY, see docs/portal.md), so a restore without it cannot look receipts up.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from pathlib import Path

from netral.cli import setup_django


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "archive", nargs="?", type=Path, help="file to write (default: netral-backup-<UTC time>.tar.gz here)"
    )
    parser.add_argument(
        "--include-secret",
        action="store_true",
        help="also store the secret key file (needed to look up receipt codes after a restore); guard the archive",
    )


def run(args: argparse.Namespace) -> int:
    setup_django()
    from django.conf import settings

    import netral
    from netral.core import backup
    from netral.core.progress import Progress

    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    archive: Path = (args.archive or Path(f"netral-backup-{stamp}.tar.gz")).resolve()
    database = settings.DATABASES["default"]
    secret_file = _secret_file(settings.DATA_DIR) if args.include_secret else None
    if args.include_secret and secret_file is None:
        print("Kunci rahasia berasal dari NETRAL_SECRET_KEY (bukan berkas); simpan nilainya sendiri.", file=sys.stderr)
    try:
        vendor = backup.vendor_of(database)
        with tempfile.TemporaryDirectory(dir=archive.parent, prefix=".netral-backup-") as work:
            dump = Path(work) / "database"
            print(f"Mencadangkan basis data ({vendor})…", file=sys.stderr)
            member = backup.dump_database(database, dump)
            media_root = Path(settings.MEDIA_ROOT)
            count = sum(1 for _ in backup.media_files(media_root)) + 1 + (secret_file is not None)
            bar = Progress("backup", count, stream=sys.stderr)
            members = backup.write_archive(
                archive,
                database_file=dump,
                database_member=member,
                vendor=vendor,
                version=netral.__version__,
                media_root=media_root,
                secret_file=secret_file,
                progress=bar.update,
            )
    except backup.BackupError as error:
        print(f"GAGAL: {error}", file=sys.stderr)
        return 1
    media = sum(1 for m in members if m.name.startswith(backup.MEDIA_PREFIX))
    print(f"Cadangan ditulis: {archive}")
    print(f"  basis data {vendor}, {media:,} berkas media, {sum(m.size for m in members):,} bita")
    print("  kunci rahasia: " + ("disertakan — simpan arsip ini serahasia kunci itu" if secret_file else "tidak"))
    return 0


def _secret_file(data_dir: Path) -> Path | None:
    """The key file settings read (NETRAL_SECRET_KEY_FILE or the generated one), or None when the key is inline."""
    import os

    if os.environ.get("NETRAL_SECRET_KEY_FILE"):
        return Path(os.environ["NETRAL_SECRET_KEY_FILE"])
    if os.environ.get("NETRAL_SECRET_KEY"):
        return None
    path = Path(data_dir) / "secret_key"
    return path if path.is_file() else None
