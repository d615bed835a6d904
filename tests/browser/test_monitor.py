"""Media monitoring in a real Chromium, end to end: feed → worker → alert in the right queue → case.

A local HTTP server serves an RSS feed with two articles: a camat of Kabupaten Banjar at a campaign (a violation)
and a bridge opening (harmless). A supervisor of Bawaslu Kabupaten Banjar adds the feed in the browser; the
`netral serve` instance's scheduler and worker fetch and ingest it; the alert appears in Banjar's queue (and not in
Tanah Laut's); the supervisor opens it as a case with the pre-filled form. Screenshots: test-artifacts/monitor-*.png.
"""

from __future__ import annotations

import json
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from tests.browser.conftest import screenshot, staff_login
from tests.monitor.local_site import LocalSite
from tests.servers import NETRAL, django, instance_env, serving

pytestmark = pytest.mark.browser

PASSWORD = "kata-sandi-pantauan-123"
VIOLATION = (
    "Bawaslu Kabupaten Banjar menerima laporan dugaan pelanggaran netralitas ASN. Camat Aluh Aluh, Ahmad Fauzi, "
    "diduga menghadiri kampanye pasangan calon bupati Banjar pada 12 November 2024 dan mengajak warga memilih "
    "calon nomor urut 2. Warga merekam kehadirannya di lapangan desa."
)
HARMLESS = (
    "Pemerintah Kabupaten Banjar meresmikan jembatan baru di Kecamatan Aluh Aluh. Warga menyambut gembira karena "
    "perjalanan ke pasar menjadi lebih singkat."
)
TITLE = "Camat Aluh Aluh diduga hadiri kampanye calon bupati"


def _page(title: str, text: str) -> str:
    return (
        f"<!doctype html><html lang='id'><head><title>{title}</title></head><body>"
        f"<article><h1>{title}</h1><p>{text}</p></article></body></html>"
    )


def _feed(site: LocalSite) -> str:
    entries = [
        (TITLE, "/berita/camat-kampanye", VIOLATION),
        ("Jembatan baru di Aluh Aluh", "/berita/jembatan", HARMLESS),
    ]
    items = "".join(
        f"<item><title>{title}</title><link>{site.url(path)}</link><description>{text}</description>"
        "<pubDate>Tue, 12 Nov 2024 03:00:00 GMT</pubDate></item>"
        for title, path, text in entries
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Kabar Banua</title>{items}</channel></rss>'


@dataclass(frozen=True)
class Instance:
    url: str
    site: LocalSite


USERS = """
from netral.accounts.models import User
from netral.geo.models import Region
for name, code in (("pantau-banjar", "63.03"), ("pantau-tala", "63.01")):
    region = Region.objects.get(code=code)
    User.objects.create_user(name, password={password!r}, role="bawaslu_kabkota", jurisdiction=region)
print("ok")
"""


@pytest.fixture(scope="module")
def monitor_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Instance]:
    site = LocalSite().start()
    site.add("/rss.xml", _feed(site), content_type="application/rss+xml")
    site.add("/berita/camat-kampanye", _page(TITLE, VIOLATION))
    site.add("/berita/jembatan", _page("Jembatan baru di Aluh Aluh", HARMLESS))
    data = Path(tmp_path_factory.mktemp("monitor-serve"))
    env = instance_env(data, NETRAL_MONITOR_ALLOW_PRIVATE_HOSTS="1", NETRAL_SCHEDULER_TICK="1")
    subprocess.run([*NETRAL, "migrate"], env=env, check=True, capture_output=True)
    django(env, "exec(" + json.dumps(USERS.format(password=PASSWORD)) + ")")
    try:
        with serving(env) as url:
            yield Instance(url, site)
    finally:
        site.stop()


def login(browser: Any, server: Instance, username: str) -> Any:
    context = browser.new_context(locale="id-ID", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    staff_login(page, server.url, username, PASSWORD)
    page.get_by_role("link", name="Pantauan").click()
    page.wait_for_url(f"{server.url}/pantauan/")
    return page


def wait_for_alert(page: Any, title: str, seconds: float = 60) -> None:
    """Reload the queue until the alert is listed: the scheduler ticks every second, the fetch takes a few."""
    deadline = time.monotonic() + seconds
    while page.get_by_role("link", name=title).count() == 0:
        assert time.monotonic() < deadline, f"no alert {title!r} after {seconds} s"
        time.sleep(1)
        page.reload()


def test_a_feed_story_becomes_an_alert_in_banjar_and_opens_as_a_case(browser: Any, monitor_server: Instance) -> None:
    server = monitor_server
    page = login(browser, server, "pantau-banjar")
    page.get_by_role("link", name="Sumber", exact=True).click()
    page.wait_for_url(f"{server.url}/pantauan/sumber/")
    page.get_by_role("button", name="Tambah sumber").click()
    page.select_option("select[name=kind]", "feed")
    page.fill("input[name=name]", "Kabar Banua")
    page.fill("input[name=url]", server.site.url("/rss.xml"))
    page.fill("input[name=interval_minutes]", "30")
    page.get_by_role("button", name="Simpan sumber").click()
    page.wait_for_url(f"{server.url}/pantauan/sumber/*/")
    assert page.get_by_text("Kabar Banua").first.is_visible()

    page.goto(f"{server.url}/pantauan/")
    wait_for_alert(page, TITLE)
    assert page.get_by_text("Jembatan baru").count() == 0  # harmless news raises no alert
    row = page.locator("tr", has=page.get_by_role("link", name=TITLE))
    assert "Aluh Aluh" in row.inner_text() and "WITA" in row.inner_text()
    screenshot(page, "monitor-queue")

    page.get_by_role("link", name=TITLE).click()
    page.wait_for_load_state("networkidle")
    assert page.get_by_text("Ahmad Fauzi").first.is_visible()
    assert page.get_by_text("mengajak warga memilih").first.is_visible()
    screenshot(page, "monitor-alert")

    page.get_by_role("button", name="Buka sebagai perkara baru").click()
    page.wait_for_load_state("networkidle")
    assert page.input_value("input[name=summary]") == TITLE
    assert page.input_value("select[name=event_region]") == "63.03.01"
    assert page.input_value("input[name=person_name]") == "Ahmad Fauzi"
    page.fill("input[name=summary]", TITLE + " (pantauan media)")
    with page.expect_navigation():
        page.get_by_role("button", name="Simpan perkara").click()
    page.wait_for_load_state("networkidle")
    assert "/perkara/" in page.url
    assert page.get_by_text(TITLE + " (pantauan media)").first.is_visible()
    assert page.locator(f"a[href='{server.site.url('/berita/camat-kampanye')}']").count() >= 1
    screenshot(page, "monitor-case")

    page.goto(f"{server.url}/pantauan/?status=dibuka")
    assert page.get_by_role("link", name=TITLE).count() == 1


def test_the_tanah_laut_queue_stays_empty(browser: Any, monitor_server: Instance) -> None:
    page = login(browser, monitor_server, "pantau-tala")
    assert page.get_by_text("Belum ada peringatan baru").is_visible()
    page.goto(f"{monitor_server.url}/pantauan/?status=semua")
    assert page.get_by_text("Semua: 0").is_visible()
    assert page.get_by_role("link", name=TITLE).count() == 0
