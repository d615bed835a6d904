"""netral.geo.search: finding regions by name or alias, as typed in news and by supervisors."""

from __future__ import annotations

from netral.geo.search import compact, display_name, search


def codes(query: str, **kwargs: object) -> list[str]:
    return [r.region.code for r in search(query, **kwargs)]  # type: ignore[arg-type]


def test_a_hyphenated_kecamatan_name_finds_the_kecamatan_first() -> None:
    first = search("Aluh-Aluh")[0]
    assert first.region.code == "63.03.01"
    assert first.match == "name"


def test_the_result_carries_its_ancestors_nearest_first() -> None:
    first = search("Aluh-Aluh")[0]
    assert [r.code for r in first.ancestors] == ["63.03", "63"]


def test_a_result_describes_itself_with_its_regency_province_and_time_zone() -> None:
    assert search("aluh aluh")[0].describe() == (
        "Kecamatan Aluh Aluh (63.03.01) — Kabupaten Banjar, Kalimantan Selatan, WITA"
    )


def test_case_spaces_and_hyphens_do_not_matter() -> None:
    assert codes("ALUH ALUH")[0] == codes("aluh-aluh")[0] == codes("AluhAluh")[0] == "63.03.01"


def test_an_abbreviation_finds_its_regency_through_the_aliases() -> None:
    first = search("Kotim")[0]
    assert first.region.code == "62.02"
    assert first.match == "alias"
    assert first.describe().startswith('Kabupaten Kotawaringin Timur (62.02) [alias "Kotim"]')


def test_a_province_abbreviation_finds_the_province() -> None:
    assert codes("Kalsel")[0] == "63"
    assert codes("jabar")[0] == "32"


def test_both_spellings_of_palangka_raya_find_the_city() -> None:
    assert codes("Palangka Raya")[0] == codes("Palangkaraya")[0] == "62.71"


def test_banjar_baru_spelled_apart_finds_kota_banjarbaru() -> None:
    assert codes("Banjar Baru")[0] == "63.72"


def test_a_type_word_restricts_the_results_to_that_type() -> None:
    assert codes("Kota Banjar")[0] == "32.79"
    assert codes("Kab. Banjar")[0] == "63.03"
    assert "32.79" not in codes("Kabupaten Banjar")
    assert all(r.region.type == "kota" for r in search("Kota Banjar"))


def test_a_bare_regency_name_finds_both_the_kabupaten_and_the_kota() -> None:
    assert codes("Banjar")[:2] == ["32.79", "63.03"]


def test_exact_names_come_before_longer_names_that_start_with_the_query() -> None:
    found = search("Banjar")
    kinds = [r.match for r in found]
    assert kinds == sorted(kinds, key=["name", "alias", "prefix", "substring"].index)


def test_the_level_filter_keeps_only_that_level() -> None:
    found = search("Banjar", level="kecamatan")
    assert found
    assert all(r.region.level == "kecamatan" for r in found)


def test_the_limit_caps_the_number_of_results() -> None:
    assert len(search("Sukamaju", limit=3)) == 3


def test_a_desa_is_found_with_its_kecamatan_regency_and_province() -> None:
    found = search("Aluh Aluh Besar", level="desa")[0]
    assert found.region.code == "63.03.01.2012"
    assert [r.code for r in found.ancestors] == ["63.03.01", "63.03", "63"]
    assert found.describe().endswith("— Kecamatan Aluh Aluh, Kabupaten Banjar, Kalimantan Selatan, WITA")


def test_jakarta_abbreviations_find_the_kota_administrasi() -> None:
    assert codes("Jaksel")[0] == "31.74"
    assert search("Jaksel")[0].describe().endswith("— DKI Jakarta, WIB")


def test_an_empty_or_punctuation_only_query_finds_nothing() -> None:
    assert search("") == []
    assert search(" - ") == []


def test_a_name_that_exists_nowhere_finds_nothing() -> None:
    assert search("Xyzzyqwerty") == []


def test_compact_keeps_only_lower_case_letters_and_digits() -> None:
    assert compact("Aluh-Aluh") == "aluhaluh"
    assert compact("Kab. Hulu Sungai Utara") == "kabhulusungaiutara"


def test_display_names_prefix_kecamatan_and_desa_with_their_type() -> None:
    found = search("Aluh Aluh")[0]
    assert display_name(found.region) == "Kecamatan Aluh Aluh"
    assert display_name(found.ancestors[0]) == "Kabupaten Banjar"
    assert display_name(found.ancestors[1]) == "Kalimantan Selatan"
