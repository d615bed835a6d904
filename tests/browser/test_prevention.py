"""A pledge campaign in a real Chromium, then an event and a circular, against a real `netral serve`.

The BKPSDM officer of Kabupaten Banjar (ppk_officer) registers an agency, opens a campaign for Pilkada 2024 and
uploads the signed integrity pact; three employees sign the pledge from the public link without an account; the
officer imports an attendance list with one bad row, which is reported; a pledge is verified from its QR URL by
someone else. Then an event and a circular are created, listed and found, and the coverage page shows the figures.
No page may report a CSP violation. Screenshots: test-artifacts/prevention-*.png.
"""

from __future__ import annotations

import hashlib
from typing import Any

import pytest
from tests.browser.cases_server import Server, case_server  # noqa: F401 - the fixture
from tests.browser.conftest import screenshot, staff_login

pytestmark = pytest.mark.browser

PACT = b"%PDF-1.4\n% pakta integritas uji peramban\n" + b"1" * 300 + b"\n%%EOF\n"
EMPLOYEES = (
    ("Pegawai Peramban Satu", "19850312 201001 1 002", "Analis Kepegawaian", "Bidang Mutasi"),
    ("Pegawai Peramban Dua", "199001152015032001", "Pengelola Data", "Sekretariat"),
    ("Pegawai Peramban Tiga", "198807072023212004", "Penata Layanan", "Bidang Mutasi"),
)
ATTENDANCE = (
    b"Nama;NIP;Jabatan;Unit Kerja\r\n"
    b"Pegawai Daftar Hadir Satu;197712242003121003;Kepala Seksi;Bidang Mutasi\r\n"
    b"Pegawai Daftar Hadir Dua;198502312010011002;Staf;Sekretariat\r\n"
    b"Pegawai Peramban Dua;199001152015032001;Pengelola Data;Sekretariat\r\n"
    b"Pegawai Daftar Hadir Tiga;198211302009041001;Staf;Sekretariat\r\n"
)


def new_page(browser: Any) -> Any:
    context = browser.new_context(locale="id-ID", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.csp_errors = []
    page.on(
        "console",
        lambda m: page.csp_errors.append(m.text) if "Content Security Policy" in m.text else None,
    )
    return page


def login(browser: Any, server: Server, username: str) -> Any:
    page = new_page(browser)
    staff_login(page, server.url, username, server.passwords[username])
    page.get_by_role("link", name="Pencegahan", exact=True).click()
    page.wait_for_url(f"{server.url}/pencegahan/")
    return page


def submit(page: Any, form: Any) -> None:
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    page.wait_for_load_state("load")


def test_a_pledge_campaign_events_and_circulars_in_a_real_browser(browser: Any, case_server: Server) -> None:  # noqa: F811
    officer = login(browser, case_server, "ppk.banjar")
    screenshot(officer, "prevention-01-overview")

    # --- register the agency and open its campaign
    officer.get_by_role("link", name="Instansi & ikrar").click()
    officer.locator("summary", has_text="Daftarkan instansi").click()
    form = officer.locator("form[method=post]", has=officer.locator("input[name=headcount]"))
    form.locator("input[name=name]").fill("Dinas Peramban Kabupaten Banjar")
    form.locator("select[name=kind]").select_option("pemerintah_kabupaten_kota")
    form.locator("select[name=region]").select_option("63.03")
    form.locator("input[name=headcount]").fill("20")
    form.locator("input[name=contact_email]").fill("kepegawaian@peramban.invalid")
    submit(officer, form)
    officer.locator("summary", has_text="Buat kampanye ikrar").click()
    form = officer.locator("form[method=post]", has=officer.locator("select[name=election]"))
    form.locator("select[name=election]").select_option("pilkada_2024")
    form.locator("input[name=expected]").fill("20")
    submit(officer, form)
    assert "0 dari 20 pegawai (0%)" in officer.locator("[data-testid=campaign-coverage]").inner_text()

    # --- upload the signed pact: stored with its SHA-256
    pact_form = officer.locator("#pakta form")
    pact_form.locator("input[type=file]").set_input_files(
        {"name": "pakta-integritas.pdf", "mimeType": "application/pdf", "buffer": PACT}
    )
    submit(officer, pact_form)
    assert officer.locator("[data-testid=pact-sha256]").inner_text() == hashlib.sha256(PACT).hexdigest()
    screenshot(officer, "prevention-02-campaign-with-pact")
    sign_url = officer.locator("#sign-url").input_value()

    # --- three employees sign from the public link, without an account
    codes = []
    for name, nip, position, unit in EMPLOYEES:
        employee = new_page(browser)
        employee.goto(sign_url)
        employee.fill("input[name=full_name]", name)
        employee.fill("input[name=nip]", nip)
        employee.fill("input[name=position]", position)
        employee.fill("input[name=unit]", unit)
        employee.check("input[name=agree]")
        if not codes:
            screenshot(employee, "prevention-03-sign-form")
        submit(employee, employee.locator("form[method=post]").last)
        employee.locator("[data-testid=pledge-verified]").wait_for()
        codes.append(employee.locator("[data-testid=pledge-code]").inner_text())
        verify_url = employee.locator("[data-testid=verify-url]").get_attribute("href")
        assert employee.csp_errors == []
        employee.context.close()
    assert len(set(codes)) == 3

    # the same NIP again: refused with a clear message
    again = new_page(browser)
    again.goto(sign_url)
    again.fill("input[name=full_name]", "Pegawai Peramban Satu")
    again.fill("input[name=nip]", EMPLOYEES[0][1])
    again.fill("input[name=position]", "Analis")
    again.fill("input[name=unit]", "Bidang Mutasi")
    again.check("input[name=agree]")
    submit(again, again.locator("form[method=post]").last)
    assert "sudah menandatangani ikrar pada kampanye ini" in again.content()
    again.context.close()

    # --- import an attendance list with one bad row
    officer.reload()
    import_form = officer.locator("#impor form")
    import_form.locator("input[type=file]").set_input_files(
        {"name": "daftar-hadir.csv", "mimeType": "text/csv", "buffer": ATTENDANCE}
    )
    submit(officer, import_form)
    report = officer.locator(".import-report").first
    assert "4 baris dibaca: 2 ikrar baru, 1 sudah tercatat." in report.inner_text()
    assert "baris 3: NIP 19850231… tidak valid: tanggal lahir 31-02-1985 tidak ada" in report.inner_text()
    assert "5 dari 20 pegawai (25%)" in officer.locator("[data-testid=campaign-coverage]").inner_text()
    officer.locator("#impor").scroll_into_view_if_needed()
    screenshot(officer, "prevention-04-import-report")

    # --- someone else verifies the last pledge from its QR URL: genuine, without NIP or full name
    checker = new_page(browser)
    checker.goto(verify_url)
    card = checker.locator("[data-testid=pledge-verified]")
    assert "Ikrar ini asli" in card.inner_text()
    assert "P. P. T." in card.inner_text() and codes[-1] in card.inner_text()
    assert checker.locator("svg.qr path").count() == 1
    page_text = checker.content()
    assert "198807072023212004" not in page_text and "Pegawai Peramban Tiga" not in page_text
    screenshot(checker, "prevention-05-verification")
    assert checker.csp_errors == []
    checker.context.close()

    # --- coverage per agency and per region
    officer.get_by_role("link", name="Cakupan ikrar").click()
    agencies = officer.locator("[data-testid=coverage-agencies]").inner_text()
    regions = officer.locator("[data-testid=coverage-regions]").inner_text()
    assert "Dinas Peramban Kabupaten Banjar" in agencies and "5 / 20" in agencies and "25%" in agencies
    assert "Kabupaten Banjar" in regions and "Kalimantan Selatan" in regions
    screenshot(officer, "prevention-06-coverage")

    # --- an event: created, listed, found, on the public calendar
    officer.get_by_role("link", name="Kegiatan", exact=True).click()
    officer.get_by_role("button", name="Catat kegiatan").click()
    form = officer.locator("form[method=post]", has=officer.locator("input[name=title]"))
    form.locator("input[name=title]").fill("Rakor netralitas ASN peramban")
    form.locator("select[name=kind]").select_option("rakor")
    form.locator("select[name=region]").select_option("63.03")
    form.locator("input[name=starts_at]").fill("2099-05-04T09:30")
    form.locator("input[name=place]").fill("Aula BKPSDM")
    form.locator("input[name=organiser]").fill("BKPSDM Kabupaten Banjar")
    form.locator("textarea[name=speakers]").fill("Narasumber Peramban — Anggota Bawaslu Kabupaten")
    form.locator("select[name=audience]").select_option("asn")
    form.locator("input[name=audience_count]").fill("60")
    submit(officer, form)
    assert "09.30 WITA" in officer.content()
    officer.get_by_role("link", name="Kegiatan", exact=True).click()
    officer.fill("input[name=q]", "peramban")
    officer.select_option("select[name=when]", "upcoming")
    submit(officer, officer.locator("form[role=search]"))
    assert officer.get_by_role("link", name="Rakor netralitas ASN peramban").count() == 1
    public = new_page(browser)
    public.goto(f"{case_server.url}/pencegahan/agenda/")
    assert "Rakor netralitas ASN peramban" in public.content() and "Narasumber Peramban" in public.content()
    screenshot(public, "prevention-07-public-calendar")
    public.context.close()

    # --- a circular: registered with its rules link, found by search
    officer.get_by_role("link", name="Surat edaran").first.click()
    officer.get_by_role("button", name="Catat surat").click()
    form = officer.locator("form.circular-form")
    form.locator("select[name=kind]").select_option("surat_edaran")
    form.locator("input[name=number]").fill("800/PERAMBAN/2024")
    form.locator("input[name=date]").fill("2024-09-02")
    form.locator("input[name=issuer]").fill("Bupati Banjar (uji)")
    form.locator("input[name=subject]").fill("Larangan ASN memakai fasilitas dinas untuk kampanye")
    form.locator("textarea[name=addressees]").fill("Kepala perangkat daerah")
    form.locator("select[name=region]").select_option("63.03")
    form.locator("input[name=violation_types]").first.check()
    submit(officer, form)
    officer.get_by_role("link", name="Surat edaran dan imbauan").click()
    officer.fill("input[name=q]", "fasilitas dinas")
    submit(officer, officer.locator("form[role=search]"))
    assert officer.get_by_role("link", name="800/PERAMBAN/2024").count() == 1
    screenshot(officer, "prevention-08-circulars")
    assert officer.csp_errors == []
