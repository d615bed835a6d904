"""Token authentication (401 with the one error body), scopes (403), rate limit (429), token creation rules."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone
from tests.api.conftest import BARITO_KUALA, ApiClient, TokenFor

from netral.accounts.models import User
from netral.api.models import ApiToken
from netral.api.tokens import TokenRefused, create_token, digest, revoke_token
from netral.geo.models import Region


def _assert_error(response: object, status: int, code: str) -> None:
    assert response.status_code == status  # type: ignore[attr-defined]
    body = response.json()  # type: ignore[attr-defined]
    assert body["error"]["code"] == code
    assert body["error"]["message"]


def test_a_request_without_a_token_answers_401_with_the_error_body(db: None) -> None:
    _assert_error(Client().get("/api/cases"), 401, "unauthenticated")


def test_an_unknown_token_answers_401(db: None) -> None:
    _assert_error(ApiClient("ntr_00000000_salah").get("/cases"), 401, "unauthenticated")


def test_a_revoked_token_answers_401(banjar: User, token_for: TokenFor) -> None:
    raw = token_for(banjar)
    assert ApiClient(raw).get("/cases").status_code == 200
    revoke_token(ApiToken.objects.get(secret_hash=digest(raw)), banjar)
    _assert_error(ApiClient(raw).get("/cases"), 401, "unauthenticated")


def test_an_expired_token_answers_401(banjar: User, token_for: TokenFor) -> None:
    raw = token_for(banjar, expires_at=timezone.now() - dt.timedelta(seconds=1))
    _assert_error(ApiClient(raw).get("/cases"), 401, "unauthenticated")


def test_a_token_of_a_deactivated_owner_answers_401(banjar: User, token_for: TokenFor) -> None:
    raw = token_for(banjar)
    banjar.is_active = False
    banjar.save()
    _assert_error(ApiClient(raw).get("/cases"), 401, "unauthenticated")


def test_a_token_without_the_scope_answers_403(banjar: User, token_for: TokenFor) -> None:
    client = ApiClient(token_for(banjar, scopes=("regions:read",)))
    _assert_error(client.get("/cases"), 403, "forbidden")
    _assert_error(client.post("/cases/1/tracks/1/transitions/registrasi", {}), 403, "forbidden")
    assert client.get("/regions").status_code == 200


def test_only_the_hash_of_the_secret_is_stored(banjar: User) -> None:
    token, raw = create_token(banjar, name="dasbor", scopes=["cases:read"])
    assert raw.startswith(f"ntr_{token.prefix}_")
    stored = ApiToken.objects.get(pk=token.pk)
    assert stored.secret_hash == digest(raw) and raw not in stored.secret_hash


def test_a_regional_owner_gets_their_own_jurisdiction_by_default(banjar: User) -> None:
    token, _ = create_token(banjar, name="x", scopes=["cases:read"])
    assert token.jurisdiction_id == banjar.jurisdiction_id


def test_a_token_jurisdiction_outside_the_owners_is_refused(banjar: User) -> None:
    with pytest.raises(TokenRefused):
        create_token(banjar, name="x", scopes=["cases:read"], jurisdiction=Region.objects.get(code=BARITO_KUALA))


def test_unknown_scopes_are_refused(banjar: User) -> None:
    with pytest.raises(TokenRefused):
        create_token(banjar, name="x", scopes=["cases:delete"])


def test_token_use_is_rate_limited_with_429(banjar: User, token_for: TokenFor, settings: object) -> None:
    settings.NETRAL_API_RATE = "2/m"  # type: ignore[attr-defined]
    client = ApiClient(token_for(banjar))
    assert client.get("/regions").status_code == 200
    assert client.get("/regions").status_code == 200
    response = client.get("/regions")
    _assert_error(response, 429, "rate_limited")
    assert int(response["Retry-After"]) >= 1
