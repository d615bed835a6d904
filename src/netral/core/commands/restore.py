"""`netral restore ARCHIVE`: bring a `netral backup` archive back into an empty instance, then check it.

Order: unpack beside the data folder and verify every SHA-256 in the manifest (nothing is touched before that),
refuse an instance that already has tables or media files (unless --force), restore the database (SQLite file
copy; PostgreSQL `pg_restore --clean --if-exists --no-owner`), move the media files into place, put the secret key
back if the archive has one, and finally walk the audit log's hash chain and print row counts.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from netral.cli import setup_django


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("archive", type=Path, help="a file written by `netral backup`")
    parser.add_argument(
        "--force", action="store_true", help="restore even though the instance already has data (it is replaced)"
    )


def run(args: argparse.Namespace) -> int:
    setup_django()
    from django.conf import settings
    from django.db import connections

    from netral.core import backup
    from netral.core.progress import Progress

    database = settings.DATABASES["default"]
    data_dir, media_root = Path(settings.DATA_DIR), Path(settings.MEDIA_ROOT)
    try:
        with tempfile.TemporaryDirectory(dir=data_dir, prefix=".netral-restore-") as work:
            size = len(_manifest_names(args.archive))
            unpacked = backup.unpack_and_verify(
                args.archive.resolve(), Path(work), Progress("verify", size, stream=sys.stderr).update
            )
            print(f"Arsip utuh: {len(unpacked.manifest['files']):,} berkas cocok dengan manifest.")
            if unpacked.vendor != backup.vendor_of(database):
                raise backup.BackupError(
                    f"Cadangan dari {unpacked.vendor}, instans ini {backup.vendor_of(database)}; "
                    "pulihkan ke basis data sejenis."
                )
            if not args.force and (reason := _not_empty(media_root)):
                raise backup.BackupError(f"Instans tidak kosong ({reason}); gunakan --force untuk menimpa.")
            connections.close_all()  # SQLite: no open handle on the file being replaced
            print("Memulihkan basis data…", file=sys.stderr)
            backup.restore_database(database, unpacked.database)
            media = unpacked.media()
            placed = backup.place_media(unpacked, media_root, Progress("media", len(media), stream=sys.stderr).update)
            secret_note = _restore_secret(unpacked.secret, data_dir)
    except backup.BackupError as error:
        print(f"GAGAL: {error}", file=sys.stderr)
        return 1
    connections.close_all()
    print(f"Basis data dipulihkan; {placed:,} berkas media; {secret_note}")
    _print_counts()
    return _verify_audit()


def _manifest_names(archive: Path) -> list[str]:
    """Members of the archive (for the progress bar's total); an unreadable archive is reported by the verify step."""
    import tarfile

    try:
        with tarfile.open(archive, "r:gz") as tar:
            return tar.getnames()
    except (tarfile.TarError, OSError, EOFError):
        return []


def _not_empty(media_root: Path) -> str:
    """Why the instance is not empty, or '' when it is: no tables in the database and no media files."""
    from django.db import connection

    if tables := connection.introspection.table_names():
        return f"basis data berisi {len(tables)} tabel"
    if any(path.is_file() for path in media_root.rglob("*")) if media_root.is_dir() else False:
        return f"ada berkas di {media_root}"
    return ""


def _restore_secret(secret: Path | None, data_dir: Path) -> str:
    if secret is None:
        return "kunci rahasia tidak ada di arsip (kode tanda terima lama hanya cocok dengan kunci/pepper yang sama)"
    if os.environ.get("NETRAL_SECRET_KEY") or os.environ.get("NETRAL_SECRET_KEY_FILE"):
        return "kunci rahasia di arsip TIDAK dipasang: instans ini memakai NETRAL_SECRET_KEY(_FILE) sendiri"
    target = data_dir / "secret_key"
    fd = os.open(target.with_name("secret_key.restoring"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(secret.read_bytes())
    os.replace(target.with_name("secret_key.restoring"), target)
    return "kunci rahasia dipulihkan (berlaku saat proses berikutnya dimulai)"


def _print_counts() -> None:
    from django.apps import apps
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    tables = set(connection.introspection.table_names())
    models = [m for m in apps.get_models() if not m._meta.proxy and m._meta.db_table in tables]
    counts = {m._meta.label: m._default_manager.count() for m in models}
    print(f"{sum(counts.values()):,} baris di {len(counts)} tabel; terbesar:")
    for label, count in sorted(counts.items(), key=lambda item: -item[1])[:8]:
        print(f"  {label:<36} {count:>9,}")
    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        print("Cadangan dari versi lebih lama: jalankan `netral migrate` sebelum `netral serve`.")


def _verify_audit() -> int:
    from netral.audit.chain import verify
    from netral.audit.models import AuditEntry

    links = (entry.link() for entry in AuditEntry.objects.order_by("sequence").iterator(chunk_size=2000))
    report = verify(links)
    if report.broken is not None:
        print(f"Log audit RUSAK di entri #{report.broken.sequence}: {report.broken.message}")
        return 1
    print(f"Log audit OK: {report.count:,} entri, rantai hash utuh (kepala #{report.head_sequence}).")
    return 0
