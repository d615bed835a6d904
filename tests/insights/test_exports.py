"""Exports: CSV/XLSX of any table, GeoJSON map layers, and the public open data with small counts suppressed."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.test import Client
from openpyxl import load_workbook
from tests.insights.conftest import ALUH_ALUH, BARITO_KUALA, SURABAYA, MakeAlert, MakeCase

from netral.accounts.models import User
from netral.audit.models import AuditEntry

pytestmark = pytest.mark.django_db
TABLES = [
    "wilayah",
    "mingguan",
    "jenis",
    "subjek",
    "jabatan",
    "instansi",
    "pemilihan",
    "tahap",
    "hasil",
    "indeks",
    "waktu",
]


@pytest.fixture
def client(ri: User, make_case: MakeCase, make_alert: MakeAlert) -> Client:
    for _ in range(4):
        make_case(ALUH_ALUH, registered=True, violations=("D9",))
    make_case(BARITO_KUALA, registered=True, violations=("E1",), subject="village")
    for _ in range(6):
        make_case(SURABAYA, registered=True, violations=("D9", "E4"))
    make_case(SURABAYA, registered=False)  # not registered: never in the open data
    make_alert(ALUH_ALUH)
    c = Client()
    c.force_login(ri)
    return c


def _same(value: object) -> str:
    """One spelling for a cell read from CSV (text) or XLSX (numbers): "5", "5.0" and 5 are the same figure."""
    if value is None:
        return ""
    try:
        number = float(str(value))
    except ValueError:
        return str(value)
    return str(int(number)) if number.is_integer() else str(number)


def _trim(row: list[str]) -> list[str]:
    while row and row[-1] == "":
        row = row[:-1]
    return row


@pytest.mark.parametrize("key", TABLES)
def test_every_table_exports_as_csv_and_xlsx_with_the_same_rows(client: Client, key: str) -> None:
    as_csv = client.get(f"/dasbor/ekspor/{key}.csv")
    assert as_csv.status_code == 200 and as_csv["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(as_csv.content.decode("utf-8-sig"))))
    as_xlsx = client.get(f"/dasbor/ekspor/{key}.xlsx")
    assert as_xlsx["Content-Disposition"].endswith('.xlsx"')
    sheet = load_workbook(io.BytesIO(as_xlsx.content), read_only=True).worksheets[0]
    cells = [[_same(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    assert [_trim(row) for row in cells] == [_trim([_same(v) for v in row]) for row in rows]


def test_every_download_from_the_pages_is_audited(client: Client, ri: User) -> None:
    client.get("/dasbor/ekspor/jenis.xlsx?wilayah=63&pemilihan=pilkada_2024")
    client.get("/dasbor/laporan.pdf?wilayah=63&periode=bulan")
    entries = AuditEntry.objects.filter(action="insights.exported").order_by("pk")
    assert [(e.actor, e.object_id, e.region_code, e.data["format"], e.data["via"]) for e in entries] == [
        (ri, "jenis", "63", "xlsx", "page"),
        (ri, "report-bulan", "63", "pdf", "page"),
    ]
    assert entries[0].data["filters"] == "pemilihan=pilkada_2024"


def test_an_unknown_table_or_format_is_404(client: Client) -> None:
    assert client.get("/dasbor/ekspor/rahasia.csv").status_code == 404
    assert client.get("/dasbor/ekspor/wilayah.pdf").status_code == 404


def test_the_region_export_follows_the_drill_down(client: Client) -> None:
    rows = list(
        csv.reader(io.StringIO(client.get("/dasbor/ekspor/wilayah.csv?wilayah=63").content.decode("utf-8-sig")))
    )
    assert rows[0] == ["Wilayah", "Perkara", "Laporan", "Selesai", "Peringatan", "Sanksi"]
    counts = {r[0]: r[1] for r in rows[1:]}
    assert counts["Kabupaten Banjar"] == "4" and counts["Kabupaten Barito Kuala"] == "1"


def test_map_layers_download_as_geojson(client: Client) -> None:
    response = client.get("/dasbor/peta/provinsi.geojson?unduh=1")
    assert response["Content-Type"] == "application/geo+json"
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    jatim = next(f for f in data["features"] if f["properties"]["code"] == "35")
    assert jatim["properties"]["cases"] == 7 and jatim["geometry"]["type"] in {"Polygon", "MultiPolygon"}
    points = json.loads(client.get("/dasbor/peta/63/kabupaten.geojson").content)["features"]
    banjar = next(f for f in points if f["properties"]["code"] == "63.03")
    assert banjar["geometry"]["type"] == "Point" and banjar["properties"]["alerts"] == 1


def test_open_data_hides_counts_below_k_and_one_partner_cell(db: None, client: Client, settings: object) -> None:
    anonymous = Client()
    body = anonymous.get("/dasbor/publik/provinsi.csv").content.decode("utf-8-sig")
    rows = {r[0]: r[1] for r in csv.reader(io.StringIO(body))}
    assert rows["Jawa Timur"] == "6"  # the unregistered seventh case is not counted
    assert rows["Kalimantan Selatan"] == "5"
    assert rows["Jumlah"] == "11"
    types = {
        r[0].split()[0]: r[1]
        for r in csv.reader(io.StringIO(anonymous.get("/dasbor/publik/jenis.csv").content.decode("utf-8-sig")))
    }
    assert types["E1"] == "<3"  # one case
    assert types["E4"] == "<3"  # the smallest other cell, hidden so Jumlah − D9 − E4 cannot give E1 back
    assert types["D9"] == "10"


def test_open_data_uses_the_configured_k(client: Client, settings: object) -> None:
    settings.NETRAL_STATS_MIN_COUNT = 6  # type: ignore[attr-defined]
    html = Client().get("/dasbor/publik/").content.decode()
    assert "&lt;6" in html
    body = Client().get("/dasbor/publik/provinsi.csv").content.decode("utf-8-sig")
    # Kalimantan Selatan (5) is hidden, and Jawa Timur (6, the only other non-zero cell) with it: the total
    # (11) alone would otherwise give Kalimantan Selatan back.
    assert "Kalimantan Selatan,<6" in body and "Jawa Timur,<6" in body and "Jumlah,11" in body
