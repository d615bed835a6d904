"""netral.dates.v1 alone: every Indonesian date form with day, month and year in one expression."""

from __future__ import annotations

import pytest

from netral.text.cues import lower_preserving
from netral.text.dates import DateFinder
from netral.text.model import Doc


def isos(text: str) -> list[str]:
    doc = DateFinder()(Doc(raw=text, text=text, lowered=lower_preserving(text)))
    return [d.iso for d in doc.dates]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rapat digelar Selasa (6/12/2022) di aula.", ["2022-12-06"]),
        ("Surat itu terbit 13 November 2023.", ["2023-11-13"]),
        ("Hal itu disampaikan Senin, 14 Oktober 2024.", ["2024-10-14"]),
        ("Peristiwa terjadi Tujuh Januari 2020 malam.", ["2020-01-07"]),
        ("Dia dicopot Jum'at, 8 Nopember 2019.", ["2019-11-08"]),
        ("Pemungutan suara 14 Februari Tahun 2024.", ["2024-02-14"]),
        ("Kompas.com - 01/04/2019, 18:06 WIB", ["2019-04-01"]),
        ("Dilaporkan pada 13/11/2023 lalu.", ["2023-11-13"]),
        ("Diumumkan Rabu, 13 Sep 2023 08:19 WIB", ["2023-09-13"]),
        ("tanggal dua puluh satu Maret 2019", ["2019-03-21"]),
    ],
)
def test_it_reads_indonesian_date_forms(text: str, expected: list[str]) -> None:
    assert isos(text) == expected


def test_a_range_with_one_year_gives_both_ends() -> None:
    assert isos("Masa kampanye 25 September-23 November 2024.") == ["2024-09-25", "2024-11-23"]
    assert isos("Pendaftaran 27-29 Agustus 2024.") == ["2024-08-27", "2024-08-29"]


def test_a_date_without_year_is_not_a_date() -> None:
    assert isos("Ia ditemui Jumat (11/10) dan Kamis, 3 Oktober.") == []


def test_impossible_dates_are_ignored() -> None:
    assert isos("pada 31 Februari 2024 dan 45/13/2024") == []
