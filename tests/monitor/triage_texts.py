"""Synthetic stories and staff users for the monitor's triage tests (written for the tests, not copied from news).

Bawaslu Kabupaten Banjar (63.03) and Bawaslu Kabupaten Tanah Laut (63.01) are neighbours in Kalimantan Selatan (63):
each must see only the alerts about events in its own regency.
"""

from __future__ import annotations

from collections.abc import Callable

from tests.people import staff_user

from netral.monitor.services.ingest import IngestReport
from netral.monitor.sources.base import RawItem

BANJAR, TANAH_LAUT, KALSEL = "63.03", "63.01", "63"
PASSWORD = "kata-sandi-uji-123"

VIOLATION_BANJAR = (
    "Bawaslu Kabupaten Banjar menerima laporan dugaan pelanggaran netralitas ASN. Camat Aluh Aluh, Ahmad Fauzi, "
    "diduga menghadiri kampanye pasangan calon bupati Banjar pada 12 November 2024 dan mengajak warga memilih "
    "calon nomor urut 2."
)
VIOLATION_TANAH_LAUT = (
    "Bawaslu Kabupaten Tanah Laut menerima laporan dugaan pelanggaran netralitas ASN. Camat Pelaihari, Budi "
    "Santoso, diduga menghadiri kampanye pasangan calon bupati Tanah Laut pada 14 November 2024 dan mengajak "
    "warga memilih calon nomor urut 1."
)
HARMLESS_BANJAR = (
    "Pemerintah Kabupaten Banjar meresmikan jembatan baru di Kecamatan Aluh Aluh. Warga menyambut gembira karena "
    "perjalanan ke pasar menjadi lebih singkat."
)
AGENCY_BANJAR = (
    "Dinas Pendidikan Kabupaten Banjar membagikan buku pelajaran kepada sekolah dasar di Kecamatan Martapura. "
    "Kepala dinas berharap minat baca anak meningkat."
)


make_user = staff_user


def article(text: str, slug: str, *, title: str = "", outlet: str = "Kabar Banua") -> RawItem:
    return RawItem(
        kind="article",
        raw=f"<html><body><p>{text}</p></body></html>".encode(),
        raw_type="text/html",
        text=text,
        title=title or text.split(".")[0][:120],
        url=f"https://kabar-banua.example/berita/{slug}",
        outlet=outlet,
    )


Ingest = Callable[..., IngestReport]
