"""Two-factor login through the real pages: enrolment, the code step, replay, recovery codes, the gate."""

from __future__ import annotations

import re
import time

import pytest
from django.test import Client
from django.urls import reverse

from netral.accounts import secretbox, totp, twofactor
from netral.accounts.models import RecoveryCode, TOTPDevice, User
from netral.audit.models import AuditEntry

PASSWORD = "gajah-terbang-di-atas-awan-7"


@pytest.fixture
def bawaslu(db: None) -> User:
    return User.objects.create_user("pengawas", password=PASSWORD, role="bawaslu_ri")


@pytest.fixture
def analyst(db: None) -> User:
    return User.objects.create_user("analis", password=PASSWORD, role="analyst")


def password_step(client: Client, username: str, next_url: str = "") -> str:
    data = {"username": username, "password": PASSWORD}
    if next_url:
        data["next"] = next_url
    response = client.post(reverse("login"), data)
    assert response.status_code == 302, response.content[:500]
    return str(response["Location"])


def enrol(client: Client, user: User) -> tuple[str, list[str]]:
    """Enrol through the page; returns the secret and the recovery codes shown once."""
    page = client.get(reverse("accounts:enrol")).content.decode()
    secret = re.search(r"data-totp-secret>([A-Z2-7 ]+)<", page).group(1).replace(" ", "")  # type: ignore[union-attr]
    response = client.post(reverse("accounts:enrol"), {"code": totp.code_at(secret, totp.step_at(time.time()))})
    assert response.status_code == 200
    codes = re.findall(r"<code>([a-z2-9]{5}-[a-z2-9]{5})</code>", response.content.decode())
    return secret, codes


def test_roles_that_see_reporter_identity_are_the_ones_that_must_use_two_factor() -> None:
    required = twofactor.roles_requiring_two_factor()
    assert {"bawaslu_ri", "bawaslu_provinsi", "bawaslu_kabkota", "panwascam"} == required
    assert "ppk_officer" not in required and "analyst" not in required


def test_a_required_user_without_authenticator_reaches_only_enrolment(bawaslu: User) -> None:
    client = Client()
    location = password_step(client, "pengawas", next_url="/perkara/")
    assert location.startswith(reverse("accounts:enrol"))
    for path in ("/perkara/", "/", "/akun/", "/dasbor/"):
        response = client.get(path)
        assert response.status_code == 302 and response["Location"].startswith("/akun/dua-langkah/"), path
    assert client.get(reverse("accounts:enrol")).status_code == 200
    assert client.get("/static/netral/netral.css").status_code != 302  # static files are not gated
    assert client.post(reverse("logout")).status_code == 302


def test_enrolment_shows_an_inline_svg_qr_and_the_secret_and_confirming_opens_the_site(bawaslu: User) -> None:
    client = Client()
    password_step(client, "pengawas")
    page = client.get(reverse("accounts:enrol")).content.decode()
    assert '<svg width="' in page and "otpauth" not in page.split("<svg")[0][-200:]
    assert "style=" not in page and "<script>" not in page
    secret, codes = enrol(client, bawaslu)
    assert len(codes) == twofactor.RECOVERY_CODE_COUNT == len(set(codes))
    device = TOTPDevice.objects.get(user=bawaslu)
    assert device.confirmed_at is not None
    assert secret not in device.secret_encrypted and secretbox.decrypt(device.secret_encrypted) == secret
    assert not RecoveryCode.objects.filter(code_hash__in=codes).exists()  # hashed, not stored
    assert client.get("/perkara/").status_code == 200
    assert AuditEntry.objects.filter(action="account.two_factor_enrolled").count() == 1


def test_a_wrong_first_code_does_not_confirm_the_device(bawaslu: User) -> None:
    client = Client()
    password_step(client, "pengawas")
    client.get(reverse("accounts:enrol"))
    response = client.post(reverse("accounts:enrol"), {"code": "000000"})
    assert "Kode tidak cocok" in response.content.decode()
    assert twofactor.confirmed_device(bawaslu) is None
    assert client.get("/perkara/").status_code == 302


def test_login_with_an_authenticator_needs_the_code_before_any_protected_page(bawaslu: User) -> None:
    secret, _ = enrol_directly(bawaslu)
    client = Client()
    location = password_step(client, "pengawas", next_url="/perkara/")
    assert location.startswith(reverse("accounts:verify"))
    assert "_auth_user_id" not in client.session  # not logged in until the code passes
    assert client.get("/perkara/").status_code == 302
    response = client.post(location, {"code": totp.code_at(secret, totp.step_at(time.time()))})
    assert response.status_code == 302 and response["Location"] == "/perkara/"
    assert client.get("/perkara/").status_code == 200


def test_a_code_cannot_be_replayed(bawaslu: User) -> None:
    secret, _ = enrol_directly(bawaslu)
    code = totp.code_at(secret, totp.step_at(time.time()))
    first, second = Client(), Client()
    verify_url = password_step(first, "pengawas")
    assert first.post(verify_url, {"code": code}).status_code == 302
    verify_url = password_step(second, "pengawas")
    response = second.post(verify_url, {"code": code})
    assert response.status_code == 200 and "sudah dipakai" in response.content.decode()


def test_codes_one_step_either_side_pass_and_two_steps_away_fail() -> None:
    secret, now = totp.new_secret(), 1_800_000_000.0
    step = totp.step_at(now)
    assert totp.matching_step(secret, totp.code_at(secret, step - 1), now, 0) == step - 1
    assert totp.matching_step(secret, totp.code_at(secret, step + 1), now, 0) == step + 1
    assert totp.matching_step(secret, totp.code_at(secret, step + 2), now, 0) is None
    assert totp.matching_step(secret, totp.code_at(secret, step), now, last_used_step=step) is None


def test_the_rfc_6238_sha1_test_vector_matches() -> None:
    secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"  # base32 of "12345678901234567890", RFC 6238 appendix B
    assert totp.code_at(secret, totp.step_at(59)) == "287082"  # the RFC's 94287082, six digits
    assert totp.code_at(secret, totp.step_at(1111111109)) == "081804"


def test_a_recovery_code_logs_in_once(bawaslu: User) -> None:
    _, codes = enrol_directly(bawaslu)
    client = Client()
    verify_url = password_step(client, "pengawas")
    assert client.post(verify_url, {"code": codes[0].upper()}).status_code == 302
    assert client.get("/perkara/").status_code == 200
    again = Client()
    verify_url = password_step(again, "pengawas")
    assert again.post(verify_url, {"code": codes[0]}).status_code == 200
    assert twofactor.unused_recovery_codes(bawaslu) == twofactor.RECOVERY_CODE_COUNT - 1


def test_renewing_recovery_codes_replaces_the_old_ones(bawaslu: User) -> None:
    _, old = enrol_directly(bawaslu)
    client = Client()
    client.force_login(bawaslu)
    response = client.post(reverse("accounts:renew_recovery_codes"))
    new = re.findall(r"<code>([a-z2-9]{5}-[a-z2-9]{5})</code>", response.content.decode())
    assert len(new) == 10 and not set(new) & set(old)
    assert response["Cache-Control"] == "no-store"
    assert not twofactor.verify_code(bawaslu, old[0]) and twofactor.verify_code(bawaslu, new[0])


def test_others_may_enrol_voluntarily_and_then_need_the_code(analyst: User) -> None:
    client = Client()
    assert password_step(client, "analis") == "/"
    assert client.get("/akun/").status_code == 200
    enrol(client, analyst)
    client.post(reverse("logout"))
    assert password_step(client, "analis").startswith(reverse("accounts:verify"))


def test_a_session_from_the_admin_login_still_needs_the_code(bawaslu: User) -> None:
    enrol_directly(bawaslu)
    bawaslu.is_staff = True
    bawaslu.save()
    client = Client()
    client.post("/admin/login/", {"username": "pengawas", "password": PASSWORD, "next": "/admin/"})
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:verify"))


def test_an_admin_reset_sends_the_user_back_to_enrolment_and_is_audited(bawaslu: User) -> None:
    enrol_directly(bawaslu)
    admin = User.objects.create_superuser("admin", "", PASSWORD)
    client = Client()
    client.force_login(admin)
    response = client.post("/admin/accounts/user/", {"action": "reset_two_factor", "_selected_action": [bawaslu.pk]})
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=bawaslu).exists()
    assert AuditEntry.objects.filter(action="account.two_factor_reset").exists()
    assert password_step(Client(), "pengawas").startswith(reverse("accounts:enrol"))


def enrol_directly(user: User) -> tuple[str, list[str]]:
    secret = twofactor.pending_secret(user)
    codes = twofactor.confirm_enrolment(user, totp.code_at(secret, totp.step_at(time.time()) - 1))
    assert codes is not None
    return secret, codes
