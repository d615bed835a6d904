"""API tokens: a token acts as its owner, limited to its scopes and its jurisdiction.

Only the SHA-256 of the secret is stored (the secret is random and long, so a slow hash adds nothing); the secret
is shown once at creation. `prefix` (the first characters of the secret) identifies a token in lists and logs.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class TokenKind(models.TextChoices):
    PERSONAL = "personal", _("pribadi")
    SERVICE = "service", _("layanan")


class ApiToken(models.Model):
    name = models.CharField(_("nama"), max_length=100)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("pemilik"), on_delete=models.PROTECT, related_name="api_tokens"
    )
    kind = models.CharField(_("jenis"), max_length=10, choices=TokenKind.choices, default=TokenKind.PERSONAL)
    scopes = models.JSONField(_("cakupan izin"), default=list)
    jurisdiction = models.ForeignKey(
        "geo.Region",
        verbose_name=_("wilayah"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Kosong: nasional (tetap dibatasi wilayah pemilik)."),
    )
    prefix = models.CharField(_("awalan"), max_length=16, unique=True)
    secret_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("terakhir dipakai"), null=True, blank=True)
    expires_at = models.DateTimeField(_("kedaluwarsa"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("dicabut"), null=True, blank=True)

    class Meta:
        verbose_name = _("token API")
        verbose_name_plural = _("token API")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"


class Webhook(models.Model):
    """A partner endpoint told about case and alert events in its jurisdiction (null: national)."""

    name = models.CharField(_("nama"), max_length=100)
    url = models.URLField(_("alamat"), max_length=500)
    secret = models.CharField(_("kunci penanda tangan"), max_length=100, editable=False)
    events = models.JSONField(_("peristiwa"), default=list)
    region = models.ForeignKey(
        "geo.Region", verbose_name=_("wilayah"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("pemilik"), on_delete=models.PROTECT, related_name="webhooks"
    )
    active = models.BooleanField(_("aktif"), default=True)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)

    class Meta:
        verbose_name = _("webhook")
        verbose_name_plural = _("webhook")
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name


class WebhookDelivery(models.Model):
    """One event sent (or to be sent) to one webhook: every attempt updates this log row."""

    class State(models.TextChoices):
        PENDING = "menunggu", _("menunggu")
        DELIVERED = "terkirim", _("terkirim")
        FAILED = "gagal", _("gagal")

    webhook = models.ForeignKey(Webhook, on_delete=models.CASCADE, related_name="deliveries")
    event = models.CharField(_("peristiwa"), max_length=40)
    payload = models.JSONField(_("muatan"))
    state = models.CharField(_("status"), max_length=10, choices=State.choices, default=State.PENDING)
    status_code = models.PositiveSmallIntegerField(_("kode status"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("percobaan"), default=0)
    next_try = models.DateTimeField(_("percobaan berikut"), null=True, blank=True)
    response_excerpt = models.CharField(_("cuplikan jawaban"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    last_try_at = models.DateTimeField(_("percobaan terakhir"), null=True, blank=True)

    class Meta:
        verbose_name = _("pengiriman webhook")
        verbose_name_plural = _("pengiriman webhook")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.event} → {self.webhook_id} ({self.state})"


class PartnerReport(models.Model):
    """A report that a partner intake channel (another agency's complaint system, LAPOR!/SP4N, a call centre) sent
    through the API: the channel is the service token, `external_id` the partner's own reference. Unique per token,
    so a partner's retry finds the first report instead of creating a second (`netral.api.intake`).

    `response` is the first answer without the receipt code; `sealed_receipt` is the code encrypted with a key only
    the partner's token secret can derive (the server stores only the token's SHA-256), so a retry can repeat it;
    it is wiped after NETRAL_API_REPORT_REPLAY_HOURS.
    """

    token = models.ForeignKey(ApiToken, verbose_name=_("token"), on_delete=models.PROTECT, related_name="reports")
    external_id = models.CharField(_("nomor rujukan mitra"), max_length=100)
    case = models.OneToOneField(
        "cases.Case", verbose_name=_("perkara"), on_delete=models.CASCADE, related_name="partner_report"
    )
    fingerprint = models.CharField(max_length=64, editable=False)
    response = models.JSONField(editable=False)
    sealed_receipt = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(_("diterima"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("laporan dari mitra")
        verbose_name_plural = _("laporan dari mitra")
        ordering = ["-created_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["token", "external_id"], name="api_partner_report_once")]

    def __str__(self) -> str:
        return f"{self.token.name}: {self.external_id} → {self.case_id}"
