from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "netral.accounts"
    verbose_name = _("Akun")

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        user_logged_in.connect(_start_session_clock, dispatch_uid="netral.accounts.session_clock")


def _start_session_clock(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    """The absolute session lifetime counts from the login, not from the last session write."""
    from netral.accounts.middleware import note_login

    if request is not None and hasattr(request, "session"):
        note_login(request.session)
