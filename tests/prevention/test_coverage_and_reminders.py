"""Coverage figures per agency and region, reminders to lagging agencies, the CLI command and the demo data."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone
from tests.prevention.conftest import NIPS

from netral.accounts.access import RegionScope, region_scope
from netral.accounts.models import User
from netral.audit.models import AuditEntry
from netral.cli import main
from netral.geo.models import Region
from netral.prevention.models import Campaign
from netral.prevention.services.campaigns import (
    AgencyInput,
    PledgeInput,
    do_create_agency,
    do_create_campaign,
    do_sign_pledge,
)
from netral.prevention.services.coverage import coverage
from netral.prevention.services.reminders import send_reminders

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_regencies(kalsel: User, campaign: Campaign) -> Campaign:
    """Banjar's campaign (10 expected) plus one in Barito Kuala (4 expected, 1 signed) and one in Aluh Aluh."""
    batola_agency = do_create_agency(
        kalsel,
        AgencyInput(name="Kantor Uji Barito Kuala", kind="instansi_vertikal", region=Region.objects.get(code="63.04"),
                    headcount=4),
    )  # fmt: skip
    other = do_create_campaign(kalsel, batola_agency, campaign.election)
    do_sign_pledge(other, PledgeInput("Pegawai Batola", NIPS[3], "", ""))
    district = do_create_agency(
        kalsel,
        AgencyInput(name="Kantor Kecamatan Uji", kind="pemerintah_kabupaten_kota",
                    region=Region.objects.get(code="63.03.01"), headcount=5),
    )  # fmt: skip
    do_create_campaign(kalsel, district, campaign.election)
    for nip in NIPS[:3]:
        do_sign_pledge(campaign, PledgeInput("Pegawai Banjar", nip, "", ""))
    return other


def test_coverage_adds_up_per_agency_regency_and_province(two_regencies: Campaign) -> None:
    report = coverage(RegionScope.national())
    by_agency = {row.agency_name: (row.signed, row.expected, row.percent) for row in report.agencies}
    assert by_agency == {
        "Dinas Uji Kabupaten Banjar": (3, 10, 30),
        "Kantor Kecamatan Uji": (0, 5, 0),
        "Kantor Uji Barito Kuala": (1, 4, 25),
    }
    by_region = {row.code: (row.agencies, row.signed, row.expected, row.percent) for row in report.regions}
    assert by_region == {"63": (3, 4, 19, 21), "63.03": (2, 3, 15, 20), "63.04": (1, 1, 4, 25)}
    assert (report.signed, report.expected, report.percent) == (4, 19, 21)


def test_coverage_is_limited_to_the_scope_and_to_one_election(batola: User, two_regencies: Campaign) -> None:
    report = coverage(region_scope(batola))
    assert [row.agency_name for row in report.agencies] == ["Kantor Uji Barito Kuala"]
    assert coverage(RegionScope.national(), election_code="pemilu_2024").agencies == []


def test_reminders_go_to_lagging_agencies_with_a_contact_once_per_interval(two_regencies: Campaign) -> None:
    results = send_reminders(threshold=50)
    assert [(r.agency, r.percent, r.sent) for r in results] == [("Dinas Uji Kabupaten Banjar", 30, True)]
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["Narahubung Uji <kepegawaian@uji.invalid>"]
    assert "30%" in message.subject and "3 dari 10 pegawai" in message.body
    campaign = Campaign.objects.get(agency__name="Dinas Uji Kabupaten Banjar")
    assert f"/pencegahan/ikrar/{campaign.token}/" in message.body
    assert AuditEntry.objects.filter(action="prevention.reminder_sent").count() == 1
    assert send_reminders(threshold=50) == []  # reminded less than three days ago
    later = timezone.now() + dt.timedelta(days=4)
    assert len(send_reminders(threshold=50, dry_run=True, now=later)) == 1
    assert len(mail.outbox) == 1  # a dry run sends nothing


def test_reminders_skip_campaigns_at_or_above_the_threshold(two_regencies: Campaign) -> None:
    assert send_reminders(threshold=30) == []


def test_the_pledge_reminders_command_prints_what_it_sends(
    two_regencies: Campaign, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["pledge-reminders", "--threshold", "50", "--dry-run"]) == 0
    assert "Dinas Uji Kabupaten Banjar <kepegawaian@uji.invalid>: 3/10 (30%) — akan dikirim" in capsys.readouterr().out
    assert main(["pledge-reminders", "--threshold", "0"]) == 2


def test_the_demo_creates_a_campaign_with_pledges_an_event_and_a_circular_once(banjar: User) -> None:
    from netral.prevention.demo import load_demo_prevention
    from netral.prevention.models import Circular, Event, Pledge

    banjar.username = "bawaslu.banjar"
    banjar.save()
    assert load_demo_prevention() is True
    assert load_demo_prevention() is False
    assert Pledge.objects.count() == 3 and Event.objects.count() == 1 and Circular.objects.count() == 1
    assert Event.objects.get().starts_at > timezone.now()
