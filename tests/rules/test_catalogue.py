"""The rules catalogue: the data files load, validate, and say what domain.md says."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from netral.rules import catalogue as cat_module
from netral.rules.catalogue import (
    VIOLATION_KINDS,
    CatalogueError,
    Election,
    ProcedureStep,
    Sanction,
    ViolationType,
    election,
    holidays_between,
    load_catalogue,
    phase_on,
    read_catalogue,
    step,
    violation_type,
)

ANNOTATION_ELECTIONS = {
    "pemilu_2019",
    "pemilu_2024",
    "pilkada_2015",
    "pilkada_2017",
    "pilkada_2018",
    "pilkada_2020",
    "pilkada_2024",
    "pilkades",
}


def test_the_packaged_catalogue_loads_and_is_cached() -> None:
    assert load_catalogue() is load_catalogue()


def test_the_skb_matrix_has_e1_to_e7_and_d1_to_d13() -> None:
    codes = {v.code for v in load_catalogue().violation_types}
    assert {f"E{i}" for i in range(1, 8)} <= codes
    assert {f"D{i}" for i in range(1, 14)} <= codes


def test_every_violation_type_maps_to_a_known_sanction() -> None:
    cat = load_catalogue()
    sanctions = {s.code for s in cat.sanctions}
    for v in cat.violation_types:
        assert v.sanctions, v.code
        assert set(v.sanctions) <= sanctions, v.code


def test_code_of_ethics_breaches_carry_the_moral_sanction_before_designation() -> None:
    for i in range(1, 8):
        v = violation_type(f"E{i}")
        assert v.category == "kode_etik"
        assert set(v.sanctions) == {"moral_tertutup", "moral_terbuka"}
        assert v.stage in ("before_designation", "any")


def test_party_membership_leads_to_dishonourable_dismissal() -> None:
    assert violation_type("D5").sanctions == ("ptdh",)


def test_the_conflicting_sanction_levels_are_flagged_in_the_notes() -> None:
    for code in ("D8", "D9", "D10"):
        assert "[CONFLICT" in violation_type(code).note, code


def test_every_coarse_kind_of_the_text_pipeline_is_covered_by_some_violation_type() -> None:
    used = {k for v in load_catalogue().violation_types for k in v.kinds}
    assert used == set(VIOLATION_KINDS)


def test_only_the_catch_all_violation_type_has_no_kind() -> None:
    assert [v.code for v in load_catalogue().violation_types if v.kind is None] == ["D13"]


def test_violation_types_cover_village_heads_tni_and_polri() -> None:
    subjects = {s for v in load_catalogue().violation_types for s in v.subject_types}
    assert {"asn", "village", "tni", "polri"} <= subjects


def test_violation_type_lookup_is_case_insensitive_and_rejects_unknown_codes() -> None:
    assert violation_type("d12").code == "D12"
    with pytest.raises(KeyError):
        violation_type("X99")


def test_every_entry_has_a_legal_basis_and_a_source_or_an_unverified_note() -> None:
    cat = load_catalogue()
    entries: list[ViolationType | Sanction | Election | ProcedureStep] = [
        *cat.violation_types,
        *cat.sanctions,
        *cat.elections,
        *(s for r in cat.regimes for s in r.steps),
    ]
    for entry in entries:
        assert entry.legal_basis, entry.code
        assert entry.source.startswith("https://") or "[UNVERIFIED]" in entry.note, entry.code


def test_sources_are_urls_named_in_domain_md_for_the_skb_matrix() -> None:
    domain = (Path(__file__).resolve().parents[3] / "shared" / "docs" / "domain.md").read_text(encoding="utf-8")
    if not domain:
        pytest.skip("domain.md not available")
    for v in load_catalogue().violation_types:
        assert v.source in domain, v.code


def test_election_codes_are_those_of_the_annotation_guide() -> None:
    codes = {e.code for e in load_catalogue().elections}
    assert codes <= ANNOTATION_ELECTIONS
    assert {"pemilu_2019", "pilkada_2020", "pemilu_2024", "pilkada_2024"} <= codes


def test_pemilu_2024_dates_match_domain_md() -> None:
    e = election("pemilu_2024")
    assert e.voting_day == dt.date(2024, 2, 14)
    campaign = e.phase("kampanye")
    assert campaign is not None
    assert (campaign.start, campaign.end) == (dt.date(2023, 11, 28), dt.date(2024, 2, 10))
    assert e.regime == "pemilu"


def test_pilkada_2024_dates_match_domain_md() -> None:
    e = election("pilkada_2024")
    assert e.voting_day == dt.date(2024, 11, 27)
    assert e.designation_day == dt.date(2024, 9, 22)
    registration = e.phase("pendaftaran_paslon")
    assert registration is not None
    assert (registration.start, registration.end) == (dt.date(2024, 8, 27), dt.date(2024, 8, 29))
    assert e.regime == "pilkada"


def test_phase_on_returns_the_phases_running_on_a_day() -> None:
    assert [p.code for p in phase_on("pemilu_2024", dt.date(2024, 2, 12))] == ["masa_tenang"]
    assert "kampanye" in [p.code for p in phase_on("pilkada_2024", dt.date(2024, 10, 1))]
    assert phase_on("pilkada_2024", dt.date(2025, 6, 1)) == ()


def test_pemilu_report_window_defaults_to_working_days_and_records_the_conflict() -> None:
    s = step("pemilu", "penyampaian_laporan")
    assert (s.amount, s.unit) == (7, "working_days")
    assert "[CONFLICT]" in s.note


def test_initial_study_is_two_days_in_pemilu_and_three_in_pilkada() -> None:
    assert (step("pemilu", "kajian_awal").amount, step("pemilu", "kajian_awal").unit) == (2, "days")
    assert (step("pilkada", "kajian_awal").amount, step("pilkada", "kajian_awal").unit) == (3, "days")


def test_the_asn_referral_steps_are_shared_by_both_election_regimes() -> None:
    for regime in ("pemilu", "pilkada"):
        assert step(regime, "eksekusi_ppk").amount == 10
        assert step(regime, "kajian_bawaslu_sbt").unit == "working_days"
    with pytest.raises(KeyError):
        step("asn", "kajian_awal")


def test_the_request_to_complete_a_report_is_counted_in_hours() -> None:
    s = step("pilkada", "kelengkapan_laporan")
    assert (s.amount, s.unit) == (24, "hours")


def test_holidays_cover_2023_to_2027_with_both_kinds() -> None:
    cat = load_catalogue()
    assert cat.holiday_years == (2023, 2024, 2025, 2026, 2027)
    for year in cat.holiday_years:
        kinds = {h.type for h in holidays_between(dt.date(year, 1, 1), dt.date(year, 12, 31))}
        assert kinds == {"libur_nasional", "cuti_bersama"}, year


def test_the_2024_voting_days_are_national_holidays() -> None:
    by_date = {h.date: h for h in load_catalogue().holidays}
    assert by_date[dt.date(2024, 2, 14)].decree == "Keppres 10/2024"
    assert by_date[dt.date(2024, 11, 27)].decree == "Keppres 33/2024"
    assert by_date[dt.date(2024, 11, 27)].type == "libur_nasional"


def test_idulfitri_holidays_and_joint_leave_are_listed() -> None:
    days = {h.date: h.type for h in load_catalogue().holidays}
    assert days[dt.date(2024, 4, 10)] == days[dt.date(2024, 4, 11)] == "libur_nasional"
    assert all(days[dt.date(2024, 4, d)] == "cuti_bersama" for d in (8, 9, 12, 15))
    assert days[dt.date(2025, 3, 31)] == days[dt.date(2025, 4, 1)] == "libur_nasional"
    assert all(days[dt.date(2025, 4, d)] == "cuti_bersama" for d in (2, 3, 4, 7))


def test_the_2026_and_2027_holidays_equal_the_lokal_id_lists() -> None:
    probe = Path("/tmp/probe/lib/python3.11/site-packages/lokal/holidays.py")  # noqa: S108 (read-only reference copy)
    if not probe.exists():
        pytest.skip("lokal-id copy not available")
    text = probe.read_text(encoding="utf-8")
    expected = set(re.findall(r"\('(202[67]-\d\d-\d\d)', '([^']+)', _([LC])\)", text))
    ours = {
        (h.date.isoformat(), h.name, "L" if h.type == "libur_nasional" else "C")
        for h in load_catalogue().holidays
        if h.date.year in (2026, 2027)
    }
    assert ours == expected


# --- validation on load ---------------------------------------------------------------------------------------------


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(cat_module.DATA_DIR, target)
    return target


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_an_unknown_sanction_code_is_rejected_naming_file_and_entry(data_copy: Path) -> None:
    _edit(data_copy / "violation_types.toml", 'sanctions = ["disiplin_sedang"]', 'sanctions = ["potong_gaji"]')
    with pytest.raises(CatalogueError, match=r"violation_types\.toml: violation #\d+ D3: unknown sanction"):
        read_catalogue(data_copy)


def test_a_duplicate_violation_code_is_rejected(data_copy: Path) -> None:
    _edit(data_copy / "violation_types.toml", 'code = "E2"', 'code = "E1"')
    with pytest.raises(CatalogueError, match=r"violation_types\.toml: violation E1: duplicate code"):
        read_catalogue(data_copy)


def test_a_phase_outside_its_election_span_is_rejected(data_copy: Path) -> None:
    _edit(data_copy / "elections.toml", "start = 2023-11-28\n", "start = 2021-11-28\n")
    with pytest.raises(CatalogueError, match=r"elections\.toml: election pemilu_2024 phase #\d+ kampanye: .*outside"):
        read_catalogue(data_copy)


def test_an_unknown_kind_is_rejected(data_copy: Path) -> None:
    _edit(data_copy / "violation_types.toml", 'kinds = ["social_media"]', 'kinds = ["tiktok"]')
    with pytest.raises(CatalogueError, match=r"unknown kinds value 'tiktok'"):
        read_catalogue(data_copy)


def test_an_unknown_unit_is_rejected(data_copy: Path) -> None:
    _edit(data_copy / "procedures.toml", 'unit = "working_days"', 'unit = "weeks"')
    with pytest.raises(CatalogueError, match=r"procedures\.toml: regime pemilu step #\d+ penyampaian_laporan"):
        read_catalogue(data_copy)


def test_an_entry_without_source_must_say_it_is_unverified(data_copy: Path) -> None:
    _edit(
        data_copy / "sanctions.toml",
        'source = "https://wahananews.co/nasional/kemenpan-rb-aturan-baru-disiplin-pns-berlaju-juga-bagi-cpns/2"',
        'source = ""',
    )
    with pytest.raises(CatalogueError, match=r"sanctions\.toml: sanction #\d+ disiplin_ringan: .*\[UNVERIFIED\]"):
        read_catalogue(data_copy)


def test_a_holiday_dated_in_another_year_is_rejected(data_copy: Path) -> None:
    _edit(data_copy / "holidays.toml", "date = 2024-01-01", "date = 2023-01-01")
    with pytest.raises(CatalogueError, match=r"holidays\.toml: year 2024 holiday #1 2023-01-01"):
        read_catalogue(data_copy)


def test_invalid_toml_is_reported_with_the_file_name(data_copy: Path) -> None:
    (data_copy / "sanctions.toml").write_text("[[sanction]\n", encoding="utf-8")
    with pytest.raises(CatalogueError, match=r"sanctions\.toml: \(file\): invalid TOML"):
        read_catalogue(data_copy)
