"""Table exports through the API: the dashboards' own files (CSV, XLSX), streamed, audited, for the token's
jurisdiction only."""

from __future__ import annotations

import csv
import io
from typing import Any, cast

import pytest
from django.test import Client
from openpyxl import load_workbook
from tests.api.conftest import ApiClient, TokenFor
from tests.cases.conftest import ALUH_ALUH, BANJAR, BARITO_KUALA
from tests.insights.conftest import MakeCase
from tests.insights.conftest import make_case as insights_make_case  # noqa: F401 - fixture, by name below
from tests.people import staff_user

from netral.accounts.models import User
from netral.api.routers.exports import TABLES
from netral.audit.models import AuditEntry

EXPORTS = ("exports:read",)


@pytest.fixture(autouse=True)
def _no_cache(settings: Any) -> None:
    settings.NETRAL_INSIGHTS_CACHE_SECONDS = 0


@pytest.fixture
def cases(request: pytest.FixtureRequest) -> None:
    """Two cases in Banjar (D9; D9 and E2), one in Barito Kuala (E1)."""
    make_case = cast(MakeCase, request.getfixturevalue("insights_make_case"))
    make_case(ALUH_ALUH, violations=("D9",))
    make_case(ALUH_ALUH, violations=("D9", "E2"), path=(("registrasi", "teregistrasi", 2),))
    make_case(BARITO_KUALA, violations=("E1",))


def download(response: Any) -> bytes:
    assert response.status_code == 200, response.content
    assert response.streaming
    return b"".join(response.streaming_content)


def csv_rows(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def exports(user: User, token_for: TokenFor, jurisdiction: str | None = None) -> ApiClient:
    return ApiClient(token_for(user, scopes=EXPORTS, jurisdiction=jurisdiction))


@pytest.mark.parametrize("table", list(TABLES))
def test_every_table_is_the_same_file_the_dashboard_offers(
    cases: None, banjar: User, token_for: TokenFor, table: str
) -> None:
    page = Client()
    page.force_login(banjar)
    expected = page.get(f"/dasbor/ekspor/{TABLES[table]}.csv")
    response = exports(banjar, token_for).get(f"/exports/{table}")
    assert download(response) == expected.content
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == expected["Content-Disposition"]


def test_xlsx_holds_the_rows_of_the_csv(cases: None, banjar: User, token_for: TokenFor) -> None:
    client = exports(banjar, token_for)
    as_csv = csv_rows(download(client.get("/exports/violation-types")))
    response = client.get("/exports/violation-types", format="xlsx")
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheet = load_workbook(io.BytesIO(download(response)), read_only=True).worksheets[0]
    cells = [[str(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    assert cells == as_csv and [row[1] for row in as_csv[1:]] == ["2", "1"]


def test_every_download_is_audited_with_the_table_region_format_and_token(
    cases: None, banjar: User, token_for: TokenFor
) -> None:
    secret = token_for(banjar, scopes=EXPORTS)
    download(ApiClient(secret).get("/exports/regions", format="xlsx", election="pilkada_2024"))
    entry = AuditEntry.objects.get(action="insights.exported")
    assert entry.actor == banjar and entry.region_code == BANJAR
    assert (entry.object_type, entry.object_id) == ("insights.table", "wilayah")
    prefix = secret.split("_")[1]
    assert entry.data == {"format": "xlsx", "filters": "pemilihan=pilkada_2024", "via": "api", "api_prefix": prefix}


def test_a_regency_token_exports_only_its_own_figures(
    cases: None, banjar: User, kalsel: User, token_for: TokenFor
) -> None:
    mine = csv_rows(download(exports(banjar, token_for).get("/exports/violation-types")))
    assert {row[0].split(" ")[0] for row in mine[1:]} == {"D9", "E2"}
    refused = exports(banjar, token_for).get("/exports/regions", region=BARITO_KUALA)
    assert refused.status_code == 404 and refused.json()["error"]["code"] == "not_found"
    province = csv_rows(download(exports(kalsel, token_for).get("/exports/violation-types")))
    assert {row[0].split(" ")[0] for row in province[1:]} == {"D9", "E1", "E2"}
    narrowed = csv_rows(download(exports(kalsel, token_for, jurisdiction=BARITO_KUALA).get("/exports/regions")))
    assert sum(int(row[1]) for row in narrowed[1:]) == 1
    assert AuditEntry.objects.filter(action="insights.exported").count() == 3  # the refusal wrote nothing


def test_unknown_tables_and_formats_are_refused_without_an_audit_entry(banjar: User, token_for: TokenFor) -> None:
    client = exports(banjar, token_for)
    unknown = client.get("/exports/reporters")
    assert unknown.status_code == 404 and unknown.json()["error"]["code"] == "not_found"
    assert client.get("/exports/regions", format="pdf").status_code == 422
    assert client.get("/exports/regions", election="pemilu_2099").status_code == 422
    assert not AuditEntry.objects.filter(action="insights.exported").exists()


def test_exports_need_the_scope_and_an_owner_who_may_see_the_dashboards(banjar: User, token_for: TokenFor) -> None:
    statistics_only = ApiClient(token_for(banjar, scopes=("statistics:read",))).get("/exports/regions")
    assert statistics_only.status_code == 403 and statistics_only.json()["error"]["code"] == "forbidden"
    ppk = staff_user("ppk-banjar", "ppk_officer", BANJAR)
    assert exports(ppk, token_for).get("/exports/regions").status_code == 403
    assert Client().get("/api/exports/regions").status_code == 401
    assert not AuditEntry.objects.filter(action="insights.exported").exists()
