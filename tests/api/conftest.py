"""Tokens for the API tests; people and cases come from the case tests' fixtures (Banjar vs Barito Kuala)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from tests.cases.conftest import (  # noqa: F401 - fixtures re-exported for these tests
    ALUH_ALUH,
    BANJAR,
    BARITO_KUALA,
    analyst,
    banjar,
    batola,
    kalsel,
    make_case,
)

from netral.accounts.models import User
from netral.api.scopes import SCOPES
from netral.api.tokens import create_token
from netral.geo.models import Region

ALL_SCOPES = tuple(SCOPES)


@pytest.fixture(autouse=True)
def _no_rate_limit(settings: Any) -> None:
    settings.NETRAL_API_RATE = "10000/m"


TokenFor = Callable[..., str]


@pytest.fixture
def token_for(db: None) -> TokenFor:
    def make(user: User, scopes: tuple[str, ...] = ALL_SCOPES, jurisdiction: str | None = None, **kw: Any) -> str:
        region = Region.objects.get(code=jurisdiction) if jurisdiction else None
        return create_token(user, name="uji", scopes=scopes, jurisdiction=region, **kw)[1]

    return make


class ApiClient:
    """The Django test client with a bearer token."""

    def __init__(self, token: str) -> None:
        self.client = Client()
        self.headers = {"Authorization": f"Bearer {token}"}

    def get(self, path: str, **params: Any) -> Any:
        return self.client.get(f"/api{path}", params, headers=self.headers)

    def post(self, path: str, body: dict[str, Any]) -> Any:
        return self.client.post(f"/api{path}", body, content_type="application/json", headers=self.headers)
