"""Fuzz every API operation with schemathesis against a real `netral serve`: no 5xx, answers match the schema.

The instance holds one Kabupaten Banjar case and a Banjar token with every scope, so reads and transitions reach
real data. Bounded: a few examples per operation (the whole module runs in well under three minutes).
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from tests.servers import NETRAL, django, instance_env, serving

SEED = """
from tests.people import staff_user
from netral.api.tokens import create_token
from netral.cases.services.intake import NewCase, do_receive_case
from netral.geo.models import Region
from netral.rules.models import Election
user = staff_user("api-banjar", "bawaslu_kabkota", "63.03")
do_receive_case(user, NewCase(intake="laporan", election=Election.objects.get(code="pilkada_2024"),
    summary="Kepala dinas mengajak pegawai hadir kampanye", event_region=Region.objects.get(code="63.03.01"),
    description="Uraian sintetis.", event_place="Balai desa", received_at=None, reporter=None,
    reported_persons=[], violation_codes=[]))
from netral.api.scopes import SCOPES
print(create_token(user, name="fuzz", kind="service", scopes=list(SCOPES))[1])
"""


@dataclass(frozen=True)
class Served:
    url: str
    token: str


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    data = Path(tmp_path_factory.mktemp("api-serve"))
    rates = {"NETRAL_API_RATE": "100000/m", "NETRAL_API_REPORT_RATE": "100000/m"}
    env = instance_env(data, **rates, PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    subprocess.run([*NETRAL, "migrate"], env=env, check=True, capture_output=True)
    token = django(env, SEED).splitlines()[-1]
    with serving(env) as url:
        yield Served(url, token)


@pytest.fixture(scope="module")
def api_schema(served: Served) -> Any:
    return schemathesis.openapi.from_url(f"{served.url}/api/openapi.json")


schema = schemathesis.pytest.from_fixture("api_schema")


@schemathesis.check
def content_type_of_the_apps_answers(ctx: Any, response: Any, case: Any) -> bool | None:
    """The documented content type, for every answer the app gave. A request the HTTP server itself cannot parse
    (a header without a value, an overlong request line) gets gunicorn's own HTML 400 and never reaches Django or
    the API, so it carries none of the headers Django's security middleware adds to every answer."""
    headers = {name.lower() for name in response.headers}
    if response.status_code == 400 and "x-content-type-options" not in headers:
        return None
    return content_type_conformance(ctx, response, case)


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_operation_answers_within_its_schema(case: Any, served: Served) -> None:
    case.call_and_validate(
        base_url=served.url,
        headers={"Authorization": f"Bearer {served.token}"},
        checks=[
            not_a_server_error,
            status_code_conformance,
            content_type_of_the_apps_answers,
            response_schema_conformance,
        ],
        timeout=30,
    )
