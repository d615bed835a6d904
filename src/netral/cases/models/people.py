"""People on a case: the reporter's identity, the reported persons (*terlapor*) and witnesses.

The reporter's identity has its own table so that every read of it is an explicit query, done only by
`services.reporter.view_reporter_identity`, which checks the role and writes "reporter.viewed" to the audit log.
Anonymous reports have no row at all.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from netral.cases.models.case import Case


class SubjectType(models.TextChoices):
    ASN = "asn", _("ASN")
    VILLAGE = "village", _("Kepala/perangkat desa")
    TNI = "tni", _("TNI")
    POLRI = "polri", _("Polri")
    REGIONAL_HEAD = "regional_head", _("Kepala daerah")
    OTHER = "other", _("Lainnya")


class ReporterIdentity(models.Model):
    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="reporter")
    name = models.CharField(_("nama pelapor"), max_length=200)
    nik = models.CharField(_("NIK"), max_length=16, blank=True)
    address = models.TextField(_("alamat"), blank=True)
    phone = models.CharField(_("telepon"), max_length=40, blank=True)
    email = models.EmailField(_("surel"), blank=True)

    class Meta:
        verbose_name = _("identitas pelapor")
        verbose_name_plural = _("identitas pelapor")

    def __str__(self) -> str:
        return f"pelapor perkara {self.case_id}"  # never the name: str() ends up in logs


class ReportedPerson(models.Model):
    """A *terlapor*: the person whose neutrality is in question."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="reported_persons")
    name = models.CharField(_("nama"), max_length=200)
    nip = models.CharField(_("NIP"), max_length=18, blank=True)
    position = models.CharField(_("jabatan"), max_length=200, blank=True)
    agency = models.CharField(_("instansi"), max_length=200, blank=True)
    region = models.ForeignKey(
        "geo.Region", verbose_name=_("wilayah"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    subject_type = models.CharField(_("jenis subjek"), max_length=20, choices=SubjectType.choices)

    class Meta:
        verbose_name = _("terlapor")
        verbose_name_plural = _("terlapor")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name


class Witness(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="witnesses")
    name = models.CharField(_("nama"), max_length=200)
    contact = models.CharField(_("kontak"), max_length=200, blank=True)
    statement = models.TextField(_("keterangan"), blank=True)

    class Meta:
        verbose_name = _("saksi")
        verbose_name_plural = _("saksi")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name
