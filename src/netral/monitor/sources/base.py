"""What every source kind produces, and the two shapes a kind can have (fetched from a URL, or parsed from a file)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol, runtime_checkable

from netral.monitor.fetching.http import Fetcher


@dataclass(frozen=True, slots=True)
class RawItem:
    """One collected item, before dedup and storage. `text` is never empty for an item a kind yields."""

    kind: str  # registry name of the kind that produced it
    raw: bytes  # the raw form as received: HTML page, feed entry as JSON, CSV row as JSON, chat message lines
    raw_type: str  # media type of `raw`: "text/html", "application/json", "text/plain"
    text: str  # the main text, extracted and cleaned
    title: str = ""
    url: str = ""  # canonical URL ("" for uploads without links)
    published: datetime | None = None  # timezone-aware
    author: str = ""
    outlet: str = ""  # site name or host, platform + account, or "WhatsApp: <chat name>"


@dataclass(frozen=True, slots=True)
class FetchState:
    """Validators of the last successful fetch of a source URL, sent back as a conditional GET."""

    etag: str = ""
    last_modified: str = ""


@dataclass(slots=True)
class Collected:
    """A run's result. `problems` are Indonesian, one per skipped entry or row ("baris 7: kolom teks kosong")."""

    items: list[RawItem]
    state: FetchState = field(default_factory=FetchState)
    not_modified: bool = False
    problems: list[str] = field(default_factory=list)


class UploadError(ValueError):
    """The whole file cannot be read as this kind; the message is Indonesian and shown in the upload form."""


class UnknownKind(KeyError):
    """No source kind has this name."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "unknown source kind"


Seen = Callable[[str], bool]  # answers whether a canonical URL is already stored, so it is not fetched again


@runtime_checkable
class UrlKind(Protocol):
    """A kind fetched from a URL on a schedule (feed, sitemap, article)."""

    name: str
    label: str
    needs_url: bool

    def collect(
        self, url: str, config: Mapping[str, Any], fetcher: Fetcher, state: FetchState, seen: Seen
    ) -> Collected: ...


@runtime_checkable
class UploadKind(Protocol):
    """A kind read from an uploaded file (social-media export, WhatsApp chat, plain file)."""

    name: str
    label: str
    needs_url: bool

    def parse(self, data: bytes, filename: str, config: Mapping[str, Any]) -> Collected: ...


SourceKind = UrlKind | UploadKind
