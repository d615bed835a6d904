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


class TOTPDevice(models.Model):
    """A staff member's authenticator app (RFC 6238 TOTP). The secret is stored encrypted (`secretbox`) with a key
    derived from SECRET_KEY; `last_used_step` refuses a code that was already used (replay)."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="totp_device")
    secret_encrypted = models.TextField(_("rahasia terenkripsi"))
    confirmed_at = models.DateTimeField(_("dikonfirmasi"), null=True, blank=True)
    last_used_step = models.BigIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("aplikasi autentikator")
        verbose_name_plural = _("aplikasi autentikator")

    def __str__(self) -> str:
        return f"TOTP {self.user}"


class RecoveryCode(models.Model):
    """A single-use code for when the phone is lost: only its keyed hash is kept (the code is random, 50 bits)."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="recovery_codes")
    code_hash = models.CharField(max_length=64, unique=True)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("kode pemulihan")
        verbose_name_plural = _("kode pemulihan")

    def __str__(self) -> str:
        return f"kode pemulihan {self.user}"


class LoginFailures(models.Model):
    """Failed password or code attempts on one account, counted in a window; the account locks at the limit."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="login_failures")
    count = models.PositiveIntegerField(default=0)
    window_started_at = models.DateTimeField()
    locked_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("percobaan masuk gagal")
        verbose_name_plural = _("percobaan masuk gagal")

    def __str__(self) -> str:
        return f"{self.user}: {self.count}"
