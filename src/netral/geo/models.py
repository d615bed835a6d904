"""Regions as database rows, mirrored from the data files by `netral.geo.loading`.

`province_code` and `regency_code` are stored beside the dotted code so that jurisdiction filters
("everything in Kabupaten Banjar") are plain indexed equality lookups on every database.
"""

from __future__ import annotations

from typing import ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _

from netral.geo.reference import ZONE_LABELS


class Level(models.TextChoices):
    PROVINSI = "provinsi", _("Provinsi")
    KABUPATEN_KOTA = "kabupaten_kota", _("Kabupaten/Kota")
    KECAMATAN = "kecamatan", _("Kecamatan")
    DESA = "desa", _("Desa/Kelurahan")


class RegionQuerySet(models.QuerySet["Region"]):
    def level_counts(self) -> dict[str, int]:
        rows = self.filter(is_active=True).values_list("level").annotate(n=models.Count("code"))
        return dict(rows)

    def within(self, region: Region) -> RegionQuerySet:
        """The region itself and everything below it."""
        if region.level == Level.PROVINSI:
            return self.filter(province_code=region.code)
        if region.level == Level.KABUPATEN_KOTA:
            return self.filter(regency_code=region.code)
        return self.filter(code__startswith=region.code + ".") | self.filter(code=region.code)


class Region(models.Model):
    code = models.CharField(_("kode Kemendagri"), max_length=13, primary_key=True)
    name = models.CharField(_("nama resmi"), max_length=120)
    canonical_name = models.CharField(_("nama baku"), max_length=120, db_index=True)
    type = models.CharField(_("jenis"), max_length=20)
    level = models.CharField(_("tingkat"), max_length=20, choices=Level.choices, db_index=True)
    parent = models.ForeignKey(
        "self", verbose_name=_("induk"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    province_code = models.CharField(_("kode provinsi"), max_length=2, db_index=True)
    regency_code = models.CharField(_("kode kabupaten/kota"), max_length=5, blank=True, db_index=True)
    timezone = models.CharField(_("zona waktu"), max_length=40)
    latitude = models.FloatField(_("lintang"), null=True, blank=True)
    longitude = models.FloatField(_("bujur"), null=True, blank=True)
    is_active = models.BooleanField(_("aktif"), default=True, help_text=_("Tidak ada lagi di daftar Kemendagri."))

    objects: ClassVar[RegionQuerySet] = RegionQuerySet.as_manager()  # type: ignore[assignment]

    class Meta:
        verbose_name = _("wilayah")
        verbose_name_plural = _("wilayah")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.display_name} ({self.code})"

    @property
    def display_name(self) -> str:
        """ "Kecamatan Aluh Aluh", "Desa Pemurus"; provinces and regencies carry their type in the name already."""
        if self.level in (Level.KECAMATAN, Level.DESA):
            return f"{self.type.replace('_', ' ').title()} {self.canonical_name}"
        return self.canonical_name

    @property
    def zone_label(self) -> str:
        return ZONE_LABELS.get(self.timezone, self.timezone)


class RegionAlias(models.Model):
    """A name people write for a region: "Batola" for Kabupaten Barito Kuala, "Kalsel" for Kalimantan Selatan."""

    alias = models.CharField(_("alias"), max_length=80, db_index=True)
    region = models.ForeignKey(Region, verbose_name=_("wilayah"), on_delete=models.CASCADE, related_name="aliases")
    note = models.CharField(_("catatan"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("alias wilayah")
        verbose_name_plural = _("alias wilayah")
        constraints = [models.UniqueConstraint(fields=["alias", "region"], name="unique_region_alias")]

    def __str__(self) -> str:
        return f"{self.alias} → {self.region.canonical_name}"
