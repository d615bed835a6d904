"""RFC 6238 time-based one-time passwords (30 s steps, 6 digits, SHA-1 as every authenticator app expects).

Pure Python on top of PyOTP. A code is accepted for the current step or one step either side (clock drift), and
only for a step later than the last one used, so the same code cannot be replayed.
"""

from __future__ import annotations

import hmac
import re

import pyotp

__all__ = ["DIGITS", "STEP_SECONDS", "code_at", "matching_step", "new_secret", "provisioning_uri", "step_at"]

STEP_SECONDS = 30
DIGITS = 6
WINDOW = 1  # steps either side of now
CODE_RE = re.compile(r"^\d{6}$")


def new_secret() -> str:
    """160 random bits in base32 (RFC 4226 recommends at least 128)."""
    return pyotp.random_base32(32)


def step_at(timestamp: float) -> int:
    return int(timestamp) // STEP_SECONDS


def code_at(secret: str, step: int) -> str:
    return pyotp.TOTP(secret, digits=DIGITS, interval=STEP_SECONDS).generate_otp(step)


def matching_step(secret: str, code: str, timestamp: float, last_used_step: int) -> int | None:
    """The step whose code `code` is (within the window, after `last_used_step`), or None."""
    code = code.strip().replace(" ", "")
    if not CODE_RE.match(code):
        return None
    now = step_at(timestamp)
    for step in range(now - WINDOW, now + WINDOW + 1):
        if step > last_used_step and hmac.compare_digest(code_at(secret, step), code):
            return step
    return None


def provisioning_uri(secret: str, account: str, issuer: str = "Netral") -> str:
    """The otpauth:// URI an authenticator app reads from the QR code."""
    return pyotp.TOTP(secret, digits=DIGITS, interval=STEP_SECONDS).provisioning_uri(name=account, issuer_name=issuer)
