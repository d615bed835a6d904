"""netral.elections.v1: election codes from election words, their years, and the text's dates."""

from __future__ import annotations

from netral.text import analyze


def elections(text: str, url: str | None = None) -> list[str]:
    return analyze(text, url=url).doc.elections


def test_a_written_year_decides() -> None:
    assert elections("ASN diminta netral pada Pilkada Serentak Tahun 2024.") == ["pilkada_2024"]
    assert elections("Sengketa Pilpres 2019 belum selesai.") == ["pemilu_2019"]


def test_a_year_after_a_region_name_counts() -> None:
    assert elections("Menjelang Pilkada Kotim 2024 camat diingatkan.") == ["pilkada_2024"]


def test_a_year_shared_by_coordinated_elections_applies_to_both() -> None:
    assert elections("Menghadapi Pemilu dan Pilkada Serentak 2024.") == ["pemilu_2024", "pilkada_2024"]


def test_an_election_without_year_takes_the_next_one_after_the_dates() -> None:
    assert elections("Kapolsek dicopot karena tidak netral dalam pilkada, Senin, 7 November 2016.") == ["pilkada_2017"]
    assert elections("Kepala desa membagikan kalender caleg, Kamis (4/1/2019).") == ["pemilu_2019"]


def test_an_election_without_year_or_date_is_left_out() -> None:
    assert elections("Guru diminta tidak berkampanye menjelang pilkada.") == []


def test_the_url_date_stands_in_when_the_text_has_no_date() -> None:
    url = "https://contoh.id/2024/10/25/berita"
    assert elections("Ia mengarahkan guru memilih calon bupati tertentu.", url) == ["pilkada_2024"]


def test_a_law_year_is_not_an_election_year() -> None:
    assert elections("Ia melanggar UU Nomor 7 Tahun 2017 tentang Pemilu.") == []


def test_village_head_elections_have_one_code() -> None:
    assert elections("Panitia Pilkades serentak menetapkan calon.") == ["pilkades"]
