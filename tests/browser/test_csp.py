"""The strict Content-Security-Policy in a real browser: no page reports a violation, and the pages still work.

Violations are caught twice: the `securitypolicyviolation` DOM event (recorded by an init script, which
Playwright injects outside the page's CSP) and Chromium's console error for a refused resource or inline code.
Pages that write audit entries are not visited here (live_server flushes the database, the audit log refuses).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from tests.browser.conftest import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`);
});
"""


@pytest.fixture
def watched(page: Any) -> Iterator[Any]:
    """A page that fails the test on any CSP violation reported while it was used."""
    console: list[str] = []
    page.add_init_script(RECORD_VIOLATIONS)
    page.on(
        "console",
        lambda message: console.append(message.text)
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text
        else None,
    )
    page.violations = lambda: [*console, *page.evaluate("window.__csp || []")]
    yield page
    assert page.violations() == []


def visit(page: Any, url: str) -> None:
    response = page.goto(url)
    assert response is not None and response.ok, url
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.wait_for_load_state("load")
    assert page.violations() == [], url


def test_public_pages_report_no_violation(watched: Any, live_server: Any) -> None:
    for path in ("/", "/aturan/", "/masuk/", "/wilayah/"):
        visit(watched, live_server.url + path)


def test_the_map_draws_under_the_strict_policy(watched: Any, live_server: Any) -> None:
    visit(watched, live_server.url + "/wilayah/peta/")
    shapes = watched.locator("path.leaflet-interactive")
    shapes.first.wait_for(timeout=10000)
    assert shapes.count() == 33
    assert shapes.first.evaluate("el => el.getBBox().width") > 0  # drawn, not just present
    watched.wait_for_timeout(500)  # let fitBounds finish before the picture
    screenshot(watched, "csp-peta")
    # Fetches regencies and draws them as markers (element.style from JS). Dispatched on the element itself: a
    # real click at its box centre may land in the sea.
    shapes.nth(20).dispatch_event("click")
    shapes.nth(33).wait_for(timeout=10000)  # a regency marker (locator waits need no eval, which the CSP forbids)
    watched.wait_for_timeout(500)
    screenshot(watched, "csp-peta-kabupaten")


def test_htmx_search_still_updates_without_injected_styles(watched: Any, live_server: Any) -> None:
    visit(watched, live_server.url + "/wilayah/")
    watched.get_by_role("searchbox").fill("Batola")
    watched.get_by_role("link", name="Kabupaten Barito Kuala").wait_for(timeout=5000)
    assert watched.evaluate("htmx.config.includeIndicatorStyles") is False
    assert watched.locator("style").count() == 0  # htmx added no inline <style>


def test_the_language_switcher_still_submits_itself(watched: Any, live_server: Any) -> None:
    visit(watched, live_server.url + "/aturan/")
    watched.get_by_label("Bahasa").select_option("en")
    watched.locator("html[lang=en]").wait_for(timeout=5000)


def test_login_page_looks_right_without_inline_styles(watched: Any, live_server: Any) -> None:
    visit(watched, live_server.url + "/masuk/")
    article = watched.locator("main article")
    # .narrow in netral.css replaced style="max-width: 28rem; margin: auto"
    assert article.evaluate("el => getComputedStyle(el).maxWidth") != "none"
    width = article.evaluate("el => el.getBoundingClientRect().width")
    assert width < watched.locator("main").evaluate("el => el.getBoundingClientRect().width") * 0.75
    screenshot(watched, "csp-masuk")


def test_the_admin_works_under_the_strict_policy(watched: Any, live_server: Any) -> None:
    get_user_model().objects.create_superuser("petugas", "", "kata-sandi-yang-panjang-1")
    visit(watched, live_server.url + "/admin/login/")
    watched.get_by_label("Nama pengguna").fill("petugas")
    watched.get_by_label("Sandi").fill("kata-sandi-yang-panjang-1")
    watched.locator("input[type=submit]").click()
    watched.get_by_role("link", name="Wilayah", exact=True).first.wait_for(timeout=5000)
    assert watched.violations() == []
    # A list page with filters, search and actions; a change form with date widgets; an add form as a popup.
    visit(watched, live_server.url + "/admin/geo/region/")
    watched.locator("#result_list").wait_for(timeout=5000)
    visit(watched, live_server.url + "/admin/rules/holiday/")
    watched.locator("#action-toggle").check()  # actions.js: select all
    assert watched.locator("input.action-select:checked").count() > 0
    visit(watched, live_server.url + "/admin/geo/region/?q=Banjar")
    visit(watched, live_server.url + "/admin/rules/holiday/add/")
    visit(watched, live_server.url + "/admin/accounts/user/add/?_popup=1&_to_field=id")
    screenshot(watched, "csp-admin")


def test_the_watcher_itself_catches_a_violation(page: Any, live_server: Any) -> None:
    page.add_init_script(RECORD_VIOLATIONS)
    page.goto(live_server.url + "/")
    page.evaluate("""document.body.insertAdjacentHTML("beforeend", '<img src="x" onerror="1">')""")
    for _ in range(50):  # polled from Python: wait_for_function would evaluate a string, which the CSP forbids
        if page.evaluate("window.__csp.length") > 0:
            break
        page.wait_for_timeout(100)
    assert "script-src" in page.evaluate("window.__csp[0]")
