"""netral.clean.v1 alone: page noise out, teasers kept as metadata, doubled bodies once."""

from __future__ import annotations

from netral.text.clean import Cleaner
from netral.text.model import Doc


def clean(raw: str) -> Doc:
    return Cleaner()(Doc(raw=raw))


def test_it_keeps_baca_juga_headlines_as_teasers_not_body() -> None:
    doc = clean("Paragraf pertama tentang rapat koordinasi.\nBACA JUGA: Camat Contoh Divonis Bersalah\nParagraf kedua.")
    assert "Divonis" not in doc.text
    assert doc.teasers == ["Camat Contoh Divonis Bersalah"]


def test_it_drops_lowercase_baca_juga_and_lihat_juga_lines() -> None:
    doc = clean("Isi berita.\nBaca juga: Judul lain\nLihat juga: Judul ketiga\nPenutup berita.")
    assert doc.text == "Isi berita.\nPenutup berita."
    assert doc.teasers == ["Judul lain", "Judul ketiga"]


def test_it_cuts_the_comment_footer_and_what_follows() -> None:
    body = "\n".join(f"Kalimat isi nomor {i} yang cukup panjang untuk sebuah paragraf." for i in range(6))
    doc = clean(body + "\nTinggalkan Komentar\nAlamat email anda tidak akan disiarkan.\nBerita lain 1 Januari 2030")
    assert "Komentar" not in doc.text and "2030" not in doc.text
    assert "Tinggalkan Komentar" in doc.removed_lines


def test_it_drops_lone_numbers_and_bylines() -> None:
    doc = clean("Judul Berita Hari Ini\n0\nIsi berita yang sebenarnya.\nEditor: Fulan\n( abc/def )")
    assert doc.text == "Judul Berita Hari Ini\nIsi berita yang sebenarnya."


def test_it_keeps_a_body_printed_twice_only_once() -> None:
    paragraph = "Kegiatan ini dilakukan sebagai tindak lanjut surat edaran gubernur tentang netralitas."
    doc = clean(f"{paragraph}\nBaca juga: Judul lain\n{paragraph}")
    assert doc.text.count("tindak lanjut") == 1


def test_it_finds_the_dateline() -> None:
    doc = clean("MARTAPURA, CONTOH.COM - Bawaslu menggelar rapat.")
    assert doc.dateline is not None
    assert doc.text[doc.dateline.start : doc.dateline.end] == "MARTAPURA, CONTOH.COM"
