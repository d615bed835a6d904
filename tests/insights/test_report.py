"""The periodic PDF report: per jurisdiction, from the web and from `netral report`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.test import Client
from tests.insights.conftest import ALUH_ALUH, BARITO_KUALA, MakeCase

from netral.accounts.access import RegionScope
from netral.accounts.models import User
from netral.cli import main
from netral.insights.report import report_html
from netral.insights.services import resolve_focus

pytestmark = pytest.mark.django_db
DAY = dt.datetime(2024, 11, 20, 3, 0, tzinfo=dt.UTC)


def test_the_report_holds_the_summary_map_charts_and_tables_of_the_period(make_case: MakeCase) -> None:
    make_case(ALUH_ALUH, received_at=DAY, agency="Dinas Pertanian Banjar")
    make_case(ALUH_ALUH, received_at=DAY - dt.timedelta(days=40), agency="Dinas Lama")  # before a monthly period
    scope = RegionScope.within("63.03")
    html = report_html(scope, resolve_focus(scope, ""), "bulan", until=dt.date(2024, 11, 25))
    assert "Laporan netralitas: Kabupaten Banjar" in html
    assert "Dinas Pertanian Banjar" in html and "Dinas Lama" not in html
    assert html.count("<path ") == 38  # every province drawn; those outside the scope in grey
    assert "<rect " in html  # bar charts drawn as SVG


def test_the_dashboard_offers_the_pdf_of_the_users_jurisdiction(banjar: User, make_case: MakeCase) -> None:
    make_case(ALUH_ALUH)
    client = Client()
    client.force_login(banjar)
    response = client.get("/dasbor/laporan.pdf", {"periode": "minggu"})
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert "laporan-netralitas-6303-minggu.pdf" in response["Content-Disposition"]
    assert client.get("/dasbor/laporan.pdf", {"wilayah": BARITO_KUALA}).status_code == 404
    assert client.get("/dasbor/laporan.pdf", {"periode": "tahun"}).status_code == 404


def test_netral_report_writes_a_pdf(make_case: MakeCase, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_case(ALUH_ALUH, received_at=DAY)
    out = tmp_path / "kalsel.pdf"
    assert main(["report", "--region", "63", "--period", "bulan", "--until", "2024-11-25", "--output", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert main(["report", "--region", "99.99", "--output", str(out)]) == 2
