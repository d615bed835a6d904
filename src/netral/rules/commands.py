"""`netral rules`: show the rules catalogue and compute deadlines, without Django.

netral rules                                  SKB violation types (code, category, title, kind, sanctions)
netral rules --all                            also the rules for village heads, TNI, Polri and crimes
netral rules --elections                      elections and their phases
netral rules --sanctions                      sanctions and their penalties
netral rules --deadlines [--regime pemilu]    handling steps and deadlines
netral rules --holidays 2025                  libur nasional and cuti bersama of a year
netral rules ... --format json                the same as JSON
netral rules due --regime pemilu --step kajian_awal --start 2024-02-14T10:00 --zone Asia/Makassar
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import sys
from collections.abc import Sequence
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from netral.rules.calendar import due_for_step, zone_label
from netral.rules.catalogue import Catalogue, CatalogueError, load_catalogue

UNIT_LABELS = {"days": "hari", "working_days": "hari kerja", "hours": "jam"}
STAGE_LABELS = {"before_designation": "sebelum penetapan", "after_designation": "setelah penetapan", "any": "kapan pun"}
TYPE_LABELS = {"libur_nasional": "Libur nasional", "cuti_bersama": "Cuti bersama"}
DAY_NAMES = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    show = parser.add_mutually_exclusive_group()
    show.add_argument("--all", action="store_true", help="all violation types, not only the SKB 2022 matrix")
    show.add_argument("--elections", action="store_true", help="elections and their phases")
    show.add_argument("--sanctions", action="store_true", help="sanctions and their penalties")
    show.add_argument("--deadlines", action="store_true", help="handling steps and their deadlines")
    show.add_argument("--holidays", type=int, metavar="YEAR", help="libur nasional and cuti bersama of a year")
    parser.add_argument("--regime", help="with --deadlines: only this regime (pemilu, pilkada, asn)")
    parser.add_argument("--format", choices=("table", "json"), default="table", help="output format")
    sub = parser.add_subparsers(dest="rules_command", metavar="[due]", title="perintah")
    due = sub.add_parser("due", help="compute when a handling step is due", description="compute a deadline")
    due.add_argument("--regime", required=True, help="pemilu, pilkada or asn")
    due.add_argument("--step", required=True, help="step code, see `netral rules --deadlines`")
    due.add_argument("--start", required=True, help="ISO date-time the clock starts, e.g. 2024-02-14T10:00")
    due.add_argument("--zone", default="Asia/Jakarta", help="region time zone (default Asia/Jakarta)")
    due.add_argument("--format", choices=("table", "json"), default=argparse.SUPPRESS, help="output format")


def run(args: argparse.Namespace) -> int:
    try:
        catalogue = load_catalogue()
    except CatalogueError as exc:
        print(f"Katalog aturan tidak valid: {exc}", file=sys.stderr)
        return 2
    as_json = args.format == "json"
    if getattr(args, "rules_command", None) == "due":
        return _due(catalogue, args, as_json)
    if args.elections:
        return _elections(catalogue, as_json)
    if args.sanctions:
        return _sanctions(catalogue, as_json)
    if args.deadlines:
        return _deadlines(catalogue, args.regime, as_json)
    if args.holidays is not None:
        return _holidays(catalogue, args.holidays, as_json)
    return _violations(catalogue, every=args.all, as_json=as_json)


# --- views ----------------------------------------------------------------------------------------------------------


def _violations(catalogue: Catalogue, *, every: bool, as_json: bool) -> int:
    rows = [v for v in catalogue.violation_types if every or v.category in ("kode_etik", "disiplin")]
    if as_json:
        return _print_json([dataclasses.asdict(v) for v in rows])
    _print_table(
        ("Kode", "Kategori", "Tahap", "Judul", "Jenis", "Sanksi"),
        [
            (
                v.code,
                v.category,
                STAGE_LABELS[v.stage],
                v.title,
                ", ".join(v.kinds) or "-",
                ", ".join(v.sanctions),
            )
            for v in rows
        ],
    )
    conflicts = [v.code for v in rows if "[CONFLICT" in v.note]
    if conflicts:
        codes = ", ".join(conflicts)
        print(f"\nCatatan: sumber berbeda pendapat untuk {codes} (lihat `note` di violation_types.toml).")
    return 0


def _elections(catalogue: Catalogue, as_json: bool) -> int:
    if as_json:
        return _print_json([dataclasses.asdict(e) for e in catalogue.elections])
    for i, e in enumerate(catalogue.elections):
        if i:
            print()
        print(f"{e.code} — {e.name} ({e.kind}, rezim {e.regime}); pemungutan suara {_date(e.voting_day)}")
        print(f"Dasar hukum: {e.legal_basis}")
        _print_table(
            ("Tahapan", "Nama", "Mulai", "Selesai"),
            [(p.code, p.name, _date(p.start), _date(p.end)) for p in e.phases],
        )
    return 0


def _sanctions(catalogue: Catalogue, as_json: bool) -> int:
    if as_json:
        return _print_json([dataclasses.asdict(s) for s in catalogue.sanctions])
    _print_table(
        ("Kode", "Tingkat", "Nama", "Hukuman", "Dasar hukum"),
        [
            (s.code, s.level + ("" if s.in_force else " (dicabut)"), s.name, "; ".join(s.penalties), s.legal_basis)
            for s in catalogue.sanctions
        ],
    )
    return 0


def _deadlines(catalogue: Catalogue, regime: str | None, as_json: bool) -> int:
    codes = [r.code for r in catalogue.regimes]
    if regime is not None and regime not in codes:
        print(f"Rezim tidak dikenal: {regime!r} (pilihan: {', '.join(codes)})", file=sys.stderr)
        return 2
    regimes = [catalogue.regime(regime)] if regime else list(catalogue.regimes)
    if as_json:
        return _print_json(
            {r.code: [dataclasses.asdict(s) for s in (catalogue.steps(r.code) if regime else r.steps)] for r in regimes}
        )
    for i, r in enumerate(regimes):
        if i:
            print()
        print(f"{r.code} — {r.name} ({r.legal_basis})")
        steps = catalogue.steps(r.code) if regime else r.steps
        _print_table(
            ("Langkah", "Nama", "Batas waktu", "Dihitung sejak", "Dasar hukum", "Catatan"),
            [
                (
                    s.code,
                    s.name,
                    f"{s.amount} {UNIT_LABELS[s.unit]}",
                    s.starts_on_text,
                    s.legal_basis,
                    "konflik/belum terverifikasi" if "[" in s.note else "",
                )
                for s in steps
            ],
        )
    return 0


def _holidays(catalogue: Catalogue, year: int, as_json: bool) -> int:
    if year not in catalogue.holiday_years:
        known = ", ".join(str(y) for y in catalogue.holiday_years)
        print(f"Belum ada data libur untuk tahun {year} (tersedia: {known}).", file=sys.stderr)
        return 2
    rows = catalogue.holidays_between(dt.date(year, 1, 1), dt.date(year, 12, 31))
    if as_json:
        return _print_json([dataclasses.asdict(h) for h in rows])
    _print_table(
        ("Tanggal", "Hari", "Jenis", "Nama", "Dasar"),
        [(h.date.isoformat(), DAY_NAMES[h.date.weekday()], TYPE_LABELS[h.type], h.name, h.decree) for h in rows],
    )
    return 0


def _due(catalogue: Catalogue, args: argparse.Namespace, as_json: bool) -> int:
    try:
        zone = ZoneInfo(args.zone)
    except (ZoneInfoNotFoundError, ValueError):
        print(
            f"Zona waktu tidak dikenal: {args.zone!r} (contoh: Asia/Jakarta, Asia/Makassar, Asia/Jayapura)",
            file=sys.stderr,
        )
        return 2
    try:
        start = dt.datetime.fromisoformat(args.start)
    except ValueError:
        print(f"Waktu mulai tidak valid: {args.start!r} (contoh: 2024-02-14T10:00)", file=sys.stderr)
        return 2
    if start.tzinfo is None:  # a wall-clock time in the region's zone
        start = start.replace(tzinfo=zone)
    try:
        step = catalogue.step(args.regime, args.step)
        result = due_for_step(start, args.regime, args.step, tz=args.zone, catalogue=catalogue)
    except (KeyError, ValueError) as exc:
        message = exc.args[0] if isinstance(exc, KeyError) and exc.args else str(exc)
        print(f"Tidak dapat menghitung batas waktu: {message}", file=sys.stderr)
        return 2
    label = zone_label(args.zone, result)
    if as_json:
        return _print_json(
            {
                "regime": args.regime,
                "step": step.code,
                "amount": step.amount,
                "unit": step.unit,
                "start": start.isoformat(),
                "due": result.isoformat(),
                "due_utc": result.astimezone(dt.UTC).isoformat(),
                "zone": args.zone,
                "zone_label": label,
            }
        )
    start_local = start.astimezone(result.tzinfo)
    print(f"Langkah      : {step.code} — {step.name} ({args.regime})")
    print(f"Batas waktu  : {step.amount} {UNIT_LABELS[step.unit]} sejak {step.starts_on_text}")
    print(f"Mulai        : {_moment(start_local)} {label}")
    print(f"Jatuh tempo  : {_moment(result)} {label}")
    print(f"Dasar hukum  : {step.legal_basis}")
    if step.note:
        print(f"Catatan      : {step.note}")
    return 0


# --- formatting -----------------------------------------------------------------------------------------------------


def _date(day: dt.date) -> str:
    return day.isoformat()


def _moment(moment: dt.datetime) -> str:
    shown = moment.replace(microsecond=0)
    return f"{DAY_NAMES[moment.weekday()]}, {shown.strftime('%Y-%m-%d %H:%M:%S')}"


def _print_json(data: Any) -> int:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=_json_default))
    return 0


def _json_default(value: object) -> str:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def _print_table(headers: Sequence[str], rows: Sequence[Sequence[str]], max_width: int = 60) -> None:
    cells = [[_clip(str(c), max_width) for c in row] for row in rows]
    widths = [max([len(h), *(len(r[i]) for r in cells)]) for i, h in enumerate(headers)]
    print("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip())
    print("  ".join("-" * w for w in widths))
    for row in cells:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
