"""Example letters for the tests: a recommendation to BKN and an invitation to a witness, both from a fictional
Bawaslu Kabupaten Banjar case (names and facts invented for the tests)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from netral.cases.letters import Invitation, LetterContext, Recommendation, ReportedPerson

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
WITA = dt.timezone(dt.timedelta(hours=8))


def common(**changes: object) -> LetterContext:
    base = LetterContext(
        office="Badan Pengawas Pemilihan Umum Kabupaten Banjar",
        office_address="Jalan Pramuka Nomor 7, Martapura 70614 · Telepon (0511) 472-0000 · banjar@example.go.id",
        office_city="Martapura",
        letter_number="0123/PP.01.02/K.KS-05/10/2024",
        sifat="Penting",
        lampiran="1 (satu) berkas",
        perihal="Rekomendasi Dugaan Pelanggaran Netralitas ASN",
        date=dt.date(2024, 10, 12),
        addressee=("Kepala Badan Kepegawaian Negara",),
        addressee_place="Jakarta",
        signer_position="Ketua Bawaslu Kabupaten Banjar",
        signer_name="Nur Hidayati",
        tembusan=("Ketua Bawaslu Republik Indonesia", "Ketua Bawaslu Provinsi Kalimantan Selatan", "Arsip"),
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


@pytest.fixture
def recommendation_letter() -> LetterContext:
    return common(
        recommendation=Recommendation(
            registration_number="001/Reg/TM/PB/Kab/63.03/X/2024",
            reported=ReportedPerson(
                name="Budi Santoso",
                nip="198001012005011001",
                position="Kepala Seksi Pemerintahan Kecamatan Sungai Tabuk",
                agency="Pemerintah Kabupaten Banjar",
            ),
            summary=(
                "Pada tanggal 3 Oktober 2024 terlapor mengunggah foto bersama salah satu pasangan calon bupati "
                "beserta ajakan memilih di akun media sosial pribadinya. Unggahan tersebut ditemukan oleh pengawas "
                "kecamatan saat patroli siber dan telah dikonfirmasi melalui klarifikasi."
            ),
            legal_basis=(
                "Pasal 24 ayat (1) huruf d Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara;",
                "Pasal 71 ayat (1) Undang-Undang Nomor 10 Tahun 2016 tentang Pemilihan Gubernur, Bupati, dan "
                "Wali Kota;",
                "Pasal 5 huruf n Peraturan Pemerintah Nomor 94 Tahun 2021 tentang Disiplin Pegawai Negeri Sipil.",
            ),
            recommendation=(
                "Bawaslu Kabupaten Banjar merekomendasikan kepada Badan Kepegawaian Negara untuk memeriksa "
                "terlapor dan meneruskan hasilnya kepada Pejabat Pembina Kepegawaian Kabupaten Banjar agar "
                "dijatuhi sanksi sesuai dengan ketentuan peraturan perundang-undangan."
            ),
        )
    )


@pytest.fixture
def invitation_letter() -> LetterContext:
    return common(
        letter_number="0131/PP.01.02/K.KS-05/10/2024",
        sifat="Segera",
        lampiran="-",
        perihal="Undangan Klarifikasi",
        addressee=("Sdr. Rudi Hartono", "Desa Pemurus, Kecamatan Aluh Aluh"),
        addressee_place="Tempat",
        tembusan=("Ketua Bawaslu Provinsi Kalimantan Selatan", "Arsip"),
        invitation=Invitation(
            person="Rudi Hartono",
            role="saksi",
            starts_at=dt.datetime(2024, 10, 15, 9, 0, tzinfo=WITA),
            zone="Asia/Makassar",
            place="Ruang Sentra Gakkumdu, Kantor Bawaslu Kabupaten Banjar, Jalan Pramuka Nomor 7, Martapura",
            agenda="Klarifikasi dugaan pelanggaran netralitas ASN nomor 001/Reg/TM/PB/Kab/63.03/X/2024",
            contact_person="Rahmawati (0812-5000-1234)",
            registration_number="001/Reg/TM/PB/Kab/63.03/X/2024",
        ),
    )
