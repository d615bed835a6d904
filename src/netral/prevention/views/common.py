"""What the prevention views share: access decorators, file downloads, local times, the QR code."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from django.core.files.uploadedfile import UploadedFile
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.html import format_html

from netral.core.decorators import staff_page
from netral.geo.reference import ZONE_LABELS
from netral.prevention.access import may_manage, may_see_coverage, may_view

PAGE_SIZE = 25


prevention_staff = staff_page(may_view)
prevention_manager = staff_page(may_manage)
coverage_reader = staff_page(may_see_coverage)


def page_of(request: HttpRequest, queryset: QuerySet[Any], size: int = PAGE_SIZE) -> Page[Any]:
    return Paginator(queryset, size).get_page(request.GET.get("page"))


def local(moment: dt.datetime | None, zone: str) -> dict[str, Any] | None:
    """A UTC moment as the region's wall clock with its label: {"at": datetime, "zone": "WITA"}."""
    if moment is None:
        return None
    return {"at": moment.astimezone(ZoneInfo(zone)), "zone": ZONE_LABELS.get(zone, zone)}


def chunks_of(upload: UploadedFile) -> Any:
    return upload.chunks()


def mask_name(full_name: str) -> str:
    """ "Siti Rahmawati Putri" → "S. R. P.": enough to match one's own pledge, not to identify a stranger."""
    return format_html("{}", " ".join(part[0].upper() + "." for part in full_name.split() if part[:1].isalpha()))
