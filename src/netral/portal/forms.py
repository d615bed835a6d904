"""The report form's steps. Each step is a small Django form; the cleaned values are kept in the session draft
(`draft.py`) as JSON-friendly strings, so Back/Next never lose what was typed."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from netral.cases.models.people import SubjectType
from netral.geo.models import Level, Region
from netral.rules.models import Election, ViolationType

DATA = Path(__file__).parent / "data"
TEXT = 300
LONG = 20000


@cache
def reference() -> dict[str, list[str]]:
    with open(DATA / "reference.toml", "rb") as f:
        data = tomllib.load(f)
    return {"positions": list(data["positions"]), "agencies": list(data["agencies"])}


def election_choices() -> list[tuple[str, str]]:
    return [(e.code, e.name) for e in Election.objects.order_by("-voting_day")]


def violation_choices() -> list[tuple[str, str]]:
    return [(v.code, f"{v.code} — {v.title}") for v in ViolationType.objects.all()]


def region_choices(level: str, parent: str = "") -> list[tuple[str, str]]:
    regions = Region.objects.filter(level=level, is_active=True)
    if level != Level.PROVINSI:
        if not parent:
            return []
        regions = regions.filter(parent_id=parent)
    return [(r.code, r.display_name) for r in regions.order_by("name")]


class WhatForm(forms.Form):
    summary = forms.CharField(label=_("Ringkasan kejadian (satu kalimat)"), max_length=TEXT)
    description = forms.CharField(
        label=_("Apa yang terjadi?"),
        max_length=LONG,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Ceritakan dengan kata-kata Anda sendiri: siapa berbuat apa, bagaimana Anda mengetahuinya."),
    )
    violation_codes = forms.MultipleChoiceField(
        label=_("Jenis pelanggaran (boleh lebih dari satu, boleh dikosongkan)"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    election = forms.ChoiceField(label=_("Pemilihan"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["violation_codes"].choices = violation_choices()  # type: ignore[attr-defined]
        self.fields["election"].choices = election_choices()  # type: ignore[attr-defined]


class WhoForm(forms.Form):
    name = forms.CharField(label=_("Nama terlapor"), max_length=200)
    subject_type = forms.ChoiceField(label=_("Terlapor adalah"), choices=SubjectType.choices)
    position = forms.CharField(label=_("Jabatan"), max_length=150, required=False)
    agency = forms.CharField(label=_("Instansi"), max_length=200, required=False)
    nip = forms.CharField(label=_("NIP (jika tahu)"), max_length=18, required=False)
    rank = forms.CharField(label=_("Pangkat/golongan (jika tahu)"), max_length=45, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["position"].widget.attrs["list"] = "daftar-jabatan"
        self.fields["agency"].widget.attrs["list"] = "daftar-instansi"

    def clean_nip(self) -> str:
        nip = "".join(str(self.cleaned_data.get("nip", "")).split())
        if nip and (not nip.isascii() or not nip.isdigit() or len(nip) != 18):
            raise forms.ValidationError(_("NIP terdiri atas 18 angka. Kosongkan jika tidak tahu."))
        return nip


class WhereWhenForm(forms.Form):
    province = forms.ChoiceField(label=_("Provinsi"))
    regency = forms.ChoiceField(label=_("Kabupaten/kota"))
    district = forms.ChoiceField(label=_("Kecamatan"), required=False)
    place = forms.CharField(label=_("Tempat kejadian (alamat, nama tempat)"), max_length=TEXT, required=False)
    event_date = forms.DateField(label=_("Tanggal kejadian"), widget=forms.DateInput(attrs={"type": "date"}))
    known_date = forms.DateField(
        label=_("Tanggal Anda mengetahui kejadian"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Batas waktu pelaporan dihitung dari tanggal ini."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        values = self.data if self.is_bound else self.initial
        province, regency = str(values.get("province") or ""), str(values.get("regency") or "")
        if regency and not regency.startswith(province + "."):
            regency = ""
        blank = [("", _("— pilih —"))]
        self.fields["province"].choices = blank + region_choices(Level.PROVINSI)  # type: ignore[attr-defined]
        self.fields["regency"].choices = blank + region_choices(Level.KABUPATEN_KOTA, province)  # type: ignore[attr-defined]
        self.fields["district"].choices = blank + region_choices(Level.KECAMATAN, regency)  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        event, known = data.get("event_date"), data.get("known_date")
        if event and known and known < event:
            self.add_error("known_date", _("Tanggal mengetahui tidak boleh sebelum tanggal kejadian."))
        return data


class WitnessForm(forms.Form):
    witness_name = forms.CharField(label=_("Nama saksi"), max_length=200, required=False)
    witness_contact = forms.CharField(label=_("Kontak saksi"), max_length=200, required=False)
    witness_statement = forms.CharField(
        label=_("Apa yang diketahui saksi"), max_length=LONG, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class ReporterForm(forms.Form):
    mode = forms.ChoiceField(
        label=_("Bagaimana Anda melapor?"),
        choices=[
            ("named", _("Dengan nama (laporan resmi: Bawaslu wajib menindaklanjuti)")),
            ("anonymous", _("Tanpa nama (informasi awal: Bawaslu dapat menelusurinya)")),
        ],
        widget=forms.RadioSelect,
    )
    reporter_name = forms.CharField(label=_("Nama lengkap"), max_length=200, required=False)
    reporter_nik = forms.CharField(label=_("NIK (16 angka)"), max_length=16, required=False)
    reporter_address = forms.CharField(
        label=_("Alamat"), max_length=1000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    reporter_phone = forms.CharField(label=_("Telepon/WhatsApp"), max_length=40, required=False)
    reporter_email = forms.EmailField(label=_("Surel (e-mail)"), required=False)

    def clean_reporter_nik(self) -> str:
        nik = "".join(str(self.cleaned_data.get("reporter_nik", "")).split())
        if nik and (not nik.isascii() or not nik.isdigit() or len(nik) != 16):
            raise forms.ValidationError(_("NIK terdiri atas 16 angka."))
        return nik

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("mode") == "named" and not str(data.get("reporter_name", "")).strip():
            self.add_error("reporter_name", _("Isi nama Anda, atau pilih melapor tanpa nama."))
        if data.get("mode") == "anonymous":
            for key in ("reporter_name", "reporter_nik", "reporter_address", "reporter_phone", "reporter_email"):
                data[key] = ""  # nothing identifying is kept for an anonymous report
        return data


class AnswerForm(forms.Form):
    answer = forms.CharField(label=_("Jawaban Anda"), max_length=LONG, widget=forms.Textarea(attrs={"rows": 4}))


class QuestionForm(forms.Form):
    text = forms.CharField(
        label=_("Pertanyaan kepada pelapor"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )


class LookupForm(forms.Form):
    code = forms.CharField(
        label=_("Kode tanda terima (16 angka)"),
        max_length=64,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )


STEPS: list[tuple[str, str, type[forms.Form]]] = [
    ("kejadian", _("Apa yang terjadi"), WhatForm),  # type: ignore[list-item]
    ("terlapor", _("Siapa"), WhoForm),  # type: ignore[list-item]
    ("tempat-waktu", _("Di mana dan kapan"), WhereWhenForm),  # type: ignore[list-item]
    ("saksi", _("Saksi"), WitnessForm),  # type: ignore[list-item]
    ("pelapor", _("Pelapor"), ReporterForm),  # type: ignore[list-item]
]
STEP_NAMES = [s[0] for s in STEPS]
