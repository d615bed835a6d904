"""The API's pages in a real Chromium against a real `netral serve`: the offline API documentation, the token page
and the webhook pages (a ping delivered by the instance's worker to a receiver on 127.0.0.1).

Screenshots: test-artifacts/api-*.png.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from tests.api.receiver import Receiver, receiving
from tests.browser.conftest import screenshot, staff_login
from tests.servers import NETRAL, django, instance_env, serving

pytestmark = pytest.mark.browser

PASSWORD = "kata-sandi-halaman-api-123"
USERS = """
from netral.accounts.models import User
from netral.geo.models import Region
banjar = Region.objects.get(code="63.03")
User.objects.create_user("api-banjar", password={password!r}, role="bawaslu_kabkota", jurisdiction=banjar)
User.objects.create_user("api-analis", password={password!r}, role="analyst")
print("ok")
"""


# A delivery that failed for good (four attempts), as the worker leaves it: waiting out the real back-off would
# take 36 minutes.
FAILED_DELIVERY = """
from netral.api.models import WebhookDelivery
WebhookDelivery.objects.create(
    webhook_id={pk}, event="alert.created", payload={{"alert_id": 1}}, state="gagal", attempts=4, status_code=500,
    response_excerpt="galat di peladen mitra",
)
print("ok")
"""


@dataclass(frozen=True)
class Instance:
    url: str
    receiver: Receiver
    env: dict[str, str]


@pytest.fixture(scope="module")
def api_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Instance]:
    data = Path(tmp_path_factory.mktemp("api-pages-serve"))
    # The receiver listens on 127.0.0.1: allow loopback webhook addresses in this instance only.
    env = instance_env(data, NETRAL_MONITOR_ALLOW_PRIVATE_HOSTS="1")
    subprocess.run([*NETRAL, "migrate"], env=env, check=True, capture_output=True)
    django(env, "exec(" + json.dumps(USERS.format(password=PASSWORD)) + ")")
    with receiving() as receiver, serving(env) as url:
        yield Instance(url, receiver, env)


def login(browser: Any, server: Instance, username: str) -> Any:
    context = browser.new_context(locale="id-ID", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    staff_login(page, server.url, username, PASSWORD)
    return page


def test_the_api_docs_list_the_operations_without_leaving_the_machine(browser: Any, api_server: Instance) -> None:
    context = browser.new_context(locale="id-ID", viewport={"width": 1280, "height": 900})
    requested: list[str] = []
    outside: list[str] = []

    def guard(route: Any) -> None:
        url = route.request.url
        requested.append(url)
        if url.startswith(("data:", "blob:")) or urlsplit(url).hostname == "127.0.0.1":
            route.continue_()
        else:  # anything else would be a CDN, a validator or a font service: refuse and remember it
            outside.append(url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    response = page.goto(f"{api_server.url}/api/docs")
    assert response is not None and response.ok
    page.locator(".swagger-ui .info .title").filter(has_text="Netral API").wait_for(timeout=15000)
    operations = page.locator(".opblock")
    operations.first.wait_for(timeout=15000)
    paths = [p.strip().replace("\u200b", "") for p in page.locator(".opblock-summary-path").all_inner_texts()]
    assert {"/api/regions", "/api/cases", "/api/cases/{case_id}", "/api/alerts"} <= set(paths), paths
    page.locator(".opblock-summary", has_text="/api/regions/{code}").first.click()
    page.locator(".opblock-body .parameters").first.wait_for(timeout=5000)
    page.locator(".models-control").click()  # fold the long list of schemas for a readable picture
    screenshot(page, "api-docs")
    assert outside == [], outside
    assert any(url.endswith("/api/openapi.json") for url in requested)
    assert problems == [], problems  # no CSP refusal, no script error
    context.close()


def test_a_token_made_on_the_token_page_opens_the_api(browser: Any, api_server: Instance) -> None:
    page = login(browser, api_server, "api-banjar")
    page.get_by_role("link", name="API", exact=True).click()  # the site's nav
    page.wait_for_url(f"{api_server.url}/api/token/")
    assert page.get_by_text("Belum ada token.").is_visible()
    screenshot(page, "api-token-empty")
    page.get_by_text("Buat token", exact=True).first.click()  # opens the form (a <details>)
    page.fill("input[name=name]", "Dasbor kepegawaian")
    page.select_option("select[name=kind]", "service")
    page.check("input[name=scopes][value='regions:read']")
    page.check("input[name=scopes][value='cases:read']")
    screenshot(page, "api-token-form")
    with page.expect_navigation():
        page.locator("form button[type=submit]", has_text="Buat token").click()
    secret = page.locator("[data-token-secret] code").inner_text().strip()
    assert secret.startswith("ntr_")
    row = page.locator("tr", has_text="Dasbor kepegawaian")
    assert "regions:read" in row.inner_text() and "Kabupaten Banjar" in row.inner_text()
    screenshot(page, "api-token-created")
    request = urllib.request.Request(  # noqa: S310 - the local instance
        f"{api_server.url}/api/regions/63.03", headers={"Authorization": f"Bearer {secret}"}
    )
    with urllib.request.urlopen(request, timeout=10) as answer:  # noqa: S310 - the local instance
        assert json.load(answer)["code"] == "63.03"
    page.goto(f"{api_server.url}/api/token/")  # a reload re-posts the form: refused, see test_token_pages.py
    assert page.locator("[data-token-secret]").count() == 0 and secret not in page.content()


def _wait_for_row(page: Any, text: str, seconds: float = 60) -> Any:
    """Reload the delivery log until a row shows `text`: the instance's worker polls its queue every second."""
    deadline = time.monotonic() + seconds
    rows = page.locator(".delivery-log tbody tr", has_text=text)
    while rows.count() == 0:
        assert time.monotonic() < deadline, f"no delivery showing {text!r} after {seconds} s"
        time.sleep(1)
        page.reload()
    return rows.first


def test_a_webhook_is_made_its_secret_shown_once_and_a_ping_reaches_the_receiver(
    browser: Any, api_server: Instance
) -> None:
    receiver = api_server.receiver
    page = login(browser, api_server, "api-banjar")
    page.get_by_role("link", name="API", exact=True).click()
    page.locator(".api-nav").get_by_role("link", name="Webhook", exact=True).click()
    page.wait_for_url(f"{api_server.url}/api/webhook/")
    assert page.get_by_text("Belum ada webhook.").is_visible()
    screenshot(page, "api-webhook-empty")

    page.get_by_role("button", name="Buat webhook").click()
    page.wait_for_url(f"{api_server.url}/api/webhook/baru/")
    page.fill("input[name=name]", "Sistem kepegawaian mitra")
    page.fill("input[name=url]", "ftp://mitra.invalid/x")
    page.check("input[name=events][value='case.transition']")
    with page.expect_navigation():
        page.get_by_role("button", name="Buat webhook").click()
    assert page.get_by_role("alert").filter(has_text="Alamat webhook harus diawali https://.").is_visible()
    screenshot(page, "api-webhook-form-refused")
    page.fill("input[name=url]", receiver.url("/netral"))
    page.check("input[name=events][value='alert.created']")
    with page.expect_navigation():
        page.get_by_role("button", name="Buat webhook").click()
    secret = page.locator("[data-webhook-secret]").inner_text().strip()
    assert len(secret) == 64
    assert page.get_by_text("X-Netral-Signature").first.is_visible()
    screenshot(page, "api-webhook-secret")

    assert re.search(r"/api/webhook/\d+/kunci/$", page.url)
    page.reload()  # the secret is shown to one request only: a reload lands on the webhook's page without it
    page.wait_for_url(re.compile(r"/api/webhook/\d+/$"))
    assert page.locator("[data-webhook-secret]").count() == 0 and secret not in page.content()
    assert page.get_by_text("hanya ditampilkan sekali").is_visible()
    assert page.get_by_text("Belum ada pengiriman.").is_visible()
    with page.expect_navigation():
        page.get_by_role("button", name="Kirim peristiwa uji").click()
    assert page.get_by_text("Uji kiriman dijadwalkan").is_visible()
    row = _wait_for_row(page, "terkirim")
    assert "Uji kiriman (ping)" in row.inner_text() and "204" in row.inner_text()
    assert "WITA" in page.locator(".delivery-log thead").inner_text()  # Kabupaten Banjar keeps Central time
    screenshot(page, "api-webhook-delivered")

    [request] = [r for r in receiver.received if r.path == "/netral"]
    expected = "sha256=" + hmac.new(secret.encode(), request.body, hashlib.sha256).hexdigest()
    assert request.headers["X-Netral-Signature"] == expected and request.headers["X-Netral-Event"] == "ping"

    page.goto(f"{api_server.url}/api/webhook/")
    row = page.locator("tr", has_text="Sistem kepegawaian mitra")
    assert "aktif" in row.inner_text() and "terkirim" in row.inner_text() and "WITA" in row.inner_text()
    screenshot(page, "api-webhook-list")


def test_a_failed_delivery_is_retried_then_the_secret_rotated_and_the_webhook_disabled_and_deleted(
    browser: Any, api_server: Instance
) -> None:
    receiver = api_server.receiver
    page = login(browser, api_server, "api-banjar")
    page.goto(f"{api_server.url}/api/webhook/baru/")
    page.fill("input[name=name]", "Dasbor mitra kedua")
    page.fill("input[name=url]", receiver.url("/kedua"))
    page.check("input[name=events][value='alert.created']")
    with page.expect_navigation():
        page.get_by_role("button", name="Buat webhook").click()
    first_secret = page.locator("[data-webhook-secret]").inner_text().strip()
    match = re.search(r"/api/webhook/(\d+)/kunci/$", page.url)
    assert match is not None
    pk = match.group(1)
    django(api_server.env, "exec(" + json.dumps(FAILED_DELIVERY.format(pk=pk)) + ")")

    page.goto(f"{api_server.url}/api/webhook/{pk}/")
    failed = page.locator(".delivery-log tbody tr", has_text="gagal")
    assert "500" in failed.inner_text() and "galat di peladen mitra" in failed.inner_text()
    screenshot(page, "api-webhook-failed")
    with page.expect_navigation():
        failed.get_by_role("button", name="Coba lagi sekarang").click()
    row = _wait_for_row(page, "terkirim")
    assert "Peringatan pantauan baru" in row.inner_text() and "204" in row.inner_text()
    assert row.get_by_role("button", name="Coba lagi sekarang").count() == 0
    [request] = [r for r in receiver.received if r.path == "/kedua"]
    assert request.headers["X-Netral-Event"] == "alert.created"
    screenshot(page, "api-webhook-retried")

    page.get_by_role("button", name="Ganti kunci penanda tangan", exact=True).click()
    with page.expect_navigation():
        page.get_by_role("button", name="Ya, ganti kuncinya").click()
    assert page.get_by_text("kunci lama tidak berlaku lagi").is_visible()
    second_secret = page.locator("[data-webhook-secret]").inner_text().strip()
    assert len(second_secret) == 64 and second_secret != first_secret
    screenshot(page, "api-webhook-rotated")

    page.goto(f"{api_server.url}/api/webhook/{pk}/")
    with page.expect_navigation():
        page.get_by_role("button", name="Nonaktifkan").click()
    assert page.locator(".case-facts .badge", has_text="nonaktif").is_visible()
    assert page.get_by_role("button", name="Kirim peristiwa uji").is_disabled()
    page.get_by_role("button", name="Hapus webhook", exact=True).click()
    page.get_by_role("button", name="Ya, hapus webhook").wait_for()
    screenshot(page, "api-webhook-disabled-delete-confirm")
    with page.expect_navigation():
        page.get_by_role("button", name="Ya, hapus webhook").click()
    page.wait_for_url(f"{api_server.url}/api/webhook/")
    assert page.get_by_text("dihapus beserta log pengirimannya").is_visible()
    assert page.get_by_role("link", name="Dasbor mitra kedua").count() == 0


def test_an_analyst_sees_no_webhook_link(browser: Any, api_server: Instance) -> None:
    page = login(browser, api_server, "api-analis")
    page.goto(f"{api_server.url}/api/token/")
    assert page.get_by_role("link", name="Webhook", exact=True).count() == 0
    assert page.goto(f"{api_server.url}/api/webhook/").status == 404
