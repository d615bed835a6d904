"""Two-step login in a real Chromium: a Bawaslu officer (a role that sees reporters, so two steps are required)
enrols an authenticator at the first login from the QR code page, with codes computed by PyOTP as an app would,
receives recovery codes, then logs in again with a code and once with a recovery code.

Screenshots: test-artifacts/two-step-*.png.
"""

from __future__ import annotations

import json
import re
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyotp
import pytest
import segno
from tests.browser.conftest import screenshot
from tests.servers import NETRAL, django, instance_env, serving

pytestmark = pytest.mark.browser

PASSWORD = "kata-sandi-dua-langkah-123"
USERNAME = "petugas-banjar"
USERS = """
from netral.accounts.models import User
from netral.geo.models import Region
banjar = Region.objects.get(code="63.03")
User.objects.create_user({username!r}, password={password!r}, role="bawaslu_kabkota", jurisdiction=banjar)
print("ok")
"""


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    data = Path(tmp_path_factory.mktemp("two-step-serve"))
    env = instance_env(data)
    subprocess.run([*NETRAL, "migrate"], env=env, check=True, capture_output=True)
    django(env, "exec(" + json.dumps(USERS.format(username=USERNAME, password=PASSWORD)) + ")")
    with serving(env) as url:
        yield url


def _password_step(page: Any, url: str) -> None:
    page.goto(f"{url}/masuk/")
    page.fill("input[name=username]", USERNAME)
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.click("button[type=submit]")


def _submit_code(page: Any, code: str) -> None:
    form = page.locator("form:has(input[name=code])")
    form.locator("input[name=code]").fill(code)
    with page.expect_navigation():
        form.locator("button[type=submit]").click()


def _code_for_next_step(totp: pyotp.TOTP, used_at: float) -> str:
    """A code for a later 30-second step than `used_at`'s: the server refuses a code from a step already used and
    accepts at most one step ahead, so wait while the next step is still two or more ahead."""
    step = int(used_at) // totp.interval + 1
    while step > int(time.time()) // totp.interval + 1:
        time.sleep(1)
    return totp.at(step * totp.interval)


def test_enrolment_with_the_qr_code_page_then_logins_with_a_code_and_a_recovery_code(browser: Any, server: str) -> None:
    context = browser.new_context(locale="id-ID", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    _password_step(page, server)
    assert "/akun/dua-langkah/" in page.url  # required for this role: no other page before enrolment
    qr = page.locator("figure.totp-qr svg")
    assert qr.is_visible()
    box = qr.bounding_box()
    assert box is not None and box["width"] >= 120 and box["height"] >= 120
    secret = page.locator("[data-totp-secret]").inner_text().replace(" ", "")
    assert re.fullmatch(r"[A-Z2-7]{32}", secret)
    # The QR code an app scans carries the same secret: the otpauth URI built here from the shown secret draws
    # the same modules (the path is in module units; the page scales it with a transform).
    uri = pyotp.TOTP(secret).provisioning_uri(name=USERNAME, issuer_name="Netral")
    drawn = segno.make(uri, error="m").svg_inline(border=4, lineclass="qr-line")
    expected = re.search(r'class="qr-line"[^>]* d="([^"]+)"', drawn)
    assert expected is not None and qr.locator("path.qr-line").get_attribute("d") == expected.group(1)
    screenshot(page, "two-step-01-enrol")

    page.goto(f"{server}/perkara/")
    assert "/akun/dua-langkah/" in page.url  # the gate holds until the device is confirmed

    _submit_code(page, "000000" if pyotp.TOTP(secret).now() != "000000" else "111111")
    assert page.get_by_text("Kode tidak cocok").is_visible()
    assert page.locator("[data-totp-secret]").inner_text().replace(" ", "") == secret  # same secret, not a new one
    screenshot(page, "two-step-02-wrong-code")

    totp = pyotp.TOTP(secret)
    enrolled_at = time.time()
    _submit_code(page, totp.at(enrolled_at))
    codes = page.locator("ul.recovery-codes code").all_inner_texts()
    assert len(codes) == 10 and len(set(codes)) == 10
    assert page.get_by_text("Kode ini hanya ditampilkan sekarang").is_visible()
    screenshot(page, "two-step-03-recovery-codes")
    page.get_by_role("button", name="Saya sudah menyimpannya, lanjutkan").click()
    page.wait_for_url(lambda url: "/akun/" not in url)  # on to the page first asked for
    page.goto(f"{server}/akun/")
    assert page.get_by_text("Tersisa 10 kode pemulihan.").is_visible()
    screenshot(page, "two-step-04-account")
    context.close()

    # A new login asks for a code; one from the next 30-second step (the enrolment's is spent) lets the user in.
    context = browser.new_context(locale="id-ID", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    _password_step(page, server)
    assert "/akun/kode/" in page.url
    screenshot(page, "two-step-05-code-page")
    _submit_code(page, _code_for_next_step(totp, enrolled_at))
    assert page.url.rstrip("/") == server and page.get_by_role("link", name="Perkara").is_visible()
    context.close()

    # A recovery code works once: the same code is refused at the next login.
    for first_use in (True, False):
        context = browser.new_context(locale="id-ID", viewport={"width": 1280, "height": 900})
        page = context.new_page()
        _password_step(page, server)
        _submit_code(page, codes[0])
        if first_use:
            assert page.url.rstrip("/") == server
            page.goto(f"{server}/akun/")
            assert page.get_by_text("Tersisa 9 kode pemulihan.").is_visible()
        else:
            assert "/akun/kode/" in page.url and page.get_by_role("alert").is_visible()
            screenshot(page, "two-step-06-recovery-code-spent")
        context.close()
