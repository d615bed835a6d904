"""Evidence (uploaded files with their SHA-256, or links) and generated files (letters rendered to PDF).

Files live under MEDIA_ROOT, content-addressed by SHA-256 (`evidence_files.py`); they are served only through the
access-checked download views, never by a public URL.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from netral.cases.models.case import Case


class Evidence(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="evidence")
    description = models.CharField(_("keterangan"), max_length=300, blank=True)
    file_path = models.CharField(_("berkas"), max_length=300, blank=True, help_text=_("Relatif terhadap MEDIA_ROOT."))
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    size = models.PositiveBigIntegerField(_("ukuran"), default=0)
    content_type = models.CharField(_("jenis isi"), max_length=60, blank=True)
    original_name = models.CharField(_("nama asli"), max_length=255, blank=True)
    url = models.URLField(_("tautan"), max_length=1000, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    added_at = models.DateTimeField(_("ditambahkan"), auto_now_add=True)

    class Meta:
        verbose_name = _("bukti")
        verbose_name_plural = _("bukti")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=(~models.Q(file_path="") & models.Q(url="")) | (models.Q(file_path="") & ~models.Q(url="")),
                name="evidence_is_a_file_or_a_link",
            )
        ]

    def __str__(self) -> str:
        return self.original_name or self.url

    @property
    def is_file(self) -> bool:
        return bool(self.file_path)


class GeneratedFile(models.Model):
    """A document Netral produced for a case (a recommendation letter, a clarification invitation)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="generated_files")
    track = models.ForeignKey("cases.Track", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("jenis"), max_length=40)
    file_path = models.CharField(_("berkas"), max_length=300)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    size = models.PositiveBigIntegerField(_("ukuran"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)

    class Meta:
        verbose_name = _("dokumen")
        verbose_name_plural = _("dokumen")
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.kind} {self.sha256[:12]}"
