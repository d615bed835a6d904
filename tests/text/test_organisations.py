"""netral.organisations.v1: bodies normalised with their region's canonical name."""

from __future__ import annotations

from collections.abc import Callable

from netral.text.model import Doc

RunUntil = Callable[[str, str], Doc]


def names(run_until: RunUntil, text: str) -> list[str]:
    return [o.name for o in run_until(text, "netral.organisations.v1").organisations]


def test_a_regional_body_takes_the_canonical_region_name(run_until: RunUntil) -> None:
    assert names(run_until, "Bawaslu Kab. Batola menggelar rapat.") == ["Bawaslu Kabupaten Barito Kuala"]


def test_a_provincial_body_is_named_with_provinsi(run_until: RunUntil) -> None:
    assert names(run_until, "Kesbangpol Kalteng menggelar ikrar.") == ["Kesbangpol Provinsi Kalimantan Tengah"]


def test_national_bodies_are_normalised(run_until: RunUntil) -> None:
    assert names(run_until, "Bawaslu RI meneruskan ke Komisi Aparatur Sipil Negara dan Badan Kepegawaian Negara.") == [
        "Bawaslu RI",
        "KASN",
        "BKN",
    ]


def test_a_spelled_out_body_with_its_acronym_is_one_body_with_its_region(run_until: RunUntil) -> None:
    assert names(run_until, "Badan Pengawas Pemilu (Bawaslu) Kota Banjarmasin") == ["Bawaslu Kota Banjarmasin"]
