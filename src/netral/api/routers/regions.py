"""Regions (wilayah): Kemendagri reference data, readable with `regions:read`."""

from __future__ import annotations

from django.http import Http404, HttpRequest
from ninja import Field as F
from ninja import Query, Router, Schema
from ninja.params.functions import Path as P

from netral.api.auth import require
from netral.api.errors import ERRORS, ErrorOut
from netral.api.pagination import MAX_LIMIT, page
from netral.api.schemas import RegionOut, RegionPage
from netral.geo.models import Region

router = Router(tags=["wilayah / regions"])


class RegionFilter(Schema):
    level: str | None = F(None, max_length=20, description="provinsi, kabupaten_kota, kecamatan, desa")
    parent: str | None = F(None, max_length=13, description="Kode induk / parent code")
    cursor: str | None = F(None, max_length=100)
    limit: int = F(50, ge=1, le=MAX_LIMIT)


def _out(region: Region) -> RegionOut:
    return RegionOut(
        code=region.code,
        name=region.display_name,
        level=region.level,
        parent_code=region.parent_id,
        timezone=region.timezone,
    )


@router.get("/regions", response={200: RegionPage, **ERRORS}, summary="Daftar wilayah / List regions")
def list_regions(request: HttpRequest, filters: Query[RegionFilter]) -> RegionPage:
    require(request, "regions:read")
    regions = Region.objects.filter(is_active=True)
    if filters.level:
        regions = regions.filter(level=filters.level)
    if filters.parent:
        regions = regions.filter(parent_id=filters.parent)
    rows, cursor = page(regions, filters.cursor, filters.limit, descending=False)
    return RegionPage(items=[_out(r) for r in rows], next_cursor=cursor)


@router.get("/regions/{code}", response={200: RegionOut, **ERRORS}, summary="Satu wilayah / One region")
def get_region(request: HttpRequest, code: str = P(..., max_length=13)) -> RegionOut:
    require(request, "regions:read")
    region = Region.objects.filter(code=code).first()
    if region is None:
        raise Http404
    return _out(region)


__all__ = ["ErrorOut", "router"]
