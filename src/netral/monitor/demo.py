"""Demonstration monitoring data for `netral demo`: a few invented news items (one re-posted by a second outlet),
ingested like any upload, so a fresh install shows a story with two outlets and an alert in Kabupaten Banjar.
Every name, outlet and address here is invented."""

from __future__ import annotations

import datetime as dt

from netral.monitor.models import Source, WatchTerm
from netral.monitor.services.ingest import ingest
from netral.monitor.sources.base import RawItem

DEMO_SOURCE = "contoh-pantauan (demo)"
_AT = dt.datetime(2024, 10, 14, 2, 30, tzinfo=dt.UTC)

_ITEMS = [
    (
        "Kabar Banua Contoh",
        "https://kabar-banua.contoh.invalid/2024/10/camat-hadiri-kampanye",
        "Camat di Banjar hadiri kampanye pasangan calon",
        "Bawaslu Kabupaten Banjar menemukan seorang camat di Kecamatan Aluh Aluh yang berstatus ASN menghadiri "
        "kampanye pasangan calon bupati dan mengajak warga memilih calon nomor urut 2 pada Pilkada 2024.\n\n"
        "Ketua Bawaslu Banjar mengatakan camat tersebut diduga melanggar netralitas ASN. Temuan itu sedang dikaji "
        "dan hasilnya akan diteruskan kepada Badan Kepegawaian Negara.",
    ),
    (
        "Warta Selatan Contoh",
        "https://warta-selatan.contoh.invalid/berita/camat-kampanye",
        "Camat diduga ikut kampanye",
        "BACA JUGA: Jadwal pemadaman listrik pekan ini\n\n"
        "Bawaslu Kabupaten Banjar menemukan seorang camat di Kecamatan Aluh Aluh yang berstatus ASN menghadiri "
        "kampanye pasangan calon bupati dan mengajak warga memilih calon nomor urut 2 pada Pilkada 2024.\n\n"
        "Ketua Bawaslu Banjar mengatakan camat tersebut diduga melanggar netralitas ASN. Temuan itu sedang dikaji "
        "dan hasilnya akan diteruskan kepada Badan Kepegawaian Negara.\n\nEditor: Redaksi",
    ),
    (
        "Kabar Banua Contoh",
        "https://kabar-banua.contoh.invalid/2024/10/sosialisasi-netralitas",
        "Sosialisasi netralitas ASN di Martapura",
        "Bawaslu Kabupaten Banjar menggelar sosialisasi netralitas aparatur sipil negara di Martapura. Para kepala "
        "dinas dan camat diingatkan agar tidak menghadiri kampanye dan tidak mengunggah dukungan di media sosial.",
    ),
]


def load_demo_monitor() -> int:
    """Ingest the demo items once (a second run stores nothing); returns the number of alerts raised."""
    if Source.objects.filter(name=DEMO_SOURCE).exists():
        return 0
    source = Source.objects.create(kind="file", name=DEMO_SOURCE, enabled=False, owner_id="63.03")
    WatchTerm.objects.get_or_create(kind=WatchTerm.Kind.KEYWORD, term="politik uang", owner_id="63.03")
    items = [
        RawItem(
            kind="file", raw=text.encode(), raw_type="text/plain", text=text, title=title, url=url, outlet=outlet,
            published=_AT + dt.timedelta(hours=i),
        )
        for i, (outlet, url, title, text) in enumerate(_ITEMS)
    ]  # fmt: skip
    return ingest(items, source=source).alerts
