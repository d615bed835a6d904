"""Staff dashboard: figures by jurisdiction, filters, drill-down, and a constant number of queries."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from tests.insights.conftest import ALUH_ALUH, BARITO_KUALA, KALSEL, START, SURABAYA, MakeAlert, MakeCase, sanction

from netral.accounts.access import region_scope
from netral.accounts.models import User
from netral.insights.filters import Filters
from netral.insights.services import dashboard, handling_times, resolve_focus

pytestmark = pytest.mark.django_db
URL = "/dasbor/"


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _some_cases(make_case: MakeCase, make_alert: MakeAlert, n: int = 3) -> None:
    for i in range(n):
        make_case(ALUH_ALUH, received_at=START + dt.timedelta(days=7 * i), violations=("D9", "E1"))
        make_case(BARITO_KUALA, intake="temuan", subject="village", position="Kepala Desa")
        make_case(SURABAYA, election="pemilu_2024", violations=("E4",))
        make_alert(ALUH_ALUH)
    sanction(make_case(ALUH_ALUH, path=(("registrasi", "teregistrasi", 1),)))


def test_the_national_dashboard_counts_every_province(ri: User, make_case: MakeCase, make_alert: MakeAlert) -> None:
    _some_cases(make_case, make_alert)
    data = dashboard(region_scope(ri), resolve_focus(region_scope(ri), ""), Filters())
    assert data.summary["cases"] == 10
    assert data.summary["alerts"] == 3 and data.summary["sanctions"] == 1
    rows = {r.code: r for r in data.regions}
    assert rows["63"].cases == 7 and rows["35"].cases == 3 and rows["63"].alerts == 3 and rows["63"].sanctions == 1
    assert len(rows) == 38  # every province is listed, with zeros


def test_a_province_user_sees_their_regencies_and_nothing_beyond(
    kalsel: User, make_case: MakeCase, make_alert: MakeAlert
) -> None:
    _some_cases(make_case, make_alert)
    scope = region_scope(kalsel)
    data = dashboard(scope, resolve_focus(scope, ""), Filters())
    assert data.summary["cases"] == 7
    assert {r.code: r.cases for r in data.regions if r.cases} == {"63.03": 4, "63.04": 3}


def test_filters_narrow_every_figure(ri: User, make_case: MakeCase, make_alert: MakeAlert) -> None:
    _some_cases(make_case, make_alert)
    scope = region_scope(ri)
    national = resolve_focus(scope, "")
    assert dashboard(scope, national, Filters(election="pemilu_2024")).summary["cases"] == 3
    assert dashboard(scope, national, Filters(violation="E1")).summary["cases"] == 3
    assert dashboard(scope, national, Filters(subject="village")).summary["cases"] == 3
    weekly = dashboard(scope, national, Filters(date_from=dt.date(2024, 10, 14), date_to=dt.date(2024, 10, 20)))
    assert weekly.summary["cases"] == 1


def test_the_weekly_series_counts_cases_and_alerts_per_week(
    ri: User, make_case: MakeCase, make_alert: MakeAlert
) -> None:
    _some_cases(make_case, make_alert)
    scope = region_scope(ri)
    rows = dashboard(scope, resolve_focus(scope, ""), Filters()).tables["mingguan"].rows
    assert rows == [["2024-10-07", 8, 3], ["2024-10-14", 1, 0], ["2024-10-21", 1, 0]]


def test_the_dashboard_page_shows_charts_tables_and_export_links(
    ri: User, make_case: MakeCase, make_alert: MakeAlert
) -> None:
    _some_cases(make_case, make_alert)
    response = _client(ri).get(URL, {"wilayah": KALSEL})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-chart="bar"' in html and 'data-chart="line"' in html
    assert "Kabupaten Banjar" in html or "Banjar" in html
    assert "/dasbor/ekspor/wilayah.csv?wilayah=63" in html and "/dasbor/ekspor/jenis.xlsx?wilayah=63" in html
    assert "Terlapor Sintetis" not in html  # aggregates only: never a person's name


def test_the_dashboard_runs_the_same_number_of_queries_for_3_or_30_cases(
    ri: User, make_case: MakeCase, make_alert: MakeAlert
) -> None:
    client = _client(ri)
    _some_cases(make_case, make_alert, n=1)
    client.get(URL)  # warm caches (sessions, content types)
    with CaptureQueriesContext(connection) as few:
        assert client.get(URL).status_code == 200
    _some_cases(make_case, make_alert, n=10)
    with CaptureQueriesContext(connection) as many:
        assert client.get(URL).status_code == 200
    assert len(few) == len(many)
    assert len(many) == 9, len(many)  # see test_queries.py


@pytest.mark.parametrize(
    "path", ["/dasbor/peta/provinsi.geojson", "/dasbor/peta/63/kabupaten.geojson", "/dasbor/indeks/"]
)
def test_map_layers_and_index_use_a_constant_number_of_queries(
    path: str, ri: User, make_case: MakeCase, make_alert: MakeAlert
) -> None:
    client = _client(ri)
    _some_cases(make_case, make_alert, n=1)
    client.get(path)
    with CaptureQueriesContext(connection) as few:
        client.get(path)
    _some_cases(make_case, make_alert, n=8)
    with CaptureQueriesContext(connection) as many:
        assert client.get(path).status_code == 200
    assert len(few) == len(many)


def test_handling_time_is_the_median_per_step_against_its_deadline(ri: User, make_case: MakeCase) -> None:
    for days in (1, 2, 6):
        make_case(path=(("registrasi", "teregistrasi", days), ("mulai_kajian", "kajian", 3)))
    scope = region_scope(ri)
    table = handling_times(scope, resolve_focus(scope, ""), Filters())
    by_step = {row[0]: row for row in table.rows}
    received = by_step["Laporan diterima, kajian awal"]
    assert received[2] == 3 and received[3] == 2.0  # three steps, median two days
    assert received[4] != "—"  # the kajian awal deadline is named
    assert by_step["Teregistrasi"][3] == 3.0


def test_handling_time_queries_do_not_grow_with_cases(ri: User, make_case: MakeCase) -> None:
    client = _client(ri)
    make_case(path=(("registrasi", "teregistrasi", 1),))
    client.get("/dasbor/waktu/")
    with CaptureQueriesContext(connection) as few:
        client.get("/dasbor/waktu/")
    for _ in range(6):
        make_case(path=(("registrasi", "teregistrasi", 1), ("mulai_kajian", "kajian", 2)))
    with CaptureQueriesContext(connection) as many:
        assert client.get("/dasbor/waktu/").status_code == 200
    assert len(few) == len(many)


def test_an_anonymous_visitor_is_sent_to_log_in(db: None) -> None:
    response = Client().get(URL)
    assert response.status_code == 302 and "/masuk/" in response["Location"]


def test_a_role_without_stats_view_gets_404(ppk: User) -> None:
    assert _client(ppk).get(URL).status_code == 404


def test_an_analyst_sees_national_figures(analyst: User, make_case: MakeCase, make_alert: MakeAlert) -> None:
    _some_cases(make_case, make_alert)
    response = _client(analyst).get(URL)
    assert response.status_code == 200 and "Terlapor Sintetis" not in response.content.decode()


def test_cases_recorded_at_the_regency_itself_get_their_own_row_in_the_regency_view(
    banjar: User, make_case: MakeCase
) -> None:
    make_case(ALUH_ALUH)
    make_case("63.03")
    scope = region_scope(banjar)
    rows = dashboard(scope, resolve_focus(scope, ""), Filters()).regions
    assert rows[0].code == "" and rows[0].cases == 1 and "tanpa rincian" in rows[0].name
    assert sum(r.cases for r in rows) == 2


def test_cached_figures_are_reused_per_scope_and_never_shared_across_jurisdictions(
    banjar: User, batola: User, make_case: MakeCase, settings: object
) -> None:
    settings.NETRAL_INSIGHTS_CACHE_SECONDS = 300  # type: ignore[attr-defined]
    from django.core.cache import cache

    cache.clear()
    make_case(ALUH_ALUH, agency="Dinas Pendidikan Banjar")
    make_case("63.04.01", agency="Dinas Kesehatan Batola")
    first, second = _client(banjar), _client(batola)
    assert "Dinas Pendidikan Banjar" in first.get(URL).content.decode()
    with CaptureQueriesContext(connection) as cached:
        assert "Dinas Pendidikan Banjar" in first.get(URL).content.decode()
    other = second.get(URL).content.decode()
    assert "Dinas Kesehatan Batola" in other and "Dinas Pendidikan Banjar" not in other
    touched = [q["sql"] for q in cached.captured_queries if "cases_" in q["sql"] or "insights_" in q["sql"]]
    assert not touched  # served from the cache
    cache.clear()


def test_the_index_takes_pledge_coverage_from_prevention_and_shows_it_missing_elsewhere(
    kalsel: User, make_case: MakeCase
) -> None:
    from netral.prevention.models import Agency, Campaign

    agency = Agency.objects.create(name="Dinas Uji Banjar", kind="pemda", region_id="63.03", headcount=10)
    Campaign.objects.create(agency=agency, election_id="pilkada_2024", expected=10)  # nobody has pledged yet
    make_case(ALUH_ALUH)
    make_case(BARITO_KUALA)
    response = _client(kalsel).get("/dasbor/ekspor/indeks.csv")
    rows = {r[0]: r for r in csv.reader(io.StringIO(response.content.decode("utf-8-sig")))}
    assert rows["Kabupaten Banjar"][-2:] == ["0.0", "100.0"]  # coverage 0 % → the riskiest score
    assert rows["Kabupaten Barito Kuala"][-2:] == ["", ""]  # no campaign: not available, not zero
    assert float(rows["Kabupaten Banjar"][1]) > float(rows["Kabupaten Barito Kuala"][1])
