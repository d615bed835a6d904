"""Canonical URLs, so the same article reached through a feed, a sitemap or a shared link is recognised as one."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_TRACKING_PREFIXES = ("utm_", "mtm_", "pk_")
_TRACKING_NAMES = frozenset(
    {"fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid", "_ga", "_gl"}
    | {"ref_src", "ref_url", "cmpid", "src_type"}
)
# `amp=1` style switches only select the AMP rendering of the same article; `page=all` and friends change content.
_AMP_PARAMS = frozenset({"amp", "outputtype"})
_AMP_VALUES = frozenset({"", "1", "true", "yes", "amp"})
_DEFAULT_PORTS = {"http": 80, "https": 443}


def _is_tracking(name: str, value: str) -> bool:
    lower = name.lower()
    if lower.startswith(_TRACKING_PREFIXES) or lower in _TRACKING_NAMES:
        return True
    return lower in _AMP_PARAMS and value.lower() in _AMP_VALUES


def canonical_url(url: str) -> str:
    """Lower-case scheme and host, no default port, fragment or tracking parameters, sorted query, no AMP suffix.

    A trailing slash is removed except for the site root, which is always "/". Returns "" for "" and for text
    that cannot be split as a URL ("http://[::1"): such links come from outside and must not stop a run.
    """
    url = url.strip()
    if not url:
        return ""
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    try:
        port = parts.port
    except ValueError:
        port = None
    netloc = host if port is None or _DEFAULT_PORTS.get(scheme) == port else f"{host}:{port}"
    if parts.username:
        netloc = f"{parts.username}@{netloc}"
    path = parts.path or "/"
    segments = path.rstrip("/").split("/")
    if len(segments) > 2 and segments[-1].lower() == "amp":  # /berita/judul/amp → /berita/judul (never "/amp")
        segments = segments[:-1]
    path = "/".join(segments) or "/"
    query = [(name, value) for name, value in parse_qsl(parts.query, keep_blank_values=True)]
    query = sorted((name, value) for name, value in query if not _is_tracking(name, value))
    return urlunsplit((scheme, netloc, path, urlencode(query), ""))
