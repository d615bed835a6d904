"""NIP and NI PPPK structure checks (pure Python)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netral.prevention.nip import NipError, mask, normalise, parse

TODAY = dt.date(2026, 11, 26)


def test_it_reads_the_parts_of_a_civil_servants_nip() -> None:
    nip = parse("19850312 201001 1 002", today=TODAY)
    assert nip.number == "198503122010011002"
    assert nip.kind == "pns"
    assert nip.birth_date == dt.date(1985, 3, 12)
    assert (nip.appointment_year, nip.appointment_month) == (2010, 1)
    assert nip.sex == "L"
    assert nip.serial == 2


def test_it_recognises_a_pppk_number_by_the_21_marker() -> None:
    nip = parse("198807072023212004", today=TODAY)
    assert nip.kind == "pppk"
    assert nip.appointment_month is None
    assert nip.sex == "P"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "NIP kosong"),
        ("19850312201001100", "harus 18 angka, bukan 17"),
        ("19850312A010011002", "hanya boleh berisi angka"),
        ("198502312010011002", "tanggal lahir 31-02-1985 tidak ada"),
        ("198503122010131002", "bulan pengangkatan 13 tidak ada"),
        ("198503122010013002", "jenis kelamin harus 1 atau 2, bukan 3"),
        ("198503122010011000", "nomor urut 000 tidak ada"),
        ("199503122010011002", "sebelum pegawai berumur 18 tahun"),
        ("198503122027011002", "belum terjadi"),
        ("189503122010011002", "tahun lahir 1895 tidak masuk akal"),
    ],
)
def test_it_names_the_part_that_is_wrong_in_indonesian(text: str, message: str) -> None:
    with pytest.raises(NipError, match=message):
        parse(text, today=TODAY)


def test_a_full_width_digit_is_refused() -> None:
    with pytest.raises(NipError, match="hanya boleh berisi angka"):
        parse("１９８５03122010011002", today=TODAY)


def test_the_mask_hides_the_birth_date() -> None:
    assert mask("198503122010011002") == "1985************02"
    assert "0312" not in mask("198503122010011002")


@given(
    birth=st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(1990, 12, 31)),
    years_after=st.integers(min_value=18, max_value=30),
    month=st.integers(min_value=1, max_value=12),
    sex=st.sampled_from("12"),
    serial=st.integers(min_value=1, max_value=999),
)
def test_every_well_formed_nip_round_trips(birth: dt.date, years_after: int, month: int, sex: str, serial: int) -> None:
    year = birth.year + years_after + 1
    text = f"{birth:%Y%m%d}{year:04d}{month:02d}{sex}{serial:03d}"
    nip = parse(text, today=TODAY)
    assert (nip.birth_date, nip.appointment_year, nip.appointment_month, nip.serial) == (birth, year, month, serial)


@given(st.text(max_size=30))
def test_parse_either_accepts_or_raises_nip_error(text: str) -> None:
    try:
        nip = parse(text, today=TODAY)
    except NipError:
        return
    assert len(nip.number) == 18 and nip.number == normalise(text)
