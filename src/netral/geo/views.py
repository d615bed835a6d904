"""Public region browser: provinces, their regencies, kecamatan and desa, with search by name or alias."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from netral.geo.models import Level, Region

PAGE_SIZE = 50


@require_GET
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


@require_GET
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
