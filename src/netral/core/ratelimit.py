"""Rate limits kept in the database, shared by every worker and host.

Interface (other apps depend on it):

    @ratelimit("portal.report", "10/h")                      # a view, limited per client address on POST
    @ratelimit("login.user", "5/m", key=lambda r: r.POST.get("username", ""))
    def view(request): ...

    if not hit(request, "portal.search", "30/m"):            # one hit by hand; False when over the limit
        raise RateLimited(retry_after=60)                    # rendered as 429 by SecurityHeadersMiddleware

Rates are "N/s", "N/m", "N/h" or "N/d", or with a multiple like "100/15m". Counting uses **fixed windows**: the
window of a hit is `floor(now / period) * period`, and its counter is one row (scope_key, window_start, window_end,
count) incremented by a single `INSERT … ON CONFLICT DO UPDATE … RETURNING` statement, atomic on SQLite (>= 3.35)
and PostgreSQL. A client may get up to twice the rate across a window boundary: the usual price of fixed windows.

Privacy: the client key (by default the address) is never stored. The row holds
`HMAC-SHA256(key derived from SECRET_KEY, scope + "\\0" + key)` truncated to 128 bits (32 hex characters), which
cannot be turned back into an address without the secret key; rows live only until their window ends (+ pruning).

The limiter writes no audit entries. Disable it with NETRAL_RATELIMIT_ENABLED=0 (settings `NETRAL_RATELIMIT_ENABLED`).
"""

from __future__ import annotations

import functools
import ipaddress
import math
import random
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.template.loader import render_to_string
from django.utils.crypto import salted_hmac

__all__ = ["Rate", "RateLimited", "client_address", "enforce", "hit", "parse_rate", "prune", "ratelimit"]

_PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_RATE_RE = re.compile(r"^\s*(\d+)\s*/\s*(\d*)\s*([smhd])\s*$")
PRUNE_PROBABILITY = 0.01  # about one hit in a hundred deletes windows that have ended

# The clock, in seconds since the epoch; tests replace it (monkeypatch `netral.core.ratelimit.now`).
now: Callable[[], float] = time.time

V = TypeVar("V", bound=Callable[..., HttpResponseBase])


class RateLimited(Exception):
    """Raised when a client is over a limit; `SecurityHeadersMiddleware` answers it with 429 and Retry-After."""

    def __init__(self, retry_after: int = 60, scope: str = "") -> None:
        super().__init__(f"rate limit exceeded ({scope or 'unknown scope'}); retry after {retry_after}s")
        self.retry_after = max(1, int(retry_after))
        self.scope = scope


@dataclass(frozen=True)
class Rate:
    limit: int
    period: int  # seconds


@functools.lru_cache(maxsize=256)
def parse_rate(rate: str) -> Rate:
    """ "10/m" → Rate(10, 60); "100/15m" → Rate(100, 900). Raises ValueError on anything else."""
    match = _RATE_RE.match(rate)
    if not match or int(match.group(1)) < 1 or int(match.group(2) or 1) < 1:
        raise ValueError(f"invalid rate {rate!r}: expected N/s, N/m, N/h or N/d (or N/Km …) with N >= 1")
    return Rate(int(match.group(1)), _PERIODS[match.group(3)] * int(match.group(2) or 1))


def _trusted_networks() -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    return [ipaddress.ip_network(item, strict=False) for item in getattr(settings, "NETRAL_TRUSTED_PROXIES", [])]


def _is_trusted(address: str, networks: list[ipaddress.IPv4Network | ipaddress.IPv6Network]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in networks)


def client_address(request: HttpRequest) -> str:
    """The client's address: REMOTE_ADDR, or — only when REMOTE_ADDR is a trusted proxy — the right-most address
    in X-Forwarded-For that is not itself a trusted proxy (the left-most entries are whatever the client wrote)."""
    remote = str(request.META.get("REMOTE_ADDR", "") or "")
    networks = _trusted_networks()
    if not networks or not _is_trusted(remote, networks):
        return remote
    forwarded = [part.strip() for part in str(request.META.get("HTTP_X_FORWARDED_FOR", "")).split(",")]
    for address in reversed([part for part in forwarded if part]):
        if not _is_trusted(address, networks):
            return address
    return remote


def _scope_key(scope: str, key: str) -> str:
    digest = salted_hmac("netral.core.ratelimit", f"{scope}\0{key}", algorithm="sha256").hexdigest()
    return digest[:32]


def _increment(scope_key: str, window_start: int, window_end: int) -> int:
    """Add one hit to the window's counter and return the new count (one atomic statement)."""
    from netral.core.models import RateLimitCounter

    qn = connection.ops.quote_name
    table = qn(RateLimitCounter._meta.db_table)
    sql = (
        f"INSERT INTO {table} ({qn('scope_key')}, {qn('window_start')}, {qn('window_end')}, {qn('count')}) "  # noqa: S608 - names quoted
        f"VALUES (%s, %s, %s, 1) ON CONFLICT ({qn('scope_key')}, {qn('window_start')}) "
        f"DO UPDATE SET {qn('count')} = {table}.{qn('count')} + 1 RETURNING {qn('count')}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [scope_key, window_start, window_end])
        row = cursor.fetchone()
    return int(row[0])


def prune(before: float | None = None) -> int:
    """Delete counters whose window ended before `before` (default: now); returns how many."""
    from netral.core.models import RateLimitCounter

    cutoff = int(now() if before is None else before)
    deleted, _ = RateLimitCounter.objects.filter(window_end__lte=cutoff).delete()
    return deleted


def _enabled() -> bool:
    return bool(getattr(settings, "NETRAL_RATELIMIT_ENABLED", True))


def _check(request: HttpRequest, scope: str, rate: str, key: str | None) -> int:
    """Record one hit; 0 when within the limit, else the seconds until the window ends."""
    parsed = parse_rate(rate)
    if not _enabled():
        return 0
    client = client_address(request) if key is None else key
    current = now()
    window_start = int(current // parsed.period) * parsed.period
    window_end = window_start + parsed.period
    count = _increment(_scope_key(scope, client), window_start, window_end)
    if random.random() < PRUNE_PROBABILITY:
        prune(current)
    if count > parsed.limit:
        return max(1, math.ceil(window_end - current))
    return 0


def hit(request: HttpRequest, scope: str, rate: str, *, key: str | None = None) -> bool:
    """Record one hit of `scope` for this client (or `key`); False when the client is now over `rate`."""
    return _check(request, scope, rate, key) == 0


def enforce(request: HttpRequest, scope: str, rate: str, *, key: str | None = None) -> None:
    """Like `hit`, but raises `RateLimited` (with the right Retry-After) when over the limit."""
    if retry_after := _check(request, scope, rate, key):
        raise RateLimited(retry_after, scope)


def too_many_requests(request: HttpRequest, retry_after: int) -> HttpResponse:
    """The 429 answer: an Indonesian page and a Retry-After header."""
    minutes = max(1, math.ceil(retry_after / 60))
    body = render_to_string("429.html", {"minutes": minutes, "retry_after": retry_after}, request=request)
    response = HttpResponse(body, status=429)
    response["Retry-After"] = str(retry_after)
    return response


def ratelimit(
    scope: str,
    rate: str,
    *,
    key: Callable[[HttpRequest], str] | None = None,
    methods: tuple[str, ...] | list[str] = ("POST",),
) -> Callable[[V], V]:
    """Limit a view to `rate` per client (REMOTE_ADDR, see `client_address`) or per `key(request)`.

    Only requests whose method is in `methods` count. A `key` that returns "" skips the limit for that request
    (e.g. a login post without a username). Over the limit the view is not called: 429 with Retry-After.
    """
    parse_rate(rate)  # fail at import time on a misspelt rate
    wanted = {method.upper() for method in methods}

    def decorator(view: V) -> V:
        @functools.wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if request.method in wanted:
                client = None if key is None else key(request)
                if client != "":
                    retry_after = _check(request, scope, rate, client)
                    if retry_after:
                        return too_many_requests(request, retry_after)
            return view(request, *args, **kwargs)

        return wrapped  # type: ignore[return-value]

    return decorator
