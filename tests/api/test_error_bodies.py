"""Requests that fail before any view runs still answer with the API's one error body, never an HTML page."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from tests.api.conftest import ApiClient, TokenFor

from netral.accounts.models import User

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(token_for: TokenFor, banjar: User) -> ApiClient:
    return ApiClient(token_for(banjar, kind="service"))


@pytest.mark.parametrize(
    ("path", "parameter"),
    [("/cases/{id}", "case_id"), ("/alerts/{id}", "alert_id"), ("/cases/1/tracks/{id}/transitions/x", "track_id")],
)
def test_an_id_beyond_64_bits_is_invalid_not_a_server_error(api: ApiClient, path: str, parameter: str) -> None:
    url = path.format(id=2**63)
    answer = api.post(url, {"inputs": {}}) if "transitions" in url else api.get(url)
    assert answer.status_code == 422
    assert [error["loc"][-1] for error in answer.json()["error"]["detail"]] == [parameter]


def test_evidence_for_an_id_beyond_64_bits_is_invalid(api: ApiClient) -> None:
    pdf = SimpleUploadedFile("a.pdf", b"%PDF-1.4\n" + b"x" * 100, content_type="application/pdf")
    answer = api.client.post(f"/api/reports/{10**30}/evidence", {"file": pdf}, headers=api.headers)
    assert answer.status_code == 422 and answer.json()["error"]["code"] == "invalid"


def test_a_multipart_body_without_boundary_gets_the_json_400(api: ApiClient) -> None:
    answer = api.client.generic(
        "POST", "/api/reports/1/evidence", b"abc", content_type="multipart/form-data", headers=api.headers
    )
    assert answer.status_code == 400
    assert answer["Content-Type"].startswith("application/json")
    assert answer.json()["error"]["code"] == "bad_request"


def test_too_many_form_fields_get_the_json_400(api: ApiClient, settings: Any) -> None:
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 2
    answer = api.client.post("/api/reports/1/evidence", {"a": "1", "b": "2", "c": "3"}, headers=api.headers)
    assert answer.status_code == 400 and answer.json()["error"]["code"] == "bad_request"


def test_a_body_over_the_memory_limit_gets_the_json_413(api: ApiClient, settings: Any) -> None:
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 100
    answer = api.post("/reports", {"padding": "x" * 500})
    assert answer.status_code == 413
    assert answer.json()["error"] == {"code": "too_large", "message": "Permintaan terlalu besar.", "detail": None}
