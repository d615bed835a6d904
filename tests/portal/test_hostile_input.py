"""Everything a reporter types is escaped wherever it is shown: review, receipt, follow-up, staff case page, inbox.

Hostile inputs: a script tag, an attribute break-out with an onerror handler, a right-to-left override (removed:
it only serves to disguise text), and a 10 kB string.
"""

from __future__ import annotations

import pytest
from django.test import Client
from tests.portal.conftest import PNG, receipt_code, submit, upload

from netral.accounts.models import User
from netral.cases.models import Case, Evidence, ReportedPerson
from netral.portal.models import Question
from netral.portal.services import do_ask

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert('xss')</script>"
BREAKOUT = '"><img src=x onerror=alert(1)>'
RTL = "laporan\u202egnp.exe"
LONG = "panjang " * 1250  # 10 kB

RAW = (SCRIPT, BREAKOUT, "<img src=x")


def assert_escaped(page: str) -> None:
    for raw in RAW:
        assert raw not in page, raw
    assert "\u202e" not in page


def test_hostile_input_is_escaped_on_every_page(client: Client, banjar: User) -> None:
    response = submit(
        client,
        [upload(f"bukti{RTL}.png", PNG)],
        summary=SCRIPT + BREAKOUT[:100],
        description=LONG + SCRIPT + BREAKOUT + RTL,
        name=BREAKOUT,
        position=SCRIPT[:100],
        agency=RTL,
        place=BREAKOUT,
        witness_name=SCRIPT,
        witness_statement=BREAKOUT,
        reporter_name=SCRIPT,
        reporter_address=BREAKOUT,
    )
    assert response.status_code == 200
    receipt_page = response.content.decode()
    assert_escaped(receipt_page)
    code = receipt_code(response)
    case = Case.objects.get()
    assert "\u202e" not in case.description and "laporangnp.exe" in case.description
    assert len(case.description) > 10_000
    assert ReportedPerson.objects.get().name == BREAKOUT  # stored as typed, escaped when shown
    assert "\u202e" not in Evidence.objects.get().original_name

    staff = Client()
    staff.force_login(banjar)
    inbox = staff.get("/perkara/").content.decode()
    assert_escaped(inbox)
    assert "&lt;script&gt;" in inbox
    do_ask(banjar, case, SCRIPT + BREAKOUT)

    reporter = Client()
    reporter.post("/lapor/tindak-lanjut/", {"code": code})
    followup = reporter.get("/lapor/tindak-lanjut/").content.decode()
    assert_escaped(followup)
    assert "&lt;script&gt;" in followup
    question = Question.objects.get()
    reporter.post(f"/lapor/tindak-lanjut/jawab/{question.pk}/", {"answer": SCRIPT + BREAKOUT + RTL})
    assert_escaped(reporter.get("/lapor/tindak-lanjut/").content.decode())

    detail = staff.get(f"/perkara/{case.pk}/").content.decode()
    assert_escaped(detail)
    assert "&lt;script&gt;" in detail


def test_hostile_input_is_escaped_on_the_form_steps_and_review(client: Client) -> None:
    from tests.portal.conftest import fill

    fill(client, summary=SCRIPT, description=BREAKOUT + LONG, name=BREAKOUT, reporter_name=SCRIPT)
    for url in ("/lapor/kirim/", "/lapor/langkah/kejadian/", "/lapor/langkah/terlapor/", "/lapor/langkah/pelapor/"):
        page = client.get(url).content.decode()
        assert_escaped(page)


def test_an_over_long_summary_is_refused_with_a_message(client: Client) -> None:
    response = client.post(
        "/lapor/langkah/kejadian/",
        {"summary": LONG, "description": "x" * 40, "election": "pilkada_2024", "next": "1"},
    )
    assert response.status_code == 200
    assert "error-summary" in response.content.decode()
