"""Security headers for every response: a strict Content-Security-Policy and friends.

Django's SecurityMiddleware and XFrameOptionsMiddleware already send X-Content-Type-Options, Referrer-Policy,
X-Frame-Options and (with NETRAL_HTTPS=1) HSTS; this middleware adds what Django does not. A view may replace its
policy with `@csp_override({...})` (directives merged over the site's). See docs/security.md "Headers and CSP".
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import Any, TypeVar
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase

from netral.core.ratelimit import RateLimited, too_many_requests

V = TypeVar("V", bound=Callable[..., HttpResponseBase])

CSP_DIRECTIVES: dict[str, str] = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data: blob:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}

# The admin gets the same strict policy: Django 5.2's admin keeps its code in static files and passes data in
# data-* attributes or json_script (popup_response.html, prepopulated fields, calendar), and
# tests/browser/test_csp.py drives its login, list, change and popup pages in Chromium without a violation.
# Relax nothing for /admin/ unless that test shows a need, and then only for /admin/ paths, with the reason here.

PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
        "interest-cohort",
    )
)


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def site_directives() -> dict[str, str]:
    """The site's policy as directives, with the map tile server's origin added to img-src when one is set."""
    directives = dict(CSP_DIRECTIVES)
    tiles = getattr(settings, "NETRAL_MAP_TILES_URL", "")
    # A URL template like https://{s}.tile.example.org/{z}/{x}/{y}.png: allow its host and, for {s}, its subdomains.
    if tiles and (origin := _origin(tiles.replace("{s}.", "*."))):
        directives["img-src"] += f" {origin}"
    return directives


def render_policy(directives: Mapping[str, str]) -> str:
    return "; ".join(f"{name} {value}".strip() for name, value in directives.items())


def csp_override(directives: Mapping[str, str]) -> Callable[[V], V]:
    """Merge `directives` over the site's policy for one view: `@csp_override({"img-src": "'self' https://x"})`.

    Use sparingly and say why next to the use; never add 'unsafe-inline' or 'unsafe-eval' to script-src."""

    def decorator(view: V) -> V:
        @functools.wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            response = view(request, *args, **kwargs)
            response.csp_directives = dict(directives)  # type: ignore[attr-defined]
            return response

        return wrapped  # type: ignore[return-value]

    return decorator


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        directives = site_directives()
        directives.update(getattr(response, "csp_directives", {}))
        response.headers.setdefault("Content-Security-Policy", render_policy(directives))
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, RateLimited):
            return too_many_requests(request, exception.retry_after)
        return None
