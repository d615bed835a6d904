"""What the prevention services share: the refusal exception, file storage and the access check for changes."""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from django.conf import settings

from netral.accounts.access import AnyUser, can_see_region
from netral.cases import evidence_files
from netral.prevention.access import may_manage

__all__ = [
    "ALLOWED_DOCUMENT_TYPES",
    "PreventionRefused",
    "check_manager",
    "media_root",
    "new_code",
    "store_document",
    "with_file_cleanup",
]

#: Pacts, materials and circulars: documents and scans, not audio or video.
ALLOWED_DOCUMENT_TYPES = frozenset({"application/pdf", "image/jpeg", "image/png"})
SUBDIR = "prevention"
CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # base32 without I, L, O, U: easy to read back from paper

T = TypeVar("T")


class PreventionRefused(ValueError):
    """A change that is not allowed or not valid; the message is Indonesian, for the person who asked."""


def media_root() -> Path:
    return Path(settings.MEDIA_ROOT)


def max_document_bytes() -> int:
    return int(settings.NETRAL_PREVENTION_MAX_BYTES)


def check_manager(actor: AnyUser, region_code: str) -> None:
    """`prevention.manage` over `region_code`, else PreventionRefused."""
    if not may_manage(actor) or not can_see_region(actor, region_code):
        raise PreventionRefused("Anda tidak berwenang mengubah data pencegahan di wilayah ini.")


def new_code(length: int = 20) -> str:
    """A random code of `length` Crockford base32 characters (5 bits each: 20 → 100 bits)."""
    return "".join(secrets.choice(CROCKFORD) for _ in range(length))


def store_document(chunks: Iterable[bytes]) -> evidence_files.StoredFile:
    """Check (magic bytes, size) and store a PDF, JPEG or PNG; EvidenceRefused with an Indonesian message."""
    stored = evidence_files.store(chunks, media_root(), max_bytes=max_document_bytes(), subdir=SUBDIR)
    if stored.content_type not in ALLOWED_DOCUMENT_TYPES:
        evidence_files.discard(media_root(), stored)
        raise evidence_files.EvidenceRefused("Hanya PDF, JPEG atau PNG yang diterima.")
    return stored


def with_file_cleanup(
    stored: evidence_files.StoredFile | None, still_used: Callable[[str], bool], write: Callable[[], T]
) -> T:
    """Run `write` (a transaction); if it fails, remove the file this upload created unless a row uses it."""
    try:
        return write()
    except BaseException:
        if stored is not None and not still_used(stored.relative_path):
            evidence_files.discard(media_root(), stored)
        raise
