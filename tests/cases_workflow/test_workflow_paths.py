"""Whole cases through the workflow: report → sanction → closed, findings, tips, and the Aluh-Aluh pattern."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from netral.cases.inputs import ResolvedSanction
from netral.cases.registration import RegistrationNumber
from netral.cases.workflow import IllegalTransition, start


def test_a_report_goes_from_receipt_to_a_ppk_sanction_and_is_closed(new_case: Any) -> None:
    case = new_case("laporan")
    assert case.state("bawaslu") == "diterima"

    out = case.act("bawaslu", "minta_kelengkapan", "panwascam")
    assert out.to_state == "menunggu_kelengkapan"
    assert out.marks == ("completion_requested",)
    assert out.inputs["missing_items"] == ("bukti", "waktu_tempat")
    assert out.deadline_step("pemilu") == "kelengkapan_laporan"

    case.act("bawaslu", "laporan_dilengkapi", "panwascam")
    out = case.act("bawaslu", "registrasi", "bawaslu_kabkota")
    assert out.to_state == "teregistrasi"
    assert out.marks == ("report_registered",)
    number = out.inputs["registration"]
    assert isinstance(number, RegistrationNumber)
    assert (number.seq, number.intake, number.regime) == (1, "laporan", "pilkada")

    case.act("bawaslu", "undang_klarifikasi", "bawaslu_kabkota")
    case.act("bawaslu", "mulai_kajian", "bawaslu_kabkota", {"minutes": {"date": dt.date(2024, 10, 18)}})
    case.act("bawaslu", "ajukan_pleno", "bawaslu_kabkota")
    out = case.act("bawaslu", "putuskan_teruskan", "bawaslu_kabkota", tracks=("asn",))
    assert out.to_state == "diteruskan"
    assert [(o.kind, o.state, o.marks) for o in out.opens] == [("asn", "dirujuk", ("referral_received",))]
    assert out.opens[0].deadline_step("pilkada") == "verifikasi_satgas"

    case.act("asn", "verifikasi_satgas", "bkn_reviewer")
    case.act("asn", "validasi_bawaslu", "bawaslu_provinsi")
    out = case.act("asn", "rekomendasi_ppk", "bkn_reviewer")
    assert out.to_state == "menunggu_ppk"
    assert out.marks == ("recommendation_received",)
    assert out.deadline_step("pemilu") == out.deadline_step("pilkada") == "eksekusi_ppk"

    out = case.act("asn", "catat_sanksi", "ppk_officer")
    sanction = out.inputs["sanction"]
    assert isinstance(sanction, ResolvedSanction)
    assert (sanction.code, sanction.level, sanction.decree_date) == ("disiplin_berat", "berat", dt.date(2024, 11, 20))
    case.act("asn", "verifikasi_tindak_lanjut", "bkn_reviewer")
    assert case.state("asn") == "selesai"

    out = case.act("bawaslu", "tutup", "bawaslu_kabkota")
    assert out.to_state == "selesai" and out.terminal
    assert case.run("asn").history == [
        "verifikasi_satgas",
        "validasi_bawaslu",
        "rekomendasi_ppk",
        "catat_sanksi",
        "verifikasi_tindak_lanjut",
    ]


def test_a_finding_is_set_and_registered_by_the_supervisors_themselves(new_case: Any) -> None:
    opening = start("temuan")
    assert (opening.state, opening.marks) == ("hasil_pengawasan", ("act_discovered",))
    assert opening.deadline_step("pemilu") == "penetapan_temuan"
    case = new_case("temuan")
    out = case.act("bawaslu", "tetapkan_temuan", "bawaslu_kabkota")
    assert out.to_state == "teregistrasi"
    assert out.marks == ("report_received", "report_registered")
    assert out.inputs["registration"].intake == "temuan"


def test_an_anonymous_tip_is_not_a_report_but_may_become_a_finding(new_case: Any) -> None:
    case = new_case("informasi_awal")
    assert case.state("bawaslu") == "informasi_awal"
    assert start("informasi_awal").deadline_step("pemilu") is None
    with pytest.raises(IllegalTransition) as info:
        case.act("bawaslu", "registrasi", "bawaslu_kabkota")
    assert info.value.reason == "wrong_state"
    out = case.act("bawaslu", "jadikan_temuan", "panwascam", {})
    assert out.to_state == "hasil_pengawasan" and out.marks == ("act_discovered",)
    case.act("bawaslu", "tetapkan_temuan", "panwascam")
    assert case.state("bawaslu") == "teregistrasi"


def test_a_tip_can_be_archived_with_a_reason(new_case: Any) -> None:
    case = new_case("informasi_awal")
    out = case.act("bawaslu", "arsipkan_informasi", "bawaslu_kabkota")
    assert out.terminal and out.inputs["reason"]


def test_the_plenary_may_decide_not_to_follow_up_with_a_reason(new_case: Any) -> None:
    case = new_case("laporan")
    for code in ("registrasi", "mulai_kajian", "ajukan_pleno"):
        case.act("bawaslu", code, "bawaslu_kabkota")
    out = case.act("bawaslu", "putuskan_tidak_ditindaklanjuti", "bawaslu_kabkota")
    assert (out.to_state, out.terminal, out.opens) == ("dihentikan", True, ())
    assert out.inputs["reason"].startswith("Tidak memenuhi unsur")


def test_a_report_that_is_not_completed_in_time_is_not_registered(new_case: Any) -> None:
    case = new_case("laporan")
    case.act("bawaslu", "minta_kelengkapan", "bawaslu_kabkota")
    out = case.act("bawaslu", "tolak_registrasi", "bawaslu_kabkota")
    assert out.to_state == "tidak_diregistrasi" and out.terminal


def test_the_camat_aluh_aluh_pattern_one_decision_opens_asn_and_gakkumdu_tracks(new_case: Any) -> None:
    """Bawaslu Banjar referred the camat to KASN and, through Sentra Gakkumdu, to court (domain.md §7.2)."""
    case = new_case("laporan")
    for code in ("registrasi", "undang_klarifikasi", "mulai_kajian", "ajukan_pleno"):
        case.act("bawaslu", code, "bawaslu_kabkota")
    out = case.act("bawaslu", "putuskan_teruskan", "bawaslu_kabkota", tracks=("asn", "gakkumdu"))
    assert [o.kind for o in out.opens] == ["asn", "gakkumdu"]
    assert set(out.inputs) == {"decision", "tracks", "recommendation_letter"}
    assert [(r.kind, r.state) for r in case.tracks] == [
        ("bawaslu", "diteruskan"),
        ("asn", "dirujuk"),
        ("gakkumdu", "pembahasan"),
    ]

    # each track moves on its own
    case.act("gakkumdu", "teruskan_penyidikan", "bawaslu_kabkota")
    case.act("gakkumdu", "berkas_lengkap", "bawaslu_kabkota")  # P21
    assert (case.state("asn"), case.state("gakkumdu")) == ("dirujuk", "penuntutan")
    case.act("asn", "telaah_langsung", "bkn_reviewer")  # KASN examined it itself (2020)
    case.act("asn", "rekomendasi_ppk", "bkn_reviewer")
    case.act("gakkumdu", "limpahkan_pengadilan", "bawaslu_kabkota")
    assert (case.state("asn"), case.state("gakkumdu")) == ("menunggu_ppk", "persidangan")

    # the case cannot close while a track still runs
    with pytest.raises(IllegalTransition) as info:
        case.act("bawaslu", "tutup", "bawaslu_kabkota")
    assert info.value.reason == "children_open"
    assert "masih ada jalur yang berjalan" in info.value.message_id

    out = case.act("gakkumdu", "catat_putusan", "bawaslu_kabkota")
    assert out.to_state == "diputus" and out.inputs["verdict"]["result"] == "terbukti"
    case.act("asn", "catat_sanksi", "ppk_officer")
    with pytest.raises(IllegalTransition):
        case.act("bawaslu", "tutup", "bawaslu_kabkota")
    case.act("asn", "verifikasi_tindak_lanjut", "bkn_reviewer")
    assert case.act("bawaslu", "tutup", "bawaslu_ri").to_state == "selesai"


def test_opening_the_asn_track_needs_the_recommendation_letter_but_gakkumdu_alone_does_not(new_case: Any) -> None:
    case = new_case("laporan")
    for code in ("registrasi", "mulai_kajian", "ajukan_pleno"):
        case.act("bawaslu", code, "bawaslu_kabkota")
    decision = {"number": "05/PL/PB/Kab/22.05/X/2024", "date": dt.date(2024, 10, 22)}
    with pytest.raises(IllegalTransition) as info:
        case.act("bawaslu", "putuskan_teruskan", "bawaslu_kabkota", {"decision": decision, "tracks": ["asn"]})
    assert (info.value.reason, info.value.field) == ("missing_input", "recommendation_letter")
    assert "surat rekomendasi Bawaslu" in info.value.message_id
    out = case.act("bawaslu", "putuskan_teruskan", "bawaslu_kabkota", {"decision": decision, "tracks": ["gakkumdu"]})
    assert [o.kind for o in out.opens] == ["gakkumdu"]


def test_a_village_head_and_a_police_officer_get_their_own_tracks(new_case: Any) -> None:
    case = new_case("temuan")
    case.act("bawaslu", "tetapkan_temuan", "bawaslu_kabkota")
    case.act("bawaslu", "mulai_kajian", "bawaslu_kabkota")
    case.act("bawaslu", "ajukan_pleno", "bawaslu_kabkota")
    case.act("bawaslu", "putuskan_teruskan", "bawaslu_kabkota", tracks=("village", "internal_tni_polri", "dkpp"))
    out = case.act("village", "catat_sanksi", "ppk_officer")
    assert out.inputs["sanction"].code == "desa_teguran"
    case.act("internal_tni_polri", "mulai_pemeriksaan", "bawaslu_kabkota", {})
    out = case.act("internal_tni_polri", "catat_sanksi", "bawaslu_kabkota")
    assert out.inputs["sanction"].code == "polri_internal"
    case.act("dkpp", "tidak_diterima", "bawaslu_provinsi")
    assert case.act("bawaslu", "tutup", "bawaslu_kabkota").to_state == "selesai"
