"""What the monitor fetches from the web, on hostile input: feeds (RSS/Atom), sitemaps, HTML extraction, decoding,
URL canonicalisation and language detection.

Feeds are served from a real local HTTP server (tests/monitor/local_site.py) and read through `FeedKind.collect`,
the only path that turns feed bytes into entries. Entries are fetched only when they link back to that server;
links elsewhere are answered "already seen" so the suite never leaves 127.0.0.1.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.fuzz.budget import fuzz, says_why, within
from tests.monitor.local_site import LocalSite, running

from netral.monitor.fetching import Fetcher
from netral.monitor.fetching.encoding import charset_from_content_type, declared_charset, decode
from netral.monitor.fetching.errors import FetchError
from netral.monitor.fetching.extract import Extracted, extract, parse_page_date
from netral.monitor.fetching.language import detect_language
from netral.monitor.fetching.urls import canonical_url
from netral.monitor.sources import get_url_kind
from netral.monitor.sources.base import Collected, FetchState
from netral.monitor.sources.sitemap import parse_sitemap

TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=60)
XML_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), max_size=40).map(
    lambda text: text.replace("&", "&amp;").replace("<", "&lt;")
)


@pytest.fixture(scope="module")
def site() -> Iterator[LocalSite]:
    yield from running()


@pytest.fixture(scope="module")
def fetcher() -> Iterator[Fetcher]:
    client = Fetcher(
        "NetralBot/fuzz",
        timeout=1.0,
        connect_timeout=0.5,
        retries=0,
        backoff=0.0,
        host_delay=0.0,
        allow_private_hosts=True,
    )
    yield client
    client.close()


def _rss(title: str, entries: list[tuple[str, str, str, str]]) -> bytes:
    items = "".join(
        f"<item><title>{t}</title><link>{link}</link><description>{d}</description><pubDate>{p}</pubDate></item>"
        for t, link, d, p in entries
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>{items}</channel></rss>'.encode()


def _atom(title: str, entries: list[tuple[str, str, str, str]]) -> bytes:
    items = "".join(
        f'<entry><title>{t}</title><link href="{link}"/><content type="html">{d}</content><updated>{p}</updated>'
        "</entry>"
        for t, link, d, p in entries
    )
    return f'<feed xmlns="http://www.w3.org/2005/Atom"><title>{title}</title>{items}</feed>'.encode()


links = st.sampled_from(["/artikel/1", "/tidak-ada", "", "bukan url", "/artikel/1#x", "javascript:alert(1)"])
dates = st.sampled_from(["Sat, 13 Jan 2024 20:15:00 +0700", "2024-01-13T13:15:00Z", "kemarin", "", "99/99/99"])
entries = st.lists(st.tuples(XML_TEXT, links, XML_TEXT, dates), max_size=5)
feeds = st.one_of(
    st.builds(_rss, XML_TEXT, entries),
    st.builds(_atom, XML_TEXT, entries),
    st.binary(max_size=1024),
    st.builds(lambda body, cut: body[:cut], st.builds(_rss, XML_TEXT, entries), st.integers(0, 400)),
)
_paths = itertools.count()


@fuzz
@given(feeds, st.sampled_from(["application/rss+xml", "application/atom+xml", "text/html", "text/xml; charset=x"]))
def test_feeds_of_any_bytes_collect_or_fail_with_a_fetch_error(
    site: LocalSite, fetcher: Fetcher, body: bytes, content_type: str
) -> None:
    path = f"/umpan/{next(_paths)}.xml"
    site.add(path, body, content_type=content_type)
    site.add("/artikel/1", "<html><body><article><p>Isi artikel uji yang pendek.</p></article></body></html>")
    local = canonical_url(site.base_url)

    def seen(url: str) -> bool:
        return not url.startswith(local)  # never leave the local server

    try:
        collected = get_url_kind("feed").collect(site.url(path), {"max_items": 5}, fetcher, FetchState(), seen)
    except FetchError as error:
        says_why(error)
        return
    assert isinstance(collected, Collected)
    assert all(item.text.strip() for item in collected.items)


def _sitemap(urls: list[tuple[str, str]]) -> bytes:
    body = "".join(f"<url><loc>{loc}</loc><lastmod>{mod}</lastmod></url>" for loc, mod in urls)
    return f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{body}</urlset>'.encode()


sitemaps = st.one_of(
    st.builds(_sitemap, st.lists(st.tuples(XML_TEXT, st.one_of(XML_TEXT, dates)), max_size=6)),
    st.binary(max_size=1024),
    st.builds(lambda data: b"\x1f\x8b" + data, st.binary(max_size=256)),  # claims to be gzip
)


@fuzz
@given(sitemaps)
def test_sitemaps_of_any_bytes_parse_or_fail_with_a_fetch_error(body: bytes) -> None:
    try:
        children, found = parse_sitemap(body)
    except FetchError as error:
        says_why(error)
        return
    assert all(isinstance(loc, str) for loc, _ in children)
    assert all(entry.published is None or entry.published.tzinfo is not None for entry in found)


BILLION_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        b'<!ENTITY lol%d "%s">' % (level, (b"&lol%d;" % (level - 1) if level > 1 else b"&lol;") * 10)
        for level in range(1, 10)
    )
    + b"]><urlset><url><loc>&lol9;</loc></url></urlset>"
)
EXTERNAL_ENTITY = (
    b'<?xml version="1.0"?><!DOCTYPE u [<!ENTITY x SYSTEM "file:///etc/passwd">]><urlset><url><loc>&x;</loc></url>'
    b"</urlset>"
)
GZIP_BOMB_HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03"  # a gzip header with a truncated body


@pytest.mark.parametrize("body", [BILLION_LAUGHS, EXTERNAL_ENTITY, GZIP_BOMB_HEADER], ids=["laughs", "xxe", "gzip"])
def test_sitemap_entity_and_bomb_payloads_are_refused_quickly(body: bytes) -> None:
    with within(2), pytest.raises(FetchError):
        parse_sitemap(body)


def test_feeds_with_entity_expansion_do_not_expand_or_hang(site: LocalSite, fetcher: Fetcher) -> None:
    body = BILLION_LAUGHS.replace(b"<urlset><url><loc>&lol9;</loc></url></urlset>", b"") + (
        b'<rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title></item></channel></rss>'
    )
    site.add("/laughs.xml", body, content_type="application/rss+xml")
    with within(10):
        try:
            collected = get_url_kind("feed").collect(
                site.url("/laughs.xml"), {}, fetcher, FetchState(), lambda url: True
            )
        except FetchError:
            return
    assert all(len(item.title) < 100_000 for item in collected.items)


html_pieces = st.sampled_from(
    [
        "<html>",
        "<body>",
        "<article>",
        "<p>",
        "</p>",
        "<div>",
        "</div>",
        "<script>",
        "</script>",
        "<!--",
        "-->",
        "<",
        ">",
        "&",
        "&#x10FFFF;",
        "&#0;",
        '<meta charset="utf-7">',
        '<link rel="canonical" href="',
        '<meta property="og:',
    ]
)
html_documents = st.builds(lambda parts: "".join(parts), st.lists(html_pieces | TEXT, max_size=40))


@fuzz
@given(st.one_of(html_documents, st.binary(max_size=2048)), st.one_of(st.just(""), TEXT, st.just("https://k.example/")))
def test_html_extraction_never_raises(html: str | bytes, url: str) -> None:
    extracted = extract(html, url)
    assert isinstance(extracted, Extracted)
    assert extracted.published is None or extracted.published.tzinfo is not None


@pytest.mark.parametrize(
    "html",
    [
        "<" * 1_000_000,
        "<div>" * 100_000,
        "<p>" + "<b><i>" * 50_000 + "teks" + "</i></b>" * 50_000,
        "<p>" + "kata " * 200_000 + "</p>",
        "&" * 1_000_000,
        "<!--" * 250_000,
    ],
    ids=["lt", "divs", "nested", "long-paragraph", "ampersands", "comments"],
)
def test_pathological_html_is_extracted_within_a_bound(html: str) -> None:
    with within(20):
        assert isinstance(extract(html, "https://k.example/"), Extracted)


@fuzz
@given(st.binary(max_size=4096), st.one_of(st.just(""), TEXT, st.sampled_from(["utf-8", "utf-7", "x-bogus", "cp1252"])))
def test_decoding_any_bytes_with_any_declared_charset_never_raises(body: bytes, charset: str) -> None:
    assert isinstance(decode(body, charset), str)
    assert isinstance(declared_charset(body), str)
    assert isinstance(charset_from_content_type(f"text/html; charset={charset}"), str)


@fuzz
@given(
    st.one_of(
        TEXT,
        st.builds(
            "{}://{}{}?{}#{}".format, st.sampled_from(["http", "https", "HTTP", "", "ftp"]), TEXT, TEXT, TEXT, TEXT
        ),
        st.sampled_from(["http://[::1", "http://a:99999/", "http://[zz]/", "//x", "http://x/?utm_source=a&b=1"]),
    )
)
def test_canonical_urls_of_any_text_are_strings_and_idempotent(url: str) -> None:
    canonical = canonical_url(url)
    assert isinstance(canonical, str)
    assert canonical_url(canonical) == canonical


def test_an_unsplittable_link_has_no_canonical_form_instead_of_raising() -> None:
    # Found by this suite: urlsplit's ValueError escaped canonical_url (and so extract, sitemaps, feeds, uploads).
    assert canonical_url("http://[::1") == "" and canonical_url("https://[zz]/berita") == ""
    _children, (entry,) = parse_sitemap(b"<urlset><url><loc>http://[::1</loc></url></urlset>")
    assert entry.url == "" and entry.loc == "http://[::1"
    assert extract('<html><head><link rel="canonical" href="http://[::1"></head><body><p>x</p></body></html>')


@fuzz
@given(st.one_of(TEXT, st.text(max_size=3000)))
def test_language_detection_of_any_unicode_answers_a_language(text: str) -> None:
    language = detect_language(text)
    assert isinstance(language.code, str) and 0.0 <= language.confidence <= 1.0


@fuzz
@given(TEXT)
def test_page_date_parsing_answers_an_aware_date_or_none(value: str) -> None:
    parsed = parse_page_date(value)
    assert parsed is None or (isinstance(parsed, datetime) and parsed.tzinfo is not None)
