"""What an alert pre-fills: the event's region from the pipeline's result, its confidence, the case form's facts."""

from __future__ import annotations

from typing import Any

from netral.monitor.facts import case_facts, event_region_code, violation_confidence
from netral.text import analyze


def _mention(code: str, name: str, level: str) -> dict[str, str]:
    return {"code": code, "name": name, "level": level}


def test_one_regency_with_one_of_its_kecamatan_places_the_event_in_that_kecamatan() -> None:
    analysis = {
        "regencies": ["Kabupaten Banjar"],
        "regions": [
            _mention("63.71", "Kota Banjarmasin", "kabupaten_kota"),  # a dateline: not among the event's regencies
            _mention("63.03", "Kabupaten Banjar", "kabupaten_kota"),
            _mention("63.03.01", "Aluh Aluh", "kecamatan"),
        ],
    }
    assert event_region_code(analysis) == "63.03.01"


def test_two_kecamatan_of_the_regency_leave_the_event_at_the_regency() -> None:
    analysis = {
        "regencies": ["Kabupaten Banjar"],
        "regions": [
            _mention("63.03", "Kabupaten Banjar", "kabupaten_kota"),
            _mention("63.03.01", "Aluh Aluh", "kecamatan"),
            _mention("63.03.02", "Beruntung Baru", "kecamatan"),
        ],
    }
    assert event_region_code(analysis) == "63.03"


def test_regencies_of_one_province_place_the_event_in_the_province_and_of_two_nowhere() -> None:
    same = {
        "regencies": ["Kabupaten Banjar", "Kabupaten Tanah Laut"],
        "regions": [
            _mention("63.03", "Kabupaten Banjar", "kabupaten_kota"),
            _mention("63.01", "Kabupaten Tanah Laut", "kabupaten_kota"),
        ],
    }
    apart = {
        "regencies": ["Kabupaten Banjar", "Kabupaten Kapuas"],
        "regions": [
            _mention("63.03", "Kabupaten Banjar", "kabupaten_kota"),
            _mention("62.03", "Kabupaten Kapuas", "kabupaten_kota"),
        ],
    }
    assert event_region_code(same) == "63"
    assert event_region_code(apart) == ""


def test_a_province_alone_places_the_event_there_and_nothing_means_unknown() -> None:
    assert (
        event_region_code(
            {"provinces": ["Kalimantan Selatan"], "regions": [_mention("63", "Kalimantan Selatan", "provinsi")]}
        )
        == "63"
    )
    assert event_region_code({}) == ""


def test_confidence_is_the_best_finding_and_zero_without_a_reported_violation() -> None:
    findings: dict[str, Any] = {"violation_types": [{"confidence": 0.7}, {"confidence": 0.75}]}
    assert violation_confidence({"violation_reported": True, **findings}) == 0.75
    assert violation_confidence({"violation_reported": False, **findings}) == 0.0


def test_facts_from_a_real_analysis_name_the_violation_codes_and_the_region() -> None:
    text = (
        "Bawaslu Kabupaten Banjar menemukan seorang camat di Kecamatan Aluh Aluh yang berstatus ASN menghadiri "
        "kampanye pasangan calon bupati dan mengajak warga memilih calon nomor urut 2. Ketua Bawaslu Banjar "
        "mengatakan camat tersebut diduga melanggar netralitas ASN."
    )
    analysis = analyze(text).to_dict()
    facts = case_facts(analysis, title="", text=text, url="https://contoh.test/berita/1")

    assert facts["region_code"] == "63.03.01"
    assert "D4" in facts["violation_codes"]
    assert facts["summary"].startswith("Bawaslu Kabupaten Banjar menemukan")
    assert len(facts["summary"]) <= 300
    assert facts["url"] == "https://contoh.test/berita/1"
