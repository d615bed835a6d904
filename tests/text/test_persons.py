"""netral.persons.v1: names separated from positions, ranks, honorifics and degrees; roles and their concreteness."""

from __future__ import annotations

from collections.abc import Callable

from netral.text.model import Doc

RunUntil = Callable[[str, str], Doc]


def persons(run_until: RunUntil, text: str) -> Doc:
    return run_until(text, "netral.persons.v1")


def test_it_separates_rank_degrees_and_position_from_the_name(run_until: RunUntil) -> None:
    doc = persons(
        run_until, "Hal itu disampaikan Kepala BIN Daerah Kalsel, Brigjen Pol Nurullah, S.H., M.H. di Banjarmasin."
    )
    person = doc.persons[0]
    assert (person.name, person.rank, person.degrees) == ("Nurullah", "Brigjen Pol", ["S.H.", "M.H."])
    assert person.position == "Kepala BIN Daerah Kalsel"


def test_it_reads_a_name_after_a_place_governed_by_the_position(run_until: RunUntil) -> None:
    doc = persons(run_until, "Camat Aluh-Aluh Fulan Hadi diduga hadir dalam kampanye.")
    assert doc.persons[0].name == "Fulan Hadi"
    assert doc.persons[0].subject_type == "asn"


def test_it_reads_a_name_before_its_position(run_until: RunUntil) -> None:
    doc = persons(run_until, "MARTAPURA - Budiman, Kepala Desa Sungai Rangas, dilaporkan ke Bawaslu.")
    assert doc.persons[0].name == "Budiman"
    assert doc.persons[0].subject_type == "village"


def test_honorifics_are_stripped(run_until: RunUntil) -> None:
    doc = persons(run_until, "Bupati Tapin H. Fulan Rahman membuka acara.")
    assert doc.persons[0].name == "Fulan Rahman"
    assert doc.persons[0].honorifics == ["H."]


def test_a_quoted_source_is_a_speaker(run_until: RunUntil) -> None:
    doc = persons(run_until, '"Kami sudah memproses laporan itu," kata Rahmat.')
    assert doc.persons[0].name == "Rahmat" and doc.persons[0].speaker


def test_counts_and_determiners_make_a_role_concrete(run_until: RunUntil) -> None:
    doc = persons(
        run_until,
        "Sebanyak 11 ASN dan seorang guru serta oknum kades dilaporkan, sedangkan seluruh ASN diimbau netral.",
    )
    assert [(r.head, r.concrete) for r in doc.roles] == [
        ("asn", True),
        ("guru", True),
        ("kades", True),
        ("asn", False),
    ]


def test_a_statistic_is_not_a_concrete_group(run_until: RunUntil) -> None:
    doc = persons(run_until, "KASN merekomendasikan sanksi untuk 518 ASN.")
    assert not doc.roles[0].concrete


def test_a_candidate_office_is_no_violator_role(run_until: RunUntil) -> None:
    doc = persons(run_until, "Ia mendukung pasangan calon Bupati dan Wakil Bupati Tapin.")
    assert all(r.subject_type == "" for r in doc.roles)


def test_initials_after_berinisial_are_collected(run_until: RunUntil) -> None:
    doc = persons(run_until, "Dua ASN berinisial AB dan CD dilaporkan.")
    assert [code for _, code in doc.initials] == ["AB", "CD"]
