"""Feed, sitemap and article kinds against a real local site: full pages, fallbacks, 304, seen URLs, order."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from tests.monitor.local_site import LocalSite

from netral.monitor.fetching import Fetcher, FetchError, canonical_url
from netral.monitor.sources import FetchState, get_url_kind


def article(title: str, sentence: str) -> str:
    paragraph = (
        f"{sentence} Panitia pengawas kecamatan dalam cerita rekaan ini mencatat kejadian tersebut, memotret "
        "spanduk yang dipasang di balai desa, dan meminta keterangan dari tiga warga yang hadir sejak pagi."
    )
    return (
        f"<html><head><title>{title}</title><meta property='og:site_name' content='Kabar Rekaan'></head><body>"
        f"<nav>Beranda | Politik</nav><article><h1>{title}</h1><p>{paragraph}</p><p>{paragraph}</p></article>"
        "<footer>Hak cipta</footer></body></html>"
    )


def never_seen(_url: str) -> bool:
    return False


def rss(site: LocalSite) -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Kabar Rekaan</title><link>{site.url("/")}</link>
<item><title>Camat hadiri kampanye</title><link>{site.url("/berita/1?utm_source=rss")}</link>
  <pubDate>Sat, 13 Jan 2024 09:00:00 +0700</pubDate><author>Redaksi</author>
  <description>Ringkasan pendek berita pertama.</description></item>
<item><title>Lurah pasang spanduk</title><link>{site.url("/berita/2")}</link>
  <pubDate>Sun, 14 Jan 2024 10:00:00 +0700</pubDate>
  <description><![CDATA[<p>Lurah Mekarsari dalam kisah rekaan ini memasang spanduk calon di pagar kantor kelurahan
  pada Minggu pagi, dan warga melaporkannya kepada pengawas kelurahan.</p>]]></description></item>
<item><title>Berita lama</title><link>{site.url("/berita/lama")}</link>
  <description>Sudah pernah disimpan.</description></item>
</channel></rss>"""


def test_a_feed_fetches_each_new_article_page_and_falls_back_to_the_entry(
    local_site: LocalSite, fetcher: Fetcher
) -> None:
    local_site.add("/rss.xml", rss(local_site), content_type="application/rss+xml", etag='"r1"')
    local_site.add("/berita/1", article("Camat hadiri kampanye", "Camat Sukamaju berdiri di panggung kampanye."))
    local_site.add("/berita/2", "gangguan", status=500)
    seen = {canonical_url(local_site.url("/berita/lama"))}

    collected = get_url_kind("feed").collect(local_site.url("/rss.xml"), {}, fetcher, FetchState(), seen.__contains__)

    first, second = collected.items
    assert "Camat Sukamaju berdiri di panggung kampanye" in first.text
    assert (first.raw_type, first.kind, first.outlet, first.author) == ("text/html", "feed", "Kabar Rekaan", "Redaksi")
    assert first.url == canonical_url(local_site.url("/berita/1"))  # tracking parameter gone
    assert first.published == datetime(2024, 1, 13, 2, 0, tzinfo=UTC)
    assert b"<article>" in first.raw
    assert second.text.startswith("Lurah Mekarsari dalam kisah rekaan ini memasang spanduk")
    assert second.raw_type == "application/json" and json.loads(second.raw)["title"] == "Lurah pasang spanduk"
    assert len(collected.problems) == 1 and "Server menjawab 500" in collected.problems[0]
    assert local_site.requests_to("/berita/lama") == []
    assert collected.state == FetchState(etag='"r1"') and not collected.not_modified


def test_a_feed_answers_not_modified_on_the_second_run(local_site: LocalSite, fetcher: Fetcher) -> None:
    local_site.add("/rss.xml", rss(local_site), content_type="application/rss+xml", etag='"r1"')
    kind = get_url_kind("feed")
    first = kind.collect(local_site.url("/rss.xml"), {"max_items": 1}, fetcher, FetchState(), never_seen)
    second = kind.collect(local_site.url("/rss.xml"), {}, fetcher, first.state, never_seen)
    assert second.not_modified and second.items == [] and second.state.etag == '"r1"'
    assert len(local_site.requests_to("/berita/1")) == 1  # max_items kept the first run to one article


def test_an_atom_feed_uses_its_content_when_the_page_has_no_text(local_site: LocalSite, fetcher: Fetcher) -> None:
    atom = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Warta Desa Rekaan</title><id>urn:warta</id>
<updated>2024-02-01T08:00:00Z</updated>
<entry><title>Kades ikut rapat tim sukses</title><id>urn:1</id><link href="{local_site.url("/kades")}"/>
<updated>2024-02-01T08:00:00Z</updated><author><name>Siti</name></author>
<content type="html">&lt;p&gt;Kepala desa Sukamaju dalam cerita rekaan ini ikut rapat tim sukses salah satu calon
di rumah warga pada malam hari.&lt;/p&gt;</content></entry></feed>"""
    local_site.add(
        "/atom.xml", atom, content_type="application/atom+xml", last_modified="Thu, 01 Feb 2024 08:00:00 GMT"
    )
    local_site.add("/kades", "<html><body></body></html>")
    collected = get_url_kind("feed").collect(local_site.url("/atom.xml"), {}, fetcher, FetchState(), never_seen)
    (item,) = collected.items
    assert item.text.startswith("Kepala desa Sukamaju dalam cerita rekaan ini ikut rapat tim sukses")
    assert (item.author, item.outlet, item.title) == ("Siti", "Warta Desa Rekaan", "Kades ikut rapat tim sukses")
    assert item.published == datetime(2024, 2, 1, 8, 0, tzinfo=UTC)
    assert collected.state.last_modified == "Thu, 01 Feb 2024 08:00:00 GMT"
    assert "halaman tanpa teks utama" in collected.problems[0]


def test_a_page_that_is_not_a_feed_raises_a_fetch_error(local_site: LocalSite, fetcher: Fetcher) -> None:
    local_site.add("/bukan-umpan", article("Beranda", "Ini halaman biasa."))
    with pytest.raises(FetchError, match="bukan umpan RSS/Atom"):
        get_url_kind("feed").collect(local_site.url("/bukan-umpan"), {}, fetcher, FetchState(), never_seen)


def test_a_truncated_feed_keeps_the_entries_it_could_read(local_site: LocalSite, fetcher: Fetcher) -> None:
    whole = rss(local_site)
    local_site.add("/potong.xml", whole[: whole.index("<item><title>Berita lama")], content_type="application/rss+xml")
    local_site.add("/berita/1", article("Camat hadiri kampanye", "Camat Sukamaju berdiri di panggung kampanye."))
    local_site.add("/berita/2", article("Lurah pasang spanduk", "Lurah Mekarsari memasang spanduk."))
    collected = get_url_kind("feed").collect(local_site.url("/potong.xml"), {}, fetcher, FetchState(), never_seen)
    assert [item.title for item in collected.items] == ["Camat hadiri kampanye", "Lurah pasang spanduk"]
    assert collected.problems[0].startswith("umpan rusak sebagian")


def news_sitemap(site: LocalSite) -> str:
    def url(path: str, date: str, title: str) -> str:
        return (
            f"<url><loc>{site.url(path)}</loc><news:news><news:publication><news:name>Kabar Rekaan</news:name>"
            f"<news:language>id</news:language></news:publication><news:publication_date>{date}"
            f"</news:publication_date><news:title>{title}</news:title></news:news></url>"
        )

    return (
        '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
        + url("/a", "2024-01-10T08:00:00+07:00", "Berita A")
        + url("/c", "2024-01-12T08:00:00+07:00", "Berita C")
        + url("/b", "2024-01-11T08:00:00+07:00", "Berita B")
        + url("/sudah", "2024-01-13T08:00:00+07:00", "Sudah disimpan")
        + "</urlset>"
    )


def test_a_news_sitemap_fetches_unseen_urls_newest_first_up_to_the_limit(
    local_site: LocalSite, fetcher: Fetcher
) -> None:
    local_site.add("/news-sitemap.xml", news_sitemap(local_site), content_type="application/xml", etag='"s1"')
    for path, name in (("/a", "A"), ("/b", "B"), ("/c", "C")):
        local_site.add(path, article(f"Judul halaman {name}", f"Camat {name} hadir di kampanye."))
    seen = {canonical_url(local_site.url("/sudah"))}
    kind = get_url_kind("sitemap")

    collected = kind.collect(
        local_site.url("/news-sitemap.xml"), {"max_items": 2}, fetcher, FetchState(), seen.__contains__
    )

    assert [item.title for item in collected.items] == ["Berita C", "Berita B"]
    assert collected.items[0].published == datetime(2024, 1, 12, 1, 0, tzinfo=UTC)
    assert collected.items[0].outlet == "Kabar Rekaan" and "Camat C hadir" in collected.items[0].text
    assert local_site.requests_to("/a") == [] and local_site.requests_to("/sudah") == []
    again = kind.collect(local_site.url("/news-sitemap.xml"), {}, fetcher, collected.state, seen.__contains__)
    assert again.not_modified


def test_a_sitemap_index_is_followed_into_its_newest_children(local_site: LocalSite, fetcher: Fetcher) -> None:
    index = (
        '<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<sitemap><loc>{local_site.url('/sitemap-lama.xml')}</loc><lastmod>2023-01-01</lastmod></sitemap>"
        f"<sitemap><loc>{local_site.url('/sitemap-baru.xml')}</loc><lastmod>2024-01-01</lastmod></sitemap>"
        "</sitemapindex>"
    )
    child = (
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<url><loc>{local_site.url('/baru')}</loc><lastmod>2024-01-05</lastmod></url></urlset>"
    )
    local_site.add("/sitemap.xml", index, content_type="application/xml")
    local_site.add("/sitemap-baru.xml", child, content_type="application/xml")
    local_site.add("/baru", article("Sekdes di acara partai", "Sekretaris desa terlihat di acara partai."))
    collected = get_url_kind("sitemap").collect(
        local_site.url("/sitemap.xml"), {"max_sitemaps": 1}, fetcher, FetchState(), never_seen
    )
    (item,) = collected.items
    assert item.title == "Sekdes di acara partai" and item.outlet == "Kabar Rekaan"
    assert item.published == datetime(2024, 1, 5, tzinfo=UTC)
    assert local_site.requests_to("/sitemap-lama.xml") == []


def test_a_sitemap_with_an_entity_bomb_is_refused(local_site: LocalSite, fetcher: Fetcher) -> None:
    bomb = '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><urlset>&b;</urlset>'
    local_site.add("/bom.xml", bomb, content_type="application/xml")
    with pytest.raises(FetchError, match="Sitemap bukan XML"):
        get_url_kind("sitemap").collect(local_site.url("/bom.xml"), {}, fetcher, FetchState(), never_seen)


def test_an_article_is_fetched_once_then_answers_not_modified(local_site: LocalSite, fetcher: Fetcher) -> None:
    local_site.add(
        "/artikel",
        article("Camat di panggung", "Camat Sukamaju naik ke panggung."),
        last_modified="Sat, 13 Jan 2024 02:00:00 GMT",
    )
    kind = get_url_kind("article")
    first = kind.collect(local_site.url("/artikel?utm_medium=wa"), {}, fetcher, FetchState(), never_seen)
    (item,) = first.items
    assert (item.kind, item.title, item.outlet) == ("article", "Camat di panggung", "Kabar Rekaan")
    assert item.url == local_site.url("/artikel")
    second = kind.collect(local_site.url("/artikel"), {}, fetcher, first.state, never_seen)
    assert second.not_modified and second.items == []
    assert kind.collect(local_site.url("/artikel"), {}, fetcher, FetchState(), {item.url}.__contains__).items == []


def test_a_huge_article_page_is_reported_not_loaded(local_site: LocalSite) -> None:
    local_site.add("/raksasa", stream=20_000_000)
    client = Fetcher("NetralBot/test", allow_private_hosts=True, host_delay=0)  # default 5 MB limit
    with pytest.raises(FetchError, match="lebih besar dari batas"):
        get_url_kind("article").collect(local_site.url("/raksasa"), {}, client, FetchState(), never_seen)


def test_a_feed_stops_fetching_pages_from_a_failing_host_after_three_failures(
    local_site: LocalSite, fetcher: Fetcher
) -> None:
    entries = "".join(
        f"<item><title>Berita {n}</title><link>{local_site.url(f'/mati/{n}')}</link>"
        f"<description>Ringkasan berita nomor {n} tentang camat di acara kampanye.</description></item>"
        for n in range(6)
    )
    local_site.add("/rss.xml", f'<rss version="2.0"><channel><title>Umpan</title>{entries}</channel></rss>')
    for n in range(6):
        local_site.add(f"/mati/{n}", "tidak ada", status=404)
    collected = get_url_kind("feed").collect(local_site.url("/rss.xml"), {}, fetcher, FetchState(), never_seen)
    assert len(collected.items) == 6 and all(item.raw_type == "application/json" for item in collected.items)
    assert sum(len(local_site.requests_to(f"/mati/{n}")) for n in range(6)) == 3


def test_a_sitemap_run_stops_after_three_failed_pages_in_a_row(local_site: LocalSite, fetcher: Fetcher) -> None:
    urls = "".join(f"<url><loc>{local_site.url(f'/hilang/{n}')}</loc></url>" for n in range(6))
    local_site.add("/sitemap.xml", f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>')
    collected = get_url_kind("sitemap").collect(local_site.url("/sitemap.xml"), {}, fetcher, FetchState(), never_seen)
    assert collected.items == []
    assert collected.problems[-1] == "dihentikan setelah 3 halaman berturut-turut gagal diambil"
    assert len(collected.problems) == 4
