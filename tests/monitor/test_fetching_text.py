"""Decoding fetched bytes and extracting the main text: charsets, broken HTML, big pages."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from tests.monitor.local_site import LocalSite

from netral.monitor.fetching import Fetcher, extract
from netral.monitor.fetching.encoding import decode

STORY = (
    "Camat Sukamaju, yang dalam berita rekaan ini bernama Darmawan, terlihat berdiri di panggung kampanye calon "
    "bupati pada Sabtu sore. Panitia pengawas kecamatan mencatat kehadirannya dan meminta keterangan dari tiga "
    "warga yang menyaksikan acara tersebut di lapangan sepak bola desa."
)


def page(body: str, head: str = "") -> str:
    return (
        f"<!DOCTYPE html><html><head>{head}<title>Camat Hadir di Kampanye - Kabar Rekaan</title></head><body>"
        f"<nav><a href='/'>Beranda</a> <a href='/politik'>Politik</a></nav>"
        f"<article><h1>Camat Hadir di Kampanye</h1>{body}</article>"
        "<footer>Hak cipta Kabar Rekaan</footer></body></html>"
    )


def test_it_decodes_windows_1252_declared_as_iso_8859_1_in_the_header(local_site: LocalSite, fetcher: Fetcher) -> None:
    text = "Pak camat berkata “kami netral” – katanya – di café desa."
    local_site.add("/latin", page(f"<p>{text}</p>").encode("cp1252"), content_type="text/html; charset=ISO-8859-1")
    assert text in fetcher.get(local_site.url("/latin")).text()


def test_it_decodes_utf8_declared_only_in_the_meta_tag(local_site: LocalSite, fetcher: Fetcher) -> None:
    text = "Bupati menyebut acara itu “silaturahmi” — bukan kampanye."
    body = page(f"<p>{text}</p>", head='<meta charset="utf-8">').encode("utf-8")
    local_site.add("/meta", body, content_type="text/html")
    assert text in fetcher.get(local_site.url("/meta")).text()


def test_it_honours_an_http_equiv_charset_over_guessing() -> None:
    html = page(
        "<p>Kepala desa berkata “tidak tahu”.</p>",
        head='<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">',
    )
    assert "“tidak tahu”" in decode(html.encode("cp1252"))


def test_it_reads_the_xml_declaration() -> None:
    feed = '<?xml version="1.0" encoding="ISO-8859-1"?><rss><title>Café Desa</title></rss>'
    assert "Café Desa" in decode(feed.encode("latin-1"))


def test_it_never_raises_on_undecodable_bytes() -> None:
    garbage = b"\xff\xfe\x00\xd8" * 100 + b"camat"
    assert isinstance(decode(garbage, "utf-8"), str)
    assert isinstance(decode(bytes(range(256)) * 10, "no-such-charset"), str)


def test_it_extracts_the_main_text_title_date_and_canonical_url() -> None:
    head = (
        '<link rel="canonical" href="https://Kabar.example/politik/camat-hadir/?utm_source=wa">'
        '<meta property="og:site_name" content="Kabar Rekaan">'
        '<meta property="article:published_time" content="2024-01-13T16:30:00+08:00">'
    )
    extracted = extract(page(f"<p>{STORY}</p><p>{STORY}</p>", head=head))
    assert "Panitia pengawas kecamatan mencatat" in extracted.text
    assert "Beranda" not in extracted.text and "Hak cipta" not in extracted.text
    assert extracted.title == "Camat Hadir di Kampanye"
    assert extracted.canonical_url == "https://kabar.example/politik/camat-hadir"
    assert extracted.site_name == "Kabar Rekaan"
    assert extracted.published == datetime(2024, 1, 13, 16, 30, tzinfo=timezone(timedelta(hours=8)))
    assert extracted.published is not None and extracted.published.astimezone(UTC).hour == 8


def test_it_survives_broken_and_truncated_html() -> None:
    whole = page(f"<p>{STORY}</p><p>{STORY}</p>")
    truncated = whole[: whole.index("</article>") - 40] + "<div><p><b>tidak ditutup <table><tr><td>"
    assert "Panitia pengawas kecamatan mencatat" in extract(truncated).text
    assert extract("").text == ""
    assert isinstance(extract(b"\x00\x01\x02 bukan html").text, str)
    assert extract("<html><body><p>" * 5000).text == ""


def test_it_extracts_from_bytes_with_a_declared_charset() -> None:
    html = page(f"<p>{STORY} Kata camat: “saya hanya lewat”.</p>", head='<meta charset="windows-1252">')
    assert "“saya hanya lewat”" in extract(html.encode("cp1252")).text
