"""Real Chromium (Debian's /usr/bin/chromium) driven by Playwright against Django's live server.

Skipped when Chromium or Playwright is missing; `.ci/run` installs both and runs these tests.
Screenshots go to test-artifacts/ for a person to look at.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = os.environ.get("NETRAL_CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]  # fmt: skip

pytestmark = pytest.mark.browser


def _unavailable(reason: str) -> None:
    """Skip on a developer's machine without a browser; fail in CI, where a skip would hide a broken page."""
    if os.environ.get("NETRAL_REQUIRE_BROWSER"):
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    try:
        from playwright import sync_api
    except ImportError:
        _unavailable("Playwright is not installed (scripts/install test)")
    if not Path(CHROMIUM).exists():
        _unavailable(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "1")  # Playwright's sync API runs an event loop
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(locale="id-ID", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def screenshot(page: Any, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


# --- Staff login through the real form, two-factor step included ---------------------------------------------
# Roles with "reporter.view" must enrol an authenticator at their first login; the helper reads the secret from
# the enrolment page (as a person's app would from the QR code) and answers later code pages with it.
_secrets: dict[tuple[str, str], str] = {}
_last_step: dict[tuple[str, str], int] = {}


def _next_code(key: tuple[str, str]) -> str:
    """A code for a step not used yet: the server refuses a replayed code, and one user may log in twice a step."""
    import time

    from netral.accounts.totp import code_at, step_at

    step = max(step_at(time.time()), _last_step.get(key, -1) + 1)
    while step > step_at(time.time()) + 1:  # the server accepts one step ahead at most
        time.sleep(1)
    _last_step[key] = step
    return code_at(_secrets[key], step)


def staff_login(page: Any, base_url: str, username: str, password: str) -> None:
    """Log in at /masuk/ with the password, then enrol or enter the code when asked; ends on the home page."""
    import re

    page.goto(f"{base_url}/masuk/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    home = re.escape(base_url) + r"/(\?.*)?$"
    page.wait_for_url(re.compile(home + "|/akun/(dua-langkah|kode)/"))
    key = (base_url, username)
    code_form = page.locator("form:has(input[name=code])")
    if "/akun/dua-langkah/" in page.url:
        _secrets[key] = page.locator("[data-totp-secret]").inner_text().replace(" ", "")
        code_form.locator("input[name=code]").fill(_next_code(key))
        code_form.locator("button[type=submit]").click()
        page.get_by_role("button", name="Saya sudah menyimpannya, lanjutkan").click()
    elif "/akun/kode/" in page.url:
        code_form.locator("input[name=code]").fill(_next_code(key))
        code_form.locator("button[type=submit]").click()
    page.wait_for_url(re.compile(home))
