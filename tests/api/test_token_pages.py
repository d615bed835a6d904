"""The token pages: create (secret shown once, only its hash kept), jurisdiction within the user's, revoke."""

from __future__ import annotations

from typing import Any

from django.test import Client
from tests.api.conftest import BARITO_KUALA
from tests.people import PASSWORD

from netral.accounts.models import User
from netral.api.models import ApiToken
from netral.api.tokens import digest
from netral.audit.models import AuditEntry


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)  # a finished staff login, two-factor step included (tests/conftest.py)
    return client


def _submit(client: Client, data: dict[str, Any]) -> Any:
    """Open the token page, then send its form (with the one-time value the page issued)."""
    once = client.get("/api/token/").context["form"]["once"].value()
    return client.post("/api/token/", {**data, "once": once})


def test_the_token_page_needs_a_login(db: None) -> None:
    response = Client().get("/api/token/")
    assert response.status_code == 302 and "/masuk/" in response["Location"]


def test_a_user_without_a_role_gets_404(db: None) -> None:
    User.objects.create_user("tanpa-peran", password=PASSWORD)
    assert _client(User.objects.get(username="tanpa-peran")).get("/api/token/").status_code == 404


def test_creating_a_token_shows_the_secret_once_and_it_works(banjar: User) -> None:
    client = _client(banjar)
    response = _submit(client, {"name": "Dasbor mitra", "kind": "service", "scopes": ["cases:read", "regions:read"]})
    assert response.status_code == 200
    secret = response.context["secret"]
    assert secret.startswith("ntr_") and secret in response.content.decode()
    token = ApiToken.objects.get(owner=banjar)
    assert token.secret_hash == digest(secret) and token.kind == "service" and token.jurisdiction_id == "63.03"
    assert AuditEntry.objects.filter(action="api.token_created").count() == 1
    assert secret not in client.get("/api/token/").content.decode()
    assert Client().get("/api/cases", headers={"Authorization": f"Bearer {secret}"}).status_code == 200


def test_a_jurisdiction_outside_the_users_is_refused_in_indonesian(banjar: User) -> None:
    response = _submit(
        _client(banjar), {"name": "x", "kind": "personal", "scopes": ["cases:read"], "jurisdiction": BARITO_KUALA}
    )
    assert "harus berada di dalam wilayah kerja Anda" in response.content.decode()
    assert not ApiToken.objects.exists()


def test_no_scope_is_refused(banjar: User) -> None:
    response = _submit(_client(banjar), {"name": "x", "kind": "personal"})
    assert "Pilih paling sedikit satu cakupan izin." in response.content.decode()


def test_sending_the_form_again_after_a_reload_makes_no_second_token(banjar: User) -> None:
    client = _client(banjar)
    once = client.get("/api/token/").context["form"]["once"].value()
    data = {"name": "Dasbor mitra", "kind": "personal", "scopes": ["cases:read"], "once": once}
    first = client.post("/api/token/", data)
    assert first.context["secret"] and first["Cache-Control"] == "no-store"
    again = client.post("/api/token/", data, follow=True)
    assert ApiToken.objects.filter(owner=banjar).count() == 1
    assert "tidak dibuat token kedua" in again.content.decode()


def test_a_form_never_issued_by_the_page_makes_no_token(banjar: User) -> None:
    _client(banjar).post("/api/token/", {"name": "x", "kind": "personal", "scopes": ["cases:read"]})
    assert not ApiToken.objects.exists()


def test_revoking_a_token_stops_it(banjar: User, batola: User) -> None:
    client = _client(banjar)
    secret = _submit(client, {"name": "x", "kind": "personal", "scopes": ["cases:read"]}).context["secret"]
    token = ApiToken.objects.get()
    assert _client(batola).post(f"/api/token/{token.pk}/cabut/").status_code == 404  # not their token
    assert client.post(f"/api/token/{token.pk}/cabut/").status_code == 302
    assert Client().get("/api/cases", headers={"Authorization": f"Bearer {secret}"}).status_code == 401
