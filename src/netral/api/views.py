"""Token pages for logged-in staff: list their own tokens, create one (the secret is shown once), revoke."""

from __future__ import annotations

import datetime as dt

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
from netral.api.scopes import SCOPES
from netral.api.tokens import TokenRefused, create_token, revoke_token
from netral.core.decorators import staff_page

#: Login required; then only staff with a valid jurisdiction (others could grant nothing), else 404.
token_owner = staff_page(lambda user: isinstance(user, User) and not region_scope(user).is_nothing)


@require_http_methods(["GET", "HEAD", "POST"])
@token_owner
def tokens(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    form = TokenForm(request.POST or None, user=user)
    secret = ""
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
    context = {
        "form": form,
        "secret": secret,
        "tokens": user.api_tokens.select_related("jurisdiction").all(),
        "scope_labels": SCOPES,
        "now": timezone.now(),
    }
    return render(request, "api/tokens.html", context)


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
