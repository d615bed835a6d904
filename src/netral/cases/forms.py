"""Forms: the new-case form (Django forms) and the transition forms built from the workflow's input kinds.

A transition's form is derived from what it `requires` / `optional` / `requires_if_opens` in workflow.toml, so a new
transition needs no new template. Fields are named `<kind>-<key>`; `parse_inputs` turns a POST back into the input
mapping `workflow.apply` checks. HTML `required` is not used: the workflow's own Indonesian messages say what is
missing, in one place.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from netral.accounts.access import AnyUser, region_scope
from netral.cases.inputs import CAPACITIES, INPUT_NAMES, VERDICT_RESULTS
from netral.cases.models import Intake, SubjectType
from netral.cases.services.intake import NewCase
from netral.cases.workflow import Transition, load_workflow
from netral.geo.models import Level, Region
from netral.rules.models import Election, ViolationType

INVITATION_ROWS = 3
LETTER_KINDS = ("decision", "recommendation_letter", "letter")
CAPACITY_NAMES = {"pelapor": _("Pelapor"), "terlapor": _("Terlapor"), "saksi": _("Saksi"), "ahli": _("Ahli")}
ESCALATION_NAMES = {"kemenpanrb": "KemenPANRB", "kemendagri": "Kemendagri", "presiden": _("Presiden")}
VERDICT_NAMES = {"terbukti": _("Terbukti"), "tidak_terbukti": _("Tidak terbukti")}


@dataclass
class Field:
    name: str
    label: Any
    widget: str  # text | textarea | date | select | checkboxes
    choices: list[tuple[str, Any]] = field(default_factory=list)
    initial: Any = ""


@dataclass
class Group:
    kind: str
    legend: str
    fields: list[Field]


def input_kinds(t: Transition) -> list[str]:
    kinds = list(t.requires) + list(t.optional)
    for extra in t.requires_if_opens.values():
        kinds.extend(extra)
    if t.choose:
        kinds.insert(0, "tracks")
    return list(dict.fromkeys(kinds))


def _letter(kind: str) -> list[Field]:
    return [Field(f"{kind}-number", _("Nomor"), "text"), Field(f"{kind}-date", _("Tanggal"), "date")]


def _recommendation_levels() -> list[tuple[str, Any]]:
    catalogue = load_workflow().catalogue
    levels = sorted(
        {
            s.level
            for s in catalogue.sanctions
            if s.in_force and "asn" in s.applies_to and s.level not in ("administratif", "pidana")
        }
    )
    return [(level, level) for level in levels]


def _sanction_choices(t: Transition) -> list[tuple[str, Any]]:
    catalogue = load_workflow().catalogue
    out: list[tuple[str, Any]] = []
    for s in catalogue.sanctions:
        if s.in_force and s.level in t.sanction_levels and set(s.applies_to) & set(t.sanction_for):
            out.extend((f"{s.code}|{penalty}", f"{s.name}: {penalty}") for penalty in s.penalties)
    return out


def fields_for(t: Transition, initial: Mapping[str, Any] | None = None) -> list[Group]:
    """The form of a transition, one group per input kind."""
    initial = initial or {}
    workflow = load_workflow()
    groups = []
    for kind in input_kinds(t):
        fs: list[Field]
        if kind == "reason":
            fs = [Field("reason", _("Alasan"), "textarea")]
        elif kind == "missing_items":
            fs = [
                Field("missing_items", _("Syarat yang belum dipenuhi"), "checkboxes", [
                    (r.code, r.name) for r in workflow.requirements
                ])
            ]  # fmt: skip
        elif kind == "registration":
            fs = [Field("registration-number", _("Nomor registrasi"), "text", initial=initial.get("registration", ""))]
        elif kind == "invitations":
            fs = []
            for i in range(INVITATION_ROWS):
                fs += [
                    Field(f"invitations-{i}-name", _("Nama yang diundang"), "text"),
                    Field(f"invitations-{i}-capacity", _("Sebagai"), "select", [
                        (c, CAPACITY_NAMES[c]) for c in CAPACITIES
                    ]),
                    Field(f"invitations-{i}-date", _("Tanggal klarifikasi"), "date"),
                ]  # fmt: skip
        elif kind == "minutes":
            fs = [
                Field("minutes-number", _("Nomor berita acara"), "text"),
                Field("minutes-date", _("Tanggal berita acara"), "date"),
            ]
        elif kind == "study":
            fs = [Field("study-conclusion", _("Kesimpulan kajian"), "textarea")]
        elif kind in LETTER_KINDS:
            fs = _letter(kind)
        elif kind == "recommendation":
            fs = [
                *_letter(kind),
                Field(f"{kind}-sanction_level", _("Tingkat sanksi"), "select", _recommendation_levels()),
            ]
        elif kind == "sanction":
            fs = [
                Field("sanction-choice", _("Sanksi"), "select", _sanction_choices(t)),
                Field("sanction-decree_number", _("Nomor keputusan"), "text"),
                Field("sanction-decree_date", _("Tanggal keputusan"), "date"),
            ]
        elif kind == "block":
            fs = [Field("block-reference", _("Nomor pemblokiran"), "text"), Field("block-date", _("Tanggal"), "date")]
        elif kind == "escalation":
            fs = [*_letter(kind), Field("escalation-to", _("Kepada"), "select", list(ESCALATION_NAMES.items()))]
        elif kind == "verdict":
            fs = [
                *_letter(kind),
                Field("verdict-result", _("Amar"), "select", [(r, VERDICT_NAMES[r]) for r in VERDICT_RESULTS]),
                Field("verdict-summary", _("Ringkasan"), "textarea"),
            ]
        elif kind == "tracks":
            fs = [
                Field("tracks", _("Teruskan ke jalur"), "checkboxes", [
                    (k, workflow.track(k).name) for k in t.opens
                ])
            ]  # fmt: skip
        else:  # pragma: no cover - a new input kind needs a form here
            raise ValueError(f"no form for input kind {kind!r}")
        name = INPUT_NAMES[kind]
        groups.append(Group(kind, name[:1].upper() + name[1:], fs))
    return groups


def _clean(data: Mapping[str, Any], keys: list[str], prefix: str) -> dict[str, Any]:
    out = {k: str(data.get(f"{prefix}-{k}", "")).strip() for k in keys}
    return {k: v for k, v in out.items() if v}


def parse_inputs(t: Transition, data: Any) -> dict[str, Any]:
    """A POST (QueryDict) → the inputs mapping for `workflow.apply`. Empty groups are left out."""
    inputs: dict[str, Any] = {}
    for kind in input_kinds(t):
        value: Any
        if kind == "reason":
            value = str(data.get("reason", "")).strip()
        elif kind in ("missing_items", "tracks"):
            value = [v for v in data.getlist(kind) if v]
        elif kind == "registration":
            value = str(data.get("registration-number", "")).strip()
        elif kind == "invitations":
            rows = []
            for i in range(INVITATION_ROWS):
                row = _clean(data, ["name", "capacity", "date"], f"invitations-{i}")
                if row.get("name"):
                    rows.append(row)
            value = rows
        elif kind == "minutes":
            value = _clean(data, ["number", "date"], kind)
        elif kind == "study":
            value = _clean(data, ["conclusion"], kind)
        elif kind in LETTER_KINDS:
            value = _clean(data, ["number", "date"], kind)
        elif kind == "recommendation":
            value = _clean(data, ["number", "date", "sanction_level"], kind)
        elif kind == "sanction":
            value = _clean(data, ["decree_number", "decree_date"], kind)
            choice = str(data.get("sanction-choice", ""))
            if "|" in choice and value:
                code, penalty = choice.split("|", 1)
                sanction = next((s for s in load_workflow().catalogue.sanctions if s.code == code), None)
                value.update({"code": code, "type": penalty, "level": sanction.level if sanction else ""})
        elif kind == "block":
            value = _clean(data, ["reference", "date"], kind)
        elif kind == "escalation":
            value = _clean(data, ["number", "date", "to"], kind)
            if set(value) == {"to"}:
                value = {}
        elif kind == "verdict":
            value = _clean(data, ["number", "date", "result", "summary"], kind)
            if set(value) <= {"result"}:
                value = {}
        else:  # pragma: no cover
            continue
        if value not in ("", [], {}):
            inputs[kind] = value
    return inputs


# --- the new-case form --------------------------------------------------------------------------------------------


def region_choices(user: AnyUser) -> list[tuple[str, str]]:
    """Regions a user may record a case in: their jurisdiction and below (down to kecamatan); provinces and
    regencies for national roles."""
    scope = region_scope(user)
    regions = Region.objects.filter(is_active=True)
    if scope.everything:
        regions = regions.filter(level__in=[Level.PROVINSI, Level.KABUPATEN_KOTA])
    elif scope.region_code:
        regions = regions.filter(level__in=[Level.PROVINSI, Level.KABUPATEN_KOTA, Level.KECAMATAN]).filter(
            scope.q("code")
        )
    else:
        return []
    return [(r.code, f"{r.display_name} ({r.code})") for r in regions.order_by("code")]


class NewCaseForm(forms.Form):
    intake = forms.ChoiceField(label=_("Asal perkara"), choices=Intake.choices)
    election = forms.ModelChoiceField(
        label=_("Pemilihan"), queryset=Election.objects.order_by("-voting_day"), empty_label=None
    )
    summary = forms.CharField(label=_("Ringkasan"), max_length=300)
    description = forms.CharField(label=_("Uraian kejadian"), widget=forms.Textarea(attrs={"rows": 4}), required=False)
    event_date = forms.DateField(
        label=_("Tanggal kejadian"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    event_time = forms.TimeField(
        label=_("Jam kejadian"), required=False, widget=forms.TimeInput(attrs={"type": "time"})
    )
    event_place = forms.CharField(label=_("Tempat kejadian"), max_length=300, required=False)
    event_region = forms.ChoiceField(label=_("Wilayah kejadian"))
    discovered_on = forms.DateField(
        label=_("Tanggal ditemukan (temuan)"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    anonymous = forms.BooleanField(label=_("Pelapor anonim / tanpa identitas"), required=False)
    reporter_name = forms.CharField(label=_("Nama pelapor"), max_length=200, required=False)
    reporter_nik = forms.RegexField(
        label=_("NIK pelapor"),
        regex=r"^\d{16}$",
        required=False,
        error_messages={"invalid": _("NIK terdiri atas 16 angka.")},
    )
    reporter_address = forms.CharField(
        label=_("Alamat pelapor"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    reporter_phone = forms.CharField(label=_("Telepon pelapor"), max_length=40, required=False)
    reporter_email = forms.EmailField(label=_("Surel pelapor"), required=False)
    person_name = forms.CharField(label=_("Nama terlapor"), max_length=200, required=False)
    person_nip = forms.RegexField(
        label=_("NIP (boleh kosong)"),
        regex=r"^\d{18}$",
        required=False,
        error_messages={"invalid": _("NIP terdiri atas 18 angka.")},
    )
    person_position = forms.CharField(label=_("Jabatan"), max_length=200, required=False)
    person_agency = forms.CharField(label=_("Instansi"), max_length=200, required=False)
    person_subject_type = forms.ChoiceField(label=_("Jenis subjek"), choices=SubjectType.choices)
    person_region = forms.ChoiceField(label=_("Wilayah terlapor"), required=False)
    witness_name = forms.CharField(label=_("Nama saksi"), max_length=200, required=False)
    witness_contact = forms.CharField(label=_("Kontak saksi"), max_length=200, required=False)
    violations = forms.MultipleChoiceField(
        label=_("Jenis pelanggaran (SKB)"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, user: AnyUser, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        regions = region_choices(user)
        event_region = self.fields["event_region"]
        assert isinstance(event_region, forms.ChoiceField)
        event_region.choices = regions
        person_region = self.fields["person_region"]
        assert isinstance(person_region, forms.ChoiceField)
        person_region.choices = [("", "—"), *regions]
        violations = self.fields["violations"]
        assert isinstance(violations, forms.MultipleChoiceField)
        violations.choices = [(v.code, f"{v.code} {v.title}") for v in ViolationType.objects.all()]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("intake") == Intake.LAPORAN and not data.get("anonymous") and not data.get("reporter_name"):
            self.add_error("reporter_name", _("Nama pelapor wajib diisi, atau tandai pelapor anonim."))
        return data

    def new_case(self) -> NewCase:
        """The valid form as the intake service's NewCase (a temuan's clock starts on its discovery date)."""
        d = self.cleaned_data
        region = Region.objects.get(code=d["event_region"])
        discovered = None
        if d["intake"] == Intake.TEMUAN and d.get("discovered_on"):
            discovered = dt.datetime.combine(d["discovered_on"], dt.time(), tzinfo=ZoneInfo(region.timezone))
            discovered = min(discovered, timezone.now())
        persons = []
        if d["person_name"]:
            persons.append(
                {
                    "name": d["person_name"],
                    "nip": d["person_nip"],
                    "position": d["person_position"],
                    "agency": d["person_agency"],
                    "subject_type": d["person_subject_type"],
                    "region": Region.objects.filter(code=d["person_region"]).first(),
                }
            )
        reporter = None
        if not d["anonymous"] and d["reporter_name"]:
            reporter = {
                "name": d["reporter_name"],
                "nik": d["reporter_nik"],
                "address": d["reporter_address"],
                "phone": d["reporter_phone"],
                "email": d["reporter_email"],
            }
        return NewCase(
            intake=d["intake"],
            election=d["election"],
            summary=d["summary"],
            event_region=region,
            description=d["description"],
            event_date=d["event_date"],
            event_time=d["event_time"],
            event_place=d["event_place"],
            discovered_at=discovered,
            reporter=reporter,
            reported_persons=persons,
            witnesses=[{"name": d["witness_name"], "contact": d["witness_contact"]}] if d["witness_name"] else [],
            violation_codes=d["violations"],
        )
