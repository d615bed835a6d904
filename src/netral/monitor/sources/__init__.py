"""Source kinds of the monitor, all listed in one registry (`KINDS`).

URL kinds (`feed`, `sitemap`, `article`) have `collect(url, config, fetcher, state, seen)`; upload kinds
(`social`, `whatsapp`, `file`) have `parse(data, filename, config)`. Adding a kind: see CONTRIBUTING.md,
"A new source kind".
"""

from __future__ import annotations

from netral.monitor.sources.article import ArticleKind
from netral.monitor.sources.base import (
    Collected,
    FetchState,
    RawItem,
    SourceKind,
    UnknownKind,
    UploadError,
    UploadKind,
    UrlKind,
)
from netral.monitor.sources.feed import FeedKind
from netral.monitor.sources.file import FileKind
from netral.monitor.sources.sitemap import SitemapKind
from netral.monitor.sources.social import SocialKind, columns_of, guess_columns
from netral.monitor.sources.upload import detect_upload_kind
from netral.monitor.sources.whatsapp import WhatsAppKind

KINDS: dict[str, SourceKind] = {
    kind.name: kind for kind in (FeedKind(), SitemapKind(), ArticleKind(), SocialKind(), WhatsAppKind(), FileKind())
}


def get_kind(name: str) -> SourceKind:
    """The kind registered as `name`; raises UnknownKind with the known names."""
    try:
        return KINDS[name]
    except KeyError:
        raise UnknownKind(f"Jenis sumber tidak dikenal: {name!r} (yang ada: {', '.join(KINDS)})") from None


def get_url_kind(name: str) -> UrlKind:
    """Like `get_kind`, typed for callers that `collect`; raises UnknownKind for an upload kind."""
    kind = get_kind(name)
    if not isinstance(kind, UrlKind):
        raise UnknownKind(f"Jenis sumber {name!r} dibaca dari berkas unggahan, bukan dari URL")
    return kind


def get_upload_kind(name: str) -> UploadKind:
    """Like `get_kind`, typed for callers that `parse`; raises UnknownKind for a URL kind."""
    kind = get_kind(name)
    if not isinstance(kind, UploadKind):
        raise UnknownKind(f"Jenis sumber {name!r} diambil dari URL, bukan dari berkas unggahan")
    return kind


__all__ = [
    "KINDS",
    "Collected",
    "FetchState",
    "RawItem",
    "SourceKind",
    "UnknownKind",
    "UploadError",
    "UploadKind",
    "UrlKind",
    "columns_of",
    "detect_upload_kind",
    "get_kind",
    "get_upload_kind",
    "get_url_kind",
    "guess_columns",
]
