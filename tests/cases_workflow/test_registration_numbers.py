"""Bawaslu's receipt and register numbers: made, read back, and refused when malformed."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netral.cases.registration import (
    load_numbering,
    parse_registration_number,
    receipt_number,
    registration_number,
    roman_month,
)


def test_a_pilkada_report_registered_by_a_regency_office_in_october_2024() -> None:
    number = registration_number(
        1,
        intake="laporan",
        regime="pilkada",
        office_level="Kab",
        region_code="22.05",
        registered_on=dt.date(2024, 10, 15),
    )
    assert number == "001/Reg/LP/PB/Kab/22.05/X/2024"


def test_a_pemilu_finding_registered_by_bawaslu_ri() -> None:
    number = registration_number(
        21, intake="temuan", regime="pemilu", office_level="RI", region_code="00.00", registered_on=dt.date(2024, 3, 5)
    )
    assert number == "021/Reg/TM/PL/RI/00.00/III/2024"


def test_the_receipt_number_has_no_reg_segment() -> None:
    number = receipt_number(
        2, intake="laporan", regime="pemilu", office_level="Kab", region_code="27.09", received_on=dt.date(2024, 3, 28)
    )
    assert number == "002/LP/PL/Kab/27.09/III/2024"


@pytest.mark.parametrize(
    "seen_on_sigaplapor",
    [
        "002/LP/PL/Kab/27.09/III/2024",
        "006/TM/PL/Kab/27.09/IV/2024",
        "021/LP/PL/RI/00.00/III/2024",
        "002/LP/PL/Kab/14.11/IV/2024",
        "003/LP/PL/Kab/10.05/III/2024",
    ],
)
def test_the_numbers_published_on_sigaplapor_parse_as_pemilu_receipts(seen_on_sigaplapor: str) -> None:
    parsed = parse_registration_number(seen_on_sigaplapor)
    assert parsed.regime == "pemilu" and not parsed.registered
    assert parsed.format() == seen_on_sigaplapor


def test_the_parser_reads_every_segment() -> None:
    parsed = parse_registration_number(" 001 / reg / lp / PW / kota / 63.71 / xii / 2024 ")
    assert (parsed.seq, parsed.registered, parsed.intake, parsed.election_code, parsed.regime) == (
        1,
        True,
        "laporan",
        "PW",
        "pilkada",
    )
    assert (parsed.office_level, parsed.region_code, parsed.month, parsed.year) == ("Kota", "63.71", 12, 2024)
    assert str(parsed) == "001/Reg/LP/PW/Kota/63.71/XII/2024"


def test_sequences_past_999_keep_all_their_digits() -> None:
    number = registration_number(
        1234,
        intake="laporan",
        regime="pemilu",
        office_level="Prov",
        region_code="22",
        registered_on=dt.date(2024, 1, 2),
    )
    assert number == "1234/Reg/LP/PL/Prov/22/I/2024"
    assert parse_registration_number(number).seq == 1234


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "001/Reg/LP/PB/Kab/22.05/X",
        "000/Reg/LP/PB/Kab/22.05/X/2024",
        "001/Reg/XX/PB/Kab/22.05/X/2024",
        "001/Reg/LP/ZZ/Kab/22.05/X/2024",
        "001/Reg/LP/PB/Desa/22.05/X/2024",
        "001/Reg/LP/PB/Kab/22-05/X/2024",
        "001/Reg/LP/PB/Kab/22.05/XIII/2024",
        "001/Reg/LP/PB/Kab/22.05/10/2024",
        "001/Reg/LP/PB/Kab/22.05/X/24",
        "001/Registrasi/LP/PB/Kab/22.05/X/2024",
    ],
)
def test_malformed_numbers_are_refused(bad: str) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 - each case has its own message
        parse_registration_number(bad)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"seq": 0}, "seq"),
        ({"intake": "informasi_awal"}, "never numbered"),
        ({"regime": "asn"}, "regime"),
        ({"election_code": "PL"}, "not used for pilkada"),
        ({"office_level": "Desa"}, "office_level"),
        ({"region_code": "6303"}, "region_code"),
        ({"registered_on": dt.datetime(2024, 10, 1)}, "registered_on"),
    ],
)
def test_bad_segments_are_refused_when_making_a_number(kwargs: dict[str, object], message: str) -> None:
    args: dict[str, object] = {
        "seq": 1,
        "intake": "laporan",
        "regime": "pilkada",
        "office_level": "Kab",
        "region_code": "22.05",
        "registered_on": dt.date(2024, 10, 1),
    }
    args.update(kwargs)
    with pytest.raises(ValueError, match=message):
        registration_number(**args)  # type: ignore[arg-type]


def test_roman_months() -> None:
    assert [roman_month(m) for m in (1, 4, 9, 12)] == ["I", "IV", "IX", "XII"]
    with pytest.raises(ValueError, match="1–12"):
        roman_month(13)


_numbering = load_numbering()
_regimes_and_codes = st.sampled_from(
    [(regime, code) for regime, codes in _numbering.election_codes.items() for code in codes]
)


@given(
    seq=st.integers(min_value=1, max_value=99_999),
    intake=st.sampled_from(["laporan", "temuan"]),
    regime_code=_regimes_and_codes,
    office_level=st.sampled_from(_numbering.office_levels),
    region=st.from_regex(r"\d{2}(\.\d{2}){0,2}", fullmatch=True),
    day=st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31)),
    registered=st.booleans(),
)
def test_every_number_round_trips_through_the_parser(
    seq: int,
    intake: str,
    regime_code: tuple[str, str],
    office_level: str,
    region: str,
    day: dt.date,
    registered: bool,
) -> None:
    regime, code = regime_code
    make = registration_number if registered else receipt_number
    key = "registered_on" if registered else "received_on"
    number = make(
        seq,
        intake=intake,  # type: ignore[arg-type]
        regime=regime,  # type: ignore[arg-type]
        office_level=office_level,  # type: ignore[arg-type]
        region_code=region,
        election_code=code,
        **{key: day},  # type: ignore[arg-type]
    )
    parsed = parse_registration_number(number)
    assert (parsed.seq, parsed.registered, parsed.intake, parsed.election_code, parsed.regime) == (
        seq,
        registered,
        intake,
        code,
        regime,
    )
    assert (parsed.office_level, parsed.region_code, parsed.month, parsed.year) == (
        office_level,
        region,
        day.month,
        day.year,
    )
    assert parsed.format() == number
