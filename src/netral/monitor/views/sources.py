"""Sources: the list with each source's state, adding and editing one, fetching now, and its run history."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from netral.accounts.access import AnyUser, can_see_region, has_capability, region_scope
from netral.geo.models import Region
from netral.monitor.forms import SourceEditForm, SourceForm
from netral.monitor.labels import kind_label
from netral.monitor.models import Source
from netral.monitor.services.sources import SourceRefused, do_add_source, do_update_source, sources_visible_to
from netral.monitor.tasks import fetch_source_task
from netral.monitor.views.common import DEFAULT_ZONE, PAGE_SIZE, local, monitor_manager, monitor_staff, zone_label


def may_manage(user: AnyUser, source: Source) -> bool:
    """Managers change sources of their jurisdiction and below (a national source: Bawaslu RI only)."""
    if not has_capability(user, "monitor.sources"):
        return False
    return region_scope(user).everything if not source.owner_code else can_see_region(user, source.owner_code)


def _source_or_404(request: HttpRequest, pk: int) -> Source:
    return get_object_or_404(sources_visible_to(request.user).select_related("owner"), pk=pk)


def _label(kind: str) -> str:
    return kind_label(kind)


@require_safe
@monitor_staff
def source_list(request: HttpRequest) -> HttpResponse:
    show = request.GET.get("tampil", "")
    sources = sources_visible_to(request.user).select_related("owner")
    sources = sources.filter(url="") if show == "unggahan" else sources.exclude(url="")
    page = Paginator(sources.order_by("name", "pk"), PAGE_SIZE).get_page(request.GET.get("page"))
    zone = zone_label(DEFAULT_ZONE)
    rows = [
        {
            "source": s,
            "kind": _label(s.kind),
            "last": local(s.last_fetched_at, DEFAULT_ZONE),
            "next": local(s.next_fetch_at, DEFAULT_ZONE) if s.enabled else None,
            "manage": may_manage(request.user, s),
        }
        for s in page
    ]
    context = {
        "page": page,
        "rows": rows,
        "zone": zone,
        "show": show,
        "manager": has_capability(request.user, "monitor.sources"),
        "query": "",
    }
    return render(request, "monitor/sources.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@monitor_manager
def source_add(request: HttpRequest) -> HttpResponse:
    form = SourceForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        owner = Region.objects.filter(code=d["owner"]).first() if d["owner"] else None
        try:
            source = do_add_source(
                request.user,
                kind=d["kind"],
                name=d["name"],
                url=d["url"],
                owner=owner,
                interval_minutes=d["interval_minutes"],
            )
        except SourceRefused as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Sumber %(name)s ditambahkan; pengambilan pertama segera berjalan.") % {
                "name": source.name
            })  # fmt: skip
            return redirect("monitor:source", pk=source.pk)
    return render(request, "monitor/source_add.html", {"form": form})


@require_http_methods(["GET", "HEAD", "POST"])
@monitor_staff
def source_detail(request: HttpRequest, pk: int) -> HttpResponse:
    source = _source_or_404(request, pk)
    manage = may_manage(request.user, source)
    initial = {
        "name": source.name,
        "url": source.url,
        "interval_minutes": source.interval_minutes,
        "enabled": source.enabled,
    }
    form = SourceEditForm(request.POST or None, initial=initial)
    if request.method == "POST":
        if not manage or not source.url:
            raise Http404
        if form.is_valid():
            d = form.cleaned_data
            try:
                do_update_source(
                    source,
                    request.user,
                    name=d["name"],
                    url=d["url"],
                    interval_minutes=d["interval_minutes"],
                    enabled=d["enabled"],
                )
            except SourceRefused as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, _("Sumber diperbarui."))
                return redirect("monitor:source", pk=source.pk)
    runs = Paginator(source.runs.all(), PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "source": source,
        "kind": _label(source.kind),
        "form": form,
        "manage": manage and bool(source.url),
        "runs": [
            {
                "run": run,
                "started": local(run.started_at, DEFAULT_ZONE),
                "finished": local(run.finished_at, DEFAULT_ZONE),
            }
            for run in runs
        ],
        "page": runs,
        "query": "",
        "zone": zone_label(DEFAULT_ZONE),
        "last": local(source.last_fetched_at, DEFAULT_ZONE),
        "next": local(source.next_fetch_at, DEFAULT_ZONE) if source.enabled else None,
        "items": source.items.count(),
    }
    return render(request, "monitor/source.html", context)


@require_POST
@monitor_manager
def fetch_now(request: HttpRequest, pk: int) -> HttpResponse:
    source = _source_or_404(request, pk)
    if not may_manage(request.user, source) or not source.url:
        raise Http404
    if not source.enabled:
        messages.error(request, _("Aktifkan sumber ini dahulu."))
    else:
        fetch_source_task.enqueue(source.pk)
        messages.success(request, _("Pengambilan dijadwalkan; riwayat di bawah diperbarui setelah selesai."))
    return redirect("monitor:source", pk=source.pk)
