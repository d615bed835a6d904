"""Forms of the monitor pages: sources, uploads with their column mapping, the watchlist, triage."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.core.validators import MinValueValidator
from django.utils.translation import gettext_lazy as _

from netral.accounts.access import AnyUser, region_scope
from netral.cases.forms import region_choices
from netral.monitor.labels import kind_label
from netral.monitor.models import WatchTerm
from netral.monitor.sources import KINDS
from netral.monitor.sources.social import FIELDS

FIELD_NAMES = {
    "text": _("Teks unggahan"),
    "url": _("Tautan"),
    "published": _("Waktu terbit"),
    "author": _("Penulis / akun"),
    "outlet": _("Media / kanal"),
}


def owner_choices(user: AnyUser) -> list[tuple[str, str]]:
    """Jurisdictions a source may belong to: the user's own and below; national roles may leave it empty."""
    choices = region_choices(user)
    return [("", str(_("Nasional (Bawaslu RI)"))), *choices] if region_scope(user).everything else choices


class SourceForm(forms.Form):
    kind = forms.ChoiceField(label=_("Jenis"))
    name = forms.CharField(label=_("Nama"), max_length=200)
    url = forms.URLField(label=_("Alamat (URL)"), max_length=2000, assume_scheme="https")
    interval_minutes = forms.IntegerField(label=_("Selang pengambilan (menit)"), initial=60, max_value=7 * 24 * 60)
    owner = forms.ChoiceField(label=_("Wilayah pengelola"), required=False)

    def __init__(self, *args: Any, user: AnyUser, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        kind = self.fields["kind"]
        assert isinstance(kind, forms.ChoiceField)
        kind.choices = [(k.name, kind_label(k.name)) for k in KINDS.values() if k.needs_url]
        owner = self.fields["owner"]
        assert isinstance(owner, forms.ChoiceField)
        owner.choices = owner_choices(user)
        interval = self.fields["interval_minutes"]
        assert isinstance(interval, forms.IntegerField)
        interval.min_value = settings.NETRAL_MONITOR_MIN_INTERVAL
        interval.validators.append(MinValueValidator(settings.NETRAL_MONITOR_MIN_INTERVAL))
        interval.widget.attrs["min"] = settings.NETRAL_MONITOR_MIN_INTERVAL
        if getattr(user, "jurisdiction_id", None):
            owner.initial = user.jurisdiction_id  # type: ignore[union-attr]


class SourceEditForm(forms.Form):
    name = forms.CharField(label=_("Nama"), max_length=200)
    url = forms.URLField(label=_("Alamat (URL)"), max_length=2000, assume_scheme="https")
    interval_minutes = forms.IntegerField(label=_("Selang pengambilan (menit)"), min_value=1, max_value=7 * 24 * 60)
    enabled = forms.BooleanField(label=_("Aktif (diambil terjadwal)"), required=False)


UPLOAD_KINDS = [("", _("Kenali otomatis"))]


class UploadForm(forms.Form):
    file = forms.FileField(label=_("Berkas"))
    kind = forms.ChoiceField(label=_("Jenis berkas"), required=False)
    owner = forms.ChoiceField(label=_("Wilayah pengelola"), required=False)
    platform = forms.CharField(
        label=_("Platform (untuk ekspor media sosial, mis. X, TikTok)"), max_length=40, required=False
    )

    def __init__(self, *args: Any, user: AnyUser, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        kind = self.fields["kind"]
        assert isinstance(kind, forms.ChoiceField)
        kind.choices = [*UPLOAD_KINDS, *((k.name, kind_label(k.name)) for k in KINDS.values() if not k.needs_url)]
        owner = self.fields["owner"]
        assert isinstance(owner, forms.ChoiceField)
        owner.choices = owner_choices(user)
        if getattr(user, "jurisdiction_id", None):
            owner.initial = user.jurisdiction_id  # type: ignore[union-attr]

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        limit = settings.NETRAL_MONITOR_MAX_UPLOAD_MB
        if upload.size > limit * 1024 * 1024:
            raise forms.ValidationError(_("Berkas lebih dari %(mb)s MB.") % {"mb": limit})
        return upload


class MappingForm(forms.Form):
    """Which column of a social-media export holds each of our fields (text is required)."""

    def __init__(self, *args: Any, columns: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        options = [("", "—"), *((c, c) for c in columns)]
        for name in FIELDS:
            self.fields[f"col_{name}"] = forms.ChoiceField(
                label=FIELD_NAMES.get(name, name), choices=options, required=name == "text"
            )
        self.fields["col_text"].error_messages["required"] = _("Pilih kolom yang berisi teks unggahan.")

    def mapping(self) -> dict[str, str]:
        return {name: self.cleaned_data[f"col_{name}"] for name in FIELDS if self.cleaned_data.get(f"col_{name}")}


class WatchTermForm(forms.Form):
    kind = forms.ChoiceField(label=_("Jenis"), choices=WatchTerm.Kind.choices)
    term = forms.CharField(label=_("Istilah"), max_length=200, required=False)
    region = forms.ChoiceField(label=_("Wilayah yang dipantau (untuk jenis wilayah)"), required=False)
    note = forms.CharField(label=_("Catatan"), max_length=300, required=False)

    def __init__(self, *args: Any, user: AnyUser, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        region = self.fields["region"]
        assert isinstance(region, forms.ChoiceField)
        region.choices = [("", "—"), *region_choices(user)]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") == WatchTerm.Kind.REGION:
            if not data.get("region"):
                self.add_error("region", _("Pilih wilayah yang dipantau."))
        elif len((data.get("term") or "").strip()) < 3:
            self.add_error("term", _("Istilah paling sedikit 3 huruf."))
        return data
