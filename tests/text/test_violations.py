"""netral.violations.v1: a specific case is a violation report; appeals, rules and statistics are not."""

from __future__ import annotations

from typing import Any

from netral.text import analyze


def result(text: str) -> dict[str, Any]:
    return analyze(text).to_dict()


def test_an_appeal_to_stay_neutral_reports_nothing() -> None:
    r = result(
        "TAMIANG LAYANG - Bupati Barito Timur mengajak seluruh ASN menjaga netralitas pada Pilkada 2024. "
        "ASN yang terbukti melanggar akan dijatuhi sanksi."
    )
    assert r["violation_reported"] is False
    assert r["subject_types"] == r["violation_kinds"] == r["stages"] == r["subjects"] == []


def test_a_statistic_without_a_case_reports_nothing() -> None:
    r = result("KASN merekomendasikan sanksi terhadap 518 ASN pelanggar netralitas pada Pilkada 2020.")
    assert r["violation_reported"] is False


def test_a_named_village_head_reported_for_a_facebook_post_is_a_case() -> None:
    r = result(
        "PELAIHARI - Seorang kepala desa di Kabupaten Tanah Laut berinisial RN dilaporkan ke Bawaslu karena "
        "diduga mengunggah foto bersama pasangan calon bupati di Facebook, Senin (14/10/2024)."
    )
    assert r["violation_reported"] is True
    assert r["subject_types"] == ["village"]
    assert set(r["violation_kinds"]) == {"social_media", "photo_gesture"}
    assert r["subjects"] == ["RN"]
    assert r["stages"] == ["reported"]


def test_a_named_official_in_the_case_sentence_is_the_subject_but_the_speaker_is_not() -> None:
    r = result(
        "Kepala Dinas Pendidikan Kabupaten Tapin, Fulan Hadi, diduga mengarahkan guru untuk memilih salah satu "
        "pasangan calon bupati. Ketua Bawaslu Tapin, Rahmat Hidayat, mengatakan kasus itu sedang ditangani."
    )
    assert r["subjects"] == ["Fulan Hadi"]
    assert r["subject_types"] == ["asn"]
    assert r["violation_kinds"] == ["vote_solicitation"]


def test_a_police_officer_at_a_campaign_event_is_polri() -> None:
    r = result("Dua oknum polisi diperiksa Propam karena diduga hadir dalam kampanye salah satu caleg.")
    assert (r["violation_reported"], r["subject_types"], r["violation_kinds"]) == (True, ["polri"], ["campaign_event"])


def test_each_violation_kind_has_an_skb_code_evidence_and_confidence() -> None:
    r = result(
        "Camat Contoh berinisial AB terbukti membagikan sembako kepada warga sambil mengajak warga memilih "
        "pasangan calon gubernur. Bawaslu merekomendasikan kasus itu ke BKN."
    )
    types = {t["kind"]: t for t in r["violation_types"]}
    assert types["goods_distribution"]["code"] == "D8"
    assert "sembako" in types["goods_distribution"]["evidence"]
    assert 0 < types["goods_distribution"]["confidence"] <= 1


def test_before_candidates_are_designated_the_ethics_code_applies() -> None:
    r = result("Seorang ASN dilaporkan karena diduga memasang baliho bakal calon bupati di depan kantornya.")
    assert [t["code"] for t in r["violation_types"]] == ["E1"]


def test_a_case_only_in_a_teaser_headline_is_not_reported() -> None:
    r = result(
        "Gubernur mengingatkan ASN untuk bersikap netral dalam Pemilu 2024.\n"
        "BACA JUGA: Camat Contoh Divonis Bersalah karena Berkampanye\n"
        "Acara diikuti seluruh kepala daerah."
    )
    assert r["violation_reported"] is False
