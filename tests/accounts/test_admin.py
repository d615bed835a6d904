"""Users in the admin: role and jurisdiction, region autocomplete, and an audit entry for every access change."""

from __future__ import annotations

import pytest
from django.test import Client

from netral.accounts.models import Role, User
from netral.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


def _change_form(user: User, **changes: object) -> dict[str, object]:
    form: dict[str, object] = {
        "username": user.username,
        "full_name": user.full_name,
        "agency": user.agency,
        "email": user.email,
        "role": user.role,
        "jurisdiction": user.jurisdiction_id or "",
        "is_active": "on" if user.is_active else "",
        "date_joined_0": "2026-11-26",
        "date_joined_1": "08:00:00",
    }
    form.update(changes)
    return {key: value for key, value in form.items() if value != ""}


def test_creating_a_user_with_a_role_writes_an_audit_entry(admin_client: Client) -> None:
    response = admin_client.post(
        "/admin/accounts/user/add/",
        {
            "username": "bawaslu.banjar",
            "usable_password": "false",
            "role": Role.BAWASLU_KABKOTA,
            "jurisdiction": "63.03",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    user = User.objects.get(username="bawaslu.banjar")
    entry = AuditEntry.objects.get(action="user.created")
    assert (entry.actor_label, entry.object_type, entry.object_id) == ("admin", "accounts.user", str(user.pk))
    assert entry.region_code == "63.03"
    assert entry.data["role"] == "bawaslu_kabkota" and entry.data["jurisdiction"] == "63.03"


def test_changing_a_role_and_jurisdiction_writes_what_changed(admin_client: Client) -> None:
    user = User.objects.create_user("pengawas", role=Role.PANWASCAM, jurisdiction_id="63.03.01")
    response = admin_client.post(
        f"/admin/accounts/user/{user.pk}/change/",
        _change_form(user, role=Role.BAWASLU_KABKOTA, jurisdiction="63.04"),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    entry = AuditEntry.objects.get(action="user.access_changed")
    assert entry.data == {"changes": {"role": ["panwascam", "bawaslu_kabkota"], "jurisdiction": ["63.03.01", "63.04"]}}
    assert entry.region_code == "63.04"


def test_saving_without_an_access_change_writes_nothing(admin_client: Client) -> None:
    user = User.objects.create_user("analis", role=Role.ANALYST)
    response = admin_client.post(f"/admin/accounts/user/{user.pk}/change/", _change_form(user, full_name="Budi"))
    assert response.status_code == 302
    assert not AuditEntry.objects.filter(object_id=str(user.pk)).exists()


def test_a_wrong_jurisdiction_is_refused_in_indonesian_and_nothing_is_written(admin_client: Client) -> None:
    user = User.objects.create_user("pengawas", role=Role.PANWASCAM, jurisdiction_id="63.03.01")
    response = admin_client.post(f"/admin/accounts/user/{user.pk}/change/", _change_form(user, jurisdiction="63.03"))
    assert response.status_code == 200
    assert "memerlukan wilayah tingkat Kecamatan" in response.content.decode()
    user.refresh_from_db()
    assert user.jurisdiction_id == "63.03.01"
    assert not AuditEntry.objects.exists()


def test_users_are_filtered_by_role(admin_client: Client) -> None:
    User.objects.create_user("pengawas.banjar", role=Role.BAWASLU_KABKOTA, jurisdiction_id="63.03")
    User.objects.create_user("analis.pusat", role=Role.ANALYST)
    body = admin_client.get("/admin/accounts/user/", {"role__exact": "analyst"}).content.decode()
    assert "analis.pusat" in body and "pengawas.banjar" not in body


def test_the_jurisdiction_is_chosen_by_searching_regions(admin_client: Client) -> None:
    response = admin_client.get(
        "/admin/autocomplete/",
        {"app_label": "accounts", "model_name": "user", "field_name": "jurisdiction", "term": "Barito Kuala"},
    )
    assert response.status_code == 200
    assert {"id": "63.04", "text": "Kabupaten Barito Kuala (63.04)"} in response.json()["results"]
