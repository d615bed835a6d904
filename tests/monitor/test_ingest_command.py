"""`netral ingest` once from the command line: folders of exports and a feed URL served by a real local server;
and the worker's fetch of a feed source, conditional GET included."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from tests.monitor.local_site import LocalSite

from netral.cli import main
from netral.monitor.models import Alert, FetchRun, Item, Source
from netral.monitor.services.sources import fetch_source

ARTICLE = (
    "<html><head><title>Camat hadiri kampanye</title></head><body><article><h1>Camat hadiri kampanye</h1>"
    "<p>Bawaslu Kabupaten Banjar menemukan seorang camat di Kecamatan Aluh Aluh yang berstatus ASN menghadiri "
    "kampanye pasangan calon bupati dan mengajak warga memilih calon nomor urut 2 pada Pilkada 2024.</p>"
    "<p>Ketua Bawaslu Banjar mengatakan camat tersebut diduga melanggar netralitas ASN dan temuan itu akan "
    "diteruskan kepada Badan Kepegawaian Negara setelah kajian selesai.</p></article></body></html>"
)


def _feed(site: LocalSite) -> str:
    link = site.url("/berita/camat-kampanye")
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Kabar Contoh</title>'
        f"<link>{site.url('/')}</link><description>contoh</description><item><title>Camat hadiri kampanye</title>"
        f"<link>{link}</link><pubDate>Mon, 14 Oct 2024 09:00:00 +0700</pubDate></item></channel></rss>"
    )


@pytest.fixture
def private_hosts(settings: Any) -> None:
    settings.NETRAL_MONITOR_ALLOW_PRIVATE_HOSTS = True


@pytest.mark.django_db
def test_ingest_reads_a_folder_of_exports_and_a_feed_url(
    tmp_path: Path, local_site: LocalSite, private_hosts: None, capsys: pytest.CaptureFixture[str]
) -> None:
    local_site.add("/rss.xml", _feed(local_site), content_type="application/rss+xml")
    local_site.add("/berita/camat-kampanye", ARTICLE)
    posts = [
        {
            "isi": "Warga Desa Contoh bergotong royong membersihkan saluran air menjelang musim hujan tahun ini.",
            "oleh": "a",
        },
        {"isi": "", "oleh": "b"},
    ]
    (tmp_path / "posts.json").write_text(json.dumps(posts), encoding="utf-8")
    (tmp_path / "catatan.txt").write_text("Rapat koordinasi pengawas kecamatan digelar di aula kantor camat.", "utf-8")

    assert main(["ingest", str(tmp_path), local_site.url("/rss.xml")]) == 0

    out = capsys.readouterr()
    assert "3 item diterima, 3 disimpan" in out.out
    assert "posts.json" in out.err  # the empty post is reported, not stored
    assert Item.objects.filter(kind="feed").get().title == "Camat hadiri kampanye"
    assert Alert.objects.get().region_code == "63.03.01"


@pytest.mark.django_db
def test_ingest_reports_an_unreachable_input_and_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", str(tmp_path / "tidak-ada.txt")]) == 1
    assert "tidak-ada.txt" in capsys.readouterr().err


@pytest.mark.django_db
def test_a_feed_source_fetch_stores_new_items_then_asks_conditionally(
    local_site: LocalSite, private_hosts: None
) -> None:
    local_site.add("/rss.xml", _feed(local_site), content_type="application/rss+xml", etag='"v1"')
    local_site.add("/berita/camat-kampanye", ARTICLE)
    source = Source.objects.create(
        kind="feed", name="Kabar Contoh", url=local_site.url("/rss.xml"), interval_minutes=30
    )

    first = fetch_source(source)
    second = fetch_source(source)

    assert (first.status, first.stored, first.alerts) == ("ok", 1, 1)
    assert (second.status, second.stored) == ("tetap", 0)
    assert local_site.requests_to("/rss.xml")[-1].headers["If-None-Match"] == '"v1"'
    assert len(local_site.requests_to("/berita/camat-kampanye")) == 1
    source.refresh_from_db()
    assert source.failures == 0 and source.next_fetch_at is not None
    assert FetchRun.objects.filter(source=source).count() == 2


@pytest.mark.django_db
def test_a_failing_source_backs_off_and_keeps_the_error(local_site: LocalSite, private_hosts: None) -> None:
    local_site.add("/rss.xml", "", status=404)
    source = Source.objects.create(kind="feed", name="Rusak", url=local_site.url("/rss.xml"), interval_minutes=30)

    run = fetch_source(source)
    fetch_source(source)

    source.refresh_from_db()
    assert run.status == "galat" and run.error
    assert source.failures == 2
    assert source.next_fetch_at is not None and source.last_fetched_at is not None
    assert (source.next_fetch_at - source.last_fetched_at).total_seconds() == 4 * 30 * 60
