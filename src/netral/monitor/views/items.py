"""Search across monitored items, one item's page, and its raw form as a download."""

from __future__ import annotations

import re
import zlib
from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.http import require_safe

from netral.monitor.models import Alert, Item
from netral.monitor.prepare import stems
from netral.monitor.search import search_items
from netral.monitor.services.alerts import alerts_visible_to, items_visible_to
from netral.monitor.views.common import PAGE_SIZE, local, monitor_staff, zone_label, zone_of

SNIPPET = 220
_WORD = re.compile(r"\w+")


def highlight(text: str, query: str) -> SafeString:
    """A window of the text around the first matching word, matching words (same stem) in <mark>, all escaped."""
    wanted = set(stems(query).split())
    words = list(_WORD.finditer(text))
    hits = [m for m in words if wanted and stems(m.group()) in wanted]
    start = max(0, hits[0].start() - SNIPPET // 3) if hits else 0
    end = min(len(text), start + SNIPPET)
    parts: list[str] = ["…" if start else ""]
    cursor = start
    for m in hits:
        if m.start() < start or m.end() > end:
            continue
        parts += [escape(text[cursor : m.start()]), f"<mark>{escape(m.group())}</mark>"]
        cursor = m.end()
    parts += [escape(text[cursor:end]), "…" if end < len(text) else ""]
    return mark_safe("".join(parts))  # noqa: S308 - every piece of text above is escaped


@require_safe
@monitor_staff
def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:200]
    results = search_items(items_visible_to(request.user), query) if query else Item.objects.none()
    page = Paginator(results.select_related("region"), PAGE_SIZE).get_page(request.GET.get("page"))
    rows = []
    for item in page:
        tz = zone_of(item.region)
        rows.append(
            {
                "item": item,
                "snippet": highlight(item.text, query),
                "title": highlight(item.title, query) if item.title else "",
                "when": local(item.published_at or item.fetched_at, tz),
                "zone": zone_label(tz),
            }
        )
    return render(request, "monitor/search.html", {"query": query, "page": page, "rows": rows})


def _item_or_404(request: HttpRequest, pk: int) -> Item:
    return get_object_or_404(items_visible_to(request.user).select_related("source", "region", "story"), pk=pk)


@require_safe
@monitor_staff
def item_detail(request: HttpRequest, pk: int) -> HttpResponse:
    item = _item_or_404(request, pk)
    tz = zone_of(item.region)
    analysis: dict[str, Any] = item.analysis or {}
    alert = alerts_visible_to(request.user).filter(story=item.story_id).first()
    context = {
        "item": item,
        "zone": zone_label(tz),
        "published": local(item.published_at, tz),
        "fetched": local(item.fetched_at, tz),
        "analysis": analysis,
        "findings": analysis.get("violation_types", []),
        "alert": alert,
        "alert_status": Alert.Status(alert.status).label if alert else "",
        "others": item.story.items.exclude(pk=item.pk).count(),
    }
    return render(request, "monitor/item.html", context)


EXTENSIONS = {"text/html": "html", "application/json": "json", "text/plain": "txt"}


@require_safe
@monitor_staff
def item_raw(request: HttpRequest, pk: int) -> HttpResponse:
    """The raw form as received, as an attachment never rendered by the browser (it is untrusted HTML)."""
    item = _item_or_404(request, pk)
    data = zlib.decompress(bytes(item.raw)) if item.raw else b""
    extension = EXTENSIONS.get(item.raw_type.split(";")[0].strip(), "bin")
    response = HttpResponse(data, content_type="application/octet-stream")
    response["Content-Disposition"] = f'attachment; filename="item-{item.pk}.{extension}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
