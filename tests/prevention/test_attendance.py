"""Reading attendance lists: CSV and XLSX, header mapping, row-level errors in Indonesian, refusals."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from tests.prevention.conftest import NIPS, csv_bytes, xlsx_bytes

from netral.prevention.attendance import AttendanceRefused, read_attendance, template_csv, template_xlsx

TODAY = dt.date(2026, 11, 26)


def test_it_reads_a_csv_with_headers_in_any_order_and_reports_bad_rows_by_line() -> None:
    data = csv_bytes(
        "Jabatan,NIP,Nama Lengkap,Unit Kerja",
        f"Analis,{NIPS[0]},Pegawai Uji Satu,Bidang A",
        "Pengelola,198502312010011002,Pegawai Uji Dua,Bidang B",
        f"Penata,{NIPS[1]},,Bidang C",
        f"Penata,{NIPS[0]},Pegawai Uji Satu Lagi,Bidang A",
        f"Penata,{NIPS[2]},Pegawai Uji Tiga,Bidang C",
    )
    result = read_attendance(data, today=TODAY)
    assert result.format == "csv"
    assert [(row.line, row.name, row.nip) for row in result.rows] == [
        (2, "Pegawai Uji Satu", NIPS[0]),
        (6, "Pegawai Uji Tiga", NIPS[2]),
    ]
    assert result.errors == [
        "baris 3: NIP 19850231… tidak valid: tanggal lahir 31-02-1985 tidak ada",
        "baris 4: nama kosong",
        "baris 5: NIP 1985************02 sudah ada di baris 2",
    ]


def test_it_reads_semicolon_separated_csv_as_indonesian_excel_writes_it() -> None:
    data = ("\ufeffNama;NIP;Jabatan\r\nPegawai Uji;19850312 201001 1 002;Analis\r\n").encode()
    result = read_attendance(data, today=TODAY)
    assert [(row.name, row.nip, row.position) for row in result.rows] == [("Pegawai Uji", NIPS[0], "Analis")]


def test_a_file_without_the_required_columns_is_refused_as_a_whole() -> None:
    with pytest.raises(AttendanceRefused, match="Kolom wajib tidak ditemukan: NIP"):
        read_attendance(csv_bytes("Nama,Jabatan", "Pegawai Uji,Analis"), today=TODAY)


def test_an_empty_or_binary_file_is_refused() -> None:
    with pytest.raises(AttendanceRefused, match="kosong"):
        read_attendance(b"", today=TODAY)
    with pytest.raises(AttendanceRefused, match="CSV atau XLSX"):
        read_attendance(b"%PDF-1.4\x00\x00binary", today=TODAY)


def test_it_reads_xlsx_and_refuses_formulas_and_numeric_nips_row_by_row() -> None:
    data = xlsx_bytes(
        [
            ["Nama", "NIP", "Jabatan", "Unit Kerja"],
            ["Pegawai Uji Satu", NIPS[0], "Analis", "Bidang A"],
            ["Pegawai Uji Dua", 199001152015032001, "Analis", "Bidang A"],
            ['=CONCAT("Pegawai"," Palsu")', NIPS[2], "Analis", "Bidang A"],
            [None, None, None, None],
            ["Pegawai Uji Empat", NIPS[3], None, None],
        ]
    )
    result = read_attendance(data, today=TODAY)
    assert result.format == "xlsx"
    assert [row.nip for row in result.rows] == [NIPS[0], NIPS[3]]
    assert result.errors == [
        "baris 3: NIP tersimpan sebagai angka sehingga dibulatkan Excel; format kolom NIP sebagai teks",
        "baris 4: berisi rumus (formula); tulis nilainya sebagai teks",
    ]


def test_a_workbook_with_macros_is_refused() -> None:
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/vbaProject.bin", b"\x00macro")
    with pytest.raises(AttendanceRefused, match="makro"):
        read_attendance(data.getvalue(), today=TODAY)


def test_too_many_rows_are_refused_before_any_row_is_checked() -> None:
    rows = ["Nama,NIP"] + [f"Pegawai {i},{NIPS[0]}" for i in range(5001)]
    with pytest.raises(AttendanceRefused, match="Paling banyak 5000 baris"):
        read_attendance(csv_bytes(*rows), today=TODAY)


def test_the_templates_read_back_as_a_list_with_headers_and_no_rows() -> None:
    assert template_csv().startswith("Nama;NIP;Jabatan;Unit Kerja")
    for data in (template_csv().encode(), template_xlsx()):
        with pytest.raises(AttendanceRefused, match="hanya berisi judul kolom"):
            read_attendance(data, today=TODAY)
