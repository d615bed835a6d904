"""What each role sees: national roles everything, regional roles their region and below, never a neighbour."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.db.models import Q
from django.http import Http404
from tests.accounts.conftest import MakeUser

from netral.accounts.access import (
    RegionScope,
    can_see_region,
    get_object_in_scope_or_404,
    region_scope,
    scope_q,
)
from netral.accounts.models import Role, User
from netral.audit.models import AuditEntry
from netral.audit.services import record
from netral.geo.models import Region

pytestmark = pytest.mark.django_db

KALSEL, KALTENG = "63", "62"
BANJAR, BARITO_KUALA = "63.03", "63.04"
ALUH_ALUH, DESA_IN_ALUH_ALUH = "63.03.01", "63.03.01.2001"


@pytest.mark.parametrize("role", [Role.BAWASLU_RI, Role.BKN_REVIEWER, Role.ANALYST, Role.ADMINISTRATOR])
def test_a_national_role_sees_every_region(make_user: MakeUser, role: str) -> None:
    user = make_user(role)
    assert region_scope(user) == RegionScope.national()
    assert scope_q(user) == Q(pk__isnull=False)  # always true, and unlike Q() it survives being ORed
    assert can_see_region(user, KALTENG) and can_see_region(user, DESA_IN_ALUH_ALUH)


def test_a_province_user_sees_the_whole_province_and_nothing_outside(make_user: MakeUser) -> None:
    user = make_user(Role.BAWASLU_PROVINSI, KALSEL)
    visible = Region.objects.filter(scope_q(user, field="code"))
    assert visible.count() == Region.objects.within(Region.objects.get(code=KALSEL)).count()
    assert can_see_region(user, KALSEL) and can_see_region(user, DESA_IN_ALUH_ALUH)
    assert not can_see_region(user, KALTENG)
    assert not visible.filter(code__startswith="62").exists()


def test_a_kabupaten_user_never_sees_a_neighbouring_kabupaten(make_user: MakeUser) -> None:
    user = make_user(Role.BAWASLU_KABKOTA, BANJAR)
    visible = Region.objects.filter(scope_q(user, field="code"))
    assert visible.filter(code=ALUH_ALUH).exists()
    assert not visible.filter(code__startswith=BARITO_KUALA).exists()
    assert set(visible.values_list("regency_code", flat=True)) == {BANJAR}
    assert not can_see_region(user, BARITO_KUALA)


def test_a_kabupaten_user_does_not_see_up_to_the_province(make_user: MakeUser) -> None:
    user = make_user(Role.BAWASLU_KABKOTA, BANJAR)
    assert not can_see_region(user, KALSEL)
    assert not Region.objects.filter(scope_q(user, field="code"), code=KALSEL).exists()


def test_a_code_prefix_counts_only_on_the_dotted_boundary(make_user: MakeUser) -> None:
    user = make_user(Role.BAWASLU_KABKOTA, BANJAR)
    assert not can_see_region(user, "63.031")
    assert not can_see_region(user, "63.031.01")
    assert scope_q(user, field="event_region") == Q(event_region=BANJAR) | Q(event_region__startswith="63.03.")


def test_a_panwascam_sees_its_kecamatan_and_its_villages_only(make_user: MakeUser) -> None:
    user = make_user(Role.PANWASCAM, ALUH_ALUH)
    codes = set(Region.objects.filter(scope_q(user, field="code")).values_list("code", flat=True))
    assert ALUH_ALUH in codes and DESA_IN_ALUH_ALUH in codes
    assert all(code == ALUH_ALUH or code.startswith(ALUH_ALUH + ".") for code in codes)
    assert not can_see_region(user, "63.03.02")


@pytest.mark.parametrize("code", [KALSEL, BANJAR])
def test_a_ppk_officer_sees_its_government_region(make_user: MakeUser, code: str) -> None:
    user = make_user(Role.PPK_OFFICER, code)
    assert region_scope(user) == RegionScope.within(code)


def test_inactive_anonymous_and_roleless_users_see_nothing(make_user: MakeUser) -> None:
    nobody = [
        None,
        AnonymousUser(),
        make_user("", None, username="tanpa-peran"),
        make_user(Role.BAWASLU_RI, None, username="nonaktif", is_active=False),
        make_user(Role.BAWASLU_KABKOTA, BANJAR, username="nonaktif-banjar", is_active=False),
    ]
    for user in nobody:
        assert region_scope(user).is_nothing
        assert not can_see_region(user, BANJAR)
        assert not Region.objects.filter(scope_q(user, field="code")).exists()


def test_a_regional_role_without_a_fitting_jurisdiction_sees_nothing(make_user: MakeUser) -> None:
    # Bypassing clean(), as a bad import or a half-finished change would.
    no_region = make_user(Role.BAWASLU_KABKOTA, None)
    wrong_level = make_user(Role.BAWASLU_KABKOTA, ALUH_ALUH)
    desa_panwascam = make_user(Role.PANWASCAM, DESA_IN_ALUH_ALUH)
    for user in (no_region, wrong_level, desa_panwascam):
        assert region_scope(user).is_nothing


def test_an_object_outside_the_scope_is_not_found(make_user: MakeUser) -> None:
    user = make_user(Role.BAWASLU_KABKOTA, BANJAR)
    found = get_object_in_scope_or_404(Region.objects, user, field="code", code=ALUH_ALUH)
    assert found.code == ALUH_ALUH
    with pytest.raises(Http404):
        get_object_in_scope_or_404(Region.objects, user, field="code", code=BARITO_KUALA)
    with pytest.raises(Http404):
        get_object_in_scope_or_404(Region.objects.all(), AnonymousUser(), field="code", code=ALUH_ALUH)


def test_audit_entries_are_filtered_by_their_region_code(make_user: MakeUser) -> None:
    with transaction.atomic():
        banjar = record(None, "case.registered", region_code=DESA_IN_ALUH_ALUH)
        batola = record(None, "case.registered", region_code=BARITO_KUALA)
        record(None, "system.started")  # no region: national users only
    user = make_user(Role.BAWASLU_KABKOTA, BANJAR)
    assert list(AuditEntry.objects.filter(scope_q(user))) == [banjar]
    assert get_object_in_scope_or_404(AuditEntry.objects, user, pk=banjar.pk) == banjar
    with pytest.raises(Http404):
        get_object_in_scope_or_404(AuditEntry.objects, user, pk=batola.pk)
    assert AuditEntry.objects.filter(scope_q(make_user(Role.BAWASLU_RI))).count() == 3


def test_a_lookup_is_required(make_user: MakeUser) -> None:
    with pytest.raises(TypeError):
        get_object_in_scope_or_404(Region.objects, make_user(Role.BAWASLU_RI), field="code")


def test_a_role_no_longer_in_the_table_grants_nothing(make_user: MakeUser) -> None:
    user = make_user(Role.BAWASLU_RI)
    User.objects.filter(pk=user.pk).update(role="kepala_desa")
    user.refresh_from_db()
    assert region_scope(user).is_nothing
