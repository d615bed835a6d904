"""An English visitor sees the portal's own messages (the completeness check, the follow-up status) in English:
the Python-side texts are marked for translation, not only the templates."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client
from tests.portal.conftest import fill, receipt_code, submit

pytestmark = pytest.mark.django_db


def test_review_checklist_and_follow_up_status_are_english_with_the_language_cookie(client: Client) -> None:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    fill(client, mode="anonymous")
    review = client.get("/lapor/kirim/").content.decode()
    assert "Attach evidence below if you have any: photos, screenshots, documents or recordings." in review
    assert "You are reporting anonymously, so this report becomes initial information" in review
    assert "Lampirkan bukti di bawah jika ada" not in review

    code = receipt_code(submit(client))
    reporter = Client()
    reporter.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert reporter.post("/lapor/tindak-lanjut/", {"code": code}).status_code == 302
    page = reporter.get("/lapor/tindak-lanjut/").content.decode()
    assert "Your report has been received and is awaiting a completeness check by Bawaslu." in page
    assert "menunggu pemeriksaan kelengkapan" not in page
