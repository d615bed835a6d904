"""Fetching one article page and turning it into a RawItem: shared by the feed, sitemap and article kinds."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from netral.monitor.fetching.extract import Extracted, extract
from netral.monitor.fetching.http import Fetched, Fetcher

HTML_ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"
FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"


@dataclass(frozen=True, slots=True)
class Page:
    fetched: Fetched
    extracted: Extracted


def fetch_page(fetcher: Fetcher, url: str) -> Page:
    """GET an article page and extract it; raises FetchError/FetchRefused from the fetcher."""
    fetched = fetcher.get(url, accept=HTML_ACCEPT)
    return Page(fetched, extract(fetched.text(), fetched.url))


def host_of(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


def max_items(config: Mapping[str, Any], default: int) -> int:
    """`config["max_items"]` as a positive int, else `default`."""
    value = config.get("max_items", default)
    try:
        number = int(value)
    except (TypeError, ValueError):
        return default
    return number if number > 0 else default


def first(*values: str) -> str:
    return next((value for value in values if value), "")


def first_date(*values: datetime | None) -> datetime | None:
    return next((value for value in values if value is not None), None)
