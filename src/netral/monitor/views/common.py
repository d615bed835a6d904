"""What the monitor pages share: the access decorators, local times, and the query string of a filtered list."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from netral.core.decorators import with_capability
from netral.geo.models import Region
from netral.geo.reference import ZONE_LABELS

DEFAULT_ZONE = "Asia/Jakarta"
PAGE_SIZE = 25


monitor_staff = with_capability("monitor.view")
monitor_triage = with_capability("monitor.triage")
monitor_manager = with_capability("monitor.sources")


def zone_of(region: Region | None) -> str:
    return region.timezone if region is not None and region.timezone else DEFAULT_ZONE


def local(moment: dt.datetime | None, tz: str) -> dt.datetime | None:
    return moment.astimezone(ZoneInfo(tz)) if moment else None


def zone_label(tz: str) -> str:
    return ZONE_LABELS.get(tz, tz)


def query_string(filters: Mapping[str, str]) -> str:
    return urlencode({key: value for key, value in filters.items() if value})
