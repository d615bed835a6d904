"""Creating, revoking and checking API tokens. A token is `ntr_<prefix>_<secret>`; only its SHA-256 is stored."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from netral.accounts.access import RegionScope, region_scope
from netral.accounts.models import User
from netral.api.models import ApiToken, TokenKind
from netral.api.scopes import SCOPES
from netral.audit.services import record
from netral.geo.models import Region

__all__ = ["Grant", "TokenRefused", "authenticate", "create_token", "digest", "revoke_token"]

TOKEN_PREFIX = "ntr"  # noqa: S105 - the visible marker of a token, not a secret
LAST_USED_PRECISION = dt.timedelta(minutes=1)  # write last_used_at at most once a minute per token


class TokenRefused(Exception):
    """A token could not be created (Indonesian message)."""


@dataclass(frozen=True, slots=True)
class Grant:
    """What an authenticated request may do: act as `user`, with `scopes`, within `scope` (token ∩ owner)."""

    token: ApiToken
    user: User
    scopes: frozenset[str]
    scope: RegionScope


def digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def create_token(
    owner: User,
    *,
    name: str,
    scopes: Iterable[str],
    jurisdiction: Region | None = None,
    kind: str = TokenKind.PERSONAL,
    expires_at: dt.datetime | None = None,
) -> tuple[ApiToken, str]:
    """A new token for `owner` and its secret (shown once). The jurisdiction must lie within the owner's."""
    wanted = sorted(set(scopes))
    unknown = [s for s in wanted if s not in SCOPES]
    if unknown or not wanted:
        raise TokenRefused(f"Cakupan izin tidak dikenal atau kosong: {', '.join(unknown) or '-'}.")
    owner_scope = region_scope(owner)
    if owner_scope.is_nothing:
        raise TokenRefused("Akun ini tidak memiliki wilayah kerja yang sah.")
    if jurisdiction is None and not owner_scope.everything:
        jurisdiction = Region.objects.get(code=owner_scope.region_code)
    if jurisdiction is not None and not owner_scope.includes(jurisdiction.code):
        raise TokenRefused("Wilayah token harus berada di dalam wilayah kerja Anda.")
    prefix = secrets.token_hex(4)
    raw = f"{TOKEN_PREFIX}_{prefix}_{secrets.token_urlsafe(32)}"
    with transaction.atomic():
        token = ApiToken.objects.create(
            name=name.strip()[:100] or prefix,
            owner=owner,
            kind=kind,
            scopes=wanted,
            jurisdiction=jurisdiction,
            prefix=prefix,
            secret_hash=digest(raw),
            expires_at=expires_at,
        )
        record(
            owner,
            "api.token_created",
            obj=token,
            region_code=jurisdiction.code if jurisdiction else "",
            data={"prefix": prefix, "kind": kind, "scopes": wanted},
        )
    return token, raw


def revoke_token(token: ApiToken, actor: User) -> None:
    with transaction.atomic():
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        record(actor, "api.token_revoked", obj=token, region_code=token.jurisdiction_id or "", data={})


def _narrowed(owner: RegionScope, code: str | None) -> RegionScope:
    """The token's region scope: its jurisdiction inside the owner's, nothing when it lies outside."""
    if not code:
        return owner
    return RegionScope.within(code) if owner.includes(code) else RegionScope.nothing()


def authenticate(raw: str, *, now: dt.datetime | None = None) -> Grant | None:
    """The grant of a valid token; None for unknown, revoked or expired tokens or inactive owners."""
    now = now or timezone.now()
    if not raw.startswith(TOKEN_PREFIX + "_") or len(raw) > 200:
        return None
    token = ApiToken.objects.select_related("owner").filter(secret_hash=digest(raw)).first()
    if token is None or token.revoked_at is not None or (token.expires_at and token.expires_at <= now):
        return None
    owner = token.owner
    if not owner.is_active:
        return None
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_PRECISION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    scope = _narrowed(region_scope(owner), token.jurisdiction_id)
    return Grant(token=token, user=owner, scopes=frozenset(token.scopes), scope=scope)
