"""`do_assign_role`: validated, saved and audited together."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from netral.accounts.models import Role, User
from netral.accounts.services import do_assign_role
from netral.audit.models import AuditEntry
from netral.geo.models import Region

pytestmark = pytest.mark.django_db


def test_assigning_a_role_saves_it_and_records_the_change() -> None:
    admin = User.objects.create_user("admin", role=Role.ADMINISTRATOR)
    user = User.objects.create_user("pengawas")
    entry = do_assign_role(admin, user, Role.BAWASLU_PROVINSI, Region.objects.get(code="63"))
    user.refresh_from_db()
    assert (user.role, user.jurisdiction_id) == ("bawaslu_provinsi", "63")
    assert entry is not None and entry.actor == admin
    assert entry.data == {"changes": {"role": ["", "bawaslu_provinsi"], "jurisdiction": ["", "63"]}}


def test_an_invalid_assignment_changes_and_records_nothing() -> None:
    user = User.objects.create_user("pengawas")
    with pytest.raises(ValidationError):
        do_assign_role(None, user, Role.PANWASCAM, Region.objects.get(code="63.03"))
    user.refresh_from_db()
    assert user.role == ""
    assert not AuditEntry.objects.exists()
