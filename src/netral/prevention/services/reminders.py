"""Reminders to agencies whose pledge coverage lags: one e-mail per open campaign below a threshold.

Sent with Django's configured e-mail backend (the console by default, SMTP once configured; see
`netral.cases.services.digest`) to the agency's contact address. Each reminder sent is recorded on the campaign
(`last_reminded_at`) and in the audit log; a campaign reminded less than `min_interval` ago is skipped, so a
daily cron job does not flood an agency.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from email.utils import formataddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from netral.audit.services import record
from netral.prevention.models import Campaign
from netral.prevention.services.coverage import percent

__all__ = ["DEFAULT_THRESHOLD", "ReminderResult", "compose_reminder", "send_reminders"]

DEFAULT_THRESHOLD = 80  # percent
DEFAULT_INTERVAL = dt.timedelta(days=3)


@dataclass(frozen=True)
class ReminderResult:
    campaign_id: int
    agency: str
    email: str
    signed: int
    expected: int
    sent: bool

    @property
    def percent(self) -> int:
        return percent(self.signed, self.expected)


def compose_reminder(campaign: Campaign, signed: int) -> EmailMultiAlternatives:
    agency = campaign.agency
    site = str(getattr(settings, "SITE_URL", "")).rstrip("/")
    context = {
        "campaign": campaign,
        "agency": agency,
        "signed": signed,
        "expected": campaign.expected,
        "percent": percent(signed, campaign.expected),
        "missing": max(0, campaign.expected - signed),
        "sign_url": site + reverse("prevention:sign", args=[campaign.token]),
        "has_pact": bool(campaign.pact_sha256),
    }
    message = EmailMultiAlternatives(
        subject=f"[Netral] Ikrar netralitas {agency.name}: {context['percent']}% dari {campaign.expected} pegawai",
        body=render_to_string("prevention/email/reminder.txt", context),
        to=[formataddr((agency.contact_name or agency.name, agency.contact_email))],
    )
    message.attach_alternative(render_to_string("prevention/email/reminder.html", context), "text/html")
    return message


def send_reminders(
    *,
    threshold: int = DEFAULT_THRESHOLD,
    election_code: str | None = None,
    dry_run: bool = False,
    min_interval: dt.timedelta = DEFAULT_INTERVAL,
    now: dt.datetime | None = None,
) -> list[ReminderResult]:
    """E-mail the contact of every open campaign below `threshold` percent; returns what was (or would be) sent."""
    now = now or timezone.now()
    campaigns = Campaign.objects.filter(is_open=True).exclude(agency__contact_email="").select_related("agency")
    if election_code:
        campaigns = campaigns.filter(election_id=election_code)
    results = []
    for campaign in campaigns.order_by("agency__region__code", "agency__name"):
        signed = campaign.pledges.count()
        if percent(signed, campaign.expected) >= threshold:
            continue
        if campaign.last_reminded_at and now - campaign.last_reminded_at < min_interval:
            continue
        result = ReminderResult(
            campaign.pk, campaign.agency.name, campaign.agency.contact_email, signed, campaign.expected, not dry_run
        )
        if not dry_run:
            with transaction.atomic():
                campaign.last_reminded_at = now
                campaign.save(update_fields=["last_reminded_at"])
                record(
                    None,
                    "prevention.reminder_sent",
                    obj=campaign,
                    region_code=campaign.agency.region_id,
                    data={"signed": signed, "expected": campaign.expected, "threshold": threshold},
                )
            compose_reminder(campaign, signed).send()  # after the commit: a failed send leaves no false record
        results.append(result)
    return results
