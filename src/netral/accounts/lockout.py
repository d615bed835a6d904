"""Account lock-out: after NETRAL_LOCKOUT_ATTEMPTS failed passwords or codes within NETRAL_LOCKOUT_WINDOW_MINUTES,
the account is locked for NETRAL_LOCKOUT_MINUTES. Counters live in the database (every worker shares them).

This works beside the per-address and per-username rate limits of `netral.urls`: those slow guessing, the
lock-out stops a slow, distributed guess at one account. Both doors (the staff login and the admin login) go
through `LockoutModelBackend`, so neither can be used to guess past the lock. A lock never says whether the
username exists: the login page shows the same message for a wrong password, an unknown name and a lock.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from netral.accounts.models import LoginFailures, User
from netral.audit.services import record

__all__ = ["LockoutModelBackend", "clear", "is_locked", "register_failure"]


def _attempts() -> int:
    return int(getattr(settings, "NETRAL_LOCKOUT_ATTEMPTS", 10))


def _window() -> timedelta:
    return timedelta(minutes=int(getattr(settings, "NETRAL_LOCKOUT_WINDOW_MINUTES", 15)))


def lock_duration() -> timedelta:
    return timedelta(minutes=int(getattr(settings, "NETRAL_LOCKOUT_MINUTES", 15)))


def is_locked(user: AbstractBaseUser) -> bool:
    locked_until = LoginFailures.objects.filter(user_id=user.pk).values_list("locked_until", flat=True).first()
    return locked_until is not None and locked_until > timezone.now()


def register_failure(user: AbstractBaseUser, *, kind: str) -> bool:
    """Count one failed attempt (`kind` "password" or "code"); lock at the limit. True when this locked it."""
    now = timezone.now()
    with transaction.atomic():
        failures, _ = LoginFailures.objects.select_for_update().get_or_create(
            user_id=user.pk, defaults={"window_started_at": now}
        )
        if failures.locked_until and failures.locked_until > now:
            return False  # already locked: attempts during a lock neither count nor extend it
        if failures.window_started_at + _window() < now or failures.locked_until:
            failures.count, failures.window_started_at, failures.locked_until = 0, now, None
        failures.count += 1
        locked = failures.count >= _attempts()
        if locked:
            failures.locked_until = now + lock_duration()
        failures.save()
        if locked:
            record(
                None,
                "account.locked",
                obj=user,
                data={
                    "failures": failures.count,
                    "last_kind": kind,
                    "minutes": int(lock_duration().total_seconds()) // 60,
                },
            )
    return locked


def clear(user: AbstractBaseUser) -> None:
    """A complete, successful login forgets earlier failures."""
    LoginFailures.objects.filter(user_id=user.pk, locked_until__isnull=True).delete()
    LoginFailures.objects.filter(user_id=user.pk, locked_until__lte=timezone.now()).delete()


class LockoutModelBackend(ModelBackend):
    """Django's username/password backend that refuses a locked account and counts wrong passwords."""

    def authenticate(
        self, request: HttpRequest | None, username: str | None = None, password: str | None = None, **kwargs: Any
    ) -> User | None:
        if username is None:
            username = kwargs.get(get_user_model().USERNAME_FIELD)
        if username is None or password is None:
            return None
        user = User._default_manager.filter(**{User.USERNAME_FIELD: username}).first()
        if user is not None and is_locked(user):
            make_password(password)  # take as long as a real check: a lock is not told apart by timing
            return None
        authenticated = super().authenticate(request, username=username, password=password, **kwargs)
        if authenticated is None and user is not None:
            register_failure(user, kind="password")
        return authenticated
