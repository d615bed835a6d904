"""The daily deadline digest: one e-mail per officer listing their cases that are overdue or due soon.

This module only composes the message; the caller (a daily task) decides who gets which items and sends it.
Overdue cases come first, then the rest by due time; each time is shown in the case region's own zone with its
label (WIB, WITA, WIT), because an officer in Banjarmasin and a reviewer at BKN in Jakarta read the same list.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from email.utils import formataddr
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string

from netral.cases.letters import format_date_id, format_day_date_id
from netral.rules.calendar import zone_label

__all__ = ["DigestItem", "compose_digest", "digest_subject"]


@dataclass(frozen=True)
class DigestItem:
    """One case in the digest."""

    case_label: str  # registration number, or the receipt number before registration
    case_title: str
    track_name: str  # e.g. "Bawaslu", "ASN (BKN → PPK)"
    state_name: str  # e.g. "Kajian awal"
    due_at: dt.datetime  # timezone-aware
    zone: str  # IANA zone of the case's region, e.g. "Asia/Makassar"
    url: str  # absolute link to the case page
    overdue: bool


def digest_subject(overdue: int, upcoming: int) -> str:
    """``[Netral] 2 tenggat terlewat, 3 segera jatuh tempo`` — only the parts that are not zero."""
    parts = []
    if overdue:
        parts.append(f"{overdue} tenggat terlewat")
    if upcoming:
        parts.append(f"{upcoming} segera jatuh tempo")
    return "[Netral] " + ", ".join(parts)


def _zone(item: DigestItem) -> ZoneInfo:
    try:
        return ZoneInfo(item.zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"{item.case_label}: unknown time zone {item.zone!r}") from None


def _row(item: DigestItem) -> dict[str, Any]:
    if item.due_at.tzinfo is None or item.due_at.utcoffset() is None:
        raise ValueError(f"{item.case_label}: due_at must be timezone-aware")
    local = item.due_at.astimezone(_zone(item))
    return {
        "item": item,
        "due_text": f"{format_day_date_id(local.date())}, pukul {local:%H.%M} {zone_label(item.zone, item.due_at)}",
    }


def compose_digest(
    recipient_name: str,
    email: str,
    items: Sequence[DigestItem],
    *,
    site_url: str,
    today: dt.date | None = None,
) -> EmailMultiAlternatives:
    """The digest for one recipient: Indonesian subject with counts, plain text with an HTML alternative.

    ValueError for an empty item list (send nothing then), a missing address or a naive due time.
    """
    if not items:
        raise ValueError("a digest needs at least one item; send nothing when there is nothing due")
    if not email.strip():
        raise ValueError("a digest needs the recipient's e-mail address")
    # Overdue first, then by the moment it falls due (comparing aware datetimes, whatever their zones).
    rows = [_row(item) for item in sorted(items, key=lambda i: (not i.overdue, i.due_at, i.case_label))]
    overdue = [row for row in rows if row["item"].overdue]
    upcoming = [row for row in rows if not row["item"].overdue]
    day = today or dt.datetime.now(dt.UTC).astimezone(ZoneInfo(settings.TIME_ZONE)).date()
    context = {
        "recipient_name": recipient_name.strip() or email,
        "overdue": overdue,
        "upcoming": upcoming,
        "today_text": format_date_id(day),
        "site_url": site_url.rstrip("/"),
    }
    text = render_to_string("cases/email/digest.txt", context)
    html = render_to_string("cases/email/digest.html", context)
    message = EmailMultiAlternatives(
        subject=digest_subject(len(overdue), len(upcoming)),
        body=text,
        to=[formataddr((recipient_name.strip(), email.strip()))],
    )
    message.attach_alternative(html, "text/html")
    return message
