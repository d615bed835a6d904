"""The token form (name, kind, scopes, jurisdiction within the user's own, optional expiry) and the webhook form
(name, https address checked against the SSRF rule, events the user may see, region within the user's own)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

from netral.accounts.access import region_scope
from netral.api.models import TokenKind
from netral.api.scopes import SCOPES
from netral.api.webhooks import PING, address_problem, events_for
from netral.geo.models import Region

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

EXPIRY_CHOICES = [("", _("Tidak kedaluwarsa")), ("30", _("30 hari")), ("90", _("90 hari")), ("365", _("1 tahun"))]


class TokenForm(forms.Form):
    name = forms.CharField(label=_("Nama token"), max_length=100)
    kind = forms.ChoiceField(label=_("Jenis"), choices=TokenKind.choices, initial=TokenKind.PERSONAL)
    scopes = forms.MultipleChoiceField(
        label=_("Cakupan izin"),
        choices=list(SCOPES.items()),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Pilih paling sedikit satu cakupan izin.")},
    )
    jurisdiction = forms.CharField(
        label=_("Kode wilayah token"),
        max_length=13,
        required=False,
        help_text=_("Kosongkan untuk seluruh wilayah kerja Anda; isi kode Kemendagri untuk membatasi."),
    )
    expires_in_days = forms.ChoiceField(label=_("Masa berlaku"), choices=EXPIRY_CHOICES, required=False)
    # A one-time value issued with the form (kept in the session): a reload that posts the form again is told
    # the token exists instead of silently making a second one.
    once = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_jurisdiction(self) -> Region | None:
        outside = _("Wilayah token harus berada di dalam wilayah kerja Anda.")
        return _region_within(self.user, self.cleaned_data["jurisdiction"], outside)


def _region_within(user: Any, raw: str, outside: StrOrPromise) -> Region | None:
    """The region of a code typed in a form, which must lie within the user's jurisdiction (empty: None)."""
    code = raw.strip()
    if not code:
        return None
    region = Region.objects.filter(code=code).first()
    if region is None:
        raise forms.ValidationError(_("Kode wilayah tidak dikenal."))
    if not region_scope(user).includes(region.code):
        raise forms.ValidationError(outside)
    return region


#: What each webhook event means, for the form and the delivery log.
EVENT_LABELS = {
    "case.transition": _("Perkara berpindah tahap (case.transition)"),
    "alert.created": _("Peringatan pantauan baru (alert.created)"),
    PING: _("Uji kiriman (ping)"),
}


class WebhookForm(forms.Form):
    name = forms.CharField(label=_("Nama webhook"), max_length=100)
    url = forms.URLField(
        label=_("Alamat penerima (URL)"),
        max_length=500,
        assume_scheme="https",
        error_messages={"invalid": _("Masukkan alamat URL yang lengkap, misalnya https://mitra.go.id/netral.")},
    )
    events = forms.MultipleChoiceField(
        label=_("Peristiwa yang dikirim"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Pilih paling sedikit satu peristiwa.")},
    )
    region = forms.CharField(
        label=_("Kode wilayah webhook"),
        max_length=13,
        required=False,
        help_text=_("Kosongkan untuk seluruh wilayah kerja Anda; isi kode Kemendagri untuk membatasi."),
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        events_field = self.fields["events"]
        assert isinstance(events_field, forms.MultipleChoiceField)
        events_field.choices = [(e, EVENT_LABELS[e]) for e in events_for(user)]

    def clean_url(self) -> str:
        url: str = self.cleaned_data["url"]
        if problem := address_problem(url):
            raise forms.ValidationError(problem)
        return url

    def clean_region(self) -> Region | None:
        outside = _("Wilayah webhook harus berada di dalam wilayah kerja Anda.")
        return _region_within(self.user, self.cleaned_data["region"], outside)
