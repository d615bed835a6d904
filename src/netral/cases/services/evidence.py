"""Adding evidence: a file (checked and stored by `evidence_files`) or a link, with its row and audit entry."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from django.conf import settings
from django.db import transaction

from netral.accounts.access import AnyUser, has_capability
from netral.accounts.models import User
from netral.audit.services import record
from netral.cases import evidence_files
from netral.cases.access import cases_visible_to
from netral.cases.models import Case, Evidence
from netral.cases.services.transitions import CaseActionRefused

__all__ = ["do_add_evidence", "max_bytes", "max_files"]


def max_bytes() -> int:
    return int(getattr(settings, "NETRAL_EVIDENCE_MAX_BYTES", evidence_files.DEFAULT_MAX_BYTES))


def max_files() -> int:
    return int(getattr(settings, "NETRAL_EVIDENCE_MAX_FILES", evidence_files.DEFAULT_MAX_FILES))


def media_root() -> Path:
    return Path(settings.MEDIA_ROOT)


def do_add_evidence(
    case: Case,
    actor: AnyUser,
    *,
    chunks: Iterable[bytes] | None = None,
    original_name: str = "",
    url: str = "",
    description: str = "",
) -> Evidence:
    """Store a file (chunks) or record a link. Raises EvidenceRefused or CaseActionRefused; leaves no file behind
    when it fails (a rollback of an *outer* transaction can leave one: `evidence_files.orphans` finds those)."""
    if not has_capability(actor, "cases.transition") or not cases_visible_to(actor).filter(pk=case.pk).exists():
        raise CaseActionRefused("Anda tidak berwenang menambah bukti pada perkara ini.")
    if (chunks is None) == (not url):
        raise CaseActionRefused("Unggah satu berkas atau isi satu tautan.")
    if chunks is not None and Evidence.objects.filter(case=case).exclude(file_path="").count() >= max_files():
        raise evidence_files.EvidenceRefused(f"Paling banyak {max_files()} berkas bukti per perkara.")
    if url and not url.startswith(("https://", "http://")):
        raise CaseActionRefused("Tautan harus diawali http:// atau https://.")
    stored = evidence_files.store(chunks, media_root(), max_bytes=max_bytes()) if chunks is not None else None
    try:
        with transaction.atomic():
            evidence = Evidence.objects.create(
                case=case,
                description=description[:300],
                file_path=stored.relative_path if stored else "",
                sha256=stored.sha256 if stored else "",
                size=stored.size if stored else 0,
                content_type=stored.content_type if stored else "",
                original_name=Path(original_name).name[:255] if stored else "",
                url=url,
                added_by=actor if isinstance(actor, User) else None,
            )
            record(
                actor,
                "case.evidence_added",
                obj=case,
                region_code=case.event_region_code,
                data={"evidence": evidence.pk, "sha256": evidence.sha256, "link": bool(url)},
            )
    except BaseException:
        if stored is not None and not Evidence.objects.filter(file_path=stored.relative_path).exists():
            evidence_files.discard(media_root(), stored)
        raise
    return evidence
