"""netral.numbers.v1 alone: letter numbers and legal references."""

from __future__ import annotations

from netral.text.model import Doc
from netral.text.numbers import NumberFinder


def find(text: str) -> Doc:
    return NumberFinder()(Doc(raw=text, text=text))


def test_it_finds_letter_and_decree_numbers() -> None:
    doc = find("Surat bernomor 810/PM.00.00/K1/11/2023 dan edaran 800/254/IV.1/BKD serta B/26/M.SM.0001/2019.")
    assert [r.normalised for r in doc.letter_numbers] == [
        "810/PM.00.00/K1/11/2023",
        "800/254/IV.1/BKD",
        "B/26/M.SM.0001/2019",
    ]


def test_a_date_is_not_a_letter_number() -> None:
    assert find("Rapat digelar Senin (14/10/2024).").letter_numbers == []


def test_it_normalises_legal_references() -> None:
    doc = find(
        "Sesuai UU Nomor 5 Tahun 2014, PP 94/2021 dan Peraturan Pemerintah Nomor 53 Tahun 2010 tentang disiplin."
    )
    assert [r.normalised for r in doc.legal_refs] == ["UU 5/2014", "PP 94/2021", "PP 53/2010"]


def test_a_law_without_year_keeps_its_number() -> None:
    assert [r.normalised for r in find("diatur dalam Undang-Undang Nomor 6 tentang Desa").legal_refs] == ["UU 6"]
