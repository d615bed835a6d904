"""The audit log's hash chain in plain Python (no Django), so it can be computed and checked anywhere.

Each entry's hash is SHA-256 over a canonical serialisation of its fields and the previous entry's hash; the first
entry links to GENESIS (64 zeros). Editing, deleting or reordering any entry breaks the chain at that point, which
`verify` reports. Rewriting the whole tail after an edit (recomputing every later hash) is only caught against a head
hash kept outside the database: see docs/security.md.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

__all__ = ["FORMAT", "GENESIS", "Break", "ChainReport", "Link", "canonical", "compute_hash", "verify"]

#: Written into every hashed message, so a later change of the serialisation can be told apart.
FORMAT = "netral-audit-v1"
GENESIS = "0" * 64


@dataclass(frozen=True, slots=True)
class Link:
    """One entry as the chain sees it: every field that is hashed, the link to its predecessor, and its hash."""

    sequence: int
    created_at: dt.datetime
    actor_id: int | None
    actor_label: str
    action: str
    object_type: str
    object_id: str
    region_code: str
    data: Mapping[str, Any]
    prev_hash: str
    hash: str = ""


def canonical(link: Link) -> bytes:
    """The exact bytes that are hashed: sorted-key compact JSON of the fields, UTF-8, after a format tag."""
    if link.created_at.tzinfo is None:
        raise ValueError("created_at must be timezone-aware")
    fields = {
        "sequence": link.sequence,
        "created_at": link.created_at.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
        "actor_id": link.actor_id,
        "actor_label": link.actor_label,
        "action": link.action,
        "object_type": link.object_type,
        "object_id": link.object_id,
        "region_code": link.region_code,
        "data": link.data,
        "prev_hash": link.prev_hash,
    }
    text = json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    return f"{FORMAT}\n{text}".encode()


def compute_hash(link: Link) -> str:
    return hashlib.sha256(canonical(link)).hexdigest()


BreakKind = Literal["edited", "missing", "relinked", "truncated"]


@dataclass(frozen=True, slots=True)
class Break:
    """Where the chain first fails and why; `sequence` is the entry to look at."""

    sequence: int
    kind: BreakKind
    message: str


@dataclass(frozen=True, slots=True)
class ChainReport:
    count: int
    head_sequence: int
    head_hash: str
    broken: Break | None

    @property
    def ok(self) -> bool:
        return self.broken is None


def verify(
    links: Iterable[Link], *, published: str | None = None, progress: Callable[[int], None] | None = None
) -> ChainReport:
    """Walk the links in sequence order and stop at the first break.

    `published` is a head hash kept outside the database earlier; it must still appear in the chain, otherwise the
    newest entries were cut off (or the chain was rewritten).
    """
    expected, prev_hash, count, seen_published = 1, GENESIS, 0, published is None
    for link in links:
        broken = _check(link, expected, prev_hash)
        if broken is not None:
            return ChainReport(count, expected - 1, prev_hash, broken)
        seen_published = seen_published or link.hash == published
        prev_hash, expected, count = link.hash, expected + 1, count + 1
        if progress is not None:
            progress(count)
    if not seen_published:
        message = (
            f"hash kepala yang diterbitkan {published} tidak ada di rantai: "
            "entri terbaru dipotong atau rantai ditulis ulang"
        )
        return ChainReport(count, expected - 1, prev_hash, Break(expected, "truncated", message))
    return ChainReport(count, expected - 1, prev_hash, None)


def _check(link: Link, expected: int, prev_hash: str) -> Break | None:
    if link.sequence != expected:
        gone = f"#{expected}" if link.sequence == expected + 1 else f"#{expected}–#{link.sequence - 1}"
        return Break(expected, "missing", f"entri {gone} hilang (dihapus); rantai berlanjut di #{link.sequence}")
    if compute_hash(link) != link.hash:
        return Break(link.sequence, "edited", f"isi entri #{link.sequence} diubah: hash tidak cocok dengan isinya")
    if link.prev_hash != prev_hash:
        before = "awal rantai (genesis)" if link.sequence == 1 else f"entri #{link.sequence - 1}"
        message = (
            f"entri #{link.sequence} tidak tersambung ke {before}: "
            "entri sebelumnya diubah (hash dihitung ulang), dihapus atau urutannya ditukar"
        )
        return Break(link.sequence, "relinked", message)
    return None
