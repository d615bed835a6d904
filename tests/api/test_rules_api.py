"""The rules catalogue through the API: the rows the public /aturan/ pages show, filtered, paged, behind a token."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from tests.api.conftest import ApiClient, TokenFor
from tests.people import staff_user

from netral.accounts.models import User
from netral.rules.models import Election, Holiday, ProcedureStep, Sanction, ViolationType

RULES = ("rules:read",)


def endpoint_queries(captured: CaptureQueriesContext) -> int:
    """The queries of a request but the rate limiter's: its counter writes depend on where the clock's window is."""
    return sum("core_ratelimitcounter" not in query["sql"] for query in captured.captured_queries)


@pytest.fixture
def client(banjar: User, token_for: TokenFor) -> ApiClient:
    return ApiClient(token_for(banjar, scopes=RULES))


def every(client: ApiClient, path: str, **params: Any) -> list[dict[str, Any]]:
    """All items of a list, following next_cursor."""
    items: list[dict[str, Any]] = []
    cursor = None
    while True:
        body = client.get(path, **params, **({"cursor": cursor} if cursor else {})).json()
        items += body["items"]
        if not (cursor := body["next_cursor"]):
            return items


def codes(client: ApiClient, path: str, **params: Any) -> set[str]:
    return {item["code"] for item in every(client, path, **params)}


def test_the_violation_types_are_the_ones_the_public_page_shows(client: ApiClient, db: None) -> None:
    page = Client().get("/aturan/").content.decode()
    shown = set(re.findall(r'<article id="([A-Z0-9]+)"', page))
    listed = every(client, "/rules/violation-types")
    assert {t["code"] for t in listed} == shown == set(ViolationType.objects.values_list("code", flat=True))
    d9 = next(t for t in listed if t["code"] == "D9")
    assert d9["legal_basis"] and d9["title"] in page
    assert [s["code"] for s in d9["sanctions"]] == ["disiplin_sedang"]


def test_one_violation_type_by_code_in_any_case_and_an_unknown_one(client: ApiClient) -> None:
    e2 = client.get("/rules/violation-types/e2").json()
    assert e2["code"] == "E2" and e2["category"] == "kode_etik" and "social_media" in e2["kinds"]
    missing = client.get("/rules/violation-types/Z99")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"


def test_violation_types_filter_by_category_regime_election_subject_kind_stage_and_text(client: ApiClient) -> None:
    path = "/rules/violation-types"
    assert codes(client, path, category="kode_etik") == {f"E{i}" for i in range(1, 8)}
    assert codes(client, path, subject_type="tni") == {"TNI1", "PID1"}
    assert "PID3" not in codes(client, path, regime="pemilu")
    assert codes(client, path, election="pilkada_2024") == codes(client, path, regime="pilkada")
    assert "PID1" not in codes(client, path, election="pilkada_2024")
    assert codes(client, path, election="pemilu_2099") == set()
    assert codes(client, path, kind="social_media", stage="after_designation") == {"D2", "D6", "D7"}
    assert codes(client, path, q="d13") == {"D13"}


def test_sanctions_list_filter_and_read_one(client: ApiClient) -> None:
    assert codes(client, "/rules/sanctions") == set(Sanction.objects.values_list("code", flat=True))
    assert codes(client, "/rules/sanctions", violation_type="kd1") == {
        "desa_pemberhentian",
        "desa_pemberhentian_sementara",
        "desa_teguran",
    }
    for item in every(client, "/rules/sanctions", subject_type="tni"):
        assert "tni" in item["applies_to"]
    one = client.get("/rules/sanctions/disiplin_sedang").json()
    assert one["legal_basis"] and one["penalties"] and one["in_force"] in (True, False)
    assert client.get("/rules/sanctions/tidak_ada").status_code == 404


def test_an_election_with_its_phases_in_date_order(client: ApiClient) -> None:
    pilkada = client.get("/rules/elections/pilkada_2024").json()
    assert pilkada["voting_day"] == "2024-11-27" and pilkada["regime"] == "pilkada"
    starts = [p["start"] for p in pilkada["phases"]]
    assert starts == sorted(starts) and len(starts) == Election.objects.get(code="pilkada_2024").phases.count()
    running = codes(client, "/rules/elections", on="2024-11-27")
    assert "pilkada_2024" in running and "pemilu_2019" not in running
    assert codes(client, "/rules/elections", kind="pemilu") == {"pemilu_2019", "pemilu_2024"}
    assert client.get("/rules/elections/pilkada_2099").status_code == 404


def test_a_regime_lists_its_own_deadline_steps_then_the_shared_asn_referral(client: ApiClient) -> None:
    pilkada = client.get("/rules/regimes/pilkada").json()
    regimes = [s["regime"] for s in pilkada["steps"]]
    assert regimes == sorted(regimes, key=lambda r: r != "pilkada") and {"pilkada", "asn"} == set(regimes)
    own = ProcedureStep.objects.filter(regime_id="pilkada").order_by("position")
    assert [s["code"] for s in pilkada["steps"][: own.count()]] == [s.code for s in own]
    tindak_lanjut = next(s for s in pilkada["steps"] if s["code"] == "tindak_lanjut")
    assert tindak_lanjut["amount"] > 0 and tindak_lanjut["unit"] in ("days", "working_days", "hours")
    asn = client.get("/rules/regimes/asn").json()
    assert {s["regime"] for s in asn["steps"]} == {"asn"} and asn["shared_with"] == ["pemilu", "pilkada"]
    assert codes(client, "/rules/regimes") == {"asn", "pemilu", "pilkada"}
    assert client.get("/rules/regimes/pilpres").status_code == 404


def test_holidays_page_through_with_an_opaque_cursor_and_filter_by_year(client: ApiClient) -> None:
    first = client.get("/rules/holidays", limit=10).json()
    assert len(first["items"]) == 10 and first["next_cursor"]
    ids = [h["id"] for h in every(client, "/rules/holidays", limit=10)]
    assert ids == sorted(set(ids)) and len(ids) == Holiday.objects.count()
    in_2024 = every(client, "/rules/holidays", year=2024)
    assert len(in_2024) == Holiday.objects.filter(date__year=2024).count()
    assert all(h["date"].startswith("2024-") for h in in_2024)
    leave = every(client, "/rules/holidays", type="cuti_bersama", date_from="2024-01-01", date_to="2024-12-31")
    assert leave and {h["type"] for h in leave} == {"cuti_bersama"} and len(leave) < len(in_2024)


def test_an_administrators_correction_is_what_the_api_returns(client: ApiClient) -> None:
    ViolationType.objects.filter(code="E1").update(title="Judul koreksi administrator", locally_modified=True)
    e1 = client.get("/rules/violation-types/E1").json()
    assert e1["title"] == "Judul koreksi administrator" and e1["locally_modified"] is True


def test_rules_need_the_rules_scope_but_no_capability(banjar: User, analyst: User, token_for: TokenFor) -> None:
    ppk = staff_user("ppk-banjar", "ppk_officer", "63.03")
    refused = ApiClient(token_for(banjar, scopes=("regions:read",))).get("/rules/violation-types")
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "forbidden"
    for owner in (ppk, analyst):  # the pages are public: any owner may read the catalogue
        assert ApiClient(token_for(owner, scopes=RULES)).get("/rules/elections").status_code == 200
    assert Client().get("/api/rules/sanctions").status_code == 401


def test_an_invalid_cursor_or_limit_answers_422(client: ApiClient) -> None:
    assert client.get("/rules/holidays", cursor="eyJrIjogInRla3MifQ").json()["error"]["code"] == "invalid_cursor"
    assert client.get("/rules/sanctions", limit=0).status_code == 422


@pytest.mark.parametrize(
    ("path", "few", "many"),
    [
        ("/rules/violation-types", 2, 29),
        ("/rules/sanctions", 2, 19),
        ("/rules/elections", 1, 7),
        ("/rules/regimes", 1, 3),
        ("/rules/holidays", 2, 100),
    ],
)
def test_a_list_costs_the_same_queries_for_few_and_many_rows(client: ApiClient, path: str, few: int, many: int) -> None:
    client.get(path)  # the token's last-use stamp is written once a minute: take it before counting

    def queries(limit: int) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert len(client.get(path, limit=limit).json()["items"]) == limit
        return endpoint_queries(captured)

    assert queries(few) == queries(many) <= 7
