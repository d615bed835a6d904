"""Social-media exports: CSV, a JSON array of objects, or JSON Lines, one post per row.

`config["columns"]` maps our fields (text, url, published, author, outlet) to the file's column names; nested
JSON objects are flattened to dotted names ("user.screen_name"). Without a mapping one is guessed from common
names. `config["platform"]` (e.g. "X", "TikTok") is prefixed to the author to make the outlet;
`config["delimiter"]` overrides the guessed CSV delimiter; `config["timezone"]` reads dates without a zone
(default Asia/Jakarta).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Mapping
from pathlib import PurePath
from typing import Any

from netral.monitor.fetching.encoding import decode
from netral.monitor.fetching.urls import canonical_url
from netral.monitor.sources.base import Collected, RawItem, UploadError
from netral.monitor.sources.dates import parse_date, zone

FIELDS = ("text", "url", "published", "author", "outlet")
COMMON_NAMES: dict[str, tuple[str, ...]] = {
    "text": ("text", "content", "full_text", "message", "body", "caption", "teks", "isi", "description"),
    "url": ("url", "link", "permalink", "post_url", "tautan"),
    "published": ("created_at", "date", "timestamp", "published", "published_at", "time", "tanggal", "waktu"),
    "author": ("author", "user", "username", "screen_name", "user_name", "name", "penulis", "akun"),
    "outlet": ("outlet", "platform", "channel", "page_name"),
}
Row = tuple[str, dict[str, Any]]  # (where: "baris 3" / "objek 2", flattened row)
MAX_DEPTH = 20  # nested objects deeper than this stay one value: no export nests so deep, and recursion is bounded


def _flatten(value: Mapping[str, Any], prefix: str = "", depth: int = 0) -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, item in value.items():
        name = f"{prefix}{key}"
        if isinstance(item, Mapping) and depth < MAX_DEPTH:
            flat.update(_flatten(item, f"{name}.", depth + 1))
        else:
            flat[name] = item
    return flat


def _format(data: bytes, filename: str) -> str:
    suffix = PurePath(filename).suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    if suffix in (".csv", ".tsv"):
        return "csv"
    head = decode(data[:2048]).lstrip("\ufeff \t\r\n")
    if suffix == ".json" or head[:1] in ("[", "{"):
        return "json" if head[:1] == "[" else "jsonl"
    return "csv"


def _csv_rows(text: str, delimiter: str) -> Iterator[Row]:
    if delimiter:
        reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    else:
        try:
            dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:8192], delimiters=",;\t|")
        except csv.Error:
            dialect = csv.excel
        reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    try:
        for row in reader:
            yield f"baris {reader.line_num}", {key: value for key, value in row.items() if key is not None}
    except csv.Error as error:  # e.g. an unclosed quote running past the field size limit
        raise UploadError(f"Berkas CSV rusak (baris {reader.line_num}): {error}") from error


def _rows(data: bytes, filename: str, delimiter: str = "") -> Iterator[Row]:
    text = decode(data).lstrip("\ufeff")
    kind = _format(data, filename)
    if kind == "csv":
        yield from _csv_rows(text, delimiter)
        return
    if kind == "json":
        try:
            loaded = json.loads(text)
        except json.JSONDecodeError as error:
            raise UploadError(f"Berkas JSON rusak (baris {error.lineno}): {error.msg}") from error
        except RecursionError:
            raise UploadError("Berkas JSON bersarang terlalu dalam") from None
        if not isinstance(loaded, list):
            raise UploadError("Berkas JSON harus berisi daftar objek, satu per unggahan")
        for number, value in enumerate(loaded, start=1):
            yield f"objek {number}", _flatten(value) if isinstance(value, Mapping) else {}
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except (json.JSONDecodeError, RecursionError):
            yield f"baris {number}", {"\0invalid": True}
            continue
        yield f"baris {number}", _flatten(value) if isinstance(value, Mapping) else {}


def columns_of(data: bytes, filename: str, delimiter: str = "") -> list[str]:
    """The column names of an export (first 200 rows, in order of appearance), for the upload form's mapping."""
    seen: dict[str, None] = {}
    for index, (_where, row) in enumerate(_rows(data, filename, delimiter)):
        if index >= 200:
            break
        for key in row:
            if key != "\0invalid":
                seen.setdefault(key, None)
    return list(seen)


def guess_columns(columns: list[str]) -> dict[str, str]:
    """Our field → the file's column, from common names (exact name first, then the last dotted part)."""
    by_name = {column.lower(): column for column in columns}
    by_leaf: dict[str, str] = {}
    for column in columns:
        by_leaf.setdefault(column.rsplit(".", 1)[-1].lower(), column)
    guessed: dict[str, str] = {}
    for field, names in COMMON_NAMES.items():
        for table in (by_name, by_leaf):
            match = next((table[name] for name in names if name in table and table[name] not in guessed.values()), "")
            if match:
                guessed[field] = match
                break
    return guessed


def _cell(row: Mapping[str, Any], column: str) -> str:
    value = row.get(column) if column else None
    return "" if value is None else str(value).strip()


class SocialKind:
    name = "social"
    label = "Ekspor media sosial (CSV/JSON)"
    needs_url = False

    def parse(self, data: bytes, filename: str, config: Mapping[str, Any]) -> Collected:
        local = zone(config.get("timezone"))
        delimiter = str(config.get("delimiter") or "")
        mapping = dict(config.get("columns") or guess_columns(columns_of(data, filename, delimiter)))
        if not mapping.get("text"):
            raise UploadError("Kolom teks tidak ditemukan; pilih kolom yang berisi teks unggahan")
        platform = str(config.get("platform") or "").strip()
        items: list[RawItem] = []
        problems: list[str] = []
        for where, row in _rows(data, filename, delimiter):
            if "\0invalid" in row or not row:
                problems.append(f"{where}: bukan objek JSON yang sah")
                continue
            text = _cell(row, mapping["text"])
            if not text:
                problems.append(f"{where}: kolom teks kosong")
                continue
            raw_date = row.get(mapping.get("published", "")) if mapping.get("published") else None
            published = parse_date(raw_date, local)
            if raw_date not in (None, "") and published is None:
                problems.append(f"{where}: tanggal '{raw_date}' tidak dikenali; disimpan tanpa tanggal")
            author = _cell(row, mapping.get("author", ""))
            outlet = _cell(row, mapping.get("outlet", "")) or " ".join(part for part in (platform, author) if part)
            items.append(
                RawItem(
                    kind=self.name,
                    raw=json.dumps(row, ensure_ascii=False, default=str).encode(),
                    raw_type="application/json",
                    text=text,
                    url=canonical_url(_cell(row, mapping.get("url", ""))),
                    published=published,
                    author=author,
                    outlet=outlet,
                )
            )
        return Collected(items, problems=problems)
