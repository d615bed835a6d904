"""Staff login in two steps (password, then code), two-factor enrolment and the account page."""

from __future__ import annotations

import time
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth import BACKEND_SESSION_KEY, login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from django.views.decorators.http import require_POST

from netral.accounts import lockout, totp, twofactor
from netral.accounts.models import User
from netral.accounts.roles import role_table
from netral.core.qr import qr_svg
from netral.core.ratelimit import ratelimit

PENDING_KEY = "netral.2fa.pending"
PENDING_SECONDS = 300  # the code step must follow the password step within five minutes


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Kode"),
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
    )


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("home")


def _with_next(name: str, next_url: str) -> str:
    return f"{reverse(name)}?{urlencode({'next': next_url})}"


@method_decorator(sensitive_post_parameters("password"), name="dispatch")
class StaffLoginView(auth_views.LoginView):
    """Step one. A user with an authenticator is *not* logged in yet: the session only remembers who is pending."""

    def form_valid(self, form: Any) -> HttpResponse:
        user = form.get_user()
        next_url = self.get_success_url()
        if twofactor.confirmed_device(user) is not None:
            self.request.session.cycle_key()
            self.request.session[PENDING_KEY] = {"user": user.pk, "at": time.time(), "backend": user.backend}
            return redirect(_with_next("accounts:verify", next_url))
        lockout.clear(user)
        response = super().form_valid(form)
        if twofactor.required_for(user):
            return redirect(_with_next("accounts:enrol", next_url))
        return response


def _pending_user(request: HttpRequest) -> tuple[User | None, str]:
    if request.user.is_authenticated:
        return request.user, request.session.get(BACKEND_SESSION_KEY, "")
    pending = request.session.get(PENDING_KEY)
    if not pending or time.time() - pending["at"] > PENDING_SECONDS:
        return None, ""
    return User.objects.filter(pk=pending["user"], is_active=True).first(), pending["backend"]


@sensitive_variables("code")
@sensitive_post_parameters("code")
@ratelimit("login.code", "10/m")
def verify(request: HttpRequest) -> HttpResponseBase:
    """Step two: a code from the authenticator app or a recovery code."""
    user, backend = _pending_user(request)
    if user is None:
        messages.info(request, _("Silakan masuk lagi."))
        return redirect("login")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        code = form.cleaned_data["code"]
        if lockout.is_locked(user):
            return _refuse_locked(request)
        if twofactor.verify_code(user, code):
            request.session.pop(PENDING_KEY, None)
            if not request.user.is_authenticated:
                login(request, user, backend=backend)
            else:
                request.session.cycle_key()
            twofactor.mark_verified(request.session)
            lockout.clear(user)
            return redirect(_next_url(request))
        if lockout.register_failure(user, kind="code"):
            return _refuse_locked(request)
        form.add_error("code", _("Kode salah, kedaluwarsa atau sudah dipakai. Masukkan kode yang baru."))
    return render(request, "accounts/verify.html", {"form": form, "next": _next_url(request)})


def _refuse_locked(request: HttpRequest) -> HttpResponse:
    logout(request)  # also drops the pending login
    messages.error(request, _("Terlalu banyak percobaan gagal. Akun dikunci sementara; coba lagi nanti."))
    return redirect("login")


@sensitive_variables("secret", "code", "codes")
@sensitive_post_parameters("code")
@login_required
def enrol(request: HttpRequest) -> HttpResponse:
    """Show the secret (QR and text), confirm it with a first code, then show the recovery codes once."""
    user: User = request.user  # type: ignore[assignment]
    if twofactor.confirmed_device(user) is not None:
        return redirect("accounts:account")
    secret = twofactor.pending_secret(user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = twofactor.confirm_enrolment(user, form.cleaned_data["code"])
        if codes is not None:
            request.session.cycle_key()
            twofactor.mark_verified(request.session)
            lockout.clear(user)
            return _show_recovery_codes(request, codes)
        form.add_error("code", _("Kode tidak cocok. Periksa jam ponsel dan masukkan kode yang sedang tampil."))
    uri = totp.provisioning_uri(secret, user.get_username())
    context = {
        "form": form,
        "qr": qr_svg(uri, _("Kode QR untuk aplikasi autentikator")),
        "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
        "required": twofactor.required_for(user),
        "next": _next_url(request),
    }
    response = render(request, "accounts/enrol.html", context)
    response["Cache-Control"] = "no-store"
    return response


def _show_recovery_codes(request: HttpRequest, codes: list[str]) -> HttpResponse:
    response = render(request, "accounts/recovery_codes.html", {"codes": codes, "next": _next_url(request)})
    response["Cache-Control"] = "no-store"  # shown once: not kept by the browser or a proxy
    return response


@login_required
def account(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    spec = role_table().roles.get(user.role)
    context = {
        "role": spec,
        "device": twofactor.confirmed_device(user),
        "required": twofactor.required_for(user),
        "recovery_left": twofactor.unused_recovery_codes(user),
    }
    return render(request, "accounts/account.html", context)


@sensitive_variables("codes")
@require_POST
@login_required
def renew_recovery_codes(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    if twofactor.confirmed_device(user) is None:
        return redirect("accounts:account")
    return _show_recovery_codes(request, twofactor.regenerate_recovery_codes(user))
