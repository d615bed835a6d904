"""What the monitor pages share: the access decorators, local times, and the query string of a filtered list."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from functools import wraps
from typing import Any
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest
from django.http.response import HttpResponseBase

from netral.accounts.access import has_capability
from netral.geo.models import Region
from netral.geo.reference import ZONE_LABELS

View = Callable[..., HttpResponseBase]
DEFAULT_ZONE = "Asia/Jakarta"
PAGE_SIZE = 25


def _requires(capability: str) -> Callable[[View], View]:
    """Login required (302 to the login page), then the capability, else 404 (deny by default, as in cases)."""

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not has_capability(request.user, capability):
                raise Http404
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


monitor_staff = _requires("monitor.view")
monitor_triage = _requires("monitor.triage")
monitor_manager = _requires("monitor.sources")


def zone_of(region: Region | None) -> str:
    return region.timezone if region is not None and region.timezone else DEFAULT_ZONE


def local(moment: dt.datetime | None, tz: str) -> dt.datetime | None:
    return moment.astimezone(ZoneInfo(tz)) if moment else None


def zone_label(tz: str) -> str:
    return ZONE_LABELS.get(tz, tz)


def query_string(filters: Mapping[str, str]) -> str:
    return urlencode({key: value for key, value in filters.items() if value})
