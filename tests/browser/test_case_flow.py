"""A full case in a real Chromium, from report to recorded sanction, across four users in four roles.

Bawaslu Kabupaten Banjar receives, registers, clarifies, studies, decides in plenary and forwards to BKN;
BKN verifies and recommends a sanction to the PPK; the PPK of Kabupaten Banjar records the sanction decree;
Bawaslu Provinsi Kalimantan Selatan checks the follow-up and closes the case. Screenshots: test-artifacts/cases-*.png.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from tests.browser.cases_server import Server, case_server  # noqa: F401 - the fixture
from tests.browser.conftest import screenshot, staff_login

pytestmark = pytest.mark.browser

TODAY = dt.date.today().isoformat()


def login(browser: Any, server: Server, username: str) -> Any:
    context = browser.new_context(locale="id-ID", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    staff_login(page, server.url, username, server.passwords[username])
    page.get_by_role("link", name="Perkara").click()
    page.wait_for_url(f"{server.url}/perkara/")
    return page


def act(page: Any, label: str, fields: dict[str, str] | None = None, checks: tuple[str, ...] = ()) -> None:
    """Open the action `label` on the case page, fill it and submit; wait for the page to reload."""
    details = page.locator("details", has=page.locator("summary", has_text=re.compile(f"^{re.escape(label)}$")))
    details.locator("summary").first.click()
    form = details.locator("form").first
    for name, value in (fields or {}).items():
        field = form.locator(f"[name='{name}']").first
        if field.evaluate("e => e.tagName") == "SELECT":
            field.select_option(value)
        else:
            field.fill(value)
    for value in checks:
        form.locator(f"input[type=checkbox][value='{value}']").check()
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    page.wait_for_load_state("networkidle")


def open_case(page: Any, summary: str) -> None:
    page.get_by_role("link", name=summary).click()
    page.wait_for_load_state("networkidle")


def test_a_case_runs_from_report_to_recorded_sanction_across_four_roles(browser: Any, case_server: Server) -> None:  # noqa: F811
    summary = "Camat berpidato mendukung calon pada acara desa"

    # --- Bawaslu Kabupaten Banjar: receive, register, clarify, study, decide and forward
    banjar = login(browser, case_server, "bawaslu.banjar")
    screenshot(banjar, "cases-01-inbox-empty")
    banjar.click("text=Catat perkara baru")
    banjar.select_option("select[name=intake]", "laporan")
    banjar.select_option("select[name=election]", "pilkada_2024")
    banjar.fill("input[name=summary]", summary)
    banjar.fill("textarea[name=description]", "Pelapor melihat camat berpidato di panggung kampanye (teks uji).")
    banjar.fill("input[name=event_place]", "Lapangan desa")
    banjar.select_option("select[name=event_region]", "63.03.01")
    banjar.fill("input[name=reporter_name]", "Pelapor Uji Peramban")
    banjar.fill("input[name=reporter_phone]", "0800123")
    banjar.fill("input[name=person_name]", "Camat Uji")
    banjar.fill("input[name=person_position]", "Camat")
    banjar.fill("input[name=person_agency]", "Pemerintah Kabupaten Banjar")
    banjar.select_option("select[name=person_subject_type]", "asn")
    banjar.select_option("select[name=person_region]", "63.03")
    screenshot(banjar, "cases-02-new-case-form")
    banjar.get_by_role("button", name="Simpan perkara").click()
    banjar.wait_for_load_state("networkidle")
    assert banjar.locator("h1").inner_text() == summary
    assert "WITA" in banjar.locator(".deadline").first.inner_text()
    screenshot(banjar, "cases-03-case-received")

    # a refusal is shown on the card, in Indonesian
    details = banjar.locator("details", has=banjar.locator("summary", has_text="Minta pelapor melengkapi laporan"))
    details.locator("summary").click()
    details.locator("button[type=submit]").click()
    banjar.wait_for_selector(".refusal")
    assert "memerlukan" in banjar.locator(".refusal").inner_text()
    screenshot(banjar, "cases-04-refusal")
    banjar.reload()

    banjar.get_by_role("button", name="Tampilkan identitas pelapor").click()
    banjar.wait_for_selector("dl.reporter")
    assert "Pelapor Uji Peramban" in banjar.locator("dl.reporter").inner_text()

    act(banjar, "Registrasi laporan (syarat formal dan materiil terpenuhi)")
    act(
        banjar,
        "Undang klarifikasi (pelapor, terlapor, saksi, ahli)",
        {"invitations-0-name": "Camat Uji", "invitations-0-capacity": "terlapor", "invitations-0-date": TODAY},
    )
    act(banjar, "Mulai kajian", {"minutes-date": TODAY, "minutes-number": "BA-01/Klarifikasi"})
    act(banjar, "Ajukan hasil kajian ke rapat pleno", {"study-conclusion": "Terbukti melanggar netralitas ASN"})
    act(
        banjar,
        "Putusan pleno: teruskan ke instansi berwenang",
        {
            "decision-number": "01/PL/Kab/2024",
            "decision-date": TODAY,
            "recommendation_letter-number": "02/Rekom/Kab/2024",
            "recommendation_letter-date": TODAY,
        },
        checks=("asn",),
    )
    assert banjar.get_by_text("Diteruskan; memantau tindak lanjut instansi").first.is_visible()
    screenshot(banjar, "cases-05-forwarded")

    # --- BKN: Satgas verification; Bawaslu validates; BKN recommends a sanction to the PPK
    bkn = login(browser, case_server, "bkn.penelaah")
    screenshot(bkn, "cases-06-bkn-inbox")
    open_case(bkn, summary)
    assert "Pelapor Uji Peramban" not in bkn.content()
    assert "Tampilkan identitas pelapor" not in bkn.content()
    act(bkn, "Verifikasi Satgas selesai")
    banjar.reload()
    act(banjar, "Kajian, verifikasi dan validasi Bawaslu selesai")
    bkn.reload()
    act(
        bkn,
        "Kirim rekomendasi sanksi kepada PPK",
        {
            "recommendation-number": "B-77/BKN/2024",
            "recommendation-date": TODAY,
            "recommendation-sanction_level": "sedang",
        },
    )
    screenshot(bkn, "cases-07-bkn-recommended")

    # --- PPK of Kabupaten Banjar: records the sanction decree
    ppk = login(browser, case_server, "ppk.banjar")
    screenshot(ppk, "cases-08-ppk-inbox")
    open_case(ppk, summary)
    assert "Pelapor Uji Peramban" not in ppk.content()
    act(
        ppk,
        "Catat keputusan sanksi PPK",
        {
            "sanction-choice": "disiplin_sedang|Pemotongan tunjangan kinerja 25% selama 6 bulan",
            "sanction-decree_number": "800/123/BKPSDM/2024",
            "sanction-decree_date": TODAY,
        },
    )
    assert "tidak lagi ditujukan kepada Anda" in ppk.content()  # back in the inbox: nothing left for the PPK
    screenshot(ppk, "cases-09-ppk-sanction-recorded")

    bkn.reload()
    act(bkn, "Tindak lanjut diperiksa (I'DIS; blokir dibuka bila ada)")

    # --- Bawaslu Provinsi Kalimantan Selatan: checks the follow-up and closes
    kalsel = login(browser, case_server, "bawaslu.kalsel")
    open_case(kalsel, summary)
    act(kalsel, "Tindak lanjut diperiksa; tutup kasus")
    body = kalsel.locator("#riwayat").inner_text()
    for line in (
        "Catat keputusan sanksi PPK",
        "Kirim rekomendasi sanksi kepada PPK",
        "Tindak lanjut diperiksa; tutup kasus",
    ):
        assert line in body
    assert "800/123/BKPSDM/2024" in body and "Petugas BKPSDM Banjar (demo)" in body
    assert kalsel.get_by_text("Selesai").first.is_visible()
    screenshot(kalsel, "cases-10-closed-timeline")
    kalsel.goto(f"{case_server.url}/perkara/?status=closed")
    screenshot(kalsel, "cases-11-inbox-closed")
