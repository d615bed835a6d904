"""Sitemaps: a sitemap index, a plain urlset, or a Google News sitemap (news:title, news:publication_date).

Only URLs not yet seen are fetched, newest first, at most `max_items` per run; an index is followed into its
`max_sitemaps` newest child sitemaps. XML is parsed with defusedxml (no entity expansion, no external entities).
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree

from netral.monitor.fetching.errors import FetchError
from netral.monitor.fetching.extract import parse_page_date
from netral.monitor.fetching.http import Fetcher
from netral.monitor.fetching.urls import canonical_url
from netral.monitor.sources.base import Collected, FetchState, RawItem, Seen
from netral.monitor.sources.pages import FEED_ACCEPT, fetch_page, first, first_date, host_of, max_items

DEFAULT_MAX_ITEMS = 20
DEFAULT_MAX_SITEMAPS = 3
MAX_FAILURES_IN_A_ROW = 3  # the site is down or refusing us: stop instead of waiting out every timeout
MAX_UNZIPPED = 50_000_000  # the sitemap protocol's own limit for one file
_OLDEST = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class Entry:
    url: str  # canonical
    loc: str  # as written in the sitemap
    published: datetime | None
    title: str = ""
    outlet: str = ""


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _child_text(element: Element, name: str) -> str:
    for child in element.iter():
        if _local(child.tag) == name and child.text:
            return child.text.strip()
    return ""


def _date(value: str) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return parse_page_date(value)
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)


def _unzip(body: bytes) -> bytes:
    if not body.startswith(b"\x1f\x8b"):
        return body
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        data = inflater.decompress(body, MAX_UNZIPPED)
    except zlib.error as error:
        raise FetchError("Sitemap gzip rusak") from error
    if inflater.unconsumed_tail:
        raise FetchError("Sitemap terlalu besar setelah dibuka (lebih dari 50 MB)")
    return data


def parse_sitemap(body: bytes) -> tuple[list[tuple[str, datetime | None]], list[Entry]]:
    """(child sitemaps with lastmod, article entries) of one sitemap file; raises FetchError on bad XML."""
    try:
        root = defusedxml.ElementTree.fromstring(_unzip(body))
    except (ParseError, defusedxml.DefusedXmlException, gzip.BadGzipFile) as error:
        raise FetchError(f"Sitemap bukan XML yang sah: {error}") from error
    children: list[tuple[str, datetime | None]] = []
    entries: list[Entry] = []
    if _local(root.tag) == "sitemapindex":
        for sitemap in root:
            loc = _child_text(sitemap, "loc")
            if loc:
                children.append((loc, _date(_child_text(sitemap, "lastmod"))))
        return children, entries
    for url in root:
        if _local(url.tag) != "url":
            continue
        loc = _child_text(url, "loc")
        if not loc:
            continue
        published = _date(_child_text(url, "publication_date")) or _date(_child_text(url, "lastmod"))
        entries.append(Entry(canonical_url(loc), loc, published, _child_text(url, "title"), _child_text(url, "name")))
    return children, entries


def _newest_first(entries: list[Entry]) -> list[Entry]:
    return sorted(entries, key=lambda entry: entry.published or _OLDEST, reverse=True)


class SitemapKind:
    name = "sitemap"
    label = "Peta situs (sitemap)"
    needs_url = True

    def collect(
        self, url: str, config: Mapping[str, Any], fetcher: Fetcher, state: FetchState, seen: Seen
    ) -> Collected:
        fetched = fetcher.get(url, etag=state.etag, last_modified=state.last_modified, accept=FEED_ACCEPT)
        new_state = FetchState(fetched.etag or state.etag, fetched.last_modified or state.last_modified)
        if fetched.not_modified:
            return Collected([], new_state, not_modified=True)
        problems: list[str] = []
        children, entries = parse_sitemap(fetched.body)
        children.sort(key=lambda child: child[1] or _OLDEST, reverse=True)
        for child_url, _lastmod in children[: int(config.get("max_sitemaps", DEFAULT_MAX_SITEMAPS))]:
            try:
                _grandchildren, child_entries = parse_sitemap(fetcher.get(child_url, accept=FEED_ACCEPT).body)
            except FetchError as error:
                problems.append(f"sitemap {child_url}: {error.message}")
                continue
            entries.extend(child_entries)
        items: list[RawItem] = []
        limit = max_items(config, DEFAULT_MAX_ITEMS)
        done: set[str] = set()
        failures_in_a_row = 0
        for entry in _newest_first(entries):
            if len(items) >= limit:
                break
            if entry.url in done or seen(entry.url):
                continue
            done.add(entry.url)
            if failures_in_a_row >= MAX_FAILURES_IN_A_ROW:
                problems.append(f"dihentikan setelah {MAX_FAILURES_IN_A_ROW} halaman berturut-turut gagal diambil")
                break
            try:
                page = fetch_page(fetcher, entry.loc)
            except FetchError as error:
                failures_in_a_row += 1
                problems.append(f"{entry.loc}: {error.message}")
                continue
            failures_in_a_row = 0
            if not page.extracted.text:
                problems.append(f"{entry.loc}: halaman tanpa teks utama")
                continue
            items.append(
                RawItem(
                    kind=self.name,
                    raw=page.fetched.body,
                    raw_type="text/html",
                    text=page.extracted.text,
                    title=first(entry.title, page.extracted.title),
                    url=entry.url,
                    published=first_date(entry.published, page.extracted.published),
                    outlet=first(entry.outlet, page.extracted.site_name, host_of(entry.loc)),
                )
            )
        return Collected(items, new_state, problems=problems)
