"""Dashboard statistics through the API: the token's jurisdiction only (a regency never sees another's figures),
the dashboards' filters, codes next to labels, and a constant number of queries."""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from tests.api.conftest import ApiClient, TokenFor
from tests.cases.conftest import ALUH_ALUH, BANJAR, BARITO_KUALA
from tests.insights.conftest import MakeAlert, MakeCase, sanction
from tests.insights.conftest import make_alert as insights_make_alert  # noqa: F401 - fixture, by name below
from tests.insights.conftest import make_case as insights_make_case  # noqa: F401 - fixture, by name below
from tests.people import staff_user

from netral.accounts.models import User

STATS = ("statistics:read",)
KALSEL = "63"
REGISTERED = (("registrasi", "teregistrasi", 2),)


def endpoint_queries(captured: CaptureQueriesContext) -> int:
    """The queries of a request but the rate limiter's: its counter writes depend on where the clock's window is."""
    return sum("core_ratelimitcounter" not in query["sql"] for query in captured.captured_queries)


@pytest.fixture(autouse=True)
def _no_cache(settings: Any) -> None:
    settings.NETRAL_INSIGHTS_CACHE_SECONDS = 0


@pytest.fixture
def write_case(request: pytest.FixtureRequest) -> MakeCase:
    """The insights factory: cases written straight to the tables, in any state and week."""
    return cast(MakeCase, request.getfixturevalue("insights_make_case"))


@pytest.fixture
def cases(write_case: MakeCase, request: pytest.FixtureRequest) -> None:
    """Banjar: three cases in Aluh Aluh (one closed, one with a sanction), an alert. Barito Kuala: one case."""
    make_case, make_alert = write_case, cast(MakeAlert, request.getfixturevalue("insights_make_alert"))
    make_case(ALUH_ALUH, violations=("D9", "E2"), path=REGISTERED)
    make_case(ALUH_ALUH, violations=("D9",), subject="village", position="Kepala Desa", intake="temuan")
    closed = make_case(ALUH_ALUH, violations=(), path=(("tidak_registrasi", "tidak_diregistrasi", 3),))
    sanction(closed)
    january = dt.datetime(2024, 1, 8, tzinfo=dt.UTC)
    make_case(BARITO_KUALA, violations=("E1",), election="pemilu_2024", received_at=january)
    make_alert(ALUH_ALUH)


def stats(user: User, token_for: TokenFor, jurisdiction: str | None = None) -> ApiClient:
    return ApiClient(token_for(user, scopes=STATS, jurisdiction=jurisdiction))


def test_the_summary_counts_only_the_tokens_jurisdiction(
    cases: None, banjar: User, batola: User, kalsel: User, token_for: TokenFor
) -> None:
    mine = stats(banjar, token_for).get("/statistics/summary").json()
    assert mine["region"] == {"code": BANJAR, "name": mine["region"]["name"], "level": "kabupaten_kota"}
    figures = {k: mine[k] for k in ("cases", "reports", "findings", "tips", "closed", "alerts", "sanctions")}
    assert figures == {"cases": 3, "reports": 2, "findings": 1, "tips": 0, "closed": 1, "alerts": 1, "sanctions": 1}
    assert stats(batola, token_for).get("/statistics/summary").json()["cases"] == 1
    assert stats(kalsel, token_for).get("/statistics/summary").json()["cases"] == 4


def test_a_regency_token_never_gets_another_regencys_figures(
    cases: None, banjar: User, kalsel: User, token_for: TokenFor
) -> None:
    client = stats(banjar, token_for)
    for path in ("/statistics/summary", "/statistics/regions", "/statistics/violation-types"):
        for region in (BARITO_KUALA, KALSEL, "63.04.01"):
            refused = client.get(path, region=region)
            assert refused.status_code == 404 and refused.json()["error"]["code"] == "not_found", (path, region)
    narrowed = stats(kalsel, token_for, jurisdiction=BARITO_KUALA)  # a province's token narrowed to one regency
    assert narrowed.get("/statistics/summary").json()["cases"] == 1
    assert narrowed.get("/statistics/summary", region=BANJAR).status_code == 404


def test_the_cache_keeps_each_jurisdictions_figures_apart(
    cases: None, banjar: User, batola: User, token_for: TokenFor, settings: Any
) -> None:
    settings.NETRAL_INSIGHTS_CACHE_SECONDS = 300
    cache.clear()
    assert stats(banjar, token_for).get("/statistics/summary").json()["cases"] == 3
    assert stats(batola, token_for).get("/statistics/summary").json()["cases"] == 1
    assert stats(banjar, token_for).get("/statistics/summary").json()["cases"] == 3
    cache.clear()


def test_regions_are_the_child_regions_of_the_focus(cases: None, kalsel: User, token_for: TokenFor) -> None:
    client = stats(kalsel, token_for)
    regencies = {r["code"]: r for r in client.get("/statistics/regions").json()["regions"]}
    assert regencies[BANJAR]["cases"] == 3 and regencies[BANJAR]["alerts"] == 1 and regencies[BANJAR]["sanctions"] == 1
    assert regencies[BARITO_KUALA]["cases"] == 1 and all(code.startswith("63.") for code in regencies)
    body = client.get("/statistics/regions", region=BANJAR).json()
    assert body["region"]["code"] == BANJAR and body["region"]["level"] == "kabupaten_kota"
    districts = {r["code"]: r["cases"] for r in body["regions"]}
    assert districts[ALUH_ALUH] == 3 and sum(districts.values()) == 3


def test_breakdowns_carry_the_catalogue_codes_next_to_the_labels(
    cases: None, banjar: User, token_for: TokenFor
) -> None:
    client = stats(banjar, token_for)

    def rows(path: str) -> dict[str | None, int]:
        body = client.get(path).json()
        return {row["code"] or row["label"]: row["count"] for row in body["rows"]}

    assert rows("/statistics/violation-types") == {"D9": 2, "E2": 1}
    assert rows("/statistics/subject-types") == {"asn": 2, "village": 1}
    assert rows("/statistics/positions") == {"Camat": 2, "Kepala Desa": 1}
    assert rows("/statistics/agencies") == {"Pemerintah Kabupaten": 3}
    assert rows("/statistics/elections") == {"pilkada_2024": 3}
    assert rows("/statistics/stages") == {"diterima": 1, "teregistrasi": 1}
    assert sum(rows("/statistics/outcomes").values()) == 1
    violation = client.get("/statistics/violation-types").json()
    assert violation["counts"] == "cases" and violation["rows"][0]["label"].startswith("D9 ")
    assert client.get("/statistics/positions").json()["counts"] == "reported_persons"


def test_filters_narrow_the_figures_and_unknown_codes_answer_422(
    cases: None, kalsel: User, token_for: TokenFor
) -> None:
    client = stats(kalsel, token_for)

    def count(**filters: str) -> int:
        return int(client.get("/statistics/summary", **filters).json()["cases"])

    assert count(election="pemilu_2024") == 1 and count(election="pilkada_2024") == 3
    assert count(date_from="2024-10-01") == 3 and count(date_to="2024-01-31") == 1
    assert count(violation_type="d9") == 2 and count(subject_type="village") == 1
    applied = client.get("/statistics/summary", violation_type="d9").json()["filters"]
    assert applied == {
        "election": None,
        "date_from": None,
        "date_to": None,
        "violation_type": "D9",
        "subject_type": None,
    }
    for bad in ({"election": "pemilu_2099"}, {"violation_type": "Z1"}, {"subject_type": "alien"}):
        refused = client.get("/statistics/summary", **bad)
        assert refused.status_code == 422 and refused.json()["error"]["code"] == "invalid", bad


def test_weekly_and_handling_times(write_case: MakeCase, banjar: User, token_for: TokenFor) -> None:
    for days in (2, 4, 6):
        write_case(path=(("registrasi", "teregistrasi", days), ("mulai_kajian", "kajian", 1)))
    client = stats(banjar, token_for)
    weeks = client.get("/statistics/weekly").json()["weeks"]
    assert weeks == [{"week_start": "2024-10-07", "cases": 3, "alerts": 0}]
    body = client.get("/statistics/handling-times").json()
    received = next(r for r in body["rows"] if r["steps"] == 3 and r["median_days"] == 4.0)
    assert received["regime"] == "pilkada" and body["note"]
    assert all(r["deadline"] != "—" for r in body["rows"])


def test_statistics_need_the_scope_and_an_owner_who_may_see_the_dashboards(
    cases: None, banjar: User, analyst: User, token_for: TokenFor
) -> None:
    ppk = staff_user("ppk-banjar", "ppk_officer", BANJAR)
    no_scope = ApiClient(token_for(banjar, scopes=("cases:read",))).get("/statistics/summary")
    assert no_scope.status_code == 403 and no_scope.json()["error"]["code"] == "forbidden"
    no_capability = stats(ppk, token_for).get("/statistics/summary")  # a PPK officer has no stats.view
    assert no_capability.status_code == 403 and no_capability.json()["error"]["code"] == "forbidden"
    national = stats(analyst, token_for).get("/statistics/summary").json()
    assert national["region"] == {"code": None, "name": "Indonesia", "level": "nasional"} and national["cases"] == 4


@pytest.mark.parametrize("path", ["/statistics/summary", "/statistics/regions", "/statistics/violation-types"])
def test_the_queries_do_not_grow_with_the_cases(
    path: str, write_case: MakeCase, kalsel: User, token_for: TokenFor
) -> None:
    client = stats(kalsel, token_for)
    client.get(path)  # the token's last-use stamp is written once a minute: take it before counting

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path).status_code == 200
        return endpoint_queries(captured)

    write_case(ALUH_ALUH)
    few = queries()
    for region in (ALUH_ALUH, BARITO_KUALA, "63.03.02") * 4:
        write_case(region, violations=("D9", "E1", "E2"))
    assert queries() == few
