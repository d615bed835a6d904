"""netral.regions.v1: names, aliases, kecamatan/desa and ambiguous names resolved by context."""

from __future__ import annotations

from collections.abc import Callable

from netral.text.model import Doc

RunUntil = Callable[[str, str], Doc]


def places(run_until: RunUntil, text: str) -> tuple[list[str], list[str]]:
    doc = run_until(text, "netral.regions.v1")
    return doc.provinces, doc.regencies


def test_it_resolves_batola_to_barito_kuala(run_until: RunUntil) -> None:
    assert places(run_until, "Ketua Bawaslu Kab. Batola membuka rapat.") == (
        ["Kalimantan Selatan"],
        ["Kabupaten Barito Kuala"],
    )


def test_it_resolves_kotim_hsu_and_kalteng(run_until: RunUntil) -> None:
    provinces, regencies = places(run_until, "Pemkab Kotim dan Pemkab HSU bekerja sama, kata pejabat Kalteng.")
    assert regencies == ["Kabupaten Kotawaringin Timur", "Kabupaten Hulu Sungai Utara"]
    assert provinces == ["Kalimantan Tengah", "Kalimantan Selatan"]


def test_a_lowercase_abbreviation_is_not_an_alias(run_until: RunUntil) -> None:
    assert places(run_until, "rapat hsu itu batal") == ([], [])


def test_banjar_follows_the_province_in_context(run_until: RunUntil) -> None:
    assert places(run_until, "Di Kalimantan Selatan, ASN Banjar diminta netral.")[1] == ["Kabupaten Banjar"]
    assert places(run_until, "Di Jawa Barat, ASN Banjar diminta netral.")[1] == ["Kota Banjar"]


def test_an_explicit_kind_prefix_decides(run_until: RunUntil) -> None:
    assert places(run_until, "Wali Kota Banjar hadir.")[1] == ["Kota Banjar"]
    assert places(run_until, "Bupati Banjar hadir.")[1] == ["Kabupaten Banjar"]


def test_kota_baru_needs_kalimantan_selatan_in_context(run_until: RunUntil) -> None:
    assert places(run_until, "Warga Kota Baru berkumpul di alun-alun.") == ([], [])
    assert places(run_until, "Tiga ASN Kota Baru di Kalsel dilaporkan.")[1] == ["Kabupaten Kotabaru"]


def test_a_kecamatan_after_camat_gives_its_regency_and_province(run_until: RunUntil) -> None:
    assert places(run_until, "Camat Aluh-Aluh hadir dalam acara itu.") == (["Kalimantan Selatan"], ["Kabupaten Banjar"])


def test_an_ambiguous_kecamatan_is_placed_by_context(run_until: RunUntil) -> None:
    assert places(run_until, "Camat Kalumpang di Sulawesi Barat dilaporkan.")[1] == ["Kabupaten Mamuju"]


def test_a_jakarta_dateline_does_not_make_a_national_story_about_jakarta(run_until: RunUntil) -> None:
    assert places(run_until, "JAKARTA - KASN menerima laporan dari seluruh Indonesia.") == ([], [])


def test_an_origin_is_not_a_place_of_events(run_until: RunUntil) -> None:
    assert places(run_until, "Formasi khusus untuk putra putri Papua dan Papua Barat dibuka.") == ([], [])


def test_a_city_written_without_space_is_found(run_until: RunUntil) -> None:
    assert places(run_until, "Bandarlampung, Lampung - Rapat digelar.")[1] == ["Kota Bandar Lampung"]


def test_a_position_abbreviation_is_not_a_regency(run_until: RunUntil) -> None:
    assert places(run_until, "Karo Penmas Humas memberi keterangan.") == ([], [])


def test_a_regency_name_that_is_an_everyday_word_needs_context(run_until: RunUntil) -> None:
    assert places(run_until, "Batang pohon tumbang menutup jalan.") == ([], [])
    assert places(run_until, "Di Jawa Tengah, ASN Batang diminta netral.")[1] == ["Kabupaten Batang"]
    assert places(run_until, "BATANG - Bawaslu menggelar rapat.")[1] == ["Kabupaten Batang"]
