"""`netral rules`: tables and JSON of the catalogue, and the due-date calculator."""

from __future__ import annotations

import json

import pytest

from netral.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["rules", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_it_lists_the_skb_violation_types_with_indonesian_headers(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys)
    assert code == 0
    header = out.splitlines()[0]
    for word in ("Kode", "Kategori", "Judul", "Jenis", "Sanksi"):
        assert word in header
    assert "E1" in out
    assert "D13" in out
    assert "ditentukan_satgas" in out
    assert "KD1" not in out


def test_all_adds_the_rules_for_other_subjects(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "--all")
    assert "KD1" in out
    assert "TNI1" in out
    assert "PID3" in out


def test_it_prints_violation_types_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert len(data) == 20
    assert data[0]["code"] == "E1"
    assert data[0]["sanctions"] == ["moral_tertutup", "moral_terbuka"]


def test_it_lists_elections_sanctions_and_deadlines(capsys: pytest.CaptureFixture[str]) -> None:
    assert "pilkada_2024" in run(capsys, "--elections")[1]
    assert "Pemotongan tunjangan kinerja" in run(capsys, "--sanctions")[1]
    _, out, _ = run(capsys, "--deadlines", "--regime", "pemilu")
    assert "kajian_awal" in out
    assert "eksekusi_ppk" in out
    assert "7 hari kerja" in out


def test_deadlines_as_json_are_grouped_by_regime(capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(run(capsys, "--deadlines", "--format", "json")[1])
    assert set(data) == {"pemilu", "pilkada", "asn"}


def test_an_unknown_regime_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--deadlines", "--regime", "pilpres")
    assert code == 2
    assert "pilpres" in err


def test_it_lists_the_holidays_of_a_year(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--holidays", "2024")
    assert code == 0
    assert "2024-02-14" in out
    assert "Keppres 10/2024" in out
    assert "Cuti bersama" in out


def test_a_year_without_holiday_data_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--holidays", "2030")
    assert code == 2
    assert "2030" in err


def test_due_prints_the_moment_with_its_zone_label(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "due",
        "--regime",
        "pemilu",
        "--step",
        "kajian_awal",
        "--start",
        "2024-02-14T10:00",
        "--zone",
        "Asia/Makassar",
    )
    assert code == 0
    assert "Jatuh tempo  : Jumat, 2024-02-16 23:59:59 WITA" in out


def test_due_as_json_gives_the_local_and_utc_moments(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "--format",
        "json",
        "due",
        "--regime",
        "pilkada",
        "--step",
        "kelengkapan_laporan",
        "--start",
        "2024-11-26T08:00+07:00",
        "--zone",
        "Asia/Jayapura",
    )
    data = json.loads(out)
    assert code == 0
    assert data["due"] == "2024-11-27T10:00:00+09:00"
    assert data["due_utc"] == "2024-11-27T01:00:00+00:00"
    assert data["zone_label"] == "WIT"


def test_due_with_an_unknown_step_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "due", "--regime", "pemilu", "--step", "banding", "--start", "2024-02-14T10:00")
    assert code == 2
    assert "banding" in err


def test_due_with_a_bad_start_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "due", "--regime", "pemilu", "--step", "kajian_awal", "--start", "kemarin")
    assert code == 2
    assert "kemarin" in err


def test_due_with_an_unknown_zone_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(
        capsys,
        "due",
        "--regime",
        "pemilu",
        "--step",
        "kajian_awal",
        "--start",
        "2024-02-14T10:00",
        "--zone",
        "Asia/Banjarmasin",
    )
    assert code == 2
    assert "Zona waktu tidak dikenal" in err


def test_without_a_subcommand_it_lists_the_violation_table(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--format", "table")
    assert code == 0
    assert out.startswith("Kode")
