"""Public region browser: provinces, their regencies, kecamatan and desa, with search by name or alias."""

from __future__ import annotations

from functools import cache

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from netral.geo.models import Level, Region
from netral.geo.reference import DATA_DIR

PAGE_SIZE = 50


@require_safe
def region_list(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:80]
    if query:
        normalised = query.replace("-", " ")
        regions = (
            Region.objects.filter(is_active=True)
            .filter(
                Q(canonical_name__icontains=normalised) | Q(name__icontains=query) | Q(aliases__alias__iexact=query)
            )
            .select_related("parent", "parent__parent")
            .distinct()
            .order_by("level", "code")
        )
    else:
        regions = Region.objects.filter(level=Level.PROVINSI).order_by("code")
    page = Paginator(regions, PAGE_SIZE).get_page(request.GET.get("page"))
    template = "geo/_results.html" if request.headers.get("HX-Request") else "geo/region_list.html"
    return render(request, template, {"page": page, "query": query})


@require_safe
def region_detail(request: HttpRequest, code: str) -> HttpResponse:
    region = get_object_or_404(Region.objects.select_related("parent", "parent__parent"), code=code)
    children = Paginator(region.children.filter(is_active=True).order_by("code"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    ancestors: list[Region] = []
    parent = region.parent
    while parent is not None:
        ancestors.insert(0, parent)
        parent = parent.parent
    return render(
        request,
        "geo/region_detail.html",
        {"region": region, "children": children, "ancestors": ancestors, "aliases": region.aliases.all()},
    )


@require_safe
def region_map(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "geo/region_map.html",
        {"provinces": Region.objects.filter(level=Level.PROVINSI), "tiles_url": settings.NETRAL_MAP_TILES_URL},
    )


@cache
def _province_shapes() -> bytes:
    return (DATA_DIR / "provinces.geojson").read_bytes()


@cache_control(public=True, max_age=3600)
@require_safe
def province_geojson(request: HttpRequest) -> HttpResponse:
    """Province polygons shipped with the app (Natural Earth, public domain); see docs/data-sources.md."""
    return HttpResponse(_province_shapes(), content_type="application/geo+json")


@cache_control(public=True, max_age=3600)
@require_safe
def regency_geojson(request: HttpRequest, code: str) -> JsonResponse:
    """The province's regencies/cities as points at their approximate centres (no regency polygons exist)."""
    province = get_object_or_404(Region, code=code, level=Level.PROVINSI)
    regencies = Region.objects.filter(
        parent=province, is_active=True, latitude__isnull=False, longitude__isnull=False
    ).order_by("code")
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [r.longitude, r.latitude]},
            "properties": {"code": r.code, "name": r.canonical_name, "type": r.type},
        }
        for r in regencies
    ]
    return JsonResponse({"type": "FeatureCollection", "features": features}, content_type="application/geo+json")
