"""The portal's per-client rate limits, read from settings at request time (tests and deployments change them),
enforced by the site-wide `netral.core.ratelimit` (database-backed, shared by every worker; a keyed hash of the
client address, never the address itself). Over the limit: `RateLimited` → 429 with Retry-After."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

from netral.core.ratelimit import enforce

__all__ = ["limit", "rate"]

DEFAULTS = {"submit": "10/h", "lookup": "10/h", "answer": "30/h"}


def rate(name: str) -> str:
    """A portal rate from settings: submit, lookup, answer (evidence added on the follow-up page counts as answer)."""
    return str(getattr(settings, f"NETRAL_PORTAL_{name.upper()}_RATE", DEFAULTS[name]))


def limit(request: HttpRequest, name: str) -> None:
    """Count one request of this client; raises RateLimited when over the portal rate `name`."""
    enforce(request, f"portal.{name}", rate(name))
