"""aliases.csv: the abbreviations and other names people write for provinces and regencies."""

from __future__ import annotations

import pytest

from netral.geo import reference


def alias_codes() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for alias in reference.aliases():
        found.setdefault(alias.alias.lower(), set()).add(alias.code)
    return found


def test_every_alias_points_at_an_existing_province_or_regency() -> None:
    for alias in reference.aliases():
        region = reference.get(alias.code)
        assert region is not None, alias
        assert region.level in ("provinsi", "kabupaten_kota", "kecamatan"), alias


def test_every_alias_is_a_non_empty_trimmed_text() -> None:
    for alias in reference.aliases():
        assert alias.alias.strip() == alias.alias != "", alias


def test_no_alias_is_listed_twice_for_the_same_region() -> None:
    pairs = [(a.alias.lower(), a.code) for a in reference.aliases()]
    assert len(pairs) == len(set(pairs))


def test_every_province_outside_the_plain_named_ones_has_an_alias() -> None:
    with_alias = {a.code for a in reference.aliases() if a.code.count(".") == 0}
    for code in ("12", "13", "16", "19", "21", "31", "32", "33", "34", "35", "52", "53"):
        assert code in with_alias
    for code in ("61", "62", "63", "64", "65", "71", "72", "73", "74", "76", "82", "92", "96"):
        assert code in with_alias


@pytest.mark.parametrize(
    ("alias", "code"),
    [
        ("kalsel", "63"),
        ("kalteng", "62"),
        ("jabar", "32"),
        ("ntb", "52"),
        ("diy", "34"),
        ("babel", "19"),
        ("kepri", "21"),
        ("malut", "82"),
        ("batola", "63.04"),
        ("kotim", "62.02"),
        ("hsu", "63.08"),
        ("kukar", "64.02"),
        ("lotim", "52.03"),
        ("jaksel", "31.74"),
        ("kbb", "32.17"),
        ("sidrap", "73.14"),
        ("pangkep", "73.10"),
        ("lutim", "73.24"),
        ("halsel", "82.04"),
        ("bolmong", "71.01"),
        ("palangkaraya", "62.71"),
        ("banjarbaru", "63.72"),
        ("tanjungpinang", "21.72"),
        ("kota baru", "63.02"),
    ],
)
def test_common_abbreviations_resolve_to_their_region(alias: str, code: str) -> None:
    assert code in alias_codes()[alias]
