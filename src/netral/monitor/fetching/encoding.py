"""Turn fetched bytes into text without ever raising: HTTP charset, then in-document declarations, then guessing."""

from __future__ import annotations

import codecs
import re
from functools import cache

import charset_normalizer

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_DECLARATION = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)["']""")
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# Browsers (WHATWG Encoding) read these labels as windows-1252, and so do real pages that declare them.
_AS_WINDOWS_1252 = {"iso-8859-1", "latin-1", "latin1", "iso8859-1", "l1", "ascii", "us-ascii", "cp819"}


def charset_from_content_type(content_type: str) -> str:
    """The `charset` parameter of a Content-Type header, lower-cased, or ""."""
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset":
            return value.strip().strip("\"'").lower()
    return ""


def _usable(label: str) -> str:
    label = label.strip().lower()
    if label in _AS_WINDOWS_1252:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return ""


def declared_charset(body: bytes) -> str:
    """The encoding a document declares about itself: BOM, XML declaration or HTML meta (first 4 KB)."""
    for bom, name in _BOMS:
        if body.startswith(bom):
            return name
    head = body[:4096]
    for pattern in (_XML_DECLARATION, _META_CHARSET):
        match = pattern.search(head)
        if match:
            return _usable(match.group(1).decode("ascii", "ignore"))
    return ""


def decode(body: bytes, http_charset: str = "") -> str:
    """Decode `body` honouring the HTTP charset, then the document's own declaration, then a guess."""
    for label in (_usable(http_charset) if http_charset else "", declared_charset(body)):
        if label:
            try:
                return body.decode(label)
            except UnicodeDecodeError:
                continue
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(body[:200_000]).best()
    encoding = best.encoding if best is not None else "cp1252"
    # On short texts the guesser often picks another single-byte code page (cp1250, mac_roman…); Indonesian
    # legacy pages and exports are windows-1252, so prefer it whenever it decodes and no multi-byte guess won.
    if encoding != "cp1252" and _single_byte(encoding):
        try:
            return body.decode("cp1252")
        except UnicodeDecodeError:
            pass
    return body.decode(encoding, errors="replace")


@cache
def _single_byte(encoding: str) -> bool:
    """True for code pages that map every byte to one character (multi-byte ones merge byte pairs)."""
    try:
        return len(bytes(range(256)).decode(encoding, errors="replace")) == 256
    except LookupError:
        return False
