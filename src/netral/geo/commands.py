"""`netral geo`: load the region tables into the database and look regions up.

netral geo load [--force]     mirror the data files into the database (progress bar)
netral geo find Aluh-Aluh     which kecamatan/kabupaten/provinsi carry that name or alias
netral geo show 63.03         one region with its parents, time zone and children count
netral geo stats              counts per level in the data files
"""

from __future__ import annotations

import argparse

from netral.geo import reference


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    load = sub.add_parser("load", help="load or refresh the regions in the database")
    load.add_argument("--force", action="store_true", help="reload even when the data files did not change")
    find = sub.add_parser("find", help="find regions by name or alias")
    find.add_argument("query")
    find.add_argument("--level", choices=reference.LEVELS)
    find.add_argument("--limit", type=int, default=20)
    show = sub.add_parser("show", help="show one region by its Kemendagri code")
    show.add_argument("code")
    sub.add_parser("stats", help="count regions per level")


def _load(force: bool) -> int:
    from netral.cli import setup_django
    from netral.core.progress import Progress

    setup_django()
    from netral.geo.loading import load_regions

    bars: dict[str, Progress] = {}

    def progress(level: str, done: int, total: int) -> None:
        bars.setdefault(level, Progress(level, total)).update(done)

    written = load_regions(force=force, progress=progress)
    print(f"{written:,} wilayah dimuat." if written else "Data wilayah sudah mutakhir; tidak ada yang dimuat.")
    return 0


def _find(query: str, level: reference.Level | None, limit: int) -> int:
    from netral.geo.search import search

    found = search(query, level=level, limit=limit)
    if not found:
        print(f"Tidak ada wilayah bernama “{query}”.")
        return 1
    for result in found:
        print(result.describe())
    return 0


def _show(code: str) -> int:
    from netral.geo.search import display_name

    region = reference.get(code.strip())
    if region is None:
        print(f"Kode {code} tidak ada di daftar Kemendagri.")
        return 1
    chain = ", ".join(display_name(r) for r in reference.ancestors(region.code))
    zone = reference.ZONE_LABELS[reference.timezone_of(region.code)]
    print(f"{display_name(region)} ({region.code})" + (f" — {chain}" if chain else "") + f", {zone}")
    print(f"  nama resmi : {region.name}")
    print(f"  jenis      : {region.type}")
    print(f"  zona waktu : {reference.timezone_of(region.code)}")
    aliases = [a.alias for a in reference.aliases() if a.code == region.code]
    if aliases:
        print(f"  juga ditulis: {', '.join(aliases)}")
    return 0


def _stats() -> int:
    for level in reference.LEVELS:
        print(f"{level:<16} {len(reference.regions(level)):>7,}")
    return 0


def run(args: argparse.Namespace) -> int:
    if args.action == "load":
        return _load(args.force)
    if args.action == "find":
        return _find(args.query, args.level, args.limit)
    if args.action == "show":
        return _show(args.code)
    return _stats()
