"""Forms of the prevention pages: they parse and validate input; services decide and write."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from netral.accounts.access import AnyUser, region_scope
from netral.accounts.models import User
from netral.geo.models import Level, Region
from netral.prevention.reference import agency_kinds, audiences, circular_kinds, event_kinds
from netral.rules.models import Election, ViolationType


def regions_for(user: AnyUser) -> QuerySet[Region]:
    """Regions a manager may file records under: provinces and regencies in scope, and their own jurisdiction."""
    scope = region_scope(user)
    upper = Region.objects.filter(scope.q("code"), level__in=[Level.PROVINSI, Level.KABUPATEN_KOTA], is_active=True)
    own = user.jurisdiction_id if isinstance(user, User) else None
    return Region.objects.filter(Q(pk__in=upper.values("pk")) | Q(pk=own or "")).order_by("code")


class RegionChoice(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Region) -> str:
        return f"{obj.display_name} ({obj.code})"


class AgencyForm(forms.Form):
    name = forms.CharField(label=_("Nama instansi"), max_length=200)
    kind = forms.ChoiceField(label=_("Jenis instansi"))
    region = RegionChoice(label=_("Wilayah"), queryset=Region.objects.none())
    headcount = forms.IntegerField(label=_("Jumlah pegawai"), min_value=1, max_value=1_000_000)
    contact_name = forms.CharField(label=_("Nama narahubung"), max_length=200, required=False)
    contact_email = forms.EmailField(
        label=_("Surel narahubung"), required=False, help_text=_("Untuk pengingat bila cakupan ikrar tertinggal.")
    )

    def __init__(self, *args: Any, user: AnyUser, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = list(agency_kinds().items())  # type: ignore[attr-defined]
        self.fields["region"].queryset = regions_for(user)  # type: ignore[attr-defined]


class CampaignForm(forms.Form):
    election = forms.ModelChoiceField(label=_("Pemilihan"), queryset=Election.objects.order_by("-voting_day"))
    expected = forms.IntegerField(
        label=_("Jumlah pegawai yang diharapkan berikrar"), min_value=1, max_value=1_000_000, required=False
    )


class CampaignSettingsForm(forms.Form):
    expected = forms.IntegerField(label=_("Jumlah pegawai yang diharapkan"), min_value=1, max_value=1_000_000)
    is_open = forms.BooleanField(label=_("Penandatanganan daring dibuka"), required=False)


class UploadForm(forms.Form):
    file = forms.FileField(label=_("Berkas"))


class MaterialForm(forms.Form):
    title = forms.CharField(label=_("Judul materi"), max_length=200, required=False)
    file = forms.FileField(label=_("Berkas (PDF, JPEG, PNG)"))


class PledgeForm(forms.Form):
    full_name = forms.CharField(label=_("Nama lengkap"), max_length=200)
    nip = forms.CharField(
        label=_("NIP / NI PPPK"), max_length=40, help_text=_("18 angka; spasi boleh, mis. 19850312 201001 1 002.")
    )
    position = forms.CharField(label=_("Jabatan"), max_length=200)
    unit = forms.CharField(label=_("Unit kerja"), max_length=200)
    agree = forms.BooleanField(
        label=_("Saya telah membaca ikrar di atas dan menandatanganinya dengan sadar dan tanpa paksaan."),
        error_messages={"required": _("Centang pernyataan ikrar untuk menandatangani.")},
    )


class LocalDateTimeField(forms.DateTimeField):
    """A `datetime-local` input: a wall-clock time in the event region's zone, made aware in `EventForm.clean`."""

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class EventForm(forms.Form):
    title = forms.CharField(label=_("Judul kegiatan"), max_length=200)
    kind = forms.ChoiceField(label=_("Jenis kegiatan"))
    region = RegionChoice(label=_("Wilayah"), queryset=Region.objects.none())
    election = forms.ModelChoiceField(
        label=_("Pemilihan"), queryset=Election.objects.order_by("-voting_day"), required=False
    )
    starts_at = LocalDateTimeField(label=_("Mulai (waktu setempat)"))
    ends_at = LocalDateTimeField(label=_("Selesai (waktu setempat)"), required=False)
    place = forms.CharField(label=_("Tempat"), max_length=200)
    organiser = forms.CharField(label=_("Penyelenggara"), max_length=200)
    speakers = forms.CharField(
        label=_("Narasumber"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Satu per baris: nama — jabatan. Tampil di agenda publik."),
    )  # fmt: skip
    audience = forms.ChoiceField(label=_("Peserta"))
    audience_count = forms.IntegerField(label=_("Jumlah peserta"), min_value=0, max_value=1_000_000, initial=0)
    description = forms.CharField(label=_("Uraian"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    minutes = forms.CharField(
        label=_("Notulen"), required=False, widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Hanya untuk petugas; tidak tampil di agenda publik."),
    )  # fmt: skip
    is_public = forms.BooleanField(label=_("Tampilkan di agenda publik"), required=False, initial=True)

    def __init__(self, *args: Any, user: AnyUser, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = list(event_kinds().items())  # type: ignore[attr-defined]
        self.fields["audience"].choices = list(audiences().items())  # type: ignore[attr-defined]
        self.fields["region"].queryset = regions_for(user)  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        region = data.get("region")
        if region is not None:
            zone = ZoneInfo(region.timezone)
            for name in ("starts_at", "ends_at"):
                value = data.get(name)
                if isinstance(value, dt.datetime):
                    data[name] = value.replace(tzinfo=zone)
        return data


class CircularForm(forms.Form):
    kind = forms.ChoiceField(label=_("Jenis"))
    number = forms.CharField(label=_("Nomor"), max_length=120)
    date = forms.DateField(label=_("Tanggal"), widget=forms.DateInput(attrs={"type": "date"}))
    issuer = forms.CharField(label=_("Penerbit"), max_length=200)
    subject = forms.CharField(label=_("Perihal"), max_length=300)
    addressees = forms.CharField(label=_("Ditujukan kepada"), widget=forms.Textarea(attrs={"rows": 2}))
    summary = forms.CharField(label=_("Ringkasan"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    region = RegionChoice(label=_("Wilayah"), queryset=Region.objects.none())
    election = forms.ModelChoiceField(
        label=_("Pemilihan"), queryset=Election.objects.order_by("-voting_day"), required=False
    )
    violation_types = forms.ModelMultipleChoiceField(
        label=_("Jenis pelanggaran yang dibahas"), queryset=ViolationType.objects.all(), required=False,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    is_public = forms.BooleanField(label=_("Terbuka untuk publik"), required=False, initial=True)
    file = forms.FileField(label=_("Berkas (PDF, JPEG, PNG)"), required=False)

    def __init__(self, *args: Any, user: AnyUser, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = list(circular_kinds().items())  # type: ignore[attr-defined]
        self.fields["region"].queryset = regions_for(user)  # type: ignore[attr-defined]
