"""Dashboard pages, map layers and exports. Staff pages need `stats.view` and answer for the viewer's region scope
only (a region outside it is a 404); the public page and open-data export show suppressed national aggregates."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils.text import slugify
from django.views.decorators.http import require_safe

from netral.accounts.access import RegionScope, has_capability, region_scope
from netral.cases.models.people import SubjectType
from netral.insights import services
from netral.insights.exports import record_export, to_csv, to_xlsx
from netral.insights.filters import Filters, parse_filters
from netral.insights.index import RegionIndex, load_method
from netral.insights.maps import METRICS, province_layer, regency_layer
from netral.insights.public import open_data
from netral.insights.report import PERIODS, render_report
from netral.rules.catalogue import load_catalogue

View = Callable[..., HttpResponseBase]


def stats_reader(view: View) -> View:
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not has_capability(request.user, "stats.view"):
            raise Http404  # deny by default, and say nothing about what exists
        return view(request, *args, **kwargs)

    return wrapper


def _context(request: HttpRequest, filters: Filters, focus: services.Focus) -> dict[str, Any]:
    catalogue = load_catalogue()
    return {
        "filters": filters,
        "focus": focus,
        "query": filters.query(wilayah=focus.code),
        "elections": catalogue.elections,
        "violation_types": catalogue.violation_types,
        "subjects": SubjectType.choices,
        "national": region_scope(request.user).everything,
    }


def _focus(request: HttpRequest) -> tuple[services.Focus, Filters]:
    scope = region_scope(request.user)
    return services.resolve_focus(scope, request.GET.get("wilayah", "")), parse_filters(request.GET)


@require_safe
@stats_reader
def dashboard(request: HttpRequest) -> HttpResponse:
    focus, filters = _focus(request)
    scope = region_scope(request.user)
    data = services.cached("dashboard", scope, focus, filters, lambda: services.dashboard(scope, focus, filters))
    return render(request, "insights/dashboard.html", {**_context(request, filters, focus), "data": data})


@require_safe
@stats_reader
def handling(request: HttpRequest) -> HttpResponse:
    focus, filters = _focus(request)
    scope = region_scope(request.user)
    table = services.cached("waktu", scope, focus, filters, lambda: services.handling_times(scope, focus, filters))
    return render(request, "insights/handling.html", {**_context(request, filters, focus), "table": table})


@require_safe
@stats_reader
def index_page(request: HttpRequest) -> HttpResponse:
    focus, filters = _focus(request)
    scope = region_scope(request.user)
    indexes = services.cached("indeks", scope, focus, filters, lambda: services.vulnerability(scope, focus, filters))
    return render(
        request,
        "insights/index.html",
        {
            **_context(request, filters, focus),
            "table": services.index_table(indexes),
            "method": load_method(),
        },
    )


@require_safe
@stats_reader
def map_page(request: HttpRequest) -> HttpResponse:
    focus, filters = _focus(request)
    return render(
        request,
        "insights/map.html",
        {**_context(request, filters, focus), "tiles_url": settings.NETRAL_MAP_TILES_URL, "metrics": METRICS},
    )


def _geojson(data: bytes, download: bool, name: str) -> HttpResponse:
    response = HttpResponse(data, content_type="application/geo+json")
    if download:
        response["Content-Disposition"] = f'attachment; filename="{name}.geojson"'
    return response


def _layer(
    scope: RegionScope,
    focus: services.Focus,
    filters: Filters,
    draw: Callable[[list[services.RegionRow], list[RegionIndex]], dict[str, Any]],
) -> bytes:
    """The layer already encoded: the province polygons are ~0.4 MB of JSON, encoded once per cache entry."""
    rows = services.region_rows(scope, focus, filters)
    return json.dumps(draw(rows, services.vulnerability(scope, focus, filters, rows))).encode()


@require_safe
@stats_reader
def provinces_geojson(request: HttpRequest) -> HttpResponse:
    """Provinces the viewer may see, with their figures (for a regional viewer: the figures of their scope)."""
    scope = region_scope(request.user)
    filters = parse_filters(request.GET)
    national = services.Focus(code="", name="Indonesia", level="nasional")
    layer = services.cached("peta", scope, national, filters, lambda: _layer(scope, national, filters, province_layer))
    return _geojson(layer, "unduh" in request.GET, "provinsi")


@require_safe
@stats_reader
def regencies_geojson(request: HttpRequest, code: str) -> HttpResponse:
    scope = region_scope(request.user)
    focus = services.map_province(scope, code)
    filters = parse_filters(request.GET)
    layer = services.cached("peta", scope, focus, filters, lambda: _layer(scope, focus, filters, regency_layer))
    return _geojson(layer, "unduh" in request.GET, f"kabupaten-kota-{code}")


def _table_response(table: services.Table, fmt: str, name: str) -> HttpResponse:
    if fmt not in ("csv", "xlsx"):
        raise Http404
    if fmt == "csv":
        response = HttpResponse(to_csv(table.headers, table.rows), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(
            to_xlsx(table.title, table.headers, table.rows),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


@require_safe
@stats_reader
def export_table(request: HttpRequest, key: str, fmt: str) -> HttpResponse:
    focus, filters = _focus(request)
    scope = region_scope(request.user)
    table = services.cached(f"table-{key}", scope, focus, filters, lambda: services.table(scope, focus, filters, key))
    response = _table_response(table, fmt, slugify(f"netral-{key}-{focus.code or 'nasional'}"))
    record_export(request.user, key, focus.code, fmt, filters, via="page")
    return response


@require_safe
@stats_reader
def report_pdf(request: HttpRequest) -> HttpResponse:
    focus, filters = _focus(request)
    period = request.GET.get("periode", "minggu")
    if period not in PERIODS:
        raise Http404
    pdf = render_report(region_scope(request.user), focus, period)
    record_export(request.user, f"report-{period}", focus.code, "pdf", filters, via="page")
    response = HttpResponse(pdf, content_type="application/pdf")
    name = slugify(f"laporan-netralitas-{focus.code or 'nasional'}-{period}")
    response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
    return response


@require_safe
def public_dashboard(request: HttpRequest) -> HttpResponse:
    k = int(getattr(settings, "NETRAL_STATS_MIN_COUNT", 3))
    return render(request, "insights/public.html", {"tables": open_data(k), "k": k})


@require_safe
def public_export(request: HttpRequest, key: str, fmt: str) -> HttpResponse:
    k = int(getattr(settings, "NETRAL_STATS_MIN_COUNT", 3))
    tables = {t.key: t for t in open_data(k)}
    if key not in tables:
        raise Http404
    return _table_response(tables[key], fmt, f"netral-data-terbuka-{key}")
