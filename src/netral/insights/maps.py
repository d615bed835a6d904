"""Map layers as GeoJSON: the shipped province polygons with the dashboard's figures, regencies as points."""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from typing import Any

from netral.geo.models import Region
from netral.geo.reference import DATA_DIR
from netral.insights.index import RegionIndex
from netral.insights.services import RegionRow

__all__ = ["METRICS", "province_layer", "regency_layer"]

METRICS = ("cases", "reports", "alerts", "sanctions", "index")


@cache
def _province_shapes() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA_DIR / "provinces.geojson").read_text(encoding="utf-8"))
    return data


def _values(row: RegionRow, index: RegionIndex | None) -> dict[str, Any]:
    return {
        "cases": row.cases,
        "reports": row.reports,
        "alerts": row.alerts,
        "sanctions": row.sanctions,
        "index": index.index if index else None,
    }


def province_layer(rows: Sequence[RegionRow], indexes: Sequence[RegionIndex]) -> dict[str, Any]:
    """Only the provinces the viewer may see (those in `rows`); shapes shared by new provinces stay shared."""
    by_code = {r.code: r for r in rows}
    index = {i.code: i for i in indexes}
    features = []
    for feature in _province_shapes()["features"]:
        code = feature["properties"]["code"]
        if code not in by_code:
            continue
        shared = [c for c in feature["properties"].get("shares_geometry_with", []) if c in by_code]
        properties = {"code": code, "name": by_code[code].name, "shares_geometry_with": shared}
        properties.update(_values(by_code[code], index.get(code)))
        features.append({"type": "Feature", "geometry": feature["geometry"], "properties": properties})
    return {"type": "FeatureCollection", "features": features}


def regency_layer(rows: Sequence[RegionRow], indexes: Sequence[RegionIndex]) -> dict[str, Any]:
    """The rows' regions as points at their centroids (regions without coordinates are left out of the map)."""
    places = {
        code: (lon, lat)
        for code, lon, lat in Region.objects.filter(code__in=[r.code for r in rows], latitude__isnull=False)
        .exclude(longitude__isnull=True)
        .values_list("code", "longitude", "latitude")
    }
    index = {i.code: i for i in indexes}
    features = []
    for row in rows:
        if row.code not in places:
            continue
        properties = {"code": row.code, "name": row.name}
        properties.update(_values(row, index.get(row.code)))
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": list(places[row.code])},
                "properties": properties,
            }
        )
    return {"type": "FeatureCollection", "features": features}
