"""A single article URL, fetched once (and again only when the server says it changed)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from netral.monitor.fetching.extract import extract
from netral.monitor.fetching.http import Fetcher
from netral.monitor.fetching.urls import canonical_url
from netral.monitor.sources.base import Collected, FetchState, RawItem, Seen
from netral.monitor.sources.pages import HTML_ACCEPT, first, host_of


class ArticleKind:
    name = "article"
    label = "Satu artikel (URL)"
    needs_url = True

    def collect(
        self, url: str, config: Mapping[str, Any], fetcher: Fetcher, state: FetchState, seen: Seen
    ) -> Collected:
        canonical = canonical_url(url)
        if seen(canonical):
            return Collected([], state)
        fetched = fetcher.get(url, etag=state.etag, last_modified=state.last_modified, accept=HTML_ACCEPT)
        new_state = FetchState(fetched.etag or state.etag, fetched.last_modified or state.last_modified)
        if fetched.not_modified:
            return Collected([], new_state, not_modified=True)
        extracted = extract(fetched.text(), fetched.url)
        if not extracted.text:
            return Collected([], new_state, problems=[f"{url}: halaman tanpa teks utama"])
        item = RawItem(
            kind=self.name,
            raw=fetched.body,
            raw_type="text/html",
            text=extracted.text,
            title=extracted.title,
            url=canonical,
            published=extracted.published,
            outlet=first(extracted.site_name, host_of(fetched.url)),
        )
        return Collected([item], new_state)
