"""The token form: name, kind, scopes (checkboxes), jurisdiction within the user's own, optional expiry."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from netral.accounts.access import region_scope
from netral.api.models import TokenKind
from netral.api.scopes import SCOPES
from netral.geo.models import Region

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

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_jurisdiction(self) -> Region | None:
        code = self.cleaned_data["jurisdiction"].strip()
        if not code:
            return None
        region = Region.objects.filter(code=code).first()
        if region is None:
            raise forms.ValidationError(_("Kode wilayah tidak dikenal."))
        if not region_scope(self.user).includes(region.code):
            raise forms.ValidationError(_("Wilayah token harus berada di dalam wilayah kerja Anda."))
        return region
