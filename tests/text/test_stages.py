"""netral.stages.v1: the furthest stage a reported case reached."""

from __future__ import annotations

from netral.text import analyze


def stages(text: str) -> list[str]:
    return analyze(text).doc.stages


def test_a_report_alone_is_reported() -> None:
    assert stages("Seorang kades dilaporkan ke Bawaslu karena diduga berkampanye untuk caleg.") == ["reported"]


def test_a_summons_is_under_review() -> None:
    assert stages(
        "Seorang kades diduga berkampanye untuk caleg. Bawaslu akan memanggil kades tersebut untuk diperiksa."
    ) == ["under_review"]


def test_a_recommendation_to_kasn_is_forwarded() -> None:
    assert stages("Camat Contoh diduga mendukung pasangan calon. Bawaslu meneruskan kasus itu ke KASN.") == [
        "forwarded"
    ]


def test_a_removal_from_post_is_sanctioned() -> None:
    assert stages("Kapolsek Contoh dicopot dari jabatannya karena tidak netral dalam pilkada.") == ["sanctioned"]


def test_a_case_not_meeting_the_elements_is_dismissed() -> None:
    assert stages(
        "Dua ASN berinisial AB dan CD dilaporkan karena hadir di acara deklarasi paslon. "
        "Setelah diperiksa, laporan itu tidak memenuhi unsur pelanggaran."
    ) == ["under_review", "dismissed"]


def test_conditionals_do_not_set_stages() -> None:
    assert stages(
        "Seorang camat dilaporkan karena diduga mendukung paslon. Jika terbukti, camat itu akan dicopot."
    ) == ["reported"]
