"""The case list (/perkara/) as the most requested staff page: a fixed, small number of queries whatever the page
shows, pages that cover every case once, newest first, and each row's times in its own region's zone."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from tests.cases.conftest import MakeCase
from tests.people import staff_user

from netral.accounts.models import User
from netral.cases.models import Case
from netral.cases.services import do_assign
from netral.cases.views.inbox import PAGE_SIZE
from netral.geo.models import Region

pytestmark = pytest.mark.django_db

#: session, user, count for the pager, the page's cases (election, region and assignee joined), their open tracks,
#: the jurisdiction's name in the heading, and the staff the bulk form may assign to.
HANDLER_QUERIES = 7
#: a BKN reviewer: no jurisdiction heading (national), no bulk form.
REVIEWER_QUERIES = 5


def queries_for(client: Client, path: str = "/perkara/", **params: str) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, params)
    assert response.status_code == 200
    return len(captured.captured_queries), response.content.decode()


def numbers_listed(body: str) -> list[int]:
    """The case ids in the order the table lists them."""
    return [int(pk) for pk in re.findall(r"<small>#(\d+)</small>", body)]


@pytest.fixture
def varied_cases(make_case: MakeCase, banjar: User) -> Callable[[int], list[Case]]:
    """Cases that differ in everything a row prints: intake, election, place, assignee, received time."""

    def make(n: int) -> list[Case]:
        made = []
        start = dt.datetime(2024, 10, 1, 2, 0, tzinfo=dt.UTC)
        for i in range(n):
            case = make_case(
                ("laporan", "temuan", "informasi_awal")[i % 3],
                election=("pilkada_2024", "pemilu_2024")[i % 2],
                region=("63.03.01", "63.03.02")[i % 2],
                anonymous=i % 3 == 2,
                received_at=start + dt.timedelta(hours=i),
                summary=f"Perkara uji nomor {i}",
            )
            if i % 2:
                do_assign(case, banjar, banjar)
            made.append(case)
        return made

    return make


def test_the_list_costs_the_same_few_queries_for_one_case_or_a_full_page(
    client: Client, banjar: User, varied_cases: Callable[[int], list[Case]], referred_case: Case
) -> None:
    client.force_login(banjar)
    few, body = queries_for(client)
    assert few == HANDLER_QUERIES and referred_case.summary in body
    varied_cases(PAGE_SIZE + 5)
    full, body = queries_for(client)
    assert full == HANDLER_QUERIES
    assert len(numbers_listed(body)) == PAGE_SIZE
    # what the rows print came with those queries: assignee, election, region, deadline badge, detail link
    assert "<small>bawaslu-banjar</small>" in body and "Pemilihan Umum 2024" in body
    assert "Kecamatan Aluh Aluh" in body and "Kecamatan Kertak Hanyar" in body
    assert 'class="deadline' in body and 'href="/perkara/' in body


def test_a_filtered_search_or_a_later_page_costs_no_more(
    client: Client, banjar: User, varied_cases: Callable[[int], list[Case]]
) -> None:
    varied_cases(PAGE_SIZE + 5)
    client.force_login(banjar)
    assert queries_for(client, page="2")[0] == HANDLER_QUERIES
    count, body = queries_for(client, q="Terlapor Uji", intake="laporan", status="all", deadline="overdue", mine="1")
    assert count == HANDLER_QUERIES and numbers_listed(body)
    # nothing to list: the empty page skips the rows, their tracks and the bulk form's staff
    assert queries_for(client, q="tidak ada yang begini")[0] == HANDLER_QUERIES - 3


def test_a_reviewer_sees_the_cases_addressed_to_bkn_with_as_few_queries(
    client: Client, bkn: User, referred_case: Case, make_case: MakeCase
) -> None:
    make_case(summary="Belum sampai ke BKN")
    client.force_login(bkn)
    count, body = queries_for(client)
    assert count == REVIEWER_QUERIES
    assert referred_case.summary in body and "Belum sampai ke BKN" not in body


def test_the_pages_list_every_case_once_newest_first(
    client: Client, banjar: User, varied_cases: Callable[[int], list[Case]]
) -> None:
    made = varied_cases(PAGE_SIZE + 5)
    client.force_login(banjar)
    first = numbers_listed(queries_for(client)[1])
    second = numbers_listed(queries_for(client, page="2")[1])
    newest_first = [c.pk for c in sorted(made, key=lambda c: c.received_at, reverse=True)]
    assert first + second == newest_first
    assert "Halaman 2 dari 2" in queries_for(client, page="2")[1]
    assert numbers_listed(queries_for(client, page="99")[1]) == second  # past the end: the last page


def test_a_search_matching_two_reported_persons_lists_their_case_once(
    client: Client, banjar: User, make_case: MakeCase
) -> None:
    people: list[dict[str, Any]] = [
        {"name": f"Kepala Dinas Uji {n}", "subject_type": "asn", "region": Region.objects.get(code="63.03")}
        for n in (1, 2)
    ]
    others = [make_case(summary=f"Satu terlapor {i}") for i in range(PAGE_SIZE - 1)]  # "Terlapor Uji" each
    both = make_case(summary="Dua terlapor", reported_persons=people)
    client.force_login(banjar)
    assert numbers_listed(queries_for(client, q="Kepala Dinas Uji")[1]) == [both.pk]
    body = queries_for(client, q="terlapor")[1]  # summaries and names: every case, one of them by two names
    assert sorted(numbers_listed(body)) == sorted([both.pk, *(c.pk for c in others)])
    assert "Halaman 1 dari" not in body  # exactly one full page: the pager counted each case once


def test_each_row_shows_its_times_in_its_own_regions_zone(client: Client, make_case: MakeCase, banjar: User) -> None:
    national = staff_user("bawaslu-ri", "bawaslu_ri", None)
    at = dt.datetime(2024, 10, 14, 1, 0, tzinfo=dt.UTC)  # 08:00 WIB, 09:00 WITA, 10:00 WIT
    make_case(region="31.71", received_at=at, summary="Di Jakarta", actor=national)
    make_case(region="63.03.01", received_at=at, summary="Di Banjar")
    make_case(region="91.71", received_at=at, summary="Di Jayapura", actor=national)
    client.force_login(national)
    body = queries_for(client)[1]
    rows = {m.group(1): m.group(0) for m in re.finditer(r"<tr>.*?>(Di \w+)</a>.*?</tr>", body, re.S)}
    assert "14-10-2024 08:00 WIB" in rows["Di Jakarta"]
    assert "14-10-2024 09:00 WITA" in rows["Di Banjar"]
    assert "14-10-2024 10:00 WIT" in rows["Di Jayapura"]
