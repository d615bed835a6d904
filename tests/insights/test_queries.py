"""The dashboards' queries: how many, and that the shortcuts taken for speed count exactly what the plain
conditions count (merged cases left out, filters reaching the sanctions)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from tests.insights.conftest import ALUH_ALUH, BARITO_KUALA, SURABAYA, MakeAlert, MakeCase, sanction

from netral.accounts.access import region_scope
from netral.accounts.models import User
from netral.cases.models import Case
from netral.insights.facts import refresh_facts
from netral.insights.filters import Filters
from netral.insights.services import dashboard, resolve_focus

pytestmark = pytest.mark.django_db


def _queries(user: User, path: str) -> int:
    client = Client()
    client.force_login(user)
    client.get(path)  # sessions, content types
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def _merged_pair(make_case: MakeCase) -> Case:
    """Two cases about the same act in Aluh-Aluh, the second merged into the first; the duplicate was sanctioned
    and has its own SKB type, subject and position, so any figure that counted it would show it."""
    kept = make_case(ALUH_ALUH)
    duplicate = make_case(
        ALUH_ALUH, violations=("E7",), subject="polri", position="Bhabinkamtibmas", agency="Polres Uji"
    )
    sanction(duplicate)
    Case.objects.filter(pk=duplicate.pk).update(merged_into=kept)
    refresh_facts([duplicate.pk])
    return kept


@pytest.mark.parametrize("user_fixture", ["ri", "kalsel", "banjar"])
def test_a_merged_case_counts_nowhere_nationally_or_regionally(
    user_fixture: str, request: pytest.FixtureRequest, make_case: MakeCase
) -> None:
    _merged_pair(make_case)
    user = request.getfixturevalue(user_fixture)
    scope = region_scope(user)
    data = dashboard(scope, resolve_focus(scope, ""), Filters())
    assert data.summary["cases"] == 1 and data.summary["sanctions"] == 0
    assert [(str(name)[:3], n) for name, n in data.tables["jenis"].rows] == [("D9 ", 1)]
    assert [row[0] for row in data.tables["subjek"].rows] == ["ASN"]
    assert data.tables["jabatan"].rows == [["Camat", 1]]
    assert data.tables["instansi"].rows == [["Pemerintah Kabupaten", 1]]
    assert [row[1] for row in data.tables["tahap"].rows] == [1]  # the kept case's open bawaslu track only


def test_filters_reach_the_sanctions_through_the_track_and_case(ri: User, make_case: MakeCase) -> None:
    sanction(make_case(ALUH_ALUH, violations=("E1",)))
    sanction(make_case(BARITO_KUALA, violations=("D9",), subject="village"))
    scope = region_scope(ri)
    national = resolve_focus(scope, "")
    assert dashboard(scope, national, Filters()).summary["sanctions"] == 2
    assert dashboard(scope, national, Filters(violation="E1")).summary["sanctions"] == 1
    assert dashboard(scope, national, Filters(subject="village")).summary["sanctions"] == 1
    assert dashboard(scope, national, Filters(election="pemilu_2024")).summary["sanctions"] == 0


def test_the_dashboards_and_map_layer_answer_in_a_fixed_small_number_of_queries(
    ri: User, kalsel: User, make_case: MakeCase, make_alert: MakeAlert
) -> None:
    for region in (ALUH_ALUH, BARITO_KUALA, SURABAYA):
        sanction(make_case(region))
        make_alert(region)
    # Session and user, then: cases and sanctions by area and election, cases by week (fact rows); alerts by area,
    # by week; the regions below; SKB types with tracks (fact rows); reported persons by subject type, position and
    # agency. A focus other than the country adds its region.
    assert _queries(ri, "/dasbor/") == 9
    assert _queries(kalsel, "/dasbor/") == 10
    # Session and user; cases and sanctions by area; alerts by area; the provinces; pledge coverage.
    assert _queries(ri, "/dasbor/peta/provinsi.geojson") == 6
