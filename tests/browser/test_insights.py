"""Insights dashboards in a real Chromium: national, province and regency dashboards and the map, on generated
cases. Screenshots: test-artifacts/insights-*.png."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.browser.cases_server import Server
from tests.browser.conftest import screenshot, staff_login
from tests.servers import NETRAL, django, instance_env, serving

pytestmark = pytest.mark.browser

SEED = (
    "import json; from netral.cases.demo import load_demo_cases as f; p = f(with_cases=False); "
    "from netral.insights.synthetic import generate; generate(3000); "
    "generate(400, seed=8, regions=['63.03', '63.04', '63.01', '63.71', '63.72']); print(json.dumps(p))"
)


@pytest.fixture(scope="module")
def insights_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    data = Path(tmp_path_factory.mktemp("insights-serve"))
    env = instance_env(data)
    subprocess.run([*NETRAL, "migrate"], env=env, check=True, capture_output=True)
    passwords = json.loads(django(env, SEED).splitlines()[-1])
    with serving(env) as url:
        yield Server(url, passwords, env)


def login(browser: Any, server: Server, username: str) -> Any:
    context = browser.new_context(locale="id-ID", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    staff_login(page, server.url, username, server.passwords[username])
    page.errors = errors
    return page


def test_the_national_dashboard_draws_charts_beside_tables(browser: Any, insights_server: Server) -> None:
    page = login(browser, insights_server, "bkn.penelaah")  # national, stats.view
    page.get_by_role("link", name="Dasbor").click()
    page.wait_for_url(f"{insights_server.url}/dasbor/")
    page.locator("#tabel-wilayah canvas").wait_for()
    assert page.locator("canvas[data-chart]").count() >= 8
    assert page.locator("[data-testid=summary] .figure").first.inner_text() != "0"
    page.wait_for_timeout(300)  # Chart.js draws on the next frame
    screenshot(page, "insights-national")
    page.locator("#tabel-wilayah summary").click()
    page.locator("#tabel-wilayah a", has_text="Kalimantan Selatan").click()
    page.wait_for_url("**wilayah=63**")
    assert "Kalimantan Selatan" in page.locator("h1").inner_text()
    assert not [e for e in page.errors if "Content Security Policy" in e]


def test_the_province_dashboard_of_bawaslu_kalsel(browser: Any, insights_server: Server) -> None:
    page = login(browser, insights_server, "bawaslu.kalsel")
    page.goto(f"{insights_server.url}/dasbor/")
    page.locator("#tabel-wilayah canvas").wait_for()
    assert "Kalimantan Selatan" in page.locator("h1").inner_text()
    page.locator("#tabel-wilayah summary").click()
    assert page.locator("#data-wilayah", has_text="Banjar").count() == 1
    page.wait_for_timeout(300)
    screenshot(page, "insights-province")


def test_the_regency_dashboard_of_bawaslu_banjar_stays_in_banjar(browser: Any, insights_server: Server) -> None:
    page = login(browser, insights_server, "bawaslu.banjar")
    page.goto(f"{insights_server.url}/dasbor/")
    page.locator("#tabel-mingguan canvas").wait_for()
    assert "Banjar" in page.locator("h1").inner_text()
    assert page.locator("text=Barito Kuala").count() == 0
    page.wait_for_timeout(300)
    screenshot(page, "insights-regency")
    response = page.goto(f"{insights_server.url}/dasbor/?wilayah=63.04")
    assert response is not None and response.status == 404


def test_the_map_colours_provinces_and_drills_down_to_regencies(browser: Any, insights_server: Server) -> None:
    page = login(browser, insights_server, "bkn.penelaah")
    page.goto(f"{insights_server.url}/dasbor/peta/")
    page.locator("#peta-dasbor[data-state=provinces]").wait_for()
    page.locator("#peta-tabel tbody tr").first.wait_for()
    assert page.locator("#peta-tabel tbody tr").count() == 38
    assert page.locator(".map-legend").inner_text().startswith("Perkara")
    page.select_option("#metrik", "index")
    page.locator(".map-legend", has_text="Indeks kerawanan").wait_for()
    screenshot(page, "insights-map")
    page.goto(f"{insights_server.url}/dasbor/peta/?wilayah=63")
    page.locator("#peta-dasbor[data-state=regencies]").wait_for()
    page.locator("#peta-tabel caption", has_text="Kalimantan Selatan").wait_for()
    assert page.locator("#peta-tabel tbody tr").count() == 13
    screenshot(page, "insights-map-kalsel")
