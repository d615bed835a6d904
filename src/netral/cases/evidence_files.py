"""Checking and storing evidence files: content type by magic bytes, limits, SHA-256, atomic content-addressed writes.

No models here, so the public reporting portal can reuse it. The type is decided only by the first bytes, never
by the file name or the browser's claim: an allow-list of images, PDF, audio and video; anything else (executables,
HTML, SVG, scripts, archives) is refused. A file is written to a temporary file in the destination folder, synced,
and renamed into place under `evidence/<aa>/<sha256>` (content-addressed, so the same file stored twice is one
file). `discard` removes a file a failed transaction created; `orphans` lists files no row refers to.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_FILES",
    "EvidenceRefused",
    "StoredFile",
    "detect_type",
    "discard",
    "store",
]

DEFAULT_MAX_BYTES = 25 * 1024 * 1024
DEFAULT_MAX_FILES = 20
SUBDIR = "evidence"
CHUNK = 64 * 1024

#: content type → file extension used in the stored name's suffix-free world (shown in downloads only)
EXTENSIONS = {
    "image/jpeg": "jpg",
    "image/png": "png",
    "image/webp": "webp",
    "image/gif": "gif",
    "application/pdf": "pdf",
    "audio/mpeg": "mp3",
    "audio/mp4": "m4a",
    "audio/ogg": "ogg",
    "audio/wav": "wav",
    "video/mp4": "mp4",
    "video/webm": "webm",
    "video/3gpp": "3gp",
}


class EvidenceRefused(ValueError):
    """The file is not accepted. The message is Indonesian, for the person uploading."""


@dataclass(frozen=True, slots=True)
class StoredFile:
    relative_path: str  # under the media root
    sha256: str
    size: int
    content_type: str
    created: bool  # False when the same content was already stored


def detect_type(head: bytes) -> str | None:
    """The content type of a file from its first bytes (at least 64 are best), or None when not allowed."""
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return "image/webp"
    if head.startswith(b"RIFF") and head[8:12] == b"WAVE":
        return "audio/wav"
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    if head.startswith(b"OggS"):
        return "audio/ogg"
    if head.startswith(b"ID3") or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0 and head[1] != 0xFF):
        return "audio/mpeg"
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand.startswith(b"M4A") or brand.startswith(b"M4B"):
            return "audio/mp4"
        if brand.startswith(b"3g"):
            return "video/3gpp"
        return "video/mp4"
    if head.startswith(b"\x1a\x45\xdf\xa3") and b"webm" in head[:64]:
        return "video/webm"
    return None


def _refusal(head: bytes) -> str:
    lowered = head[:512].lstrip().lower()
    if head.startswith((b"MZ", b"\x7fELF", b"#!", b"\xca\xfe\xba\xbe", b"\xcf\xfa\xed\xfe")):
        return "Berkas program (executable) tidak diterima sebagai bukti."
    if lowered.startswith((b"<!doctype html", b"<html", b"<svg", b"<?xml")) or b"<svg" in lowered:
        return "Berkas HTML/SVG tidak diterima sebagai bukti."
    return (
        "Jenis berkas tidak dikenali. Yang diterima: gambar (JPEG, PNG, WebP, GIF), PDF, "
        "audio (MP3, M4A, OGG, WAV) dan video (MP4, WebM, 3GP)."
    )


def _checked_type(head: bytes) -> str:
    content_type = detect_type(head)
    if content_type is None:
        raise EvidenceRefused(_refusal(head))
    return content_type


def store(
    chunks: Iterable[bytes], media_root: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, subdir: str = SUBDIR
) -> StoredFile:
    """Check and store a file given as chunks; raises EvidenceRefused (nothing is left behind)."""
    folder = media_root / subdir
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".upload-", dir=folder)
    tmp = Path(tmp_name)
    try:
        digest = hashlib.sha256()
        size = 0
        head = b""
        content_type: str | None = None
        with os.fdopen(fd, "wb") as out:
            for chunk in _rechunk(chunks):
                size += len(chunk)
                if size > max_bytes:
                    raise EvidenceRefused(f"Berkas terlalu besar (paling besar {max_bytes // (1024 * 1024)} MB).")
                if content_type is None:
                    head += chunk
                    if len(head) >= 64:
                        content_type = _checked_type(head)
                out.write(chunk)
                digest.update(chunk)
            if size == 0:
                raise EvidenceRefused("Berkas kosong.")
            if content_type is None:
                content_type = _checked_type(head)
            out.flush()
            os.fsync(out.fileno())
        sha = digest.hexdigest()
        target_dir = folder / sha[:2]
        target_dir.mkdir(exist_ok=True)
        target = target_dir / sha
        relative = f"{subdir}/{sha[:2]}/{sha}"
        if target.exists():
            tmp.unlink()
            return StoredFile(relative, sha, size, content_type, created=False)
        os.replace(tmp, target)
        _fsync_dir(target_dir)
        return StoredFile(relative, sha, size, content_type, created=True)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def store_bytes(data: bytes, media_root: Path, *, subdir: str) -> StoredFile:
    """Store generated content (a letter's PDF) the same way, without the evidence type checks."""
    folder = media_root / subdir
    sha = hashlib.sha256(data).hexdigest()
    target_dir = folder / sha[:2]
    target_dir.mkdir(parents=True, exist_ok=True)
    target = target_dir / sha
    relative = f"{subdir}/{sha[:2]}/{sha}"
    if target.exists():
        return StoredFile(relative, sha, len(data), "application/pdf", created=False)
    fd, tmp_name = tempfile.mkstemp(prefix=".gen-", dir=target_dir)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp_name, target)
        _fsync_dir(target_dir)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return StoredFile(relative, sha, len(data), "application/pdf", created=True)


def _rechunk(chunks: Iterable[bytes]) -> Iterator[bytes]:
    for chunk in chunks:
        if chunk:
            yield chunk


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def discard(media_root: Path, stored: StoredFile) -> None:
    """Remove a file this upload created (its transaction rolled back). Files that existed before are kept."""
    if stored.created:
        (media_root / stored.relative_path).unlink(missing_ok=True)


def orphans(media_root: Path, referenced: Iterable[str], *, subdir: str = SUBDIR) -> list[Path]:
    """Stored files no row refers to (left by a rollback of an outer transaction); the caller may delete them."""
    keep = set(referenced)
    folder = media_root / subdir
    if not folder.exists():
        return []
    return sorted(p for p in folder.glob("*/*") if p.is_file() and f"{subdir}/{p.parent.name}/{p.name}" not in keep)
