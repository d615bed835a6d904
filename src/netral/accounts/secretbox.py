"""Encrypt small secrets (TOTP seeds) at rest with a key derived from SECRET_KEY, using only the standard library.

Construction (encrypt-then-MAC): two keys are derived from SECRET_KEY with Django's `salted_hmac` (salts
"…secretbox.enc" and "…secretbox.mac"); a random 16-byte nonce; the keystream is HMAC-SHA256(enc key, nonce ‖
counter) blocks (HMAC as a PRF in counter mode); the tag is HMAC-SHA256(mac key, version ‖ nonce ‖ ciphertext).
Stored as `v1$<urlsafe base64 of nonce ‖ ciphertext ‖ tag>`. A database dump alone does not reveal the seeds;
someone with the database *and* SECRET_KEY does (as with every secret the application itself must use).
Decryption also tries SECRET_KEY_FALLBACKS, so a key rotation keeps devices working until re-encrypted.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os

from django.conf import settings
from django.utils.crypto import salted_hmac

__all__ = ["SecretBoxError", "decrypt", "encrypt"]

VERSION = b"v1"
NONCE_BYTES = 16
TAG_BYTES = 32


class SecretBoxError(ValueError):
    """The stored value was altered, or was encrypted under a key that is no longer configured."""


def _keys(secret_key: str) -> tuple[bytes, bytes]:
    enc = salted_hmac("netral.accounts.secretbox.enc", "", secret=secret_key).digest()
    mac = salted_hmac("netral.accounts.secretbox.mac", "", secret=secret_key).digest()
    return enc, mac


def _keystream(key: bytes, nonce: bytes, length: int) -> bytes:
    blocks = (
        hmac.new(key, nonce + counter.to_bytes(4, "big"), hashlib.sha256).digest()
        for counter in range(-(-length // 32))
    )
    return b"".join(blocks)[:length]


def _xor(data: bytes, stream: bytes) -> bytes:
    return bytes(a ^ b for a, b in zip(data, stream, strict=True))


def encrypt(plaintext: str) -> str:
    enc, mac = _keys(settings.SECRET_KEY)
    nonce = os.urandom(NONCE_BYTES)
    data = plaintext.encode()
    ciphertext = _xor(data, _keystream(enc, nonce, len(data)))
    tag = hmac.new(mac, VERSION + nonce + ciphertext, hashlib.sha256).digest()
    return "v1$" + base64.urlsafe_b64encode(nonce + ciphertext + tag).decode()


def decrypt(stored: str) -> str:
    version, _, body = stored.partition("$")
    if version != VERSION.decode():
        raise SecretBoxError("unknown format")
    raw = base64.urlsafe_b64decode(body.encode())
    nonce, ciphertext, tag = raw[:NONCE_BYTES], raw[NONCE_BYTES:-TAG_BYTES], raw[-TAG_BYTES:]
    for secret_key in [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]:
        enc, mac = _keys(secret_key)
        expected = hmac.new(mac, VERSION + nonce + ciphertext, hashlib.sha256).digest()
        if hmac.compare_digest(expected, tag):
            return _xor(ciphertext, _keystream(enc, nonce, len(ciphertext))).decode()
    raise SecretBoxError("authentication failed")
