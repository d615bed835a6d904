"""Request filters and response shapes of `/api/statistics/...` and `/api/exports/...`: the figures of the staff
dashboards (`netral.insights`), counts only, never a person or a single case."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from ninja import Field, Schema

from netral.cases.models.people import SubjectType

REGION_CODE = r"^[0-9]{2}(\.[0-9]{2}(\.[0-9]{2}(\.[0-9]{4})?)?)?$"


class StatisticsFilter(Schema):
    """The dashboards' filters (`?wilayah=&pemilihan=&dari=&sampai=&jenis=&subjek=` on the pages)."""

    region: str | None = Field(
        None,
        max_length=13,
        pattern=REGION_CODE,
        description=(
            "Wilayah di dalam wilayah token; kosong: wilayah token sendiri (404 di luar) / a region inside the "
            "token's jurisdiction; empty: the jurisdiction itself (404 outside it)"
        ),
    )
    election: str | None = Field(None, max_length=40, description="Kode pemilihan / election code (pilkada_2024, …)")
    date_from: dt.date | None = Field(None, description="Diterima sejak (termasuk) / received from (inclusive)")
    date_to: dt.date | None = Field(None, description="Diterima sampai (termasuk) / received until (inclusive)")
    violation_type: str | None = Field(None, max_length=10, description="Kode jenis SKB / SKB code (E1, D9, …)")
    subject_type: SubjectType | None = Field(None, description="Jenis terlapor / reported person's subject type")


class FocusOut(Schema):
    code: str | None = Field(description="Kode wilayah, null untuk nasional / region code, null for national")
    name: str
    level: str = Field(description="nasional, provinsi, kabupaten_kota, kecamatan, desa")


class FiltersOut(Schema):
    """The filters applied (an echo of the request after validation)."""

    election: str | None
    date_from: dt.date | None
    date_to: dt.date | None
    violation_type: str | None
    subject_type: str | None


class Figures(Schema):
    region: FocusOut
    filters: FiltersOut


class SummaryOut(Figures):
    cases: int = Field(description="Perkara (tanpa yang digabung) / cases, merged ones excluded")
    reports: int = Field(description="Laporan / reports")
    findings: int = Field(description="Temuan / findings")
    tips: int = Field(description="Informasi awal / initial information")
    closed: int = Field(description="Selesai / closed")
    alerts: int = Field(description="Peringatan pantauan / monitoring alerts")
    sanctions: int = Field(description="Sanksi dijatuhkan / sanctions imposed")


class RegionFigures(Schema):
    code: str | None = Field(
        description=(
            "Wilayah satu tingkat di bawah; null: perkara tercatat di wilayah itu sendiri tanpa rincian / the "
            "region one level below; null: cases recorded at the region itself"
        )
    )
    name: str
    cases: int
    reports: int
    closed: int
    alerts: int
    sanctions: int


class RegionsOut(Figures):
    regions: list[RegionFigures] = Field(description="Kosong untuk desa / empty for a village")


class WeekFigures(Schema):
    week_start: dt.date = Field(description="Senin awal minggu / the week's Monday")
    cases: int
    alerts: int


class WeeklyOut(Figures):
    weeks: list[WeekFigures] = Field(description="Setiap minggu dari yang pertama sampai terakhir / every week")


class BreakdownRow(Schema):
    label: str = Field(description="Nama yang tampil di dasbor / the dashboard's label")
    code: str | None = Field(
        description=(
            "Kode katalog atau alur kerja bila ada (SKB, pemilihan, jenis terlapor, tahap); null untuk teks bebas "
            "/ catalogue or workflow code when there is one; null for free text"
        )
    )
    count: int


class BreakdownOut(Figures):
    title: str
    counts: Literal["cases", "reported_persons", "tracks"] = Field(
        description="Yang dihitung: perkara, terlapor, atau jalur / what is counted: cases, reported persons, tracks"
    )
    rows: list[BreakdownRow]


class HandlingRow(Schema):
    stage: str = Field(description="Tahap / the state left")
    regime: str
    steps: int = Field(description="Jumlah langkah yang diukur / steps measured")
    median_days: float = Field(description="Median hari di tahap ini / median days spent")
    deadline: str | None = Field(description="Batas waktu (teks) / the state's deadline (text)")
    late_percent: int | None = Field(
        description="Persen lewat batas; null bila batas dalam hari kerja / percent late; null for working days"
    )


class HandlingOut(Figures):
    note: str
    rows: list[HandlingRow]
