"""`netral backup` and `netral restore` as an operator runs them: a real instance with demo data and an evidence
file is backed up, restored into a new empty instance, and compared (row counts, file hashes, audit chain).

Runs on SQLite in temporary folders; when DATABASE_URL names PostgreSQL, on two scratch databases created there.
"""

from __future__ import annotations

import io
import json
import subprocess
import tarfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.servers import NETRAL, django, instance_env, own_database

ADD_EVIDENCE = """
from netral.cases.models import Case
from netral.cases.services.evidence import do_add_evidence
case = Case.objects.filter(created_by__username='bawaslu.banjar').order_by('pk').first()
pdf = b'%PDF-1.4\\n% bukti uji cadangan\\n' + bytes(range(256)) * 40
evidence = do_add_evidence(case, case.created_by, chunks=[pdf], original_name='bukti.pdf', description='uji')
print(evidence.file_path)
"""

COUNTS = """
import json
from django.apps import apps
print(json.dumps({m._meta.label: m._default_manager.count() for m in apps.get_models() if not m._meta.proxy}))
"""

FILE_HASHES = """
import json
from pathlib import Path
from django.conf import settings
from netral.cases.models import Evidence
from netral.core.backup import sha256_of
root = Path(settings.MEDIA_ROOT)
stored = Evidence.objects.exclude(file_path='')
print(json.dumps({e.file_path: [e.sha256, sha256_of(root / e.file_path)] for e in stored}))
"""


def netral(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*NETRAL, *args], env=env, capture_output=True, text=True, check=False)


@pytest.fixture
def instances(tmp_path: Path) -> Iterator[tuple[dict[str, str], dict[str, str]]]:
    with (
        own_database(tmp_path / "a", "backup_src") as source_url,
        own_database(tmp_path / "b", "backup_dst") as target_url,
    ):
        yield (
            instance_env(tmp_path / "a", DATABASE_URL=source_url),
            instance_env(tmp_path / "b", DATABASE_URL=target_url),
        )


def test_restore_into_an_empty_instance_gives_the_same_rows_files_and_audit_chain(
    instances: tuple[dict[str, str], dict[str, str]], tmp_path: Path
) -> None:
    source, target = instances
    assert netral(source, "migrate").returncode == 0
    assert netral(source, "demo").returncode == 0
    evidence_path = django(source, ADD_EVIDENCE)
    archive = tmp_path / "cadangan.tar.gz"

    made = netral(source, "backup", str(archive), "--include-secret")
    assert made.returncode == 0, made.stderr
    with tarfile.open(archive) as tar:
        names = set(tar.getnames())
        manifest = json.load(tar.extractfile("manifest.json"))  # type: ignore[arg-type]
    assert f"media/{evidence_path}" in names and "secret_key" in names
    assert {entry["name"] for entry in manifest["files"]} == names - {"manifest.json"}
    assert oct(archive.stat().st_mode & 0o777) == "0o600"

    restored = netral(target, "restore", str(archive))
    assert restored.returncode == 0, restored.stdout + restored.stderr
    assert "Log audit OK" in restored.stdout

    assert json.loads(django(target, COUNTS)) == json.loads(django(source, COUNTS))
    hashes = json.loads(django(target, FILE_HASHES))
    assert hashes == json.loads(django(source, FILE_HASHES)) and evidence_path in hashes
    assert all(recorded == actual for recorded, actual in hashes.values())
    assert (tmp_path / "b" / "secret_key").read_text() == (tmp_path / "a" / "secret_key").read_text()
    verified = netral(target, "audit", "verify")
    assert verified.returncode == 0 and verified.stdout.startswith("OK:")

    again = netral(target, "restore", str(archive))  # the target now has data: refused without --force
    assert again.returncode == 1 and "tidak kosong" in again.stderr


def test_restore_refuses_an_archive_whose_file_hash_does_not_match_before_touching_anything(
    instances: tuple[dict[str, str], dict[str, str]], tmp_path: Path
) -> None:
    source, target = instances
    assert netral(source, "migrate").returncode == 0
    evidence_path = django(source, "from django.conf import settings; print(settings.MEDIA_ROOT)")
    Path(evidence_path, "evidence").mkdir(parents=True)
    Path(evidence_path, "evidence", "catatan").write_bytes(b"isi asli")
    archive = tmp_path / "cadangan.tar.gz"
    assert netral(source, "backup", str(archive)).returncode == 0

    tampered = tmp_path / "diubah.tar.gz"
    with tarfile.open(archive) as tar, tarfile.open(tampered, "w:gz") as out:
        for member in tar.getmembers():
            data = tar.extractfile(member).read()  # type: ignore[union-attr]
            if member.name == "media/evidence/catatan":
                data = b"isi lain"  # same length, other content: only the hash tells
            member.size = len(data)
            out.addfile(member, io.BytesIO(data))

    refused = netral(target, "restore", str(tampered))
    assert refused.returncode == 1 and "tidak cocok" in refused.stderr
    assert not (tmp_path / "b" / "media" / "evidence" / "catatan").exists()
    tables = django(target, "from django.db import connection; print(len(connection.introspection.table_names()))")
    assert tables == "0"
