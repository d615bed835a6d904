"""A case (*perkara*): a public report (*laporan*), the supervisors' own finding (*temuan*) or initial information
(*informasi awal*: an anonymous tip, a media or monitoring alert), handled along the workflow's tracks.

`event_region_code` (the Kemendagri code of where the act happened) is the field every jurisdiction filter reads;
it is a copy of `event_region_id`, kept as plain text so the filters stay simple `startswith` lookups.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from netral.cases.models.people import ReporterIdentity


class Intake(models.TextChoices):
    LAPORAN = "laporan", _("Laporan")
    TEMUAN = "temuan", _("Temuan")
    INFORMASI_AWAL = "informasi_awal", _("Informasi awal")


class Regime(models.TextChoices):
    """Pemilu (UU 7/2017) or Pilkada (UU 1/2015 jo. 10/2016): decides the deadlines."""

    PEMILU = "pemilu", _("Pemilu")
    PILKADA = "pilkada", _("Pilkada")


class Case(models.Model):
    intake = models.CharField(_("asal"), max_length=20, choices=Intake.choices)
    regime = models.CharField(_("rezim"), max_length=10, choices=Regime.choices)
    election = models.ForeignKey(
        "rules.Election", verbose_name=_("pemilihan"), on_delete=models.PROTECT, related_name="+"
    )
    summary = models.CharField(_("ringkasan"), max_length=300)
    description = models.TextField(_("uraian kejadian"), blank=True)
    event_date = models.DateField(_("tanggal kejadian"), null=True, blank=True)
    event_time = models.TimeField(_("jam kejadian"), null=True, blank=True)
    event_place = models.CharField(_("tempat kejadian"), max_length=300, blank=True)
    event_region = models.ForeignKey(
        "geo.Region", verbose_name=_("wilayah kejadian"), on_delete=models.PROTECT, related_name="+"
    )
    event_region_code = models.CharField(_("kode wilayah kejadian"), max_length=13, db_index=True, editable=False)
    office_region = models.ForeignKey(
        "geo.Region",
        verbose_name=_("kantor penanganan"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        help_text=_("Wilayah Bawaslu yang menangani; kosong untuk Bawaslu RI."),
    )
    received_at = models.DateTimeField(_("diterima pada"))
    receipt_number = models.CharField(_("nomor penerimaan"), max_length=60, blank=True)
    registration_number = models.CharField(_("nomor registrasi"), max_length=60, blank=True)
    anonymous = models.BooleanField(_("pelapor anonim"), default=False)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("penanggung jawab"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="assigned_cases",
    )
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("digabung ke"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="duplicates",
    )
    dismissal_reason = models.TextField(_("alasan penolakan"), blank=True)
    closed = models.BooleanField(_("selesai"), default=False, db_index=True)
    workflow_version = models.CharField(_("versi alur"), max_length=20)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)

    if TYPE_CHECKING:
        reporter: ReporterIdentity

    class Meta:
        verbose_name = _("perkara")
        verbose_name_plural = _("perkara")
        ordering = ["-received_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["registration_number"],
                condition=~models.Q(registration_number=""),
                name="unique_registration_number",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.summary}"

    def save(self, *args: object, **kwargs: object) -> None:
        self.event_region_code = self.event_region_id or ""
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    @property
    def number(self) -> str:
        """The number people use: the register number, else the receipt number, else the internal id."""
        return self.registration_number or self.receipt_number or f"#{self.pk}"


class CaseViolationType(models.Model):
    """An SKB violation type (E1–E7, D1–D13) the case is about."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="violations")
    violation_type = models.ForeignKey("rules.ViolationType", on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("jenis pelanggaran perkara")
        verbose_name_plural = _("jenis pelanggaran perkara")
        constraints = [models.UniqueConstraint(fields=["case", "violation_type"], name="unique_case_violation")]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.violation_type_id}"
