"""Backup archives of an instance: the database dump, the media files (evidence, prevention documents) and a manifest.

One `.tar.gz` holds `manifest.json`, `database.sqlite3` (SQLite online backup API: consistent while the app
writes) or `database.pgdump` (`pg_dump --format=custom`), every file under MEDIA_ROOT as `media/<path>`, and,
only when asked, `secret_key`. The manifest lists each member with its SHA-256; a restore checks every hash
before it touches the instance. PostgreSQL credentials reach pg_dump/pg_restore through the environment
(PGPASSWORD and friends), never through the command line, so they show up in neither `ps` nor logs.

The functions take plain paths and a database settings dict, so the commands stay thin.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

FORMAT = 1
MANIFEST = "manifest.json"
SQLITE_MEMBER = "database.sqlite3"
PG_MEMBER = "database.pgdump"
SECRET_MEMBER = "secret_key"  # noqa: S105 - a file name, not a secret
MEDIA_PREFIX = "media/"
CHUNK = 1024 * 1024

Progress = Callable[[int], None]


class BackupError(RuntimeError):
    """The backup or restore cannot go on; the message says why (Indonesian, for the operator)."""


@dataclass(frozen=True, slots=True)
class Member:
    name: str  # path inside the archive
    sha256: str
    size: int


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while block := fh.read(CHUNK):
            digest.update(block)
    return digest.hexdigest()


def vendor_of(database: Mapping[str, Any]) -> str:
    engine = str(database["ENGINE"])
    if engine.endswith("sqlite3"):
        return "sqlite"
    if engine.endswith("postgresql"):
        return "postgresql"
    raise BackupError(f"Basis data {engine} tidak didukung untuk cadangan.")


def pg_environment(database: Mapping[str, Any]) -> dict[str, str]:
    """libpq's variables for the connection: credentials travel here, not in argv."""
    values = {
        "PGDATABASE": database.get("NAME"),
        "PGUSER": database.get("USER"),
        "PGPASSWORD": database.get("PASSWORD"),
        "PGHOST": database.get("HOST"),
        "PGPORT": database.get("PORT"),
    }
    return {**os.environ, **{key: str(value) for key, value in values.items() if value}}


def dump_database(database: Mapping[str, Any], destination: Path) -> str:
    """Write the database to `destination` (a file); returns the archive member name."""
    if vendor_of(database) == "sqlite":
        source = sqlite3.connect(f"file:{database['NAME']}?mode=ro", uri=True)
        target = sqlite3.connect(destination)
        try:
            source.backup(target, pages=1024)  # copies page by page; readers and writers go on meanwhile
        finally:
            target.close()
            source.close()
        return SQLITE_MEMBER
    command = ["pg_dump", "--format=custom", "--no-owner", "--file", str(destination)]
    _run_pg(command, database)
    return PG_MEMBER


def restore_database(database: Mapping[str, Any], dump: Path) -> None:
    """Replace the database's contents with the dump (the caller has checked it is empty, or was told to force)."""
    if vendor_of(database) == "sqlite":
        target = Path(database["NAME"])
        target.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("-wal", "-shm"):  # a stale write-ahead log would be replayed over the restored file
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        partial = target.with_name(target.name + ".restoring")
        shutil.copyfile(dump, partial)
        os.replace(partial, target)
        return
    # --dbname takes the bare name (no URL, no password): pg_restore then restores into it instead of printing SQL.
    name = str(database["NAME"])
    command = ["pg_restore", "--clean", "--if-exists", "--no-owner", "--exit-on-error", "--dbname", name, str(dump)]
    _run_pg(command, database)


def _run_pg(command: list[str], database: Mapping[str, Any]) -> None:
    env = pg_environment(database)
    try:
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    except FileNotFoundError as error:
        raise BackupError(f"{command[0]} tidak ditemukan; pasang paket klien PostgreSQL.") from error
    if done.returncode != 0:
        raise BackupError(f"{command[0]} gagal: {done.stderr.strip()[-2000:]}")


def media_files(root: Path) -> Iterator[Path]:
    """Every regular file under the media root, sorted (temporary files of unfinished writes included)."""
    if root.is_dir():
        yield from sorted(path for path in root.rglob("*") if path.is_file() and not path.is_symlink())


def write_archive(
    archive: Path,
    *,
    database_file: Path,
    database_member: str,
    vendor: str,
    version: str,
    media_root: Path,
    secret_file: Path | None,
    progress: Progress | None = None,
) -> list[Member]:
    """Pack the dump, the media files and the secret (if given) with a manifest; returns the members."""
    sources: list[tuple[str, Path]] = [(database_member, database_file)]
    sources += [(MEDIA_PREFIX + path.relative_to(media_root).as_posix(), path) for path in media_files(media_root)]
    if secret_file is not None:
        sources.append((SECRET_MEMBER, secret_file))
    members: list[Member] = []
    partial = archive.with_name(archive.name + ".partial")
    with tarfile.open(partial, "w:gz") as tar:
        for done, (name, path) in enumerate(sources, start=1):
            member = Member(name, sha256_of(path), path.stat().st_size)
            info = tar.gettarinfo(str(path), arcname=name)
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            with path.open("rb") as fh:
                tar.addfile(info, fh)
            if member.size != info.size:
                raise BackupError(f"{name} berubah selama pencadangan; ulangi.")
            members.append(member)
            if progress:
                progress(done)
        manifest = {
            "format": FORMAT,
            "netral_version": version,
            "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "database_vendor": vendor,
            "database": database_member,
            "files": [{"name": m.name, "sha256": m.sha256, "size": m.size} for m in members],
        }
        data = json.dumps(manifest, indent=2, ensure_ascii=False).encode()
        info = tarfile.TarInfo(MANIFEST)
        info.size, info.mode, info.mtime = len(data), 0o600, int(dt.datetime.now(dt.UTC).timestamp())
        tar.addfile(info, io.BytesIO(data))
    os.chmod(partial, 0o600)  # the archive holds personal data (reporters, evidence) and maybe the secret key
    os.replace(partial, archive)
    return members


@dataclass(frozen=True, slots=True)
class Unpacked:
    folder: Path
    manifest: dict[str, Any]

    @property
    def vendor(self) -> str:
        return str(self.manifest["database_vendor"])

    @property
    def database(self) -> Path:
        return self.folder / str(self.manifest["database"])

    @property
    def secret(self) -> Path | None:
        path = self.folder / SECRET_MEMBER
        return path if path.is_file() else None

    def media(self) -> list[str]:
        names = (str(entry["name"]) for entry in self.manifest["files"])
        return [name.removeprefix(MEDIA_PREFIX) for name in names if name.startswith(MEDIA_PREFIX)]


def unpack_and_verify(archive: Path, folder: Path, progress: Progress | None = None) -> Unpacked:
    """Extract into `folder` and check every member against the manifest; raises BackupError on any mismatch."""
    try:
        with tarfile.open(archive, "r:gz") as tar:
            tar.extractall(folder, filter="data")  # refuses absolute paths, `..`, links out and device files
    except (tarfile.TarError, OSError, EOFError) as error:
        raise BackupError(f"Arsip tidak dapat dibaca: {error}") from error
    manifest_path = folder / MANIFEST
    if not manifest_path.is_file():
        raise BackupError("Arsip tidak berisi manifest.json; ini bukan cadangan Netral.")
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Format cadangan {manifest.get('format')} tidak dikenal (diharapkan {FORMAT}).")
    listed = {str(entry["name"]) for entry in manifest["files"]}
    present = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()} - {MANIFEST}
    if extra := sorted(present - listed):
        raise BackupError(f"Arsip berisi berkas di luar manifest: {extra[0]}")
    for done, entry in enumerate(manifest["files"], start=1):
        name = str(entry["name"])
        if PurePosixPath(name).is_absolute() or ".." in PurePosixPath(name).parts:
            raise BackupError(f"Nama berkas tidak sah di manifest: {name}")
        path = folder / name
        if not path.is_file():
            raise BackupError(f"Berkas {name} ada di manifest tetapi tidak di arsip.")
        if path.stat().st_size != entry["size"] or sha256_of(path) != entry["sha256"]:
            raise BackupError(f"Hash {name} tidak cocok dengan manifest: arsip rusak atau diubah.")
        if progress:
            progress(done)
    return Unpacked(folder, manifest)


def place_media(unpacked: Unpacked, media_root: Path, progress: Progress | None = None) -> int:
    """Move the verified media files into place (atomically each); returns how many."""
    names = unpacked.media()
    for done, name in enumerate(names, start=1):
        target = media_root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(unpacked.folder / MEDIA_PREFIX / name, target)
        if progress:
            progress(done)
    return len(names)
