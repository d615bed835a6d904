"""What each role may do, always within its region scope; who may see a reporter's identity."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from tests.accounts.conftest import MakeUser

from netral.accounts.access import capabilities_of, has_capability, may_see_reporter_identity
from netral.accounts.models import Role

pytestmark = pytest.mark.django_db

ASSIGNMENTS = {
    Role.BAWASLU_RI: None,
    Role.BAWASLU_PROVINSI: "63",
    Role.BAWASLU_KABKOTA: "63.03",
    Role.PANWASCAM: "63.03.01",
    Role.BKN_REVIEWER: None,
    Role.PPK_OFFICER: "63.04",
    Role.ANALYST: None,
    Role.ADMINISTRATOR: None,
}


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        (Role.BAWASLU_RI, True),
        (Role.BAWASLU_PROVINSI, True),
        (Role.BAWASLU_KABKOTA, True),
        (Role.PANWASCAM, True),
        (Role.BKN_REVIEWER, False),
        (Role.PPK_OFFICER, False),
        (Role.ANALYST, False),
        (Role.ADMINISTRATOR, False),
    ],
)
def test_only_bawaslu_handling_cases_may_see_a_reporters_identity(
    make_user: MakeUser, role: Role, allowed: bool
) -> None:
    assert may_see_reporter_identity(make_user(role, ASSIGNMENTS[role])) is allowed


def test_an_analyst_may_only_read_statistics(make_user: MakeUser) -> None:
    assert capabilities_of(make_user(Role.ANALYST)) == {"stats.view"}


def test_a_ppk_officer_answers_referrals_but_does_not_browse_cases(make_user: MakeUser) -> None:
    officer = make_user(Role.PPK_OFFICER, "63.04")
    assert has_capability(officer, "referrals.respond")
    assert not has_capability(officer, "cases.view")


def test_a_regional_role_without_jurisdiction_may_do_nothing(make_user: MakeUser) -> None:
    assert capabilities_of(make_user(Role.BAWASLU_KABKOTA, None)) == frozenset()


def test_inactive_and_anonymous_users_may_do_nothing(make_user: MakeUser) -> None:
    inactive = make_user(Role.BAWASLU_RI, None, is_active=False)
    for user in (inactive, AnonymousUser(), None):
        assert capabilities_of(user) == frozenset()
        assert not may_see_reporter_identity(user)


def test_a_misspelt_capability_fails_loudly(make_user: MakeUser) -> None:
    with pytest.raises(ValueError, match="unknown capability"):
        has_capability(make_user(Role.BAWASLU_RI), "case.view")
