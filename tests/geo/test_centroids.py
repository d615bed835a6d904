"""kabupaten_kota_centroids.csv: an approximate position for every kabupaten/kota, with how it was found."""

from __future__ import annotations

import csv
import math

from netral.geo import reference

CENTROIDS = reference.DATA_DIR / "kabupaten_kota_centroids.csv"
METHODS = {"city", "seat", "town", "cluster", "single", "weak cluster", "islands", "province"}


def rows() -> list[dict[str, str]]:
    with CENTROIDS.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_every_kabupaten_and_kota_has_exactly_one_position() -> None:
    codes = [row["code"] for row in rows()]
    assert len(codes) == len(set(codes)) == 514
    assert set(codes) == {r.code for r in reference.regions("kabupaten_kota")}


def test_every_position_lies_inside_indonesias_bounding_box() -> None:
    for row in rows():
        lat, lon = float(row["lat"]), float(row["lon"])
        assert -11.5 <= lat <= 6.5, row
        assert 94.5 <= lon <= 141.5, row


def test_every_row_says_how_its_position_was_found() -> None:
    for row in rows():
        assert row["source"].split(":")[0] in METHODS, row


def test_cities_found_in_geonames_sit_where_the_city_is() -> None:
    known = {"63.71": (-3.32, 114.59), "12.71": (3.59, 98.67), "73.71": (-5.14, 119.42), "62.71": (-2.21, 113.92)}
    by_code = {row["code"]: row for row in rows()}
    for code, (lat, lon) in known.items():
        row = by_code[code]
        assert row["source"].startswith("city:")
        assert math.dist((float(row["lat"]), float(row["lon"])), (lat, lon)) < 0.1


def test_kabupaten_banjar_is_placed_at_its_seat_martapura() -> None:
    row = next(r for r in rows() if r["code"] == "63.03")
    assert math.dist((float(row["lat"]), float(row["lon"])), (-3.41, 114.86)) < 0.1


def test_most_regencies_sit_at_their_own_city_or_seat() -> None:
    methods = [row["source"].split(":")[0] for row in rows()]
    assert methods.count("city") + methods.count("seat") >= 450
    assert methods.count("province") <= 10
