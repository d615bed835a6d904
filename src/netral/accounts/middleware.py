"""Staff sessions: idle timeout, absolute lifetime, and the two-factor gate.

- A session idle for NETRAL_SESSION_IDLE_SECONDS, or older than NETRAL_SESSION_SECONDS since login, is logged
  out (the next request goes to the login page with a message).
- A user who must use two-factor login (or has enrolled) and whose session has not passed the code step reaches
  only the code page (enrolled) or the enrolment page (not yet), logout, language switch and static files.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import cast

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponseBase
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from netral.accounts import twofactor

AUTH_AT_KEY = "netral.auth_at"
SEEN_KEY = "netral.seen"
TOUCH_EVERY = 60  # seconds: the last-seen time is rewritten at most this often (one session write a minute)


def _idle_seconds() -> int:
    return int(getattr(settings, "NETRAL_SESSION_IDLE_SECONDS", 1800))


class StaffSessionMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if request.user.is_authenticated:
            if self._expired(request):
                logout(request)
                messages.info(request, _("Sesi Anda berakhir. Silakan masuk lagi."))
                return redirect_to_login(request.get_full_path())
            if (blocked := self._two_factor_gate(request)) is not None:
                return blocked
        return self.get_response(request)

    def _expired(self, request: HttpRequest) -> bool:
        session, now = request.session, time.time()
        auth_at = session.setdefault(AUTH_AT_KEY, now)
        seen = session.get(SEEN_KEY, now)
        if now - seen > _idle_seconds() or now - auth_at > settings.SESSION_COOKIE_AGE:
            return True
        if now - seen >= TOUCH_EVERY or SEEN_KEY not in session:
            session[SEEN_KEY] = now
        return False

    def _two_factor_gate(self, request: HttpRequest) -> HttpResponseBase | None:
        if twofactor.is_verified(request.session) or _always_open(request.path):
            return None
        user = cast(AbstractBaseUser, request.user)  # authenticated: checked by the caller
        if twofactor.confirmed_device(user) is not None:
            target = reverse("accounts:verify")
        elif twofactor.required_for(user):
            target = reverse("accounts:enrol")
        else:
            return None
        if request.path == target:
            return None
        return redirect(f"{target}?{urlencode({'next': request.get_full_path()})}")


def _always_open(path: str) -> bool:
    return path.startswith((settings.STATIC_URL, "/i18n/")) or path in {reverse("logout"), reverse("health")}


def note_login(session_start: dict[str, float]) -> None:
    """Filled in by the `user_logged_in` receiver (apps.py); kept here so the keys live in one module."""
    session_start[AUTH_AT_KEY] = session_start[SEEN_KEY] = time.time()
