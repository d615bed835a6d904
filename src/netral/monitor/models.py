"""What media monitoring stores: sources, the items they yield, near-duplicate stories and alerts.

Region codes (`region_code`, `owner_code`) are plain-text copies of the Kemendagri code that every jurisdiction
filter reads with `startswith` (see `netral.accounts.access`), like `Case.event_region_code`.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Source(models.Model):
    """A place items come from: a feed, a sitemap or an article URL fetched on a schedule, or one uploaded file.

    `kind` is a name in `netral.monitor.sources.KINDS`. `owner` is the jurisdiction that manages the source (empty
    for Bawaslu RI); what its items are about decides where their alerts go, not the owner.
    """

    class Status(models.TextChoices):
        NEW = "baru", _("belum diambil")
        OK = "ok", _("berhasil")
        NOT_MODIFIED = "tetap", _("tidak berubah")
        ERROR = "galat", _("gagal")

    kind = models.CharField(_("jenis"), max_length=20)
    name = models.CharField(_("nama"), max_length=200)
    url = models.URLField(_("alamat"), max_length=2000, blank=True)
    config = models.JSONField(_("pengaturan"), default=dict, blank=True)
    owner = models.ForeignKey(
        "geo.Region", verbose_name=_("wilayah pengelola"), null=True, blank=True, on_delete=models.PROTECT
    )
    owner_code = models.CharField(max_length=13, db_index=True, blank=True, editable=False)
    interval_minutes = models.PositiveIntegerField(_("selang pengambilan (menit)"), default=60)
    enabled = models.BooleanField(_("aktif"), default=True)
    etag = models.CharField(max_length=500, blank=True, editable=False)
    last_modified = models.CharField(max_length=100, blank=True, editable=False)
    next_fetch_at = models.DateTimeField(_("pengambilan berikutnya"), null=True, blank=True, db_index=True)
    last_fetched_at = models.DateTimeField(_("terakhir diambil"), null=True, blank=True)
    last_status = models.CharField(_("status terakhir"), max_length=10, choices=Status.choices, default=Status.NEW)
    last_error = models.TextField(_("galat terakhir"), blank=True)
    failures = models.PositiveIntegerField(_("kegagalan berturut-turut"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)

    class Meta:
        verbose_name = _("sumber pantauan")
        verbose_name_plural = _("sumber pantauan")
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: object, **kwargs: object) -> None:
        self.owner_code = self.owner_id or ""
        super().save(*args, **kwargs)  # type: ignore[arg-type]


class FetchRun(models.Model):
    """One fetch of a source or one upload: what came in, for the source's history and for troubleshooting."""

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="runs")
    started_at = models.DateTimeField(_("mulai"))
    finished_at = models.DateTimeField(_("selesai"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Source.Status.choices)
    received = models.PositiveIntegerField(_("diterima"), default=0)
    stored = models.PositiveIntegerField(_("disimpan"), default=0)
    alerts = models.PositiveIntegerField(_("peringatan"), default=0)
    problems = models.JSONField(_("masalah"), default=list, blank=True)
    error = models.TextField(_("galat"), blank=True)

    class Meta:
        ordering = ["-started_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.source} @ {self.started_at:%Y-%m-%d %H:%M}"


class Story(models.Model):
    """Near-duplicate items across outlets: one event as reported (and re-posted) by many."""

    title = models.CharField(_("judul"), max_length=500)
    first_seen = models.DateTimeField(_("pertama terlihat"), db_index=True)
    last_seen = models.DateTimeField(_("terakhir terlihat"))
    first_published = models.DateTimeField(_("pertama terbit"), null=True, blank=True)
    item_count = models.PositiveIntegerField(_("jumlah item"), default=1)
    outlets = models.JSONField(_("media"), default=list)  # distinct outlets in order of appearance
    region = models.ForeignKey(
        "geo.Region", verbose_name=_("wilayah kejadian"), null=True, blank=True, on_delete=models.PROTECT
    )
    region_code = models.CharField(max_length=13, db_index=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("cerita")
        verbose_name_plural = _("cerita")
        ordering = ["-first_seen", "-pk"]

    def __str__(self) -> str:
        return self.title

    def save(self, *args: object, **kwargs: object) -> None:
        self.region_code = self.region_id or ""
        super().save(*args, **kwargs)  # type: ignore[arg-type]


class Item(models.Model):
    """One fetched or uploaded piece of text, kept with its raw form and what `netral.text` found in it.

    `identity` makes ingestion idempotent: "u:" + SHA-256 of the canonical URL, or "h:" + the content hash for items
    without a URL. An identical text at another URL is another item (another outlet) of the same story.
    """

    identity = models.CharField(max_length=66, unique=True)
    source = models.ForeignKey(Source, null=True, blank=True, on_delete=models.SET_NULL, related_name="items")
    kind = models.CharField(_("jenis"), max_length=20)
    url = models.URLField(_("alamat"), max_length=2000, blank=True)
    content_hash = models.CharField(max_length=64, db_index=True)
    title = models.CharField(_("judul"), max_length=500, blank=True)
    text = models.TextField(_("teks"))
    raw = models.BinaryField(_("bentuk asli (zlib)"))
    raw_type = models.CharField(max_length=100)
    outlet = models.CharField(_("media"), max_length=200, blank=True)
    author = models.CharField(_("penulis"), max_length=200, blank=True)
    published_at = models.DateTimeField(_("terbit"), null=True, blank=True)
    fetched_at = models.DateTimeField(_("diambil"), db_index=True)
    language = models.CharField(_("bahasa"), max_length=8, blank=True)
    language_kept = models.BooleanField(_("bahasa dipantau"), default=True)
    analysis = models.JSONField(_("hasil analisis"), default=dict)
    violation = models.BooleanField(_("dugaan pelanggaran"), default=False, db_index=True)
    confidence = models.FloatField(_("keyakinan"), default=0.0)
    region = models.ForeignKey(
        "geo.Region", verbose_name=_("wilayah kejadian"), null=True, blank=True, on_delete=models.PROTECT
    )
    region_code = models.CharField(max_length=13, db_index=True, blank=True, editable=False)
    story = models.ForeignKey(Story, on_delete=models.PROTECT, related_name="items")
    signature = models.BinaryField(editable=False)

    class Meta:
        verbose_name = _("item pantauan")
        verbose_name_plural = _("item pantauan")
        ordering = ["-fetched_at", "-pk"]

    def __str__(self) -> str:
        return self.title or self.text[:80]

    def save(self, *args: object, **kwargs: object) -> None:
        self.region_code = self.region_id or ""
        super().save(*args, **kwargs)  # type: ignore[arg-type]


class ItemBand(models.Model):
    """LSH band keys of an item's MinHash signature: items sharing a key are near-duplicate candidates."""

    key = models.BigIntegerField(db_index=True)
    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="+")

    def __str__(self) -> str:
        return f"{self.key} → {self.item_id}"


class WatchTerm(models.Model):
    """A name, agency, region or keyword a supervisor watches; a story mentioning it raises an alert.

    A term watches stories whose event lies in its owner's jurisdiction, and stories whose region is unknown.
    """

    class Kind(models.TextChoices):
        NAME = "nama", _("nama orang")
        AGENCY = "instansi", _("instansi")
        REGION = "wilayah", _("wilayah")
        KEYWORD = "kata", _("kata kunci")

    kind = models.CharField(_("jenis"), max_length=10, choices=Kind.choices)
    term = models.CharField(_("istilah"), max_length=200)
    region = models.ForeignKey(
        "geo.Region",
        verbose_name=_("wilayah yang dipantau"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Untuk jenis wilayah: wilayah yang disebut dalam berita."),
    )
    owner = models.ForeignKey(
        "geo.Region", verbose_name=_("wilayah pengelola"), null=True, blank=True, on_delete=models.PROTECT
    )
    owner_code = models.CharField(max_length=13, db_index=True, blank=True, editable=False)
    active = models.BooleanField(_("aktif"), default=True)
    note = models.CharField(_("catatan"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)

    class Meta:
        verbose_name = _("daftar pantau")
        verbose_name_plural = _("daftar pantau")
        ordering = ["kind", "term"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.term}"

    def save(self, *args: object, **kwargs: object) -> None:
        self.owner_code = self.owner_id or ""
        super().save(*args, **kwargs)  # type: ignore[arg-type]


class Alert(models.Model):
    """A story that needs a supervisor's eyes, in the inbox of the jurisdiction where the event happened."""

    class Status(models.TextChoices):
        NEW = "baru", _("baru")
        OPENED = "dibuka", _("dibuka sebagai perkara")
        ATTACHED = "digabung", _("digabung ke perkara")
        DISMISSED = "diabaikan", _("diabaikan")

    story = models.OneToOneField(Story, on_delete=models.PROTECT, related_name="alert")
    region = models.ForeignKey(
        "geo.Region", verbose_name=_("wilayah"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    region_code = models.CharField(max_length=13, db_index=True, blank=True, editable=False)
    reasons = models.JSONField(_("alasan"), default=list)  # [{"kind": "violation"|"watchlist", ...}]
    confidence = models.FloatField(_("keyakinan"), default=0.0)
    facts = models.JSONField(_("fakta yang diekstraksi"), default=dict)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.NEW, db_index=True)
    case = models.ForeignKey(
        "cases.Case", verbose_name=_("perkara"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    dismissed_reason = models.TextField(_("alasan diabaikan"), blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    handled_at = models.DateTimeField(_("ditangani"), null=True, blank=True)
    created_at = models.DateTimeField(_("dibuat"), db_index=True)
    updated_at = models.DateTimeField(_("diperbarui"))

    class Meta:
        verbose_name = _("peringatan")
        verbose_name_plural = _("peringatan")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"#{self.pk} {self.story.title}"

    def save(self, *args: object, **kwargs: object) -> None:
        self.region_code = self.region_id or ""
        super().save(*args, **kwargs)  # type: ignore[arg-type]
