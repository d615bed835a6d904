"""Social-media exports: CSV, JSON array and JSON Lines, with guessed or chosen column mappings."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone

import pytest

from netral.monitor.sources import UploadError, columns_of, get_upload_kind, guess_columns

WIB = timezone(timedelta(hours=7))
POST_1 = "Pak camat ikut joget di panggung kampanye paslon nomor dua tadi malam, videonya sudah beredar"
POST_2 = "Kades Sukamaju membagikan kaos bergambar calon bupati kepada ibu-ibu pengajian"


def test_a_csv_export_with_a_custom_column_mapping_reports_bad_rows() -> None:
    data = (
        "isi_postingan;tautan;waktu_unggah;akun\n"
        f"{POST_1};https://sosmed.example/p/1?utm_source=share;13/01/2024 20:15;@warga_jaga\n"
        ";https://sosmed.example/p/2;13/01/2024 21:00;@kosong\n"
        f"{POST_2};;kemarin sore;@pemantau\n"
    ).encode()
    config = {
        "columns": {"text": "isi_postingan", "url": "tautan", "published": "waktu_unggah", "author": "akun"},
        "platform": "X",
    }
    collected = get_upload_kind("social").parse(data, "ekspor.csv", config)
    first, second = collected.items
    assert (first.text, first.url, first.author, first.outlet) == (
        POST_1,
        "https://sosmed.example/p/1",
        "@warga_jaga",
        "X @warga_jaga",
    )
    assert first.published == datetime(2024, 1, 13, 20, 15, tzinfo=WIB)
    assert first.raw_type == "application/json" and json.loads(first.raw)["akun"] == "@warga_jaga"
    assert second.published is None and second.url == ""
    assert collected.problems == [
        "baris 3: kolom teks kosong",
        "baris 4: tanggal 'kemarin sore' tidak dikenali; disimpan tanpa tanggal",
    ]


def test_a_json_array_export_is_read_with_a_guessed_mapping_over_nested_fields() -> None:
    posts = [
        {
            "full_text": POST_1,
            "created_at": "Sat Jan 13 13:15:00 +0000 2024",
            "user": {"screen_name": "warga_jaga", "description": "Warga biasa"},
            "permalink": "https://sosmed.example/warga_jaga/status/1",
        },
        {"full_text": "   ", "user": {"screen_name": "kosong"}},
        "bukan objek",
    ]
    data = json.dumps(posts).encode()
    assert guess_columns(columns_of(data, "tweets.json")) == {
        "text": "full_text",
        "url": "permalink",
        "published": "created_at",
        "author": "user.screen_name",
    }
    collected = get_upload_kind("social").parse(data, "tweets.json", {})
    (item,) = collected.items
    assert item.author == "warga_jaga" and item.published == datetime(2024, 1, 13, 13, 15, tzinfo=UTC)
    assert collected.problems == ["objek 2: kolom teks kosong", "objek 3: bukan objek JSON yang sah"]


def test_json_lines_with_epoch_timestamps_and_a_broken_line() -> None:
    lines = [
        json.dumps({"caption": POST_2, "timestamp": 1705151700, "username": "pemantau_desa"}),
        "{rusak",
        json.dumps({"caption": POST_1, "timestamp": "1705151700000", "username": "warga"}),
    ]
    collected = get_upload_kind("social").parse("\n".join(lines).encode(), "tiktok.jsonl", {"platform": "TikTok"})
    assert [item.outlet for item in collected.items] == ["TikTok pemantau_desa", "TikTok warga"]
    assert {item.published for item in collected.items} == {datetime(2024, 1, 13, 13, 15, tzinfo=UTC)}
    assert collected.problems == ["baris 2: bukan objek JSON yang sah"]


def test_a_csv_without_a_text_column_is_refused_with_a_clear_message() -> None:
    with pytest.raises(UploadError, match="Kolom teks tidak ditemukan"):
        get_upload_kind("social").parse(b"id,suka\n1,20\n", "angka.csv", {})


def test_columns_of_lists_csv_headers_in_order() -> None:
    data = b"message,link,date,user\nhalo semua,,,\n"
    assert columns_of(data, "grup.csv") == ["message", "link", "date", "user"]
    assert guess_columns(["message", "link", "date", "user"]) == {
        "text": "message",
        "url": "link",
        "published": "date",
        "author": "user",
    }


def test_a_windows_1252_csv_with_a_bom_less_header_is_decoded() -> None:
    data = "text,author\nCamat bilang “netral” tapi hadir di acara partai,@warga\n".encode("cp1252")
    (item,) = get_upload_kind("social").parse(data, "lama.csv", {}).items
    assert item.text == "Camat bilang “netral” tapi hadir di acara partai"


def test_a_chosen_delimiter_overrides_the_guess() -> None:
    data = f"text|author\n{POST_2}, katanya|@warga\n".encode()
    (item,) = get_upload_kind("social").parse(data, "pipa.csv", {"delimiter": "|"}).items
    assert (item.text, item.author) == (f"{POST_2}, katanya", "@warga")
