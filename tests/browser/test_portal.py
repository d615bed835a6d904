"""The public portal in a real Chromium: a named report with two evidence files, an anonymous report, the staff
inbox of the right jurisdiction, a supervisor's question, and the reporter's answer through the receipt code.

Runs against a real `netral serve` on a throw-away SQLite folder (tests/portal/portal_server.py). Screenshots:
test-artifacts/portal-*.png.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.browser.conftest import screenshot, staff_login
from tests.portal.portal_server import Running, portal_env, start
from tests.servers import NETRAL, django

pytestmark = pytest.mark.browser

TODAY = dt.date.today().isoformat()
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde" + b"\x00" * 64
)
PDF = b"%PDF-1.4\n% uji\n" + b"0" * 200


@pytest.fixture(scope="module")
def portal(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Running, dict[str, str], dict[str, str]]]:
    data = Path(tmp_path_factory.mktemp("portal-serve"))
    env = portal_env(data)
    subprocess.run([*NETRAL, "migrate"], env=env, check=True, capture_output=True)
    code = "import json; from netral.cases.demo import load_demo_cases as f; print(json.dumps(f(with_cases=False)))"
    passwords = json.loads(django(env, code).splitlines()[-1])
    server = start(env, workers=1)
    try:
        yield server, passwords, env
    finally:
        server.kill()


def new_page(browser: Any, errors: list[str]) -> Any:
    context = browser.new_context(locale="id-ID", viewport={"width": 412, "height": 900})  # a phone
    page = context.new_page()
    # resource failures are caught by the response listener (which does not see the browser's own favicon probe)
    page.on(
        "console", lambda m: errors.append(m.text) if m.type == "error" and "Failed to load" not in m.text else None
    )
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("response", lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    return page


def fill_report(page: Any, url: str, summary: str, *, named: bool, shots: str = "") -> None:
    page.goto(f"{url}/lapor/")
    page.fill("input[name=summary]", summary)
    page.fill("textarea[name=description]", "Di balai desa kepala desa meminta perangkat memilih calon (teks uji).")
    page.select_option("select[name=election]", "pilkada_2024")
    page.get_by_text("Pilih jenis pelanggaran").click()
    page.locator("input[name=violation_codes][value=D8]").check()
    if shots:
        screenshot(page, f"{shots}-1-kejadian")
    page.get_by_role("button", name="Simpan dan lanjut").click()
    page.fill("input[name=name]", "Kades Uji")
    page.select_option("select[name=subject_type]", "village")
    page.fill("input[name=position]", "Kepala Desa")
    page.fill("input[name=agency]", "Pemerintah Desa Uji")
    if shots:
        screenshot(page, f"{shots}-2-terlapor")
    page.get_by_role("button", name="Simpan dan lanjut").click()
    page.select_option("select[name=province]", "63")
    page.wait_for_selector("select[name=regency] option[value='63.03']", state="attached")
    page.select_option("select[name=regency]", "63.03")
    page.wait_for_selector("select[name=district] option[value='63.03.01']", state="attached")
    page.select_option("select[name=district]", "63.03.01")
    page.fill("input[name=place]", "Balai Desa")
    page.fill("input[name=event_date]", TODAY)
    page.fill("input[name=known_date]", TODAY)
    if shots:
        screenshot(page, f"{shots}-3-tempat-waktu")
    page.get_by_role("button", name="Simpan dan lanjut").click()
    page.fill("input[name=witness_name]", "Saksi Uji")
    page.get_by_role("button", name="Simpan dan lanjut").click()
    if named:
        page.locator("input[name=mode][value=named]").check()
        page.fill("input[name=reporter_name]", "Pelapor Peramban")
        page.fill("input[name=reporter_nik]", "6303010101010002")
        page.fill("textarea[name=reporter_address]", "Jl. Uji 2, Martapura")
        page.fill("input[name=reporter_phone]", "0812000")
        page.fill("input[name=reporter_email]", "pelapor@example.org")
    else:
        page.locator("input[name=mode][value=anonymous]").check()
    if shots:
        screenshot(page, f"{shots}-4-pelapor")
    page.get_by_role("button", name="Simpan dan lanjut").click()
    page.wait_for_url(re.compile(r".*/lapor/kirim/$"))


def receipt_of(page: Any) -> str:
    return str(page.locator("#kode-tanda-terima").inner_text()).replace(" ", "")


def test_reports_reach_the_inbox_and_the_reporter_answers_a_question(browser: Any, portal: Any, tmp_path: Path) -> None:
    server, passwords, env = portal
    errors: list[str] = []
    photo, letter = tmp_path / "foto.png", tmp_path / "surat.pdf"
    photo.write_bytes(PNG)
    letter.write_bytes(PDF)

    # --- a named report with two evidence files
    page = new_page(browser, errors)
    page.goto(server.url)
    screenshot(page, "portal-00-home")
    fill_report(page, server.url, "Kades mengarahkan perangkat desa memilih calon", named=True, shots="portal-01")
    assert "Syarat formal laporan sudah terpenuhi." in page.content()
    page.set_input_files("input[name=evidence]", [str(photo), str(letter)])
    screenshot(page, "portal-01-5-tinjau")
    page.get_by_role("button", name="Kirim laporan").click()
    page.wait_for_selector("#kode-tanda-terima")
    named_code = receipt_of(page)
    assert re.fullmatch(r"\d{16}", named_code)
    assert "tanpa kode ini" in page.content()
    screenshot(page, "portal-02-tanda-terima")

    # --- an anonymous report
    anon = new_page(browser, errors)
    fill_report(anon, server.url, "Informasi tanpa nama tentang kades", named=False)
    assert "informasi awal" in anon.content()
    screenshot(anon, "portal-03-tinjau-anonim")
    anon.get_by_role("button", name="Kirim laporan").click()
    anon.wait_for_selector("#kode-tanda-terima")
    screenshot(anon, "portal-04-tanda-terima-anonim")

    listing = (
        "import json; from netral.cases.models import Case, Evidence; print(json.dumps([[c.summary, c.intake, "
        "c.event_region_code, c.anonymous, Evidence.objects.filter(case=c).count()] "
        "for c in Case.objects.order_by('pk')]))"
    )
    stored = json.loads(django(env, listing))
    assert stored == [
        ["Kades mengarahkan perangkat desa memilih calon", "laporan", "63.03.01", False, 2],
        ["Informasi tanpa nama tentang kades", "informasi_awal", "63.03.01", True, 0],
    ]

    # --- Bawaslu Kabupaten Banjar sees both in its inbox and asks the named reporter a question
    staff = browser.new_context(locale="id-ID", viewport={"width": 1280, "height": 900}).new_page()
    staff_login(staff, server.url, "bawaslu.banjar", passwords["bawaslu.banjar"])
    staff.goto(f"{server.url}/perkara/")
    assert "Kades mengarahkan perangkat desa memilih calon" in staff.content()
    assert "Informasi tanpa nama tentang kades" in staff.content()
    screenshot(staff, "portal-05-kotak-masuk-bawaslu")
    staff.get_by_role("link", name="Kades mengarahkan perangkat desa memilih calon").click()
    staff.fill("textarea[name=text]", "Berapa orang perangkat desa yang hadir?")
    staff.get_by_role("button", name="Kirim pertanyaan").click()
    staff.wait_for_load_state("networkidle")
    assert "Berapa orang perangkat desa yang hadir?" in staff.content()
    screenshot(staff, "portal-06-perkara-pertanyaan")

    # --- the reporter follows up with the receipt code and answers
    reporter = new_page(browser, errors)
    reporter.goto(f"{server.url}/lapor/tindak-lanjut/")
    reporter.fill("input[name=code]", "0000 0000 0000 0000")
    reporter.get_by_role("button", name="Buka").click()
    reporter.wait_for_selector("text=Kode tidak dikenali")
    screenshot(reporter, "portal-07-kode-salah")
    reporter.fill("input[name=code]", f"{named_code[:4]} {named_code[4:8]} {named_code[8:12]} {named_code[12:]}")
    reporter.get_by_role("button", name="Buka").click()
    reporter.wait_for_selector("text=Pertanyaan dari pengawas")
    assert "Berapa orang perangkat desa yang hadir?" in reporter.content()
    screenshot(reporter, "portal-08-tindak-lanjut")
    reporter.fill("textarea[name=answer]", "Sekitar dua belas orang.")
    reporter.get_by_role("button", name="Kirim jawaban").click()
    reporter.wait_for_selector("text=jawaban Anda sudah terkirim")
    screenshot(reporter, "portal-09-jawaban-terkirim")

    staff.reload()
    assert "Sekitar dua belas orang." in staff.content()
    screenshot(staff, "portal-10-perkara-jawaban")

    for path in ("/statistik/", "/aturan/"):
        page.goto(server.url + path)
        screenshot(page, "portal-11-statistik" if "statistik" in path else "portal-12-aturan")
    assert errors == []
