"""The custom user model, with the staff member's role and jurisdiction (wilayah tugas).

Roles and what they allow live in `data/roles.toml` (see `netral.accounts.roles`); who may see what is decided
only by `netral.accounts.access`.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """Staff roles. *Panwascam* is the kecamatan-level election supervisory committee; *PPK* (Pejabat Pembina
    Kepegawaian) is the civil servant's employing official — minister, governor, regent or mayor — who imposes
    sanctions; *BKN* is the national civil-service agency that reviews Bawaslu's ASN recommendations."""

    BAWASLU_RI = "bawaslu_ri", _("Bawaslu RI")
    BAWASLU_PROVINSI = "bawaslu_provinsi", _("Bawaslu Provinsi")
    BAWASLU_KABKOTA = "bawaslu_kabkota", _("Bawaslu Kabupaten/Kota")
    PANWASCAM = "panwascam", _("Panwaslu Kecamatan")
    BKN_REVIEWER = "bkn_reviewer", _("Penelaah BKN")
    PPK_OFFICER = "ppk_officer", _("Petugas PPK")
    ANALYST = "analyst", _("Analis")
    ADMINISTRATOR = "administrator", _("Administrator")


class NetralUserManager(UserManager["User"]):
    def create_superuser(
        self, username: str, email: str | None = None, password: str | None = None, **extra_fields: Any
    ) -> User:
        """A superuser made from the command line is an administrator (a role is what the access rules read)."""
        extra_fields.setdefault("role", Role.ADMINISTRATOR)
        return super().create_superuser(username, email, password, **extra_fields)


class User(AbstractUser):
    """A staff member: Bawaslu at any level, BKN, PPK/BKPSDM, Kesbangpol, analysts.

    Public reporters have no account: they follow their report with a receipt code.
    """

    full_name = models.CharField(_("nama lengkap"), max_length=200, blank=True)
    agency = models.CharField(_("instansi"), max_length=200, blank=True)
    role = models.CharField(_("peran"), max_length=30, choices=Role.choices, blank=True)
    jurisdiction = models.ForeignKey(
        "geo.Region",
        verbose_name=_("wilayah tugas"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Kosong untuk peran nasional."),
    )

    objects: ClassVar[NetralUserManager] = NetralUserManager()

    class Meta:
        verbose_name = _("pengguna")
        verbose_name_plural = _("pengguna")

    def __str__(self) -> str:
        return self.full_name or self.username

    def clean(self) -> None:
        from netral.accounts.assignment import check_assignment

        super().clean()
        check_assignment(self.role, self.jurisdiction)
