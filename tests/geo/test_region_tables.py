"""The Kemendagri region tables (Kepmendagri 300.2.2-2138/2025) and the curated province facts."""

from __future__ import annotations

from collections import Counter

import pytest

from netral.geo import reference
from netral.geo.reference import LEVELS

ZONES = {"Asia/Jakarta", "Asia/Pontianak", "Asia/Makassar", "Asia/Jayapura"}


def test_there_are_38_provinces() -> None:
    assert len(reference.regions("provinsi")) == 38


def test_there_are_514_regencies_416_kabupaten_and_98_kota() -> None:
    regencies = reference.regions("kabupaten_kota")
    assert len(regencies) == 514
    assert Counter(r.type for r in regencies) == {"kabupaten": 416, "kota": 98}


def test_there_are_7285_kecamatan() -> None:
    assert len(reference.regions("kecamatan")) == 7285


def test_there_are_83762_desa_and_kelurahan() -> None:
    assert len(reference.regions("desa")) == 83762


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("63", "Kalimantan Selatan"),
        ("63.03", "Kabupaten Banjar"),
        ("63.03.01", "Aluh Aluh"),
        ("62.02", "Kabupaten Kotawaringin Timur"),
        ("32.79", "Kota Banjar"),
        ("63.02", "Kabupaten Kotabaru"),
        ("64.02", "Kabupaten Kutai Kartanegara"),
        ("96", "Papua Barat Daya"),
        ("65", "Kalimantan Utara"),
        ("31.74", "Kota Administrasi Jakarta Selatan"),
        ("63.04", "Kabupaten Barito Kuala"),
        ("52.03", "Kabupaten Lombok Timur"),
    ],
)
def test_sample_codes_carry_their_official_names(code: str, name: str) -> None:
    region = reference.get(code)
    assert region is not None
    assert region.name == name


def test_a_desa_is_found_by_its_code_with_its_kecamatan_as_parent() -> None:
    desa = reference.get("63.03.01.2012")
    assert desa is not None
    assert desa.level == "desa"
    assert desa.parent_code == "63.03.01"


def test_jakarta_is_reported_as_dki_jakarta() -> None:
    jakarta = reference.get("31")
    assert jakarta is not None
    assert jakarta.canonical_name == "DKI Jakarta"


def test_palangka_raya_is_reported_with_the_citys_own_spelling() -> None:
    city = reference.get("62.71")
    assert city is not None
    assert city.canonical_name == "Kota Palangka Raya"


def test_codes_are_unique_across_all_levels() -> None:
    codes = [r.code for level in LEVELS for r in reference.regions(level)]
    assert len(codes) == len(set(codes))


def test_every_region_below_a_province_has_an_existing_parent_one_level_up() -> None:
    known = {r.code: r for level in LEVELS for r in reference.regions(level)}
    for level in LEVELS[1:]:
        for region in reference.regions(level):
            assert region.parent_code is not None, region
            parent = known.get(region.parent_code)
            assert parent is not None, region
            assert LEVELS.index(parent.level) == LEVELS.index(level) - 1


def test_ancestors_of_a_kecamatan_are_its_regency_then_its_province() -> None:
    assert [r.code for r in reference.ancestors("63.03.01")] == ["63.03", "63"]


def test_every_province_has_one_of_the_four_indonesian_time_zones() -> None:
    timezones = reference.timezones()
    assert set(timezones) == {r.code for r in reference.regions("provinsi")}
    assert set(timezones.values()) <= ZONES


def test_kalimantan_selatan_keeps_wita_and_kalimantan_tengah_wib() -> None:
    assert reference.timezone_of("63.03.01") == "Asia/Makassar"
    assert reference.ZONE_LABELS[reference.timezone_of("63")] == "WITA"
    assert reference.ZONE_LABELS[reference.timezone_of("62")] == "WIB"


def test_the_papua_provinces_are_wit_and_bali_is_wita() -> None:
    for code in ("81", "82", "91", "92", "93", "94", "95", "96"):
        assert reference.timezone_of(code) == "Asia/Jayapura"
    assert reference.timezone_of("51") == "Asia/Makassar"
