"""The fetcher against a real local HTTP server: conditional GET, retries, timeouts, size limit, robots, SSRF."""

from __future__ import annotations

import gzip
import time
import tracemalloc

import pytest
from tests.monitor.local_site import LocalSite

from netral.monitor.fetching import Fetcher, FetchError, FetchRefused
from netral.monitor.fetching.http import DEFAULT_USER_AGENT, bot_user_agent, is_public_address

PAGE = "<html><body><p>Camat Sukamaju menghadiri kampanye di lapangan desa.</p></body></html>"
LAST_MODIFIED = "Tue, 12 Mar 2024 07:05:00 GMT"


def test_it_sends_a_clear_user_agent_by_default(local_site: LocalSite) -> None:
    local_site.add("/a", PAGE)
    client = Fetcher(allow_private_hosts=True, host_delay=0)
    client.get(local_site.url("/a"))
    agent = local_site.requests_to("/a")[0].headers["User-Agent"]
    assert agent == DEFAULT_USER_AGENT
    assert agent.startswith("NetralBot/0.1.0 (+https://") and "netralitas" in agent


def test_it_names_the_deployment_in_its_user_agent() -> None:
    assert (
        bot_user_agent("https://bawaslu.example/bot")
        == "NetralBot/0.1.0 (+https://bawaslu.example/bot; pemantauan netralitas ASN)"
    )


def test_it_answers_not_modified_on_a_second_fetch_with_the_etag(local_site: LocalSite, fetcher: Fetcher) -> None:
    local_site.add("/rss.xml", "<rss/>", content_type="application/rss+xml", etag='"v7"')
    first = fetcher.get(local_site.url("/rss.xml"))
    second = fetcher.get(local_site.url("/rss.xml"), etag=first.etag)
    assert (first.status, first.not_modified, first.etag) == (200, False, '"v7"')
    assert (second.status, second.not_modified, second.body) == (304, True, b"")
    assert local_site.requests_to("/rss.xml")[1].headers["If-None-Match"] == '"v7"'


def test_it_answers_not_modified_with_last_modified(local_site: LocalSite, fetcher: Fetcher) -> None:
    local_site.add("/sitemap.xml", "<urlset/>", content_type="application/xml", last_modified=LAST_MODIFIED)
    first = fetcher.get(local_site.url("/sitemap.xml"))
    second = fetcher.get(local_site.url("/sitemap.xml"), last_modified=first.last_modified)
    assert first.last_modified == LAST_MODIFIED
    assert second.not_modified
    assert local_site.requests_to("/sitemap.xml")[1].headers["If-Modified-Since"] == LAST_MODIFIED


def test_it_retries_after_503_then_succeeds(local_site: LocalSite, fetcher: Fetcher) -> None:
    local_site.add("/busy", "sibuk", status=503, times=2)
    local_site.add("/busy", PAGE)
    fetched = fetcher.get(local_site.url("/busy"))
    assert fetched.status == 200 and b"Camat" in fetched.body
    assert len(local_site.requests_to("/busy")) == 3


def test_it_gives_up_after_three_503_with_an_indonesian_message(local_site: LocalSite, fetcher: Fetcher) -> None:
    local_site.add("/down", "mati", status=503)
    with pytest.raises(FetchError, match="Server menjawab 503 tiga kali") as caught:
        fetcher.get(local_site.url("/down"))
    assert caught.value.status == 503


def test_it_honours_retry_after_on_429(local_site: LocalSite, fetcher: Fetcher) -> None:
    local_site.add("/limit", "", status=429, headers={"Retry-After": "1"}, times=1)
    local_site.add("/limit", PAGE)
    started = time.monotonic()
    assert fetcher.get(local_site.url("/limit")).status == 200
    assert time.monotonic() - started >= 0.9


def test_it_does_not_retry_a_404(local_site: LocalSite, fetcher: Fetcher) -> None:
    with pytest.raises(FetchError, match="404 \\(tidak ditemukan\\)"):
        fetcher.get(local_site.url("/hilang"))
    assert len(local_site.requests_to("/hilang")) == 1


def test_it_stops_quickly_when_the_server_is_slower_than_the_timeout(local_site: LocalSite) -> None:
    local_site.add("/slow", PAGE, delay=3.0)
    client = Fetcher("NetralBot/test", timeout=0.5, allow_private_hosts=True, host_delay=0)
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"Batas waktu habis setelah 0\.5 detik"):
        client.get(local_site.url("/slow"))
    assert time.monotonic() - started < 1.5


def test_it_refuses_a_huge_page_without_reading_it_into_memory(local_site: LocalSite) -> None:
    local_site.add("/huge", stream=20_000_000)
    client = Fetcher("NetralBot/test", max_bytes=2_000_000, allow_private_hosts=True, host_delay=0)
    tracemalloc.start()
    started = time.monotonic()
    try:
        with pytest.raises(FetchError, match=r"lebih besar dari batas 2\.0 MB"):
            client.get(local_site.url("/huge"))
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8_000_000
    assert time.monotonic() - started < 5


def test_it_refuses_a_page_whose_declared_length_is_too_big(local_site: LocalSite) -> None:
    local_site.add("/big", "x" * 3000)
    client = Fetcher("NetralBot/test", max_bytes=1000, allow_private_hosts=True, host_delay=0)
    with pytest.raises(FetchError, match="terlalu besar"):
        client.get(local_site.url("/big"))


def test_it_follows_redirects_and_reports_the_final_url(local_site: LocalSite, fetcher: Fetcher) -> None:
    local_site.add("/lama", "", status=301, headers={"Location": "/baru"})
    local_site.add("/baru", PAGE)
    fetched = fetcher.get(local_site.url("/lama"))
    assert fetched.url == local_site.url("/baru")


def test_it_stops_after_five_redirects(local_site: LocalSite, fetcher: Fetcher) -> None:
    local_site.add("/loop", "", status=302, headers={"Location": "/loop"})
    with pytest.raises(FetchError, match="Terlalu banyak pengalihan"):
        fetcher.get(local_site.url("/loop"))


def test_it_respects_robots_txt_disallow(local_site: LocalSite, fetcher: Fetcher) -> None:
    local_site.add("/robots.txt", "User-agent: NetralBot\nDisallow: /rahasia/\n", content_type="text/plain")
    local_site.add("/rahasia/a", PAGE)
    local_site.add("/umum/a", PAGE)
    with pytest.raises(FetchRefused, match=r"robots\.txt"):
        fetcher.get(local_site.url("/rahasia/a"))
    assert fetcher.get(local_site.url("/umum/a")).status == 200
    fetcher.get(local_site.url("/umum/a"))
    assert len(local_site.requests_to("/robots.txt")) == 1  # cached per host
    assert local_site.requests_to("/rahasia/a") == []


def test_it_allows_everything_when_robots_txt_is_missing(local_site: LocalSite, fetcher: Fetcher) -> None:
    local_site.add("/a", PAGE)
    assert fetcher.get(local_site.url("/a")).status == 200
    assert len(local_site.requests_to("/robots.txt")) == 1


def test_it_disallows_everything_when_robots_txt_answers_500(local_site: LocalSite, fetcher: Fetcher) -> None:
    local_site.add("/robots.txt", "rusak", status=500)
    local_site.add("/a", PAGE)
    with pytest.raises(FetchRefused):
        fetcher.get(local_site.url("/a"))


def test_it_skips_robots_txt_when_told_to(local_site: LocalSite) -> None:
    local_site.add("/robots.txt", "User-agent: *\nDisallow: /\n", content_type="text/plain")
    local_site.add("/a", PAGE)
    client = Fetcher("NetralBot/test", respect_robots=False, allow_private_hosts=True, host_delay=0)
    assert client.get(local_site.url("/a")).status == 200


def test_it_refuses_loopback_addresses_by_default(local_site: LocalSite) -> None:
    local_site.add("/a", PAGE)
    client = Fetcher("NetralBot/test", host_delay=0)
    with pytest.raises(FetchRefused, match="jaringan lokal"):
        client.get(local_site.url("/a"))
    assert local_site.requests == []


def test_it_refuses_other_schemes() -> None:
    with pytest.raises(FetchRefused, match="http atau https"):
        Fetcher("NetralBot/test").get("file:///etc/passwd")


def test_it_classifies_private_link_local_and_reserved_addresses() -> None:
    """The check `_follow` runs before every hop, redirects included; exercised here without a network."""
    client = Fetcher("NetralBot/test", host_delay=0)
    with pytest.raises(FetchRefused):
        client._check_address("http://10.1.2.3/intranet")
    assert not is_public_address("169.254.169.254")
    assert not is_public_address("::ffff:127.0.0.1")
    assert is_public_address("203.0.113.0") is False  # documentation range is reserved
    assert is_public_address("8.8.8.8")


def test_it_spaces_requests_to_one_host(local_site: LocalSite) -> None:
    local_site.add("/a", PAGE)
    client = Fetcher("NetralBot/test", respect_robots=False, allow_private_hosts=True, host_delay=0.3)
    started = time.monotonic()
    for _ in range(3):
        client.get(local_site.url("/a"))
    assert time.monotonic() - started >= 0.6


def test_it_gives_up_at_once_when_retry_after_is_longer_than_it_will_wait(local_site: LocalSite) -> None:
    local_site.add("/antri", "", status=503, headers={"Retry-After": "3600"})
    client = Fetcher("NetralBot/test", allow_private_hosts=True, host_delay=0, max_retry_wait=5)
    started = time.monotonic()
    with pytest.raises(FetchError, match="meminta menunggu 3600 detik"):
        client.get(local_site.url("/antri"))
    assert time.monotonic() - started < 1 and len(local_site.requests_to("/antri")) == 1


def test_it_decompresses_gzip_and_bounds_the_decompressed_size(local_site: LocalSite) -> None:
    small = gzip.compress(PAGE.encode())
    bomb = gzip.compress(b"a" * 30_000_000)  # about 30 KB on the wire
    local_site.add("/kecil", small, headers={"Content-Encoding": "gzip"})
    local_site.add("/bom", bomb, headers={"Content-Encoding": "gzip"})
    client = Fetcher("NetralBot/test", max_bytes=1_000_000, allow_private_hosts=True, host_delay=0)
    assert client.get(local_site.url("/kecil")).text() == PAGE
    assert "gzip" in local_site.requests_to("/kecil")[0].headers["Accept-Encoding"]
    with pytest.raises(FetchError, match="lebih besar dari batas"):
        client.get(local_site.url("/bom"))
