"""A person's first visit, in a real browser: home page, live region search, language switch, staff login."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from tests.browser.conftest import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_home_page_renders_in_indonesian_with_region_counts(page: Any, live_server: Any) -> None:
    page.goto(live_server.url + "/")
    assert page.locator("html").get_attribute("lang") == "id"
    assert page.get_by_role("heading", name="Apa arti netral?").is_visible()
    assert "514" in page.locator(".stats").inner_text()
    screenshot(page, "home-id")


def test_region_search_updates_results_while_typing(page: Any, live_server: Any) -> None:
    page.goto(live_server.url + "/wilayah/")
    page.get_by_role("searchbox").fill("Batola")
    page.get_by_role("link", name="Kabupaten Barito Kuala").wait_for(timeout=5000)
    assert "q=Batola" in page.url  # the search is kept in the address bar (hx-push-url)
    screenshot(page, "wilayah-batola")


def test_language_switch_changes_the_interface_to_english(page: Any, live_server: Any) -> None:
    page.goto(live_server.url + "/")
    page.get_by_label("Bahasa").select_option("en")
    page.wait_for_load_state("load")
    page.locator("html[lang=en]").wait_for(timeout=5000)
    assert page.get_by_role("heading", name="What does neutral mean?").is_visible()
    screenshot(page, "home-en")


def test_staff_login_leads_to_the_indonesian_admin(page: Any, live_server: Any) -> None:
    get_user_model().objects.create_superuser("petugas", "", "kata-sandi-yang-panjang-1")
    page.goto(live_server.url + "/admin/")
    page.get_by_label("Nama pengguna").fill("petugas")
    page.get_by_label("Sandi").fill("kata-sandi-yang-panjang-1")
    page.locator("input[type=submit]").click()
    page.get_by_role("link", name="Wilayah", exact=True).first.wait_for(timeout=5000)
    screenshot(page, "admin-id")


def test_region_map_draws_provinces_and_shows_regencies_on_click(page: Any, live_server: Any) -> None:
    page.goto(live_server.url + "/wilayah/peta/")
    shapes = page.locator("path.leaflet-interactive")
    shapes.first.wait_for(timeout=10000)
    assert shapes.count() == 33  # 38 provinces, five of which still share their parent's pre-split shape
    screenshot(page, "peta-provinsi")
    shapes.nth(20).dispatch_event("click")  # the element itself: its box centre may lie in the sea
    shapes.nth(33).wait_for(timeout=10000)  # a regency marker (locator waits need no eval, which the CSP forbids)
    screenshot(page, "peta-kabupaten")
