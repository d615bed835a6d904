"""RSS and Atom feeds: each new entry's article page is fetched for the full text, the entry's own content is the
fallback when the page cannot be fetched or has no main text."""

from __future__ import annotations

import calendar
import html as html_entities
import json
import re
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

import feedparser

from netral.monitor.fetching.errors import FetchError
from netral.monitor.fetching.extract import extract
from netral.monitor.fetching.http import Fetcher
from netral.monitor.fetching.urls import canonical_url
from netral.monitor.sources.base import Collected, FetchState, RawItem, Seen
from netral.monitor.sources.pages import FEED_ACCEPT, fetch_page, first, first_date, host_of, max_items

DEFAULT_MAX_ITEMS = 30
MAX_HOST_FAILURES = 3  # a dead article host costs at most this many timeouts per run
_TAG = re.compile(r"<[^>]*>")


def _entry_date(entry: Any) -> datetime | None:
    for key in ("published_parsed", "updated_parsed"):
        value = dict.get(entry, key)  # plain dict access: FeedParserDict's aliases warn on missing keys
        if value:
            return datetime.fromtimestamp(calendar.timegm(value), tz=UTC)  # feedparser normalises to UTC
    return None


def _entry_html(entry: Any) -> str:
    for content in entry.get("content") or []:
        if content.get("value"):
            return str(content["value"])
    return str(entry.get("summary") or "")


def _entry_text(entry: Any, link: str) -> str:
    html = _entry_html(entry)
    if not html:
        return ""
    extracted = extract(f"<html><body><article>{html}</article></body></html>", link)
    if extracted.text:
        return extracted.text
    # Short summaries fall below trafilatura's precision threshold; their plain text is still the best we have.
    return " ".join(html_entities.unescape(_TAG.sub(" ", html)).split())


def _entry_json(entry: Any) -> bytes:
    keys = ("id", "link", "title", "author", "published", "updated", "summary", "content", "tags")
    picked = {key: dict.get(entry, key) for key in keys if dict.get(entry, key)}
    return json.dumps(picked, ensure_ascii=False, default=str).encode()


class FeedKind:
    name = "feed"
    label = "Umpan RSS/Atom"
    needs_url = True

    def collect(
        self, url: str, config: Mapping[str, Any], fetcher: Fetcher, state: FetchState, seen: Seen
    ) -> Collected:
        fetched = fetcher.get(url, etag=state.etag, last_modified=state.last_modified, accept=FEED_ACCEPT)
        new_state = FetchState(fetched.etag or state.etag, fetched.last_modified or state.last_modified)
        if fetched.not_modified:
            return Collected([], new_state, not_modified=True)
        parsed = feedparser.parse(
            fetched.body, response_headers={"content-type": fetched.headers.get("content-type", "")}
        )
        if not parsed.entries and (parsed.get("bozo") or not parsed.get("version")):
            raise FetchError(
                f"Alamat ini bukan umpan RSS/Atom yang dapat dibaca ({fetched.content_type or 'tanpa jenis'})"
            )
        outlet = first(str(parsed.feed.get("title") or "").strip(), host_of(url))
        items: list[RawItem] = []
        problems: list[str] = []
        if parsed.get("bozo"):
            problems.append(f"umpan rusak sebagian; entri yang terbaca tetap diambil ({parsed.get('bozo_exception')})")
        limit = max_items(config, DEFAULT_MAX_ITEMS)
        failures: dict[str, int] = {}  # per article host: after a few failures use the feed's own content
        for number, entry in enumerate(parsed.entries, start=1):
            if len(items) >= limit:
                break
            link = str(entry.get("link") or "")
            canonical = canonical_url(link)
            if canonical and seen(canonical):
                continue
            item = self._item(number, entry, link, canonical, outlet, fetcher, problems, failures)
            if item is not None:
                items.append(item)
        return Collected(items, new_state, problems=problems)

    def _item(
        self,
        number: int,
        entry: Any,
        link: str,
        canonical: str,
        outlet: str,
        fetcher: Fetcher,
        problems: list[str],
        failures: dict[str, int],
    ) -> RawItem | None:
        title = str(entry.get("title") or "").strip()
        published = _entry_date(entry)
        author = str(entry.get("author") or "").strip()
        host = host_of(link)
        if link and failures.get(host, 0) < MAX_HOST_FAILURES:
            try:
                page = fetch_page(fetcher, link)
            except FetchError as error:
                failures[host] = failures.get(host, 0) + 1
                problems.append(f"entri {number} ({link}): {error.message}; memakai isi dari umpan")
            else:
                if page.extracted.text:
                    return RawItem(
                        kind=self.name,
                        raw=page.fetched.body,
                        raw_type="text/html",
                        text=page.extracted.text,
                        title=first(title, page.extracted.title),
                        url=canonical,
                        published=first_date(published, page.extracted.published),
                        author=author,
                        outlet=outlet,
                    )
                problems.append(f"entri {number} ({link}): halaman tanpa teks utama; memakai isi dari umpan")
        text = _entry_text(entry, link)
        if not text:
            problems.append(f"entri {number}: tanpa teks")
            return None
        return RawItem(
            kind=self.name,
            raw=_entry_json(entry),
            raw_type="application/json",
            text=text,
            title=title,
            url=canonical,
            published=published,
            author=author,
            outlet=outlet,
        )
