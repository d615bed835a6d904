"""Plain files (text, HTML, corpus-style JSON), upload detection and the registry."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest

from netral.monitor.sources import (
    KINDS,
    UnknownKind,
    UploadError,
    UploadKind,
    UrlKind,
    detect_upload_kind,
    get_kind,
    get_upload_kind,
    get_url_kind,
)

STORY = (
    "Seorang camat dalam cerita rekaan ini menghadiri deklarasi dukungan calon bupati di gedung serbaguna "
    "kecamatan. Pengawas pemilu setempat mencatat kehadirannya dan memanggil dua saksi untuk dimintai keterangan."
)


def test_a_text_file_becomes_one_item_with_its_first_line_as_title() -> None:
    data = f"Camat hadiri deklarasi\r\n\r\n{STORY}\r\n".encode()
    collected = get_upload_kind("file").parse(data, "laporan.txt", {})
    (item,) = collected.items
    assert item.title == "Camat hadiri deklarasi" and STORY in item.text
    assert (item.raw, item.raw_type, item.kind) == (data, "text/plain", "file")


def test_an_html_file_goes_through_the_extractor() -> None:
    html = (
        "<html><head><title>Camat di deklarasi</title><link rel='canonical' href='https://kabar.example/camat/'>"
        f"</head><body><nav>Menu</nav><article><h1>Camat di deklarasi</h1><p>{STORY}</p><p>{STORY}</p></article>"
        "</body></html>"
    )
    (item,) = get_upload_kind("file").parse(html.encode(), "simpanan.html", {}).items
    assert item.title == "Camat di deklarasi" and item.url == "https://kabar.example/camat"
    assert "Pengawas pemilu setempat" in item.text and "Menu" not in item.text


def test_a_corpus_style_json_file_keeps_its_url_title_and_date() -> None:
    data = json.dumps(
        {
            "text": STORY,
            "url": "https://kabar.example/a?utm_source=x",
            "published": "2024-01-13T10:00:00+08:00",
            "title": "Camat",
        }
    ).encode()
    (item,) = get_upload_kind("file").parse(data, "s001.json", {}).items
    assert (item.url, item.title) == ("https://kabar.example/a", "Camat")
    assert item.published == datetime(2024, 1, 13, 10, 0, tzinfo=timezone(timedelta(hours=8)))


def test_empty_files_and_json_without_text_are_refused() -> None:
    kind = get_upload_kind("file")
    with pytest.raises(UploadError, match="kosong"):
        kind.parse(b"  \n ", "kosong.txt", {})
    with pytest.raises(UploadError, match='kunci "text"'):
        kind.parse(b'{"judul": "x"}', "x.json", {})
    with pytest.raises(UploadError, match="tidak ada teks utama"):
        kind.parse(b"<html><body></body></html>", "x.html", {})


def test_uploads_are_sorted_into_kinds() -> None:
    assert detect_upload_kind(b"text,author\nhalo,@a\n", "posts.csv") == "social"
    assert detect_upload_kind(b'[{"text": "halo"}]', "posts.json") == "social"
    assert detect_upload_kind(b'{"text": "a"}\n{"text": "b"}\n', "posts.json") == "social"
    assert detect_upload_kind(b'{"text": "satu berita"}', "s001.json") == "file"
    assert detect_upload_kind(b"<html><body>x</body></html>", "a.htm") == "file"


def test_the_registry_lists_every_kind_with_an_indonesian_label() -> None:
    assert list(KINDS) == ["feed", "sitemap", "article", "social", "whatsapp", "file"]
    for name, kind in KINDS.items():
        assert kind.name == name and kind.label
        assert kind.needs_url == isinstance(kind, UrlKind) and kind.needs_url != isinstance(kind, UploadKind)
    assert get_kind("feed") is KINDS["feed"]


def test_unknown_or_misused_kinds_raise_a_clear_error() -> None:
    with pytest.raises(UnknownKind, match="Jenis sumber tidak dikenal: 'telegram'"):
        get_kind("telegram")
    with pytest.raises(UnknownKind, match="berkas unggahan"):
        get_url_kind("whatsapp")
    with pytest.raises(UnknownKind, match="diambil dari URL"):
        get_upload_kind("feed")
