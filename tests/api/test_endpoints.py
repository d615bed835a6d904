"""Regions, cases and alerts through the API: jurisdiction (404 outside), filters, pagination, transitions."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from tests.api.conftest import ALUH_ALUH, BANJAR, BARITO_KUALA, ApiClient, TokenFor
from tests.cases.conftest import MakeCase

from netral.accounts.models import User
from netral.cases.models import Track


def test_regions_page_through_with_an_opaque_cursor(banjar: User, token_for: TokenFor) -> None:
    client = ApiClient(token_for(banjar, scopes=("regions:read",)))
    first = client.get("/regions", parent=BANJAR, limit=5).json()
    assert len(first["items"]) == 5 and first["next_cursor"]
    second = client.get("/regions", parent=BANJAR, limit=5, cursor=first["next_cursor"]).json()
    codes = [r["code"] for r in first["items"] + second["items"]]
    assert codes == sorted(set(codes)) and all(c.startswith(BANJAR + ".") for c in codes)


def test_a_forged_cursor_answers_422(banjar: User, token_for: TokenFor) -> None:
    response = ApiClient(token_for(banjar)).get("/cases", cursor="bm90LWpzb24")
    assert response.status_code == 422 and response.json()["error"]["code"] == "invalid_cursor"


def test_a_limit_over_100_answers_422_with_the_error_body(banjar: User, token_for: TokenFor) -> None:
    response = ApiClient(token_for(banjar)).get("/regions", limit=101)
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid" and response.json()["error"]["detail"]


def test_one_region_and_an_unknown_one(banjar: User, token_for: TokenFor) -> None:
    client = ApiClient(token_for(banjar))
    assert client.get(f"/regions/{BANJAR}").json()["level"] == "kabupaten_kota"
    assert client.get("/regions/99.99").status_code == 404


def test_a_banjar_token_cannot_read_a_barito_kuala_case(
    banjar: User, batola: User, make_case: MakeCase, token_for: TokenFor
) -> None:
    mine = make_case()
    theirs = make_case(region=BARITO_KUALA, actor=batola)
    client = ApiClient(token_for(banjar))
    assert [c["id"] for c in client.get("/cases").json()["items"]] == [mine.pk]
    assert client.get(f"/cases/{mine.pk}").json()["number"] == mine.number
    response = client.get(f"/cases/{theirs.pk}")
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"


def test_a_token_narrowed_to_a_kecamatan_sees_only_cases_there(
    kalsel: User, make_case: MakeCase, token_for: TokenFor
) -> None:
    inside = make_case(region=ALUH_ALUH)
    outside = make_case(region=BARITO_KUALA, actor=kalsel)
    client = ApiClient(token_for(kalsel, jurisdiction=ALUH_ALUH))
    assert [c["id"] for c in client.get("/cases").json()["items"]] == [inside.pk]
    assert client.get(f"/cases/{outside.pk}").status_code == 404
    assert len(ApiClient(token_for(kalsel)).get("/cases").json()["items"]) == 2


def test_cases_filter_and_page(kalsel: User, make_case: MakeCase, token_for: TokenFor) -> None:
    made = [make_case(region=ALUH_ALUH) for _ in range(3)] + [make_case(region=BARITO_KUALA, actor=kalsel)]
    client = ApiClient(token_for(kalsel))
    assert {c["id"] for c in client.get("/cases", region=BARITO_KUALA).json()["items"]} == {made[3].pk}
    assert client.get("/cases", status="closed").json()["items"] == []
    future = (timezone.now() + dt.timedelta(days=1)).isoformat()
    assert client.get("/cases", received_since=future).json()["items"] == []
    seen, cursor = [], None
    while True:
        body = client.get("/cases", limit=3, **({"cursor": cursor} if cursor else {})).json()
        seen += [c["id"] for c in body["items"]]
        if not (cursor := body["next_cursor"]):
            break
    assert seen == sorted((c.pk for c in made), reverse=True)


def test_the_api_never_returns_the_reporter(banjar: User, make_case: MakeCase, token_for: TokenFor) -> None:
    case = make_case()
    text = ApiClient(token_for(banjar)).get(f"/cases/{case.pk}").content.decode()
    assert "Pelapor Uji" not in text and "6303010101010001" not in text


def test_a_transition_moves_the_track_and_a_refusal_answers_409(
    banjar: User, make_case: MakeCase, token_for: TokenFor
) -> None:
    case = make_case()
    track = Track.objects.get(case=case, kind="bawaslu")
    client = ApiClient(token_for(banjar))
    url = f"/cases/{case.pk}/tracks/{track.pk}/transitions"
    refused = client.post(f"{url}/putuskan_teruskan", {"inputs": {}})
    assert refused.status_code == 409 and refused.json()["error"]["code"] == "wrong_state"
    from netral.cases.services import suggest_registration_number

    number = suggest_registration_number(case).format()
    done = client.post(f"{url}/registrasi", {"inputs": {"registration": number}, "note": "lewat API"})
    assert done.status_code == 200, done.content
    assert done.json()["from_state"] != done.json()["to_state"]
    track.refresh_from_db()
    assert track.state == done.json()["to_state"]


def test_a_transition_on_a_case_outside_the_token_answers_404(
    banjar: User, batola: User, make_case: MakeCase, token_for: TokenFor
) -> None:
    theirs = make_case(region=BARITO_KUALA, actor=batola)
    track = Track.objects.get(case=theirs, kind="bawaslu")
    response = ApiClient(token_for(banjar)).post(f"/cases/{theirs.pk}/tracks/{track.pk}/transitions/registrasi", {})
    assert response.status_code == 404


def test_alerts_list_is_empty_for_a_bawaslu_token_without_alerts(banjar: User, token_for: TokenFor) -> None:
    client = ApiClient(token_for(banjar))
    assert client.get("/alerts").json() == {"items": [], "next_cursor": None}
    assert client.get("/alerts/1").status_code == 404


def test_the_schema_is_openapi_3_1_and_the_docs_load_offline(db: None) -> None:
    from django.test import Client

    client = Client()
    schema = client.get("/api/openapi.json").json()
    assert schema["openapi"].startswith("3.1")
    assert "Daftar perkara / List cases" in str(schema)
    page = client.get("/api/docs")
    assert page.status_code == 200
    html = page.content.decode()
    assert "cdn" not in html.lower() and "/static/vendor/swagger-ui/swagger-ui-bundle.js" in html
    assert "/static/netral/api-docs.js" in html and "<script>" not in html
