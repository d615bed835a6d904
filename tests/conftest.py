"""Shared test setup: plain static storage (no collectstatic in tests), the shared corpus location."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings as hypothesis_settings

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(autouse=True)
def _plain_static_files(settings: Any) -> None:
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _test_client_logins_are_finished_logins(monkeypatch: pytest.MonkeyPatch) -> None:
    """`client.login(...)` and `client.force_login(user)` stand for a completed staff login, so they include the
    two-factor step that netral.accounts.middleware otherwise demands of roles with "reporter.view" (that step
    itself is tested through the real pages in tests/accounts)."""
    from django.test import Client

    from netral.accounts.twofactor import mark_verified

    def verified(client: Client) -> None:
        session = client.session
        mark_verified(session)
        session.save()

    original_force_login, original_login = Client.force_login, Client.login

    def force_login(self: Client, user: Any, backend: str | None = None) -> None:
        original_force_login(self, user, backend)
        verified(self)

    def login(self: Client, **credentials: Any) -> bool:
        if logged_in := original_login(self, **credentials):
            verified(self)
        return logged_in

    monkeypatch.setattr(Client, "force_login", force_login)
    monkeypatch.setattr(Client, "login", login)


# Hypothesis: no per-example deadline by default — CI runs two test processes plus servers on two cores, and a slow
# example is not a failure; the fuzz suite (tests/fuzz/budget.py) sets its own bounds where time matters.
hypothesis_settings.register_profile("netral", deadline=None)
hypothesis_settings.load_profile("netral")
