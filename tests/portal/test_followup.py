"""The follow-up page: the receipt opens status, supervisor questions, answers and more evidence."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from tests.portal.conftest import PDF, PNG, receipt_code, submit, upload

from netral.accounts.models import User
from netral.audit.models import AuditEntry
from netral.cases.models import Case, Evidence
from netral.portal.models import Question
from netral.portal.services import do_ask

pytestmark = pytest.mark.django_db


def open_with(code: str) -> Client:
    reporter = Client()
    response = reporter.post("/lapor/tindak-lanjut/", {"code": code})
    assert response.status_code == 302
    return reporter


def test_the_code_opens_the_status_in_plain_indonesian(client: Client) -> None:
    code = receipt_code(submit(client))
    page = open_with(code[:4] + " " + code[4:8] + "-" + code[8:]).get("/lapor/tindak-lanjut/").content.decode()
    assert "Status" in page and "Laporan Anda sudah diterima" in page
    assert AuditEntry.objects.filter(action="portal.receipt_used").count() == 1
    assert code not in str(list(AuditEntry.objects.values_list("data", flat=True)))


def test_a_supervisor_question_is_answered_through_the_follow_up_page(client: Client, banjar: User) -> None:
    code = receipt_code(submit(client))
    case = Case.objects.get()
    staff = Client()
    staff.force_login(banjar)
    response = staff.post(f"/perkara/{case.pk}/tanya/", {"text": "Jam berapa apel dimulai?"})
    assert response.status_code == 302
    reporter = open_with(code)
    page = reporter.get("/lapor/tindak-lanjut/").content.decode()
    question = Question.objects.get()
    assert "Jam berapa apel dimulai?" in page
    reporter.post(f"/lapor/tindak-lanjut/jawab/{question.pk}/", {"answer": "Pukul tujuh pagi."})
    question.refresh_from_db()
    assert question.answer == "Pukul tujuh pagi." and question.answered_at is not None
    staff_page = staff.get(f"/perkara/{case.pk}/").content.decode()
    assert "Pukul tujuh pagi." in staff_page and "Tanya jawab dengan pelapor" in staff_page


def test_a_neighbouring_kabupaten_cannot_ask_and_gets_404(client: Client, batola: User) -> None:
    submit(client)
    case = Case.objects.get()
    staff = Client()
    staff.force_login(batola)
    assert staff.post(f"/perkara/{case.pk}/tanya/", {"text": "?"}).status_code == 404
    with pytest.raises(Exception, match="tidak berwenang"):
        do_ask(batola, case, "?")
    assert not Question.objects.exists()


def test_the_reporter_cannot_answer_another_cases_question(client: Client, banjar: User) -> None:
    submit(client, summary="Perkara pertama")
    first = Case.objects.get()
    other = Client()
    code = receipt_code(submit(other, summary="Perkara kedua"))
    question = do_ask(banjar, first, "Pertanyaan untuk perkara pertama")
    reporter = open_with(code)
    response = reporter.post(f"/lapor/tindak-lanjut/jawab/{question.pk}/", {"answer": "menyusup"})
    assert response.status_code == 404
    question.refresh_from_db()
    assert question.answer == ""


def test_the_reporter_adds_evidence_with_the_receipt(client: Client) -> None:
    code = receipt_code(submit(client, [upload("a.png", PNG)]))
    reporter = open_with(code)
    reporter.post("/lapor/tindak-lanjut/bukti/", {"evidence": [upload("b.pdf", PDF)]})
    assert Evidence.objects.count() == 2
    response = reporter.post("/lapor/tindak-lanjut/bukti/", {"evidence": [upload("c.exe", b"MZ" + b"\0" * 100)]})
    assert "executable" in reporter.get(response["Location"]).content.decode()
    assert Evidence.objects.count() == 2


def test_without_a_code_the_follow_up_actions_do_nothing(client: Client, banjar: User) -> None:
    submit(client)
    question = do_ask(banjar, Case.objects.get(), "Ada?")
    stranger = Client()
    assert stranger.post(f"/lapor/tindak-lanjut/jawab/{question.pk}/", {"answer": "x"}).status_code == 302
    assert stranger.post("/lapor/tindak-lanjut/bukti/", {"evidence": [upload("b.pdf", PDF)]}).status_code == 302
    question.refresh_from_db()
    assert question.answer == "" and Evidence.objects.count() == 0


def test_a_wrong_code_gets_the_same_answer_as_a_malformed_one(client: Client) -> None:
    submit(client)
    pages = []
    for attempt in ("0000000000000000", "1234 5678 9012 3456", "not a code"):
        response = Client().post("/lapor/tindak-lanjut/", {"code": attempt})
        assert response.status_code == 200
        pages.append(_without_tokens(response.content.decode()))
    assert pages[0] == pages[1] == pages[2]
    assert "Kode tidak dikenali" in pages[0]


def _without_tokens(page: str) -> str:
    import re

    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page)


def test_lookups_are_rate_limited_per_client(settings: Any) -> None:
    settings.NETRAL_PORTAL_LOOKUP_RATE = "5/h"
    guesser = Client()
    statuses = [guesser.post("/lapor/tindak-lanjut/", {"code": f"{i:016d}"}).status_code for i in range(7)]
    assert statuses == [200] * 5 + [429, 429]
