"""provinces.geojson: the province polygons shipped for maps (Natural Earth, pre-2012 provinces)."""

from __future__ import annotations

import json
from functools import cache
from itertools import pairwise
from typing import Any

from netral.geo import reference

GEOJSON = reference.DATA_DIR / "provinces.geojson"
NEW_PROVINCES = {"65": "64", "93": "91", "94": "91", "95": "91", "96": "92"}  # province → the one it split from
# Indonesia's extent with a margin: 95°E–141.1°E, 6.5°N–11.2°S
LON_RANGE, LAT_RANGE = (94.5, 141.5), (-11.5, 6.5)


@cache
def features() -> tuple[dict[str, Any], ...]:
    return tuple(json.loads(GEOJSON.read_text(encoding="utf-8"))["features"])


def by_code() -> dict[str, dict[str, Any]]:
    return {f["properties"]["code"]: f for f in features()}


def signed_area(ring: list[list[float]]) -> float:
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in pairwise(ring)) / 2


def test_the_file_is_smaller_than_one_and_a_half_megabytes() -> None:
    assert GEOJSON.stat().st_size < 1_500_000


def test_there_is_one_feature_per_current_province() -> None:
    codes = [f["properties"]["code"] for f in features()]
    assert len(codes) == 38
    assert sorted(codes) == sorted(r.code for r in reference.regions("provinsi"))


def test_every_feature_names_its_province_and_time_zone() -> None:
    for code, feature in by_code().items():
        region = reference.get(code)
        assert region is not None
        props = feature["properties"]
        assert props["name"] == region.canonical_name
        assert props["timezone"] == reference.timezone_of(code)
        assert props["geometry_note"]


def test_every_geometry_is_a_multipolygon_of_closed_counter_clockwise_rings_inside_indonesia() -> None:
    for feature in features():
        geometry = feature["geometry"]
        assert geometry["type"] == "MultiPolygon"
        assert geometry["coordinates"], feature["properties"]["code"]
        for polygon in geometry["coordinates"]:
            for i, ring in enumerate(polygon):
                assert len(ring) >= 4
                assert ring[0] == ring[-1]
                assert len({tuple(p) for p in ring[:-1]}) == len(ring) - 1  # no repeated vertex
                assert (signed_area(ring) > 0) == (i == 0)  # RFC 7946: outer rings counter-clockwise
                for lon, lat in ring:
                    assert LON_RANGE[0] <= lon <= LON_RANGE[1]
                    assert LAT_RANGE[0] <= lat <= LAT_RANGE[1]


def test_provinces_missing_from_the_source_repeat_their_parents_shape_and_say_so() -> None:
    shapes = by_code()
    for code, parent in NEW_PROVINCES.items():
        feature = shapes[code]
        assert feature["geometry"] == shapes[parent]["geometry"]
        assert parent in feature["properties"]["shares_geometry_with"]
        assert "not drawn" in feature["properties"]["geometry_note"]
        assert code in shapes[parent]["properties"]["shares_geometry_with"]


def test_provinces_present_in_the_source_have_their_own_shape() -> None:
    shapes = by_code()
    own = [c for c in shapes if c not in NEW_PROVINCES and c not in NEW_PROVINCES.values()]
    assert len(own) == 38 - 5 - 3
    geometries = [json.dumps(shapes[c]["geometry"]) for c in own]
    assert len(set(geometries)) == len(geometries)
    for code in own:
        assert shapes[code]["properties"]["shares_geometry_with"] == []


def test_banjarmasin_lies_inside_the_kalimantan_selatan_polygon() -> None:
    lon, lat = 114.59, -3.32

    def inside(ring: list[list[float]]) -> bool:
        crossings = 0
        for (x1, y1), (x2, y2) in pairwise(ring):
            if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
                crossings += 1
        return crossings % 2 == 1

    shapes = by_code()
    assert any(inside(polygon[0]) for polygon in shapes["63"]["geometry"]["coordinates"])
    assert not any(inside(polygon[0]) for polygon in shapes["62"]["geometry"]["coordinates"])


def _crosses(a: list[float], b: list[float], c: list[float], d: list[float]) -> bool:
    def orient(p: list[float], q: list[float], r: list[float]) -> float:
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])

    return orient(a, b, c) * orient(a, b, d) <= 0 and orient(c, d, a) * orient(c, d, b) <= 0


def test_no_ring_crosses_itself() -> None:
    checked: set[str] = set()
    for feature in features():
        key = json.dumps(feature["geometry"])
        if key in checked:  # shared shapes are checked once
            continue
        checked.add(key)
        for polygon in feature["geometry"]["coordinates"]:
            for ring in polygon:
                edges = list(pairwise(ring))
                n = len(edges)
                boxes = [(min(a[0], b[0]), max(a[0], b[0]), min(a[1], b[1]), max(a[1], b[1])) for a, b in edges]
                order = sorted(range(n), key=lambda i: boxes[i][0])
                for k, i in enumerate(order):
                    for j in order[k + 1 :]:
                        if boxes[j][0] > boxes[i][1]:
                            break
                        if abs(i - j) in (1, n - 1) or boxes[j][3] < boxes[i][2] or boxes[j][2] > boxes[i][3]:
                            continue
                        assert not _crosses(*edges[i], *edges[j]), (feature["properties"]["code"], edges[i], edges[j])
