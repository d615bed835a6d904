"""WhatsApp chat exports: Android (both date styles) and iOS, multi-line messages, system and media lines."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from netral.monitor.sources import UploadError, detect_upload_kind, get_upload_kind

WIB = ZoneInfo("Asia/Jakarta")
WITA = ZoneInfo("Asia/Makassar")

ANDROID_SHORT = """12/03/24 14.05 - Pesan dan panggilan dienkripsi secara end-to-end.
12/03/24 14.05 - Budi membuat grup "Relawan Desa Sukamaju"
12/03/24 14.06 - Budi: Besok pak camat ikut datang ke rapat tim pemenangan di rumah pak RT
12/03/24 14.07 - Sari: siap
12/03/24 14.08 - Sari: <Media tidak disertakan>
12/03/24 14.10 - Budi: Tolong semua hadir jam tujuh malam.
Bawa juga daftar nama warga yang sudah setuju memilih.
Jangan sampai ketahuan pengawas
12/03/24 14.11 - Dedi: Pesan ini telah dihapus
"""

ANDROID_LONG = """25/03/2024, 09:15 - Rina: Ibu lurah kirim undangan makan siang bersama calon bupati <Pesan ini diedit>
25/03/2024, 21:40 - Joko: <Media omitted>
"""

IOS = """[12/03/24 14.05.33] Relawan Desa: \u200ePesan dan panggilan dienkripsi secara end-to-end.
[12/03/24 14.06.10] Budi Santoso: Pak sekdes minta foto kegiatan kampanye dikirim ke grup ini
[12/03/24 14.07.02] Sari: \u200egambar tidak disertakan
[13/03/24 08.00.00] Sari: Baik pak, nanti saya kirim
setelah acara selesai sore ini
"""


def test_android_short_dates_make_one_item_per_message_with_multiline_text() -> None:
    collected = get_upload_kind("whatsapp").parse(ANDROID_SHORT.encode(), "WhatsApp Chat with Relawan Desa.txt", {})
    first, second = collected.items
    assert (first.author, first.outlet) == ("Budi", "WhatsApp: Relawan Desa")
    assert first.text == "Besok pak camat ikut datang ke rapat tim pemenangan di rumah pak RT"
    assert first.published == datetime(2024, 3, 12, 14, 6, tzinfo=WIB)
    assert second.text.splitlines() == [
        "Tolong semua hadir jam tujuh malam.",
        "Bawa juga daftar nama warga yang sudah setuju memilih.",
        "Jangan sampai ketahuan pengawas",
    ]
    assert second.raw.decode().startswith("12/03/24 14.10 - Budi: Tolong") and second.raw_type == "text/plain"
    assert (first.url, first.kind) == ("", "whatsapp")
    assert collected.problems == [
        "1 pesan pendek (kurang dari 4 kata) dilewati",
        "1 pesan media (gambar, video, dokumen) dilewati",
        "1 pesan yang dihapus dilewati",
    ]


def test_android_long_dates_in_a_configured_zone_and_chat_name() -> None:
    config = {"timezone": "Asia/Makassar", "chat_name": "Grup Kelurahan"}
    collected = get_upload_kind("whatsapp").parse(ANDROID_LONG.encode("utf-8-sig"), "chat.txt", config)
    (item,) = collected.items
    assert item.text == "Ibu lurah kirim undangan makan siang bersama calon bupati"
    assert item.published == datetime(2024, 3, 25, 9, 15, tzinfo=WITA)
    assert item.outlet == "WhatsApp: Grup Kelurahan"


def test_ios_exports_skip_marked_notices_and_media() -> None:
    collected = get_upload_kind("whatsapp").parse(IOS.encode(), "_chat.txt", {"min_words": 3})
    assert [(item.author, item.published) for item in collected.items] == [
        ("Budi Santoso", datetime(2024, 3, 12, 14, 6, 10, tzinfo=WIB)),
        ("Sari", datetime(2024, 3, 13, 8, 0, 0, tzinfo=WIB)),
    ]
    assert collected.items[1].text == "Baik pak, nanti saya kirim\nsetelah acara selesai sore ini"
    assert collected.items[0].outlet == "WhatsApp: _chat"


def test_english_twelve_hour_month_first_exports_are_recognised() -> None:
    chat = "3/25/24, 9:15 PM - Rina: The village head handed out campaign shirts today\n"
    (item,) = get_upload_kind("whatsapp").parse(chat.encode(), "chat.txt", {}).items
    assert item.published == datetime(2024, 3, 25, 21, 15, tzinfo=WIB)


def test_a_text_that_is_not_a_chat_is_refused() -> None:
    with pytest.raises(UploadError, match="bukan ekspor obrolan WhatsApp"):
        get_upload_kind("whatsapp").parse(b"Catatan rapat biasa tanpa tanggal.", "catatan.txt", {})


def test_an_unknown_zone_is_refused() -> None:
    with pytest.raises(ValueError, match="Zona waktu tidak dikenal"):
        get_upload_kind("whatsapp").parse(ANDROID_LONG.encode(), "chat.txt", {"timezone": "Mars/Olympus"})


def test_chats_are_detected_among_uploads() -> None:
    assert detect_upload_kind(ANDROID_SHORT.encode(), "chat.txt") == "whatsapp"
    assert detect_upload_kind(IOS.encode(), "_chat.txt") == "whatsapp"
    assert detect_upload_kind(b"Camat hadir di kampanye.\nIni catatan pengawas.", "catatan.txt") == "file"
