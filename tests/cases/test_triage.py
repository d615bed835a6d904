"""Inbox triage: assign, merge duplicates, dismiss with a reason — single and in bulk, each audited."""

from __future__ import annotations

import pytest
from django.test import Client
from tests.cases.conftest import MakeCase

from netral.accounts.models import User
from netral.audit.models import AuditEntry
from netral.cases.models import Case, Track
from netral.cases.services import do_assign, do_dismiss, do_merge
from netral.cases.services.transitions import CaseActionRefused

pytestmark = pytest.mark.django_db


def test_assigning_checks_the_assignees_jurisdiction(
    make_case: MakeCase, banjar: User, kalsel: User, batola: User
) -> None:
    case = make_case()
    do_assign(case, kalsel, banjar)
    assert Case.objects.get(pk=case.pk).assignee == kalsel
    assert AuditEntry.objects.filter(action="case.assigned").exists()
    with pytest.raises(CaseActionRefused):
        do_assign(case, batola, banjar)


def test_dismissing_uses_the_workflow_transition_of_the_intake(make_case: MakeCase, banjar: User) -> None:
    tip = make_case("informasi_awal", anonymous=True)
    report = make_case()
    finding = make_case("temuan")
    for case, state in ((tip, "informasi_diarsipkan"), (report, "tidak_diregistrasi"), (finding, "dihentikan")):
        do_dismiss(case, "Bukan pelanggaran netralitas", banjar)
        case.refresh_from_db()
        assert Track.objects.get(case=case).state == state and case.closed
        assert case.dismissal_reason == "Bukan pelanggaran netralitas"


def test_a_registered_case_cannot_be_dismissed_from_the_inbox(make_case: MakeCase, banjar: User) -> None:
    from netral.cases.services import do_transition, suggest_registration_number

    case = make_case()
    do_transition(
        Track.objects.get(case=case), "registrasi", banjar, {"registration": suggest_registration_number(case)}
    )
    with pytest.raises(CaseActionRefused):
        do_dismiss(case, "x", banjar)


def test_merging_ends_the_duplicate_and_points_to_the_original(make_case: MakeCase, banjar: User) -> None:
    original, duplicate = make_case(), make_case()
    do_merge(duplicate, original, banjar)
    duplicate.refresh_from_db()
    assert duplicate.merged_into == original and duplicate.closed
    assert not Track.objects.filter(case=duplicate, ended=False).exists()
    assert AuditEntry.objects.filter(action="case.merged", object_id=str(duplicate.pk)).exists()
    with pytest.raises(CaseActionRefused):
        do_merge(original, duplicate, banjar)


def test_bulk_actions_from_the_inbox(client: Client, make_case: MakeCase, banjar: User, kalsel: User) -> None:
    a, b, c = make_case(summary="A"), make_case(summary="B"), make_case(summary="C")
    client.force_login(banjar)
    client.post("/perkara/aksi-massal/", {"case": [a.pk, b.pk], "action": "assign", "assignee": banjar.pk})
    assert set(Case.objects.filter(assignee=banjar).values_list("pk", flat=True)) == {a.pk, b.pk}
    client.post("/perkara/aksi-massal/", {"case": [b.pk], "action": "merge", "into": a.pk})
    assert Case.objects.get(pk=b.pk).merged_into_id == a.pk
    response = client.post(
        "/perkara/aksi-massal/", {"case": [c.pk], "action": "dismiss", "reason": "Di luar kewenangan"}, follow=True
    )
    assert "1 perkara diproses" in response.content.decode()
    assert Case.objects.get(pk=c.pk).closed
    body = client.post("/perkara/aksi-massal/", {"case": [c.pk], "action": "dismiss"}, follow=True).content.decode()
    assert "Alasan penolakan wajib diisi" in body
