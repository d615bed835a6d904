"""Bearer-token authentication, scope checks and the per-token rate limit."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from ninja.errors import AuthorizationError
from ninja.security import HttpBearer

from netral.api.tokens import Grant, authenticate
from netral.core.ratelimit import enforce

__all__ = ["TokenAuth", "grant_of", "require"]


def _rate() -> str:
    return str(getattr(settings, "NETRAL_API_RATE", "600/m"))


class TokenAuth(HttpBearer):
    """`Authorization: Bearer ntr_…`. Unknown, revoked and expired tokens answer 401 (the same body for all)."""

    openapi_description = "Token API Netral (dibuat di halaman Token API) / Netral API token (created in the UI)"

    def authenticate(self, request: HttpRequest, token: str) -> Grant | None:
        grant = authenticate(token)
        if grant is not None:
            enforce(request, "api.token", _rate(), key=grant.token.prefix)
        return grant


def grant_of(request: HttpRequest) -> Grant:
    grant = getattr(request, "auth", None)
    if not isinstance(grant, Grant):  # the router's auth guarantees a grant; this guards misconfiguration
        raise AuthorizationError()
    return grant


def require(request: HttpRequest, scope: str) -> Grant:
    """The request's grant, or 403 when the token lacks `scope`."""
    grant = grant_of(request)
    if scope not in grant.scopes:
        raise AuthorizationError()
    return grant
