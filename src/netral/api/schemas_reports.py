"""Request and response shapes of the partner report intake (`POST /api/reports`, evidence after it).

The field limits are the public portal's (`netral.portal.forms`); the portal's forms then check the values
themselves (elections, violation types, NIP, NIK, e-mail, dates), so both channels accept exactly the same reports.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from ninja import Field, Schema
from pydantic import ConfigDict
from pydantic.config import JsonDict

from netral.cases.models.people import SubjectType

#: A partner's own reference / an Idempotency-Key: printable ASCII, as reference numbers and UUIDs are.
REFERENCE_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._:/#-]{0,99}$"


class ReportedPersonIn(Schema):
    name: str = Field(..., min_length=1, max_length=200, description="Nama terlapor / name of the reported person")
    subject_type: SubjectType = Field(..., description="Terlapor adalah … / kind of person reported")
    position: str = Field("", max_length=150, description="Jabatan / position")
    agency: str = Field("", max_length=200, description="Instansi / agency")
    nip: str = Field("", max_length=18, description="NIP, 18 angka, jika tahu / civil-servant number, if known")
    rank: str = Field("", max_length=45, description="Pangkat/golongan, jika tahu / rank, if known")


class WitnessIn(Schema):
    name: str = Field(..., min_length=1, max_length=200, description="Nama saksi / witness name")
    contact: str = Field("", max_length=200, description="Kontak saksi / witness contact")
    statement: str = Field("", max_length=20000, description="Apa yang diketahui saksi / what the witness knows")


class ReporterIn(Schema):
    """The reporter who asked the partner to pass the report on; never returned by the API."""

    name: str = Field(..., min_length=1, max_length=200, description="Nama lengkap / full name")
    nik: str = Field("", max_length=16, description="NIK, 16 angka / national identity number, 16 digits")
    address: str = Field("", max_length=1000, description="Alamat / address")
    phone: str = Field("", max_length=40, description="Telepon/WhatsApp / phone")
    email: str = Field("", max_length=254, description="Surel / e-mail (gets the portal's confirmation)")


#: A valid report (also the fuzzer's explicit example, so the success path is fuzzed too). Invented people.
EXAMPLE: JsonDict = {
    "external_id": "LAPOR-2024-000101",
    "summary": "Kepala desa mengajak warga memilih pasangan calon",
    "description": "Dalam pengajian di balai desa, kepala desa meminta warga memilih pasangan calon nomor satu.",
    "violation_codes": ["D8"],
    "election": "pilkada_2024",
    "region_code": "63.03.01",
    "place": "Balai desa",
    "event_date": "2024-11-20",
    "known_date": "2024-11-21",
    "reported": {"name": "Nama Terlapor", "subject_type": "village", "position": "Kepala Desa"},
    "witness": None,
    "reporter": {"name": "Nama Pelapor", "phone": "081200000000", "email": "pelapor@example.org"},
}


class ReportIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [EXAMPLE]})

    external_id: str | None = Field(
        None,
        pattern=REFERENCE_PATTERN,
        description=(
            "Nomor rujukan mitra, unik per token; kirim ulang dengan nomor yang sama tidak membuat laporan kedua. "
            "Boleh diganti header Idempotency-Key. / The partner's own reference, unique per token; a retry with "
            "the same reference never creates a second report. The Idempotency-Key header may stand in for it."
        ),
    )
    summary: str = Field(..., min_length=1, max_length=300, description="Ringkasan satu kalimat / one-line summary")
    description: str = Field(..., min_length=1, max_length=20000, description="Apa yang terjadi / what happened")
    violation_codes: list[Annotated[str, Field(max_length=10)]] = Field(
        default_factory=list,
        max_length=30,
        description="Kode jenis pelanggaran SKB, boleh kosong (GET /api/rules) / SKB violation codes, may be empty",
    )
    election: str = Field(..., max_length=40, description="Kode pemilihan, mis. pilkada_2024 / election code")
    region_code: str = Field(
        ...,
        pattern=r"^[0-9]{2}\.[0-9]{2}(\.[0-9]{2})?$",
        description=(
            "Kode Kemendagri kabupaten/kota atau kecamatan tempat kejadian, di dalam wilayah token / Kemendagri "
            "code of the kabupaten/kota or kecamatan where it happened, inside the token's jurisdiction"
        ),
    )
    place: str = Field("", max_length=300, description="Tempat kejadian (alamat, nama tempat) / place")
    event_date: dt.date = Field(..., description="Tanggal kejadian / date of the incident")
    known_date: dt.date = Field(
        ...,
        description=(
            "Tanggal pelapor mengetahui kejadian; batas waktu pelaporan dihitung dari sini / the day the reporter "
            "learned of it; the legal reporting window counts from here"
        ),
    )
    reported: ReportedPersonIn = Field(..., description="Orang yang dilaporkan / the person reported")
    witness: WitnessIn | None = Field(None, description="Saksi, jika ada / a witness, if any")
    reporter: ReporterIn | None = Field(
        None,
        description=(
            "Pelapor dengan nama (laporan resmi); null: tanpa nama (informasi awal) / a named reporter (formal "
            "report); null: anonymous (initial information)"
        ),
    )


class ReportCreated(Schema):
    case_id: int = Field(..., description="Id perkara / case id")
    number: str = Field(..., description="Nomor penerimaan; kosong untuk informasi awal / receipt number, or ''")
    intake: str = Field(..., description="laporan (dengan nama) atau informasi_awal (tanpa nama)")
    external_id: str = Field(..., description="Nomor rujukan mitra / the partner's reference")
    receipt_code: str | None = Field(
        ...,
        description=(
            "Kode tanda terima 16 angka untuk PELAPOR: teruskan kepadanya, Netral tidak menyimpannya dan tidak "
            "dapat menampilkannya lagi (pengulangan permintaan mengembalikannya selama 24 jam, lalu null). / The "
            "reporter's 16-digit receipt code: pass it on to the reporter; Netral keeps only its hash (a retry "
            "repeats it for 24 hours, then null)."
        ),
    )
    followup_url: str = Field(..., description="Halaman tindak lanjut pelapor / the reporter's follow-up page")
    formal_gaps: list[str] = Field(
        ..., description="Yang masih kurang untuk laporan resmi / what a formal report still lacks"
    )
    late: bool = Field(..., description="Melewati batas waktu pelaporan / past the reporting window")
    evidence_until: dt.datetime = Field(
        ..., description="Bukti dapat dikirim sampai / evidence may be sent until (POST /api/reports/{id}/evidence)"
    )
    replayed: bool = Field(
        ..., description="Jawaban ulang atas permintaan yang sama / a repeat of the first answer (retry)"
    )


class EvidenceOut(Schema):
    id: int
    sha256: str
    size: int
    content_type: str
    name: str
    duplicate: bool = Field(
        ..., description="Berkas yang sama sudah terlampir; tidak disimpan dua kali / already attached, kept once"
    )
