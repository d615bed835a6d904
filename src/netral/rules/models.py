"""The rules catalogue as database rows, mirrored from `netral/rules/data/*.toml` by `netral.rules.loading`.

The data files are the reviewed source. An administrator may still correct a row in the admin (the domain
research flags several conflicts); such a row is marked `locally_modified` and later file loads leave it alone.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class CatalogueRow(models.Model):
    legal_basis = models.CharField(_("dasar hukum"), max_length=300, blank=True)
    source = models.URLField(_("sumber"), max_length=500, blank=True)
    note = models.TextField(_("catatan"), blank=True)
    locally_modified = models.BooleanField(
        _("diubah lokal"), default=False, help_text=_("Diubah lewat admin; tidak ditimpa saat berkas data dimuat.")
    )

    class Meta:
        abstract = True


class Election(CatalogueRow):
    code = models.CharField(_("kode"), max_length=40, primary_key=True)
    name = models.CharField(_("nama"), max_length=200)
    kind = models.CharField(_("jenis"), max_length=20)
    regime = models.CharField(_("rezim penanganan"), max_length=20)
    voting_day = models.DateField(_("hari pemungutan suara"))
    start = models.DateField(_("mulai"))
    end = models.DateField(_("selesai"))

    class Meta:
        verbose_name = _("pemilihan")
        verbose_name_plural = _("pemilihan")
        ordering = ["voting_day"]

    def __str__(self) -> str:
        return self.name


class ElectionPhase(CatalogueRow):
    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="phases", verbose_name=_("pemilihan"))
    code = models.CharField(_("kode"), max_length=60)
    name = models.CharField(_("nama"), max_length=200)
    start = models.DateField(_("mulai"))
    end = models.DateField(_("selesai"))

    class Meta:
        verbose_name = _("tahapan")
        verbose_name_plural = _("tahapan")
        ordering = ["election", "start", "code"]
        constraints = [models.UniqueConstraint(fields=["election", "code"], name="unique_phase_per_election")]

    def __str__(self) -> str:
        return f"{self.election_id}: {self.name}"


class Sanction(CatalogueRow):
    code = models.CharField(_("kode"), max_length=60, primary_key=True)
    level = models.CharField(_("tingkat"), max_length=30)
    name = models.CharField(_("nama"), max_length=200)
    description = models.TextField(_("uraian"), blank=True)
    penalties = models.JSONField(_("bentuk hukuman"), default=list, blank=True)
    applies_to = models.JSONField(_("berlaku bagi"), default=list, blank=True)
    imposed_by = models.CharField(_("dijatuhkan oleh"), max_length=200, blank=True)
    in_force = models.BooleanField(_("berlaku"), default=True)

    class Meta:
        verbose_name = _("sanksi")
        verbose_name_plural = _("sanksi")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


class ViolationType(CatalogueRow):
    """A type of neutrality violation of the 2022 joint decree (SKB): E1–E7 ethics, D1–D13 discipline."""

    code = models.CharField(_("kode"), max_length=10, primary_key=True)
    category = models.CharField(_("kategori"), max_length=30)
    subject_types = models.JSONField(_("subjek"), default=list, blank=True)
    title = models.CharField(_("judul"), max_length=300)
    description = models.TextField(_("uraian"), blank=True)
    stage = models.CharField(_("tahap"), max_length=40, blank=True)
    kinds = models.JSONField(_("jenis kasar (pipeline teks)"), default=list, blank=True)
    sanctions = models.ManyToManyField(Sanction, blank=True, related_name="violation_types", verbose_name=_("sanksi"))
    regimes = models.JSONField(_("rezim"), default=list, blank=True)
    position = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        verbose_name = _("jenis pelanggaran")
        verbose_name_plural = _("jenis pelanggaran")
        ordering = ["position", "code"]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class Regime(CatalogueRow):
    """A legal regime of violation handling: Pemilu (UU 7/2017), Pilkada (UU 10/2016), the ASN referral flow."""

    code = models.CharField(_("kode"), max_length=20, primary_key=True)
    name = models.CharField(_("nama"), max_length=200)
    shared_with = models.JSONField(_("dipakai juga oleh"), default=list, blank=True)

    class Meta:
        verbose_name = _("rezim penanganan")
        verbose_name_plural = _("rezim penanganan")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


class ProcedureStep(CatalogueRow):
    """A handling step with its deadline under one legal regime."""

    regime = models.ForeignKey(Regime, on_delete=models.CASCADE, related_name="steps", verbose_name=_("rezim"))
    code = models.CharField(_("kode"), max_length=60)
    name = models.CharField(_("nama"), max_length=200)
    actor = models.CharField(_("pelaksana"), max_length=300, blank=True)
    amount = models.PositiveIntegerField(_("jumlah"))
    unit = models.CharField(_("satuan"), max_length=20)
    starts_on = models.CharField(_("peristiwa awal"), max_length=40)
    starts_on_text = models.CharField(_("dihitung sejak"), max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        verbose_name = _("langkah penanganan")
        verbose_name_plural = _("langkah penanganan")
        ordering = ["regime", "position"]
        constraints = [models.UniqueConstraint(fields=["regime", "code"], name="unique_step_per_regime")]

    def __str__(self) -> str:
        return f"{self.regime_id}: {self.name}"


class Holiday(CatalogueRow):
    """A day government offices are closed: libur nasional, cuti bersama, or a voting day declared a holiday."""

    date = models.DateField(_("tanggal"), db_index=True)
    name = models.CharField(_("nama"), max_length=200)
    type = models.CharField(_("jenis"), max_length=30)
    decree = models.CharField(_("dasar penetapan"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("hari libur")
        verbose_name_plural = _("hari libur")
        ordering = ["date"]
        constraints = [models.UniqueConstraint(fields=["date", "name"], name="unique_holiday")]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.name}"
