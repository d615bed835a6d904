"""Staff users with a role and (for regional roles) a real jurisdiction from the region tables."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from netral.accounts.models import User
from netral.geo.models import Region

MakeUser = Callable[..., User]


@pytest.fixture
def make_user(db: None) -> MakeUser:
    """make_user("bawaslu_kabkota", "63.03") → an active user of that role over Kabupaten Banjar."""

    def make(role: str = "", code: str | None = None, **fields: object) -> User:
        jurisdiction = Region.objects.get(code=code) if code else None
        username = fields.pop("username", f"{role or 'tanpa-peran'}-{code or 'nasional'}")
        return User.objects.create_user(str(username), role=role, jurisdiction=jurisdiction, **fields)

    return make
