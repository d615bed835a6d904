"""Token pages for logged-in staff: list their own tokens, create one (the secret is shown once), revoke."""

from __future__ import annotations

import datetime as dt
import secrets
from zoneinfo import ZoneInfo

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from netral.accounts.access import region_scope
from netral.accounts.models import User
from netral.api.forms import TokenForm
from netral.api.models import ApiToken
from netral.api.scopes import SCOPES
from netral.api.tokens import TokenRefused, create_token, revoke_token
from netral.api.webhook_views import zone_of
from netral.core.decorators import staff_page
from netral.geo.reference import ZONE_LABELS

#: Login required; then only staff with a valid jurisdiction (others could grant nothing), else 404.
token_owner = staff_page(lambda user: isinstance(user, User) and not region_scope(user).is_nothing)

FORM_ONCE = "api_token_form_once"


@require_http_methods(["GET", "HEAD", "POST"])
@token_owner
def tokens(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    form = TokenForm(request.POST or None, user=user)
    secret = ""
    issued = request.session.get(FORM_ONCE)
    if request.method == "POST" and (not issued or request.POST.get("once") != issued):
        messages.info(request, _("Formulir ini sudah dikirim dan tokennya sudah dibuat; tidak dibuat token kedua."))
        return redirect("api_tokens:list")
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        days = d.get("expires_in_days")
        try:
            token, secret = create_token(
                user,
                name=d["name"],
                kind=d["kind"],
                scopes=d["scopes"],
                jurisdiction=d["jurisdiction"],
                expires_at=timezone.now() + dt.timedelta(days=int(days)) if days else None,
            )
        except TokenRefused as exc:
            form.add_error(None, str(exc))
        else:
            form = TokenForm(user=user)
            messages.success(request, _("Token “%(name)s” dibuat.") % {"name": token.name})
    if request.method == "GET" or secret:
        request.session[FORM_ONCE] = secrets.token_urlsafe(16)
    form.initial["once"] = request.session.get(FORM_ONCE, "")
    context = {
        "form": form,
        "secret": secret,
        "tokens": [_token_row(t) for t in user.api_tokens.select_related("jurisdiction")],
        "scope_labels": SCOPES,
        "now": timezone.now(),
    }
    response = render(request, "api/tokens.html", context)
    if secret:
        response["Cache-Control"] = "no-store"  # the only time the secret exists outside the owner's hands
    return response


def _token_row(token: ApiToken) -> dict[str, object]:
    """A token with its last use in its jurisdiction's zone (WIB for a national token)."""
    tz = zone_of(token.jurisdiction)
    last = token.last_used_at.astimezone(ZoneInfo(tz)) if token.last_used_at else None
    return {"token": token, "last_used": last, "zone": ZONE_LABELS.get(tz, tz)}


@require_POST
@token_owner
def revoke(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    token = get_object_or_404(user.api_tokens.filter(revoked_at__isnull=True), pk=pk)
    revoke_token(token, user)
    messages.success(request, _("Token “%(name)s” dicabut.") % {"name": token.name})
    return redirect("api_tokens:list")


@require_http_methods(["GET", "HEAD"])
def docs(request: HttpRequest) -> HttpResponse:
    """Swagger UI from static/vendor/swagger-ui, started by static/netral/api-docs.js (strict CSP: no inline JS)."""
    return render(request, "api/docs.html", {"schema_url": reverse("api:openapi-json")})
