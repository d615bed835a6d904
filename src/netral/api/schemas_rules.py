"""Response shapes of the rules catalogue (`/api/rules/...`): the rows the public `/aturan/` pages show."""

from __future__ import annotations

import datetime as dt

from ninja import Field, Schema

NEXT = "Kursor halaman berikut, null di halaman terakhir / cursor of the next page, null on the last page"


class Sourced(Schema):
    legal_basis: str = Field(description="Dasar hukum / legal basis")
    source: str = Field(description="Alamat sumber (boleh kosong) / source URL (may be empty)")
    note: str = Field(description="Catatan / note")
    locally_modified: bool = Field(
        description="Diubah administrator, berbeda dari berkas data / corrected by an administrator"
    )


class SanctionRef(Schema):
    code: str
    level: str
    name: str


class SanctionOut(Sourced):
    code: str
    level: str = Field(description="moral, ringan, sedang, berat, pemberhentian, administratif, satgas, …")
    name: str
    description: str
    penalties: list[str] = Field(description="Bentuk hukuman / penalties")
    applies_to: list[str] = Field(description="Jenis subjek / subject types (asn, village, tni, polri, …)")
    imposed_by: str = Field(description="Dijatuhkan oleh / imposed by")
    in_force: bool = Field(description="Masih berlaku / still in force")


class SanctionPage(Schema):
    items: list[SanctionOut]
    next_cursor: str | None = Field(None, description=NEXT)


class ViolationTypeOut(Sourced):
    code: str = Field(description="Kode SKB (E1…E7 kode etik, D1…D13 disiplin, …) / SKB code")
    category: str = Field(description="kode_etik, disiplin, desa, tni, polri, pidana")
    subject_types: list[str] = Field(description="Berlaku bagi / applies to (asn, village, tni, polri, …)")
    title: str
    description: str = Field(description="Uraian untuk publik / plain-language explanation")
    stage: str = Field(description="before_designation, after_designation, any (penetapan calon / designation)")
    kinds: list[str] = Field(description="Jenis kasar (pipeline teks) / coarse kinds of the text pipeline")
    regimes: list[str] = Field(description="Rezim penanganan / handling regimes (pemilu, pilkada)")
    position: int = Field(description="Urutan di katalog / catalogue order")
    sanctions: list[SanctionRef] = Field(description="Sanksi / sanctions (code order)")


class ViolationTypePage(Schema):
    items: list[ViolationTypeOut]
    next_cursor: str | None = Field(None, description=NEXT)


class PhaseOut(Sourced):
    code: str
    name: str
    start: dt.date
    end: dt.date = Field(description="Termasuk hari itu / inclusive")


class ElectionOut(Sourced):
    code: str = Field(description="pemilu_2024, pilkada_2024, …")
    name: str
    kind: str = Field(description="pemilu, pilkada, pilkades")
    regime: str = Field(description="Rezim penanganan / handling regime")
    voting_day: dt.date = Field(description="Hari pemungutan suara / voting day")
    start: dt.date
    end: dt.date
    phases: list[PhaseOut] = Field(description="Tahapan, urut tanggal mulai / phases by start date")


class ElectionPage(Schema):
    items: list[ElectionOut]
    next_cursor: str | None = Field(None, description=NEXT)


class StepOut(Sourced):
    regime: str = Field(description="Rezim yang menetapkan langkah ini / the regime defining the step")
    code: str
    name: str
    actor: str = Field(description="Pelaksana / who acts")
    amount: int = Field(description="Jumlah satuan tenggat / deadline amount")
    unit: str = Field(description="days, working_days, hours")
    starts_on: str = Field(description="Peristiwa awal hitungan / event that starts the clock")
    starts_on_text: str = Field(description="Dihitung sejak (teks) / counted from (text)")
    position: int


class RegimeOut(Sourced):
    code: str = Field(description="pemilu, pilkada, asn")
    name: str
    shared_with: list[str] = Field(description="Rezim yang juga memakai langkah ini / regimes sharing these steps")
    steps: list[StepOut] = Field(
        description=(
            "Langkah yang berlaku: milik rezim ini, lalu langkah bersama (mis. penerusan ASN) / the steps that apply: "
            "the regime's own, then shared ones (e.g. the ASN referral)"
        )
    )


class RegimePage(Schema):
    items: list[RegimeOut]
    next_cursor: str | None = Field(None, description=NEXT)


class HolidayOut(Sourced):
    id: int
    date: dt.date
    name: str
    type: str = Field(description="libur_nasional, cuti_bersama")
    decree: str = Field(description="Dasar penetapan / decree")


class HolidayPage(Schema):
    items: list[HolidayOut]
    next_cursor: str | None = Field(None, description=NEXT)
