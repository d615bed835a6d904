"""Audit entries: append-only rows, each linked to the previous one by its hash (see `netral.audit.chain`).

Write them only through `netral.audit.services.record`. The model and its QuerySet refuse changes and deletions;
database triggers (migration 0002) refuse them too, for code that goes around the ORM.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from netral.audit.chain import Link, compute_hash


class AppendOnlyError(RuntimeError):
    """An attempt to change or delete an audit entry."""


def _refuse(what: str) -> AppendOnlyError:
    return AppendOnlyError(f"log audit hanya bisa ditambah: {what} ditolak / the audit log is append-only")


class AuditEntryQuerySet(models.QuerySet["AuditEntry"]):
    def update(self, **kwargs: Any) -> int:
        raise _refuse("update")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise _refuse("delete")

    def bulk_create(self, *args: Any, **kwargs: Any) -> list[AuditEntry]:
        raise _refuse("bulk_create (gunakan netral.audit.services.record)")


class AuditEntry(models.Model):
    """One recorded action: who did what to which object, in which region, when."""

    sequence = models.PositiveBigIntegerField(_("nomor urut"), primary_key=True)
    created_at = models.DateTimeField(_("waktu (UTC)"), db_index=True)
    # PROTECT: an audited user is deactivated, never deleted; the label keeps the name as it was at the time.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pelaku"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="audit_entries",
    )
    actor_label = models.CharField(_("nama pelaku saat itu"), max_length=150, blank=True)
    action = models.CharField(_("tindakan"), max_length=80, db_index=True)
    object_type = models.CharField(_("jenis objek"), max_length=80, blank=True)
    object_id = models.CharField(_("ID objek"), max_length=80, blank=True)
    region_code = models.CharField(_("kode wilayah"), max_length=13, blank=True, db_index=True)
    data = models.JSONField(_("data"), default=dict, blank=True)
    prev_hash = models.CharField(_("hash sebelumnya"), max_length=64)
    hash = models.CharField(_("hash"), max_length=64)

    objects: ClassVar[AuditEntryQuerySet] = AuditEntryQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        verbose_name = _("entri audit")
        verbose_name_plural = _("entri audit")
        ordering = ["sequence"]
        indexes = [models.Index(fields=["object_type", "object_id"], name="audit_object_idx")]

    def __str__(self) -> str:
        return f"#{self.sequence} {self.action} {self.object_type}:{self.object_id}".rstrip(":")

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise _refuse("save")
        if self.hash != compute_hash(self.link()):
            raise ValueError("an audit entry is written only by netral.audit.services.record, which hashes it")
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise _refuse("delete")

    def link(self) -> Link:
        return Link(
            sequence=self.sequence,
            created_at=self.created_at,
            actor_id=self.actor_id,
            actor_label=self.actor_label,
            action=self.action,
            object_type=self.object_type,
            object_id=self.object_id,
            region_code=self.region_code,
            data=self.data,
            prev_hash=self.prev_hash,
            hash=self.hash,
        )
