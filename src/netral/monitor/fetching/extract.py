"""Main text, title, date and canonical URL of a news page, with trafilatura tuned for precision.

trafilatura works offline here: it is given the HTML, never a URL to download. Broken or empty pages give an
`Extracted` with empty text instead of an exception, so one bad page never stops a run.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime

import trafilatura

from netral.monitor.fetching.encoding import decode
from netral.monitor.fetching.urls import canonical_url

logger = logging.getLogger(__name__)

_DATE_PARAMS = {"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%dT%H:%M:%S%z"}


@dataclass(frozen=True, slots=True)
class Extracted:
    title: str = ""
    text: str = ""
    published: datetime | None = None  # timezone-aware; UTC when the page gave a date without a zone
    canonical_url: str = ""
    site_name: str = ""


def parse_page_date(value: str) -> datetime | None:
    """trafilatura's date string ("2024-01-12T09:30:00+0800" or "2024-01-12") as an aware datetime."""
    for pattern in ("%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d"):
        try:
            parsed = datetime.strptime(value.strip(), pattern)
        except ValueError:
            continue
        return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)
    return None


def extract(html: str | bytes, url: str = "") -> Extracted:
    """Extract the article from `html` (bytes are decoded from their own declarations). Never raises."""
    if isinstance(html, bytes):
        html = decode(html)
    if not html.strip():
        return Extracted()
    try:
        document = trafilatura.bare_extraction(
            html,
            url=url or None,
            favor_precision=True,
            include_comments=False,
            include_tables=False,
            with_metadata=True,
            date_extraction_params=_DATE_PARAMS,
        )
    except Exception:  # trafilatura and lxml raise many kinds on hostile HTML; one bad page must not stop a run
        logger.warning("trafilatura failed on %s", url or "a page", exc_info=True)
        return Extracted()
    if document is None:
        return Extracted()
    get = document.get if isinstance(document, dict) else lambda name: getattr(document, name, None)
    return Extracted(
        title=str(get("title") or "").strip(),
        text=str(get("text") or "").strip(),
        published=parse_page_date(str(get("date") or "")),
        canonical_url=canonical_url(str(get("url") or url or "")),
        site_name=str(get("sitename") or "").strip(),
    )
