"""Mirror the region data files into the database: idempotent, by checksum, upserting in batches.

Regions that vanish from a newer Kemendagri list are kept (cases may point at them) but marked inactive.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from typing import Any

from django.db import transaction

from netral.core.models import checksum, is_loaded, mark_loaded
from netral.geo import reference
from netral.geo.models import Region, RegionAlias

DATASET = "geo.regions"
BATCH = 2000
CENTROIDS_FILE = reference.DATA_DIR / "kabupaten_kota_centroids.csv"
UPDATED = [
    *("name", "canonical_name", "type", "level", "parent", "province_code", "regency_code", "timezone"),
    *("latitude", "longitude", "is_active"),
]

Progress = Callable[[str, int, int], None]


def _centroids() -> dict[str, tuple[float, float]]:
    if not CENTROIDS_FILE.exists():
        return {}
    with CENTROIDS_FILE.open(encoding="utf-8", newline="") as fh:
        return {row["code"]: (float(row["lat"]), float(row["lon"])) for row in csv.DictReader(fh)}


def _rows(level: reference.Level, centroids: dict[str, tuple[float, float]]) -> Iterator[Region]:
    zones = reference.timezones()
    for r in reference.regions(level):
        lat, lon = centroids.get(r.code, (None, None))
        yield Region(
            code=r.code,
            name=r.name,
            canonical_name=r.canonical_name,
            type=r.type,
            level=level,
            parent_id=r.parent_code,
            province_code=r.province_code,
            regency_code=r.regency_code or "",
            timezone=zones[r.province_code],
            latitude=lat,
            longitude=lon,
            is_active=True,
        )


def _batches(rows: Iterator[Region]) -> Iterator[list[Region]]:
    batch: list[Region] = []
    for row in rows:
        batch.append(row)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def data_files() -> list[Any]:
    files = [reference.DATA_DIR / f"{level}.csv" for level in reference.LEVELS]
    files += [reference.DATA_DIR / name for name in ("provinsi_extra.csv", "name_overrides.csv", "aliases.csv")]
    return [*files, CENTROIDS_FILE] if CENTROIDS_FILE.exists() else files


def load_regions(*, force: bool = False, progress: Progress | None = None) -> int:
    """Load or refresh all regions and aliases; returns the number of rows written (0 when already current)."""
    digest = checksum(data_files())
    if not force and is_loaded(DATASET, digest):
        return 0
    centroids = _centroids()
    written = 0
    with transaction.atomic():
        seen: set[str] = set()
        for level in reference.LEVELS:
            total = len(reference.regions(level))
            done = 0
            for batch in _batches(_rows(level, centroids)):
                Region.objects.bulk_create(batch, update_conflicts=True, unique_fields=["code"], update_fields=UPDATED)
                seen.update(r.code for r in batch)
                done += len(batch)
                if progress:
                    progress(level, done, total)
            written += total
        _deactivate_missing(seen)
        RegionAlias.objects.all().delete()
        RegionAlias.objects.bulk_create(
            RegionAlias(alias=a.alias, region_id=a.code, note=a.note) for a in reference.aliases()
        )
        mark_loaded(DATASET, digest, written)
    return written


def _deactivate_missing(seen: set[str]) -> None:
    stale = [code for code in Region.objects.values_list("code", flat=True) if code not in seen]
    for start in range(0, len(stale), BATCH):
        Region.objects.filter(code__in=stale[start : start + BATCH]).update(is_active=False)


def load_after_migrate(**kwargs: Any) -> None:
    """post_migrate hook: bring the region tables up to date with the data files."""
    load_regions()
