"""Prevention records: agencies, pledge campaigns and their pledges, attendance imports, events, circulars.

Indonesian terms: *instansi* is a government agency or office; *pakta integritas* the integrity pact its head
signs; *ikrar netralitas* the neutrality pledge each employee signs; *sosialisasi* an awareness event; *rakor*
(rapat koordinasi) a coordination meeting; *surat edaran* a circular and *imbauan* an advisory.

Every record belongs to a region (`geo.Region`); jurisdiction filters run on the region's dotted code
(`region_id`, see `netral.accounts.access`). Files live under MEDIA_ROOT, content-addressed by SHA-256
(`netral.cases.evidence_files`), and are served only through access-checked views.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from netral.geo.models import Region
from netral.rules.models import Election, ViolationType


class StoredFileFields(models.Model):
    """A file checked and stored by `netral.cases.evidence_files`; empty `file_path` means no file."""

    file_path = models.CharField(_("berkas"), max_length=200, blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    size = models.PositiveBigIntegerField(_("ukuran"), default=0)
    content_type = models.CharField(_("jenis berkas"), max_length=60, blank=True)
    original_name = models.CharField(_("nama berkas asli"), max_length=255, blank=True)

    class Meta:
        abstract = True

    @property
    def has_file(self) -> bool:
        return bool(self.file_path)


class Agency(models.Model):
    """An *instansi* whose staff pledge neutrality: a provincial or regency government, a vertical office…"""

    name = models.CharField(_("nama instansi"), max_length=200)
    kind = models.CharField(_("jenis instansi"), max_length=40)  # code from data/agency_kinds.toml
    region = models.ForeignKey(Region, verbose_name=_("wilayah"), on_delete=models.PROTECT, related_name="+")
    headcount = models.PositiveIntegerField(_("jumlah pegawai"), default=0)
    contact_name = models.CharField(_("nama narahubung"), max_length=200, blank=True)
    contact_email = models.EmailField(_("surel narahubung"), blank=True)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)

    class Meta:
        verbose_name = _("instansi")
        verbose_name_plural = _("instansi")
        ordering = ["region__code", "name"]
        constraints = [models.UniqueConstraint(fields=["region", "name"], name="unique_agency_name_per_region")]

    def __str__(self) -> str:
        return self.name


class Campaign(models.Model):
    """One agency's pledge campaign for one election: the pact, the signing link, the pledges."""

    agency = models.ForeignKey(Agency, verbose_name=_("instansi"), on_delete=models.PROTECT, related_name="campaigns")
    election = models.ForeignKey(Election, verbose_name=_("pemilihan"), on_delete=models.PROTECT, related_name="+")
    expected = models.PositiveIntegerField(_("jumlah pegawai yang diharapkan berikrar"))
    # Opens the public signing page: 192 random bits, so the link cannot be guessed from another campaign's.
    token = models.CharField(max_length=64, unique=True, editable=False)
    is_open = models.BooleanField(_("penandatanganan dibuka"), default=True)
    pact_path = models.CharField(_("berkas pakta integritas"), max_length=200, blank=True)
    pact_sha256 = models.CharField(_("SHA-256 pakta"), max_length=64, blank=True)
    pact_size = models.PositiveBigIntegerField(_("ukuran pakta"), default=0)
    pact_content_type = models.CharField(_("jenis berkas pakta"), max_length=60, blank=True)
    pact_original_name = models.CharField(_("nama berkas pakta"), max_length=255, blank=True)
    pact_uploaded_at = models.DateTimeField(_("pakta diunggah"), null=True, blank=True)
    last_reminded_at = models.DateTimeField(_("pengingat terakhir"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)

    class Meta:
        verbose_name = _("kampanye ikrar")
        verbose_name_plural = _("kampanye ikrar")
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["agency", "election"], name="unique_campaign_per_election")]

    def __str__(self) -> str:
        return f"{self.agency} — {self.election}"


class AttendanceImport(models.Model):
    """One uploaded attendance list and what became of it (the file itself is not kept: it holds NIPs)."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="imports")
    original_name = models.CharField(_("nama berkas"), max_length=255)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    file_format = models.CharField(_("format"), max_length=10)
    rows_read = models.PositiveIntegerField(_("baris dibaca"), default=0)
    imported = models.PositiveIntegerField(_("ikrar baru"), default=0)
    already_signed = models.PositiveIntegerField(_("sudah tercatat"), default=0)
    errors = models.JSONField(_("baris ditolak"), default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("diunggah"), auto_now_add=True)

    class Meta:
        verbose_name = _("impor daftar hadir")
        verbose_name_plural = _("impor daftar hadir")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.original_name} ({self.imported} baru)"


class PledgeSource(models.TextChoices):
    ONLINE = "online", _("Ditandatangani daring")
    IMPORT = "import", _("Daftar hadir yang diunggah")


class Pledge(models.Model):
    """One employee's neutrality pledge. The NIP is for staff only; the public verification page never shows it."""

    campaign = models.ForeignKey(Campaign, on_delete=models.PROTECT, related_name="pledges")
    # Shown on the verification page and in its QR code; 100 random bits (Crockford base32).
    code = models.CharField(_("kode ikrar"), max_length=32, unique=True, editable=False)
    full_name = models.CharField(_("nama lengkap"), max_length=200)
    nip = models.CharField(_("NIP / NI PPPK"), max_length=18)
    nip_kind = models.CharField(_("jenis nomor"), max_length=10)  # pns or pppk
    position = models.CharField(_("jabatan"), max_length=200, blank=True)
    unit = models.CharField(_("unit kerja"), max_length=200, blank=True)
    source = models.CharField(_("cara"), max_length=10, choices=PledgeSource.choices)
    attendance_import = models.ForeignKey(
        AttendanceImport, null=True, blank=True, on_delete=models.SET_NULL, related_name="pledges"
    )
    signed_at = models.DateTimeField(_("waktu ikrar"))

    class Meta:
        verbose_name = _("ikrar netralitas")
        verbose_name_plural = _("ikrar netralitas")
        ordering = ["-signed_at"]
        constraints = [models.UniqueConstraint(fields=["campaign", "nip"], name="one_pledge_per_nip_per_campaign")]

    def __str__(self) -> str:
        return self.code


class Event(models.Model):
    """A socialisation event, rakor or pledge ceremony, with its materials and minutes."""

    title = models.CharField(_("judul"), max_length=200)
    kind = models.CharField(_("jenis kegiatan"), max_length=40)  # data/event_kinds.toml [kinds]
    region = models.ForeignKey(Region, verbose_name=_("wilayah"), on_delete=models.PROTECT, related_name="+")
    election = models.ForeignKey(
        Election, verbose_name=_("pemilihan"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    starts_at = models.DateTimeField(_("mulai"), db_index=True)
    ends_at = models.DateTimeField(_("selesai"), null=True, blank=True)
    place = models.CharField(_("tempat"), max_length=200)
    organiser = models.CharField(_("penyelenggara"), max_length=200)
    speakers = models.TextField(_("narasumber"), blank=True, help_text=_("Satu per baris: nama — jabatan."))
    audience = models.CharField(_("peserta"), max_length=40)  # data/event_kinds.toml [audiences]
    audience_count = models.PositiveIntegerField(_("jumlah peserta"), default=0)
    description = models.TextField(_("uraian"), blank=True)
    minutes = models.TextField(_("notulen"), blank=True)
    is_public = models.BooleanField(_("tampil di agenda publik"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    updated_at = models.DateTimeField(_("diubah"), auto_now=True)

    class Meta:
        verbose_name = _("kegiatan pencegahan")
        verbose_name_plural = _("kegiatan pencegahan")
        ordering = ["-starts_at"]

    def __str__(self) -> str:
        return self.title


class EventMaterial(StoredFileFields):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="materials")
    title = models.CharField(_("judul materi"), max_length=200, blank=True)
    added_at = models.DateTimeField(_("diunggah"), auto_now_add=True)

    class Meta:
        verbose_name = _("materi kegiatan")
        verbose_name_plural = _("materi kegiatan")
        ordering = ["added_at"]

    def __str__(self) -> str:
        return self.title or self.original_name


class Circular(StoredFileFields):
    """A circular, advisory or instruction about neutrality, linked to the violation types it concerns."""

    kind = models.CharField(_("jenis"), max_length=40)  # data/circular_kinds.toml
    number = models.CharField(_("nomor"), max_length=120)
    date = models.DateField(_("tanggal"))
    issuer = models.CharField(_("penerbit"), max_length=200)
    subject = models.CharField(_("perihal"), max_length=300)
    addressees = models.TextField(_("ditujukan kepada"))
    summary = models.TextField(_("ringkasan"), blank=True)
    region = models.ForeignKey(Region, verbose_name=_("wilayah"), on_delete=models.PROTECT, related_name="+")
    election = models.ForeignKey(
        Election, verbose_name=_("pemilihan"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    violation_types = models.ManyToManyField(
        ViolationType, blank=True, related_name="+", verbose_name=_("jenis pelanggaran terkait")
    )
    is_public = models.BooleanField(_("terbuka untuk publik"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("dicatat"), auto_now_add=True)
    updated_at = models.DateTimeField(_("diubah"), auto_now=True)

    class Meta:
        verbose_name = _("surat edaran/imbauan")
        verbose_name_plural = _("surat edaran/imbauan")
        ordering = ["-date", "-pk"]
        constraints = [models.UniqueConstraint(fields=["issuer", "number"], name="unique_circular_number_per_issuer")]

    def __str__(self) -> str:
        return f"{self.number} — {self.subject}"
