"""Illegal transitions are refused with a clear Indonesian message (and an English one)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from netral.cases.workflow import IllegalTransition, Workflow, apply, available

TODAY = dt.date(2024, 12, 31)
DECREE = {"decree_number": "800/1234/BKPSDM/2024", "decree_date": dt.date(2024, 11, 20)}
SEVERE = "Penurunan jabatan setingkat lebih rendah selama 12 bulan"


def sanction(level: str, kind: str = SEVERE) -> dict[str, Any]:
    return {"sanction": {"level": level, "type": kind, **DECREE}}


def refused(*args: Any, **kwargs: Any) -> IllegalTransition:
    kwargs.setdefault("today", TODAY)
    with pytest.raises(IllegalTransition) as info:
        apply(*args, **kwargs)
    assert str(info.value) == info.value.message_id
    assert info.value.message_en
    return info.value


def test_it_refuses_a_transition_from_the_wrong_state() -> None:
    err = refused("asn", "telaah_bkn", "catat_sanksi", "ppk_officer", sanction("berat"))
    assert err.reason == "wrong_state"
    assert err.message_id.startswith("'Catat keputusan sanksi PPK' tidak dapat dilakukan pada status 'Telaah BKN'")
    assert "(hanya dari 'Rekomendasi dikirim; menunggu sanksi PPK'" in err.message_id
    assert "Tindakan yang mungkin: " in err.message_id and "'Kirim rekomendasi sanksi kepada PPK'" in err.message_id
    assert "not allowed from state 'telaah_bkn'" in err.message_en


def test_it_refuses_a_role_that_may_not_take_the_transition() -> None:
    err = refused(
        "asn",
        "menunggu_ppk",
        "catat_sanksi",
        "bkn_reviewer",
        sanction("berat"),
    )
    assert err.reason == "role_not_allowed"
    assert err.message_id == (
        "Peran 'Penelaah BKN (dahulu KASN)' tidak berwenang melakukan 'Catat keputusan sanksi PPK'. "
        "Yang berwenang: Petugas PPK (BKD/BKPSDM, Inspektorat)."
    )


@pytest.mark.parametrize("role", ["analyst", "administrator", "stranger"])
def test_the_analyst_the_administrator_and_strangers_cannot_register_a_report(role: str) -> None:
    err = refused("bawaslu", "diterima", "registrasi", role, {"registration": "001/Reg/LP/PL/Kab/22.05/X/2024"})
    assert err.reason == "role_not_allowed"
    assert available("bawaslu", "diterima", role) == []


def test_panwascam_cannot_take_the_plenary_decision() -> None:
    err = refused("bawaslu", "pleno", "putuskan_tidak_ditindaklanjuti", "panwascam", {})
    assert err.reason == "role_not_allowed"


def test_it_refuses_a_missing_input() -> None:
    err = refused("bawaslu", "diterima", "minta_kelengkapan", "panwascam", {})
    assert (err.reason, err.field) == ("missing_input", "missing_items")
    assert err.message_id == "'Minta pelapor melengkapi laporan' memerlukan: kekurangan syarat laporan."


def test_it_refuses_an_unknown_requirement_in_missing_items() -> None:
    err = refused("bawaslu", "diterima", "minta_kelengkapan", "panwascam", {"missing_items": ["foto_selfie"]})
    assert err.reason == "invalid_input"
    assert "Syarat laporan tidak dikenal: foto_selfie" in err.message_id


def test_it_refuses_an_input_the_transition_does_not_take() -> None:
    err = refused("bawaslu", "diterima", "minta_kelengkapan", "panwascam", {"missing_items": ["bukti"], "reason": "x"})
    assert (err.reason, err.field) == ("unknown_input", "reason")


def test_it_refuses_a_blank_reason() -> None:
    err = refused("bawaslu", "informasi_awal", "arsipkan_informasi", "panwascam", {"reason": "   "})
    assert err.reason == "missing_input" or err.message_id == "Alasan wajib diisi."


def test_it_refuses_a_receipt_number_where_a_register_number_is_needed() -> None:
    err = refused(
        "bawaslu", "diterima", "registrasi", "bawaslu_kabkota", {"registration": "002/LP/PL/Kab/27.09/III/2024"}
    )
    assert err.reason == "invalid_input"
    assert "bukan nomor registrasi" in err.message_id


def test_it_refuses_a_sanction_level_the_catalogue_does_not_have_for_asn() -> None:
    err = refused("asn", "menunggu_ppk", "catat_sanksi", "ppk_officer", sanction("keras"))
    assert err.reason == "invalid_input"
    assert "Tingkat sanksi 'keras' tidak berlaku di sini" in err.message_id


@pytest.mark.parametrize("level", ["administratif", "pidana", "desa", "internal"])
def test_the_siasn_block_and_other_regimes_are_not_a_ppk_sanction(level: str) -> None:
    err = refused("asn", "menunggu_ppk", "catat_sanksi", "ppk_officer", sanction(level))
    assert err.field == "sanction"


def test_it_refuses_a_penalty_that_does_not_belong_to_the_level() -> None:
    err = refused(
        "asn",
        "menunggu_ppk",
        "catat_sanksi",
        "ppk_officer",
        sanction("sedang"),
    )
    assert "Jenis sanksi" in err.message_id and "Pemotongan tunjangan kinerja 25% selama 6 bulan" in err.message_id


def test_it_refuses_a_superseded_pp_53_sanction() -> None:
    given = {"level": "berat", "type": "Pembebasan dari jabatan", "code": "pp53_berat", **DECREE}
    err = refused("asn", "menunggu_ppk", "catat_sanksi", "ppk_officer", {"sanction": given})
    assert "Kode sanksi 'pp53_berat'" in err.message_id


def test_it_refuses_a_decree_dated_in_the_future() -> None:
    given = {"level": "berat", "type": SEVERE, "decree_number": "800/1/2025", "decree_date": dt.date(2025, 1, 2)}
    err = refused("asn", "menunggu_ppk", "catat_sanksi", "ppk_officer", {"sanction": given})
    assert err.message_id == "Tanggal keputusan sanksi (02-01-2025) tidak boleh di masa depan."


def test_it_refuses_a_datetime_where_a_date_is_needed() -> None:
    sanction = {
        "level": "berat",
        "type": SEVERE,
        "decree_number": "800/1/2024",
        "decree_date": dt.datetime(2024, 11, 1),
    }
    err = refused("asn", "menunggu_ppk", "catat_sanksi", "ppk_officer", {"sanction": sanction})
    assert "harus berupa tanggal" in err.message_id


def test_iso_dates_are_accepted() -> None:
    sanction = {
        "level": "moral",
        "type": "Pernyataan secara terbuka",
        "decree_number": "800/9",
        "decree_date": "2024-11-01",
    }
    out = apply("asn", "menunggu_ppk", "catat_sanksi", "ppk_officer", {"sanction": sanction}, today=TODAY)
    assert out.inputs["sanction"].decree_date == dt.date(2024, 11, 1)
    assert out.inputs["sanction"].code == "moral_terbuka"


def test_the_siasn_block_is_refused_before_the_ppk_deadline_has_passed(wf: Workflow) -> None:
    block = {"block": {"reference": "SIASN-1", "date": dt.date(2024, 11, 25)}}
    err = refused("asn", "menunggu_ppk", "blokir_data", "bkn_reviewer", block)
    assert err.reason == "not_overdue"
    assert "hanya dapat dilakukan setelah batas waktu" in err.message_id
    assert [t.code for t in wf.available("asn", "menunggu_ppk", "bkn_reviewer")] == []
    assert [t.code for t in wf.available("asn", "menunggu_ppk", "bkn_reviewer", overdue=True)] == [
        "blokir_data",
        "eskalasi",
    ]
    out = apply("asn", "menunggu_ppk", "blokir_data", "bkn_reviewer", block, overdue=True, today=TODAY)
    assert out.to_state == "ppk_lalai"
    escalation = {"escalation": {"number": "B-77", "date": dt.date(2024, 11, 26), "to": "kemendagri"}}
    assert (
        apply("asn", "ppk_lalai", "eskalasi", "bkn_reviewer", escalation, overdue=True, today=TODAY).to_state
        == "ppk_lalai"
    )
    sanction = {"level": "sedang", "type": "Pemotongan tunjangan kinerja 25% selama 6 bulan", **DECREE}
    out = apply("asn", "ppk_lalai", "catat_sanksi", "ppk_officer", {"sanction": sanction}, today=TODAY)
    assert out.to_state == "sanksi_dijatuhkan"


def test_it_refuses_an_unknown_escalation_target() -> None:
    escalation = {"escalation": {"number": "B-77", "date": dt.date(2024, 11, 26), "to": "dpr"}}
    err = refused("asn", "menunggu_ppk", "eskalasi", "bkn_reviewer", escalation, overdue=True)
    assert "Tujuan eskalasi 'dpr' tidak dikenal" in err.message_id


def test_nothing_leaves_a_terminal_state() -> None:
    err = refused("asn", "selesai", "catat_sanksi", "ppk_officer", {})
    assert err.reason == "terminal_state"
    assert "sudah berakhir" in err.message_id


@pytest.mark.parametrize(
    ("track", "state", "code", "reason"),
    [
        ("pengadilan", "x", "y", "unknown_track"),
        ("asn", "dibekukan", "catat_sanksi", "unknown_state"),
        ("asn", "menunggu_ppk", "hapus", "unknown_transition"),
    ],
)
def test_unknown_tracks_states_and_transitions_are_refused(track: str, state: str, code: str, reason: str) -> None:
    assert refused(track, state, code, "bkn_reviewer", {}).reason == reason


def test_the_chosen_tracks_must_be_ones_the_decision_can_open() -> None:
    inputs = {"decision": {"number": "05", "date": dt.date(2024, 10, 22)}, "tracks": ["mahkamah_konstitusi"]}
    err = refused("bawaslu", "pleno", "putuskan_teruskan", "bawaslu_kabkota", inputs)
    assert "Jalur tujuan tidak dikenal: mahkamah_konstitusi" in err.message_id
    err = refused("bawaslu", "pleno", "putuskan_teruskan", "bawaslu_kabkota", {**inputs, "tracks": []})
    assert err.field == "tracks"
