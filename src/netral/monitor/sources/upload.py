"""Which upload kind a file is, from its name and first lines (for the CLI and the upload form's default)."""

from __future__ import annotations

import json
from pathlib import PurePath

from netral.monitor.fetching.encoding import decode
from netral.monitor.sources.whatsapp import header

SOCIAL_SUFFIXES = (".csv", ".tsv", ".jsonl", ".ndjson")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")


def detect_upload_kind(data: bytes, filename: str) -> str:
    """ "whatsapp", "social" or "file".

    CSV and JSON Lines are social exports; a JSON array is a social export, a single JSON object a corpus-style
    file; a text file whose first lines mostly start like WhatsApp messages is a chat; anything else is a file.
    """
    suffix = PurePath(filename).suffix.lower()
    if suffix in SOCIAL_SUFFIXES:
        return "social"
    if suffix in HTML_SUFFIXES:
        return "file"
    head = decode(data[:16_384]).lstrip("\ufeff \t\r\n")
    lines = [line for line in head.splitlines() if line.strip()][:20]
    starts = sum(1 for line in lines if header(line))
    if suffix != ".json" and lines and starts >= max(1, len(lines) // 3):
        return "whatsapp"  # before the JSON check: iOS chat lines start with "["
    if suffix == ".json" or head[:1] in ("[", "{"):
        if head[:1] == "[":
            return "social"
        try:
            loaded = json.loads(decode(data).lstrip("\ufeff"))
        except json.JSONDecodeError:
            return "social"  # several objects, one per line
        except RecursionError:
            return "file"  # one object nested too deep for json: the file kind refuses it with a message
        return "file" if isinstance(loaded, dict) else "social"
    return "file"
