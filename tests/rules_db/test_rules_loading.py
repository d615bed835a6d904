"""The rules catalogue mirrored into the database, its public pages and admin corrections that survive reloads."""

from __future__ import annotations

import pytest
from django.test import Client

from netral.rules.catalogue import load_catalogue
from netral.rules.loading import load_rules
from netral.rules.models import Election, Holiday, ProcedureStep, Sanction, ViolationType

pytestmark = pytest.mark.django_db


def test_migrate_loads_the_whole_catalogue() -> None:
    cat = load_catalogue()
    assert ViolationType.objects.count() == len(cat.violation_types)
    assert Sanction.objects.count() == len(cat.sanctions)
    assert Election.objects.count() == len(cat.elections)
    assert Holiday.objects.count() == len(cat.holidays)
    assert ProcedureStep.objects.count() == sum(len(r.steps) for r in cat.regimes)


def test_violation_types_keep_their_sanctions() -> None:
    d5 = ViolationType.objects.get(code="D5")
    assert d5.category == "disiplin"
    assert set(d5.sanctions.values_list("code", flat=True)) == set(load_catalogue().violation_type("D5").sanctions)


def test_an_admin_correction_survives_a_forced_reload(admin_client: Client) -> None:
    election = Election.objects.get(code="pilkada_2024")
    response = admin_client.post(
        f"/admin/rules/election/{election.pk}/change/",
        {
            "code": election.code, "name": "Pilkada Serentak 2024 (dikoreksi)", "kind": election.kind,
            "regime": election.regime, "voting_day": "2024-11-27", "start": election.start.isoformat(),
            "end": election.end.isoformat(), "legal_basis": election.legal_basis, "source": election.source,
            "note": election.note, "phases-TOTAL_FORMS": "0", "phases-INITIAL_FORMS": "0",
        },
    )  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:2000]
    written, kept = load_rules(force=True)
    assert written > 0
    assert any("dikoreksi" in row for row in kept)
    assert Election.objects.get(code="pilkada_2024").name == "Pilkada Serentak 2024 (dikoreksi)"


def test_the_public_explainer_lists_every_violation_type_with_its_sanction(client: Client) -> None:
    body = client.get("/aturan/").content.decode()
    for violation in load_catalogue().violation_types:
        assert f'id="{violation.code}"' in body
    assert "Hukuman disiplin berat" in body


def test_the_explainer_search_narrows_the_list(client: Client) -> None:
    body = client.get("/aturan/", {"q": "media sosial"}).content.decode()
    assert 'id="E2"' in body
    assert 'id="D5"' not in body


def test_election_and_deadline_pages_show_the_catalogue(client: Client) -> None:
    assert "27 November 2024" in client.get("/aturan/pemilihan/").content.decode()
    body = client.get("/aturan/tenggat/").content.decode()
    assert "hari kerja" in body
