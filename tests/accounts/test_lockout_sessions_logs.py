"""Lock-out after repeated failures, session expiry, password rules, and secrets kept out of logs."""

from __future__ import annotations

import logging
import re
import time
from typing import Any

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client, RequestFactory
from django.urls import reverse
from django.views.debug import get_exception_reporter_class

from netral.accounts import twofactor
from netral.accounts.logsafety import RedactSecretsFilter, SecretScrubbingReporterFilter
from netral.accounts.middleware import AUTH_AT_KEY, SEEN_KEY
from netral.accounts.models import User
from netral.audit.models import AuditEntry

PASSWORD = "gajah-terbang-di-atas-awan-7"
GENERIC = "Nama pengguna atau kata sandi salah"


@pytest.fixture(autouse=True)
def _small_limits(settings: Any) -> None:
    settings.NETRAL_LOCKOUT_ATTEMPTS = 3
    settings.NETRAL_RATELIMIT_ENABLED = False  # the per-address limits are tested in tests/core


@pytest.fixture
def user(db: None) -> User:
    return User.objects.create_user("analis", password=PASSWORD, role="analyst")


def login(client: Client, username: str, password: str) -> Any:
    return client.post(reverse("login"), {"username": username, "password": password})


def test_the_account_locks_after_repeated_wrong_passwords_even_for_the_right_one(user: User) -> None:
    client = Client()
    for _ in range(3):
        assert GENERIC in login(client, "analis", "salah").content.decode()
    response = login(client, "analis", PASSWORD)
    assert response.status_code == 200 and GENERIC in response.content.decode()
    assert AuditEntry.objects.filter(action="account.locked").count() == 1


def test_a_lock_reads_the_same_as_an_unknown_username(user: User) -> None:
    for _ in range(3):
        login(Client(), "analis", "salah")
    locked = login(Client(), "analis", PASSWORD).content.decode()
    unknown = login(Client(), "tidak-ada", PASSWORD).content.decode()

    def strip(page: str) -> str:
        page = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page)
        return page.replace('value="analis"', "").replace('value="tidak-ada"', "")

    assert strip(locked) == strip(unknown)


def test_the_lock_ends_after_its_time(user: User, settings: Any) -> None:
    for _ in range(3):
        login(Client(), "analis", "salah")
    user.login_failures.locked_until = user.login_failures.window_started_at  # pretend the time has passed
    user.login_failures.save()
    assert login(Client(), "analis", PASSWORD).status_code == 302


def test_the_admin_login_counts_towards_the_same_lock(user: User) -> None:
    for _ in range(3):
        Client().post("/admin/login/", {"username": "analis", "password": "salah"})
    assert login(Client(), "analis", PASSWORD).status_code == 200


def test_wrong_codes_lock_the_account_too(db: None) -> None:
    bawaslu = User.objects.create_user("pengawas", password=PASSWORD, role="bawaslu_ri")
    secret = twofactor.pending_secret(bawaslu)
    from netral.accounts import totp

    twofactor.confirm_enrolment(bawaslu, totp.code_at(secret, totp.step_at(time.time())))
    client = Client()
    verify = login(client, "pengawas", PASSWORD)["Location"]
    client.post(verify, {"code": "000000"})
    client.post(verify, {"code": "000001"})
    response = client.post(verify, {"code": "000002"}, follow=True)
    assert "dikunci sementara" in response.content.decode()
    assert login(Client(), "pengawas", PASSWORD).status_code == 200  # locked: the password no longer passes


def test_an_idle_session_is_logged_out(user: User, settings: Any) -> None:
    client = Client()
    assert login(client, "analis", PASSWORD).status_code == 302
    assert client.get("/akun/").status_code == 200
    session = client.session
    session[SEEN_KEY] = time.time() - settings.NETRAL_SESSION_IDLE_SECONDS - 5
    session.save()
    response = client.get("/akun/")
    assert response.status_code == 302 and response["Location"].startswith("/masuk/")
    assert "_auth_user_id" not in client.session


def test_a_session_ends_at_its_absolute_lifetime_even_when_busy(user: User, settings: Any) -> None:
    client = Client()
    login(client, "analis", PASSWORD)
    session = client.session
    session[AUTH_AT_KEY] = time.time() - settings.SESSION_COOKIE_AGE - 5
    session[SEEN_KEY] = time.time()
    session.save()
    assert client.get("/akun/").status_code == 302


def test_session_and_csrf_cookies_are_httponly_lax_and_secure_under_https(user: User, settings: Any) -> None:
    response = login(Client(), "analis", PASSWORD)
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    from netral import settings as netral_settings

    assert netral_settings.SESSION_COOKIE_SECURE == netral_settings.CSRF_COOKIE_SECURE == netral_settings.HTTPS


@pytest.mark.parametrize("weak", ["bawaslu2024!!", "netral-netral", "pendek1", "123456789012345", "analis-analis1"])
def test_weak_passwords_are_refused_in_indonesian(weak: str) -> None:
    with pytest.raises(ValidationError):
        validate_password(weak, User(username="analis"))


def test_a_long_passphrase_is_accepted() -> None:
    validate_password("sungai barito mengalir ke laut jawa", User(username="analis"))


def test_passwords_are_hashed_with_argon2(user: User) -> None:
    assert user.password.startswith("argon2$")


def test_error_reports_mask_passwords_codes_and_reporter_fields(rf: RequestFactory) -> None:
    request = rf.post("/masuk/?code=RAHASIA-1", {"password": "rahasia-sekali", "code": "123456", "summary": "biasa"})
    reporter_class: Any = get_exception_reporter_class(request)  # the stubs type it as an instance
    reporter = reporter_class(request, ValueError, ValueError("boom"), None)
    assert isinstance(reporter.filter, SecretScrubbingReporterFilter)  # both come from the settings
    text = reporter.get_traceback_text()
    assert "rahasia-sekali" not in text and "123456" not in text and "RAHASIA-1" not in text
    assert "biasa" in text


def test_log_lines_lose_secret_query_values(caplog: pytest.LogCaptureFixture) -> None:
    logger = logging.getLogger("netral.test.logsafety")
    logger.addFilter(RedactSecretsFilter())
    with caplog.at_level(logging.INFO, logger="netral.test.logsafety"):
        logger.info('"GET %s HTTP/1.1" 200', "/lacak/?code=ABCD-EFGH&region_code=63&token=xyz")
    assert "ABCD-EFGH" not in caplog.text and "xyz" not in caplog.text and "region_code=63" in caplog.text


def test_the_views_taking_passwords_and_codes_hide_them_from_error_reports(user: User) -> None:
    response = Client().post(reverse("login"), {"username": "analis", "password": "salah"})
    assert response.wsgi_request.sensitive_post_parameters == "__ALL__"  # type: ignore[attr-defined]
    client = Client()
    client.force_login(user)
    response = client.post(reverse("accounts:enrol"), {"code": "123456"})
    assert response.wsgi_request.sensitive_post_parameters == ("code",)  # type: ignore[attr-defined]
