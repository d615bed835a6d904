"""Official letters: both kinds render a real A4 PDF that carries the letter's facts, escape what users typed,
and refuse a context that lacks what the kind needs."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import time

import pytest
from pypdf import PdfReader

from netral.cases.letters import (
    Invitation,
    LetterContext,
    Recommendation,
    ReportedPerson,
    format_date_id,
    format_day_date_id,
    render_html,
    render_letter,
)

from .conftest import ARTIFACTS

A4_POINTS = (595, 842)


def pdf_text(pdf: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(pdf))
    # Extraction may break a justified line anywhere; compare on single spaces.
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    return len(reader.pages), text


def test_dates_are_written_in_indonesian_whatever_the_active_language() -> None:
    from django.utils import translation

    with translation.override("en"):
        assert format_date_id(dt.date(2024, 10, 12)) == "12 Oktober 2024"
        assert format_date_id(dt.date(2025, 1, 1)) == "1 Januari 2025"
        assert format_day_date_id(dt.date(2024, 11, 27)) == "Rabu, 27 November 2024"
        assert format_day_date_id(dt.date(2024, 8, 17)) == "Sabtu, 17 Agustus 2024"


def test_a_recommendation_renders_as_an_a4_pdf_with_the_letters_facts(recommendation_letter: LetterContext) -> None:
    started = time.perf_counter()
    pdf = render_letter("rekomendasi", recommendation_letter)
    elapsed = time.perf_counter() - started
    assert pdf.startswith(b"%PDF-")
    pages, text = pdf_text(pdf)
    assert pages >= 1
    width, height = (round(float(v)) for v in PdfReader(io.BytesIO(pdf)).pages[0].mediabox[2:])
    assert (width, height) == A4_POINTS
    for expected in (
        "BADAN PENGAWAS PEMILIHAN UMUM",
        "KABUPATEN BANJAR",
        "0123/PP.01.02/K.KS-05/10/2024",
        "Rekomendasi Dugaan Pelanggaran Netralitas ASN",
        "Martapura, 12 Oktober 2024",
        "Yth. Kepala Badan Kepegawaian Negara",
        "001/Reg/TM/PB/Kab/63.03/X/2024",
        "Budi Santoso",
        "198001012005011001",
        "Pasal 24 ayat (1) huruf d",
        "Ketua Bawaslu Kabupaten Banjar,",
        "Nur Hidayati",
        "Tembusan:",
        "Ketua Bawaslu Republik Indonesia",
    ):
        assert expected in text, expected
    assert elapsed < 10  # generous: a letter takes well under a second here; this only catches a hang
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "letter-rekomendasi.pdf").write_bytes(pdf)


def test_an_invitation_shows_day_date_and_time_in_the_regions_zone(invitation_letter: LetterContext) -> None:
    pdf = render_letter("undangan_klarifikasi", invitation_letter)
    assert pdf.startswith(b"%PDF-")
    pages, text = pdf_text(pdf)
    assert pages == 1
    for expected in (
        "0131/PP.01.02/K.KS-05/10/2024",
        "Undangan Klarifikasi",
        "Yth. Sdr. Rudi Hartono",
        "Selasa, 15 Oktober 2024",
        "09.00 WITA",
        "saksi",
        "Rahmawati (0812-5000-1234)",
        "Nur Hidayati",
    ):
        assert expected in text, expected
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "letter-undangan_klarifikasi.pdf").write_bytes(pdf)


def test_an_invitation_time_given_in_utc_is_shown_in_the_regions_zone(invitation_letter: LetterContext) -> None:
    assert invitation_letter.invitation is not None
    in_utc = dataclasses.replace(
        invitation_letter.invitation, starts_at=dt.datetime(2024, 10, 15, 1, 0, tzinfo=dt.UTC), zone="Asia/Jayapura"
    )
    html = render_html("undangan_klarifikasi", dataclasses.replace(invitation_letter, invitation=in_utc))
    assert "10.00 WIT " in html
    assert "Selasa, 15 Oktober 2024" in html


def test_what_users_typed_is_escaped_and_printed_as_text(recommendation_letter: LetterContext) -> None:
    assert recommendation_letter.recommendation is not None
    hostile = dataclasses.replace(
        recommendation_letter.recommendation,
        reported=ReportedPerson(name="<script>alert(1)</script>", position="Camat <b>X</b>", agency="Pemkab & Co"),
        summary='Menulis "<img src=x onerror=alert(1)>" di grup WhatsApp.',
    )
    context = dataclasses.replace(recommendation_letter, recommendation=hostile)
    html = render_html("rekomendasi", context)
    assert "<script>" not in html and "<img" not in html and "<b>X</b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Pemkab &amp; Co" in html
    _, text = pdf_text(render_letter("rekomendasi", context))
    assert "<script>alert(1)</script>" in text
    assert "Camat <b>X</b>" in text


def test_an_unknown_kind_is_refused_with_the_known_kinds(recommendation_letter: LetterContext) -> None:
    with pytest.raises(ValueError, match=r"unknown letter kind 'surat_cinta'.*rekomendasi, undangan_klarifikasi"):
        render_letter("surat_cinta", recommendation_letter)


def test_a_recommendation_without_its_body_is_refused(invitation_letter: LetterContext) -> None:
    with pytest.raises(ValueError, match=r"needs context\.recommendation"):
        render_letter("rekomendasi", invitation_letter)


def test_an_invitation_without_its_body_is_refused(recommendation_letter: LetterContext) -> None:
    with pytest.raises(ValueError, match=r"needs context\.invitation"):
        render_letter("undangan_klarifikasi", recommendation_letter)


@pytest.mark.parametrize("blank", ["letter_number", "perihal", "signer_name", "office"])
def test_a_letter_missing_a_shared_field_is_refused(recommendation_letter: LetterContext, blank: str) -> None:
    with pytest.raises(ValueError, match=f"missing {blank}"):
        render_letter("rekomendasi", dataclasses.replace(recommendation_letter, **{blank: "  "}))


def test_a_letter_without_an_addressee_is_refused(recommendation_letter: LetterContext) -> None:
    with pytest.raises(ValueError, match="missing addressee"):
        render_letter("rekomendasi", dataclasses.replace(recommendation_letter, addressee=("",)))


def test_a_recommendation_without_legal_basis_or_reported_name_is_refused(
    recommendation_letter: LetterContext,
) -> None:
    rec = recommendation_letter.recommendation
    assert isinstance(rec, Recommendation)
    with pytest.raises(ValueError, match="missing legal_basis"):
        render_letter(
            "rekomendasi",
            dataclasses.replace(recommendation_letter, recommendation=dataclasses.replace(rec, legal_basis=())),
        )
    nameless = dataclasses.replace(rec, reported=dataclasses.replace(rec.reported, name=""))
    with pytest.raises(ValueError, match="reported person is missing name"):
        render_letter("rekomendasi", dataclasses.replace(recommendation_letter, recommendation=nameless))


def test_an_invitation_with_a_naive_time_unknown_zone_or_role_is_refused(invitation_letter: LetterContext) -> None:
    inv = invitation_letter.invitation
    assert isinstance(inv, Invitation)
    for bad, message in (
        (dataclasses.replace(inv, starts_at=dt.datetime(2024, 10, 15, 9)), "timezone-aware"),
        (dataclasses.replace(inv, zone="Asia/Banjar"), "unknown time zone"),
        (dataclasses.replace(inv, role="penonton"), "role must be one of saksi, terlapor, pelapor"),  # type: ignore[arg-type]
        (dataclasses.replace(inv, place=""), "missing place"),
    ):
        with pytest.raises(ValueError, match=message):
            render_letter("undangan_klarifikasi", dataclasses.replace(invitation_letter, invitation=bad))


def test_the_caller_may_write_yth_and_own_paragraphs(invitation_letter: LetterContext) -> None:
    context = dataclasses.replace(
        invitation_letter,
        addressee=("Yth. Sdr. Rudi Hartono",),
        body=("Sehubungan dengan laporan yang Saudara ketahui, kami mengundang Saudara untuk hadir pada:",),
    )
    html = render_html("undangan_klarifikasi", context)
    assert html.count("Yth.") == 1
    assert "Sehubungan dengan laporan yang Saudara ketahui" in html
    assert "Dalam rangka penanganan" not in html


def test_a_long_letter_runs_onto_numbered_pages(recommendation_letter: LetterContext) -> None:
    rec = recommendation_letter.recommendation
    assert isinstance(rec, Recommendation)
    longer = dataclasses.replace(rec, summary="\n".join([rec.summary] * 8))
    pages, text = pdf_text(
        render_letter("rekomendasi", dataclasses.replace(recommendation_letter, recommendation=longer))
    )
    assert pages >= 2
    assert "- 2 -" in text
    assert "- 1 -" not in text  # the first page carries the letterhead, not a number
