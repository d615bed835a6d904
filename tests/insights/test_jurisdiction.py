"""A regency user never sees another regency's figures: pages, drill-downs, map layers and exports."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.test import Client
from tests.insights.conftest import ALUH_ALUH, BARITO_KUALA, KALSEL, SURABAYA, MakeAlert, MakeCase

from netral.accounts.models import User

pytestmark = pytest.mark.django_db


@pytest.fixture
def cases(make_case: MakeCase, make_alert: MakeAlert) -> None:
    for _ in range(2):
        make_case(ALUH_ALUH, agency="Dinas Pendidikan Banjar")
    for _ in range(5):
        make_case(BARITO_KUALA, agency="Dinas Kesehatan Batola")
        make_alert(BARITO_KUALA)
    make_case(SURABAYA)


@pytest.fixture
def client(banjar: User) -> Client:
    c = Client()
    c.force_login(banjar)
    return c


def test_a_banjar_user_sees_only_banjar(client: Client, cases: None) -> None:
    html = client.get("/dasbor/").content.decode()
    assert "Dinas Pendidikan Banjar" in html
    assert "Dinas Kesehatan Batola" not in html and "Barito Kuala" not in html


@pytest.mark.parametrize(
    "path",
    [
        f"/dasbor/?wilayah={BARITO_KUALA}",
        f"/dasbor/?wilayah={KALSEL}",
        "/dasbor/?wilayah=35",
        f"/dasbor/ekspor/wilayah.csv?wilayah={BARITO_KUALA}",
        f"/dasbor/ekspor/instansi.xlsx?wilayah={BARITO_KUALA}",
        f"/dasbor/indeks/?wilayah={BARITO_KUALA}",
        f"/dasbor/waktu/?wilayah={BARITO_KUALA}",
        "/dasbor/peta/35/kabupaten.geojson",
    ],
)
def test_other_regions_answer_404(client: Client, cases: None, path: str) -> None:
    assert client.get(path).status_code == 404


def test_a_banjar_export_holds_banjar_figures_only(client: Client, cases: None) -> None:
    body = client.get("/dasbor/ekspor/instansi.csv").content.decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(body))) == [["Instansi", "Terlapor"], ["Dinas Pendidikan Banjar", "2"]]


def test_the_map_shows_a_banjar_user_only_their_regency_and_its_figures(client: Client, cases: None) -> None:
    provinces = json.loads(client.get("/dasbor/peta/provinsi.geojson").content)
    assert [(f["properties"]["code"], f["properties"]["cases"]) for f in provinces["features"]] == [("63", 2)]
    assert provinces["features"][0]["properties"]["alerts"] == 0
    regencies = json.loads(client.get("/dasbor/peta/63/kabupaten.geojson").content)
    assert [(f["properties"]["code"], f["properties"]["cases"]) for f in regencies["features"]] == [("63.03", 2)]


def test_a_batola_user_sees_batola_and_not_banjar(batola: User, cases: None) -> None:
    c = Client()
    c.force_login(batola)
    body = c.get("/dasbor/ekspor/instansi.csv").content.decode("utf-8-sig")
    assert "Dinas Kesehatan Batola" in body and "Banjar" not in body
    assert c.get(f"/dasbor/?wilayah={ALUH_ALUH}").status_code == 404
