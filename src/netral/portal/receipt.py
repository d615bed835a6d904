"""Receipt codes: 16 random digits, shown once, stored only as an Argon2id hash.

Lookup needs a *deterministic* hash: the same code must give the same stored value, so the row can be found by an
index. We therefore use Argon2id with one per-installation salt derived from SECRET_KEY (or NETRAL_RECEIPT_PEPPER)
instead of a random salt per record. The trade-off: with per-record salts a lookup would have to hash the code once
per stored receipt (O(n) Argon2 runs per request), which is unusable; with one installation salt an attacker who
steals the database *and* the secret key can attack all receipts at once instead of one by one. Without the key the
hashes are useless, and even with it every guess costs one slow hash over a space of 10^16 codes (see
tests/portal/test_bruteforce.py for the arithmetic, bench/portal_receipt.py for the measured time).
"""

from __future__ import annotations

import hashlib
import secrets

from argon2.low_level import Type, hash_secret_raw
from django.conf import settings

__all__ = ["DIGITS", "format_code", "hash_code", "new_code", "normalise"]

DIGITS = 16


def new_code() -> str:
    """16 uniformly random digits (leading zeros allowed)."""
    return "".join(secrets.choice("0123456789") for _ in range(DIGITS))


def format_code(code: str) -> str:
    """ "1234 5678 9012 3456": groups of four for reading aloud and copying."""
    return " ".join(code[i : i + 4] for i in range(0, len(code), 4))


def normalise(text: str) -> str | None:
    """The 16 digits typed, ignoring spaces and dashes; None when it cannot be a code."""
    digits = "".join(ch for ch in text[:64] if ch not in " -\u00a0\t")
    if len(digits) != DIGITS or not digits.isascii() or not digits.isdigit():
        return None
    return digits


def _salt() -> bytes:
    pepper = getattr(settings, "NETRAL_RECEIPT_PEPPER", "") or settings.SECRET_KEY
    return hashlib.sha256(b"netral.portal.receipt:" + pepper.encode()).digest()[:16]


def parameters() -> tuple[int, int, int]:
    """(time_cost, memory_cost in KiB, parallelism) from settings."""
    return (
        int(getattr(settings, "NETRAL_RECEIPT_TIME_COST", 2)),
        int(getattr(settings, "NETRAL_RECEIPT_MEMORY_KIB", 64 * 1024)),
        int(getattr(settings, "NETRAL_RECEIPT_PARALLELISM", 1)),
    )


def hash_code(code: str) -> str:
    """The stored form: "argon2id$t$m$p$" + hex of a 32-byte Argon2id hash with the installation salt."""
    time_cost, memory, parallelism = parameters()
    raw = hash_secret_raw(
        code.encode(),
        _salt(),
        time_cost=time_cost,
        memory_cost=memory,
        parallelism=parallelism,
        hash_len=32,
        type=Type.ID,
    )
    return f"argon2id${time_cost}${memory}${parallelism}${raw.hex()}"
