"""Plain files: `.txt`, `.html`/`.htm` (main text extracted), and corpus-style `.json` objects with a "text" key
(optional "url", "published", "title", "author", "outlet")."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import PurePath
from typing import Any

from netral.monitor.fetching.encoding import decode
from netral.monitor.fetching.extract import extract
from netral.monitor.fetching.urls import canonical_url
from netral.monitor.sources.base import Collected, RawItem, UploadError
from netral.monitor.sources.dates import parse_date, zone

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
MAX_TITLE = 200


class FileKind:
    name = "file"
    label = "Berkas teks, HTML atau JSON"
    needs_url = False

    def parse(self, data: bytes, filename: str, config: Mapping[str, Any]) -> Collected:
        suffix = PurePath(filename).suffix.lower()
        if suffix in HTML_SUFFIXES or (
            suffix != ".json" and data.lstrip()[:200].lower().startswith((b"<!doctype", b"<html"))
        ):
            return self._html(data, filename)
        if suffix == ".json":
            return self._json(data, config)
        return self._text(data)

    def _html(self, data: bytes, filename: str) -> Collected:
        extracted = extract(data)
        if not extracted.text:
            raise UploadError(f"{filename}: tidak ada teks utama yang dapat diambil dari HTML ini")
        item = RawItem(
            kind=self.name,
            raw=data,
            raw_type="text/html",
            text=extracted.text,
            title=extracted.title,
            url=extracted.canonical_url,
            published=extracted.published,
            outlet=extracted.site_name,
        )
        return Collected([item])

    def _json(self, data: bytes, config: Mapping[str, Any]) -> Collected:
        try:
            loaded = json.loads(decode(data).lstrip("\ufeff"))
        except json.JSONDecodeError as error:
            raise UploadError(f"Berkas JSON rusak (baris {error.lineno}): {error.msg}") from error
        except RecursionError:
            raise UploadError("Berkas JSON bersarang terlalu dalam") from None
        if not isinstance(loaded, dict) or not str(loaded.get("text") or "").strip():
            raise UploadError('Berkas JSON harus berupa objek dengan kunci "text" yang berisi teks')
        problems: list[str] = []
        published = parse_date(loaded.get("published"), zone(config.get("timezone")))
        if loaded.get("published") and published is None:
            problems.append(f"tanggal '{loaded['published']}' tidak dikenali; disimpan tanpa tanggal")
        item = RawItem(
            kind=self.name,
            raw=data,
            raw_type="application/json",
            text=str(loaded["text"]).strip(),
            title=str(loaded.get("title") or "").strip(),
            url=canonical_url(str(loaded.get("url") or "")),
            published=published,
            author=str(loaded.get("author") or "").strip(),
            outlet=str(loaded.get("outlet") or "").strip(),
        )
        return Collected([item], problems=problems)

    def _text(self, data: bytes) -> Collected:
        text = decode(data).lstrip("\ufeff").replace("\r\n", "\n").strip()
        if not text:
            raise UploadError("Berkas kosong")
        first_line = text.split("\n", 1)[0].strip()
        title = first_line if len(first_line) <= MAX_TITLE and "\n" in text else ""
        return Collected([RawItem(kind=self.name, raw=data, raw_type="text/plain", text=text, title=title)])
