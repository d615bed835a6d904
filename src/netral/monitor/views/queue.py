"""The alert queue of a jurisdiction: newest first, filters, counts per status, bulk dismissal."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from netral.accounts.access import has_capability
from netral.cases.forms import region_choices
from netral.monitor.models import Alert
from netral.monitor.services.alerts import AlertRefused, alerts_visible_to, do_dismiss_many
from netral.monitor.views.common import (
    DEFAULT_ZONE,
    PAGE_SIZE,
    local,
    monitor_staff,
    monitor_triage,
    query_string,
    zone_label,
    zone_of,
)

FILTERS = ("status", "reason", "region", "since", "until", "q")
REASONS = {"pelanggaran": '"violation"', "daftar-pantau": '"watchlist"'}


def _day_start(value: str, end: bool = False) -> dt.datetime | None:
    day = parse_date(value) if value else None
    if day is None:
        return None
    start = dt.datetime.combine(day, dt.time(), tzinfo=ZoneInfo(DEFAULT_ZONE))
    return start + dt.timedelta(days=1) if end else start


def _filtered(request: HttpRequest) -> tuple[QuerySet[Alert], QuerySet[Alert], dict[str, str]]:
    """(alerts with every filter, alerts with every filter but the status — for the counts, the filters)."""
    f = {key: request.GET.get(key, "").strip()[:100] for key in FILTERS}
    alerts = alerts_visible_to(request.user)
    if f["reason"] in REASONS:
        alerts = alerts.filter(reasons__icontains=REASONS[f["reason"]])
    if f["region"]:
        alerts = alerts.filter(Q(region_code=f["region"]) | Q(region_code__startswith=f["region"] + "."))
    since, until = _day_start(f["since"]), _day_start(f["until"], end=True)
    if since:
        alerts = alerts.filter(story__first_seen__gte=since)
    if until:
        alerts = alerts.filter(story__first_seen__lt=until)
    if f["q"]:
        alerts = alerts.filter(Q(story__title__icontains=f["q"]) | Q(facts__icontains=f["q"]))
    any_status = alerts
    if f["status"] == "semua":
        pass
    elif f["status"] in Alert.Status.values:
        alerts = alerts.filter(status=f["status"])
    else:
        f["status"] = ""
        alerts = alerts.filter(status=Alert.Status.NEW)
    alerts = alerts.select_related("story", "region", "case").order_by("-created_at", "-pk")
    return alerts, any_status, f


def _row(alert: Alert) -> dict[str, Any]:
    tz = zone_of(alert.region)
    reasons = alert.reasons or []
    return {
        "alert": alert,
        "first_seen": local(alert.story.first_seen, tz),
        "zone": zone_label(tz),
        "outlets": len(alert.story.outlets or []),
        "violation": any(r.get("kind") == "violation" for r in reasons),
        "terms": [r.get("term", "") for r in reasons if r.get("kind") == "watchlist"],
    }


@require_safe
@monitor_staff
def queue(request: HttpRequest) -> HttpResponse:
    alerts, any_status, f = _filtered(request)
    page = Paginator(alerts, PAGE_SIZE).get_page(request.GET.get("page"))
    counts = dict(any_status.order_by().values_list("status").annotate(n=Count("pk")))
    context = {
        "page": page,
        "rows": [_row(alert) for alert in page],
        "filters": f,
        "query_string": query_string(f),
        "statuses": [(value, label, counts.get(value, 0)) for value, label in Alert.Status.choices],
        "total": sum(counts.values()),
        "regions": region_choices(request.user),
        "triage": has_capability(request.user, "monitor.triage"),
    }
    template = "monitor/_queue_results.html" if request.headers.get("HX-Request") else "monitor/queue.html"
    return render(request, template, context)


@require_POST
@monitor_triage
def bulk_dismiss(request: HttpRequest) -> HttpResponse:
    ids = [int(value) for value in request.POST.getlist("alert") if value.isdigit()]
    back = request.POST.get("next", "")
    target = f"{redirect('monitor:queue').url}?{back}" if back and "//" not in back else "monitor:queue"
    if not ids:
        messages.error(request, _("Pilih paling sedikit satu peringatan."))
        return redirect(target)
    try:
        count = do_dismiss_many(ids, request.user, request.POST.get("reason", ""))
    except AlertRefused as exc:
        messages.error(request, str(exc))
        return redirect(target)
    messages.success(request, _("%(count)d peringatan diabaikan.") % {"count": count})
    if count < len(ids):
        messages.warning(
            request, _("%(count)d peringatan lain sudah ditindaklanjuti atau di luar wilayah Anda.") % {
                "count": len(ids) - count
            }
        )  # fmt: skip
    return redirect(target)
