"""Staff users for tests: a role and, for regional roles, a jurisdiction by Kemendagri code."""

from __future__ import annotations

from netral.accounts.models import User
from netral.geo.models import Region

PASSWORD = "kata-sandi-uji-123"


def staff_user(username: str, role: str, code: str | None) -> User:
    region = Region.objects.get(code=code) if code else None
    return User.objects.create_user(username, password=PASSWORD, role=role, jurisdiction=region)
