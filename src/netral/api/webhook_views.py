"""Webhook pages: the list, creating one (its signing secret shown once), the delivery log, and the actions on it.

Who: staff who may receive at least one event (`cases.view` for case transitions, `monitor.view` for alerts, as in
the pages that show them) manage their own webhooks; administrators (`admin`) see and manage everyone's, so a
partner endpoint that misbehaves can be stopped, but never see or rotate a secret. Everyone else gets 404, as does
a webhook that is neither one's own nor, for an administrator, anyone's.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import OuterRef, QuerySet, Subquery
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from netral.accounts.access import AnyUser, has_capability
from netral.accounts.models import User
from netral.api.forms import EVENT_LABELS, WebhookForm
from netral.api.models import Webhook, WebhookDelivery
from netral.api.webhooks import (
    WebhookRefused,
    create_webhook,
    delete_webhook,
    events_for,
    ping_webhook,
    retry_delivery,
    rotate_webhook_secret,
    set_webhook_active,
)
from netral.core.decorators import staff_page
from netral.geo.models import Region
from netral.geo.reference import ZONE_LABELS

PAGE_SIZE = 25
SHOW_SECRET_KEY = "netral.webhook.show_secret"  # noqa: S105 - a session key naming the webhook, not a secret
NATIONAL_ZONE = "Asia/Jakarta"  # a webhook without a region is national: its times are shown in WIB


def is_webhook_admin(user: AnyUser) -> bool:
    return has_capability(user, "admin")


def may_use_webhooks(user: AnyUser) -> bool:
    return isinstance(user, User) and (bool(events_for(user)) or is_webhook_admin(user))


#: Login required; then a user who may receive an event or an administrator, else 404.
webhook_staff = staff_page(may_use_webhooks)


def webhooks_visible_to(user: User) -> QuerySet[Webhook]:
    hooks = Webhook.objects.select_related("region", "owner")
    return hooks if is_webhook_admin(user) else hooks.filter(owner=user)


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)  # webhook_staff let only staff users through
    return request.user


def _webhook_or_404(request: HttpRequest, pk: int) -> Webhook:
    return get_object_or_404(webhooks_visible_to(_user(request)), pk=pk)


def zone_of(region: Region | None) -> str:
    return region.timezone if region is not None and region.timezone else NATIONAL_ZONE


def _local(moment: dt.datetime | None, tz: str) -> dt.datetime | None:
    return moment.astimezone(ZoneInfo(tz)) if moment else None


def _no_store(response: HttpResponse) -> HttpResponse:
    """A page showing a secret is kept neither by the browser nor by a proxy."""
    response["Cache-Control"] = "no-store"
    return response


@require_safe
@webhook_staff
def webhook_list(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    last = WebhookDelivery.objects.filter(webhook=OuterRef("pk")).order_by("-created_at", "-pk")
    hooks = webhooks_visible_to(user).annotate(
        last_at=Subquery(last.values("created_at")[:1]),
        last_state=Subquery(last.values("state")[:1]),
        last_status=Subquery(last.values("status_code")[:1]),
    )
    page = Paginator(hooks, PAGE_SIZE).get_page(request.GET.get("page"))
    states = dict(WebhookDelivery.State.choices)
    rows = []
    for hook in page:
        tz = zone_of(hook.region)
        rows.append(
            {
                "hook": hook,
                "last_at": _local(hook.last_at, tz),
                "last_state": states.get(hook.last_state, hook.last_state),
                "zone": ZONE_LABELS.get(tz, tz),
            }
        )
    context = {
        "rows": rows,
        "page": page,
        "query": "",
        "all_owners": is_webhook_admin(user),
        "may_create": bool(events_for(user)),
    }
    return render(request, "api/webhooks.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@webhook_staff
def webhook_create(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if not events_for(user):  # an administrator without case or monitor rights has nothing to send
        raise Http404
    form = WebhookForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            hook = create_webhook(user, name=d["name"], url=d["url"], events=d["events"], region=d["region"])
        except WebhookRefused as exc:
            form.add_error(None, str(exc))
        else:
            return _show_secret_once(request, hook, created=True)
    return render(request, "api/webhook_form.html", {"form": form})


def _show_secret_once(request: HttpRequest, hook: Webhook, *, created: bool) -> HttpResponse:
    """Redirect to the page showing the secret, which shows it to the next request only (post/redirect/get: a
    reload neither posts again nor shows the secret again). The session holds the webhook's id, not the secret."""
    request.session[SHOW_SECRET_KEY] = {"webhook": hook.pk, "created": created}
    return redirect("api_webhooks:secret", pk=hook.pk)


@require_safe
@webhook_staff
def webhook_secret(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    hook = _webhook_or_404(request, pk)
    # A HEAD (a link checker, a prefetch) must not use up the one showing.
    session = request.session
    pending = session.get(SHOW_SECRET_KEY) if request.method == "HEAD" else session.pop(SHOW_SECRET_KEY, None)
    if hook.owner_id != user.pk or not pending or pending.get("webhook") != hook.pk:
        messages.info(request, _("Kunci penanda tangan hanya ditampilkan sekali. Ganti kuncinya bila hilang."))
        return redirect("api_webhooks:detail", pk=hook.pk)
    context = {"hook": hook, "secret": hook.secret, "created": bool(pending.get("created"))}
    return _no_store(render(request, "api/webhook_secret.html", context))


@require_safe
@webhook_staff
def webhook_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    hook = _webhook_or_404(request, pk)
    tz = zone_of(hook.region)
    page = Paginator(hook.deliveries.all(), PAGE_SIZE).get_page(request.GET.get("page"))
    deliveries = [
        {
            "delivery": d,
            "event": EVENT_LABELS.get(d.event, d.event),
            "created": _local(d.created_at, tz),
            "last_try": _local(d.last_try_at, tz),
            "next_try": _local(d.next_try, tz),
            "retry": d.state == WebhookDelivery.State.FAILED and hook.active,
        }
        for d in page
    ]
    context = {
        "hook": hook,
        "events": [EVENT_LABELS.get(e, e) for e in hook.events],
        "created": _local(hook.created_at, tz),
        "zone": ZONE_LABELS.get(tz, tz),
        "deliveries": deliveries,
        "page": page,
        "query": "",
        "owner": hook.owner_id == user.pk,
    }
    return render(request, "api/webhook_detail.html", context)


@require_POST
@webhook_staff
def webhook_toggle(request: HttpRequest, pk: int) -> HttpResponse:
    hook = _webhook_or_404(request, pk)
    set_webhook_active(hook, _user(request), not hook.active)
    if hook.active:
        messages.success(request, _("Webhook diaktifkan: peristiwa baru dikirim lagi."))
    else:
        messages.success(request, _("Webhook dinonaktifkan: peristiwa baru tidak dikirim."))
    return redirect("api_webhooks:detail", pk=hook.pk)


@require_POST
@webhook_staff
def webhook_rotate(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    hook = _webhook_or_404(request, pk)
    if hook.owner_id != user.pk:  # the secret is the owner's to hand to their partner; nobody else sees it
        raise Http404
    rotate_webhook_secret(hook, user)
    return _show_secret_once(request, hook, created=False)


@require_POST
@webhook_staff
def webhook_delete(request: HttpRequest, pk: int) -> HttpResponse:
    hook = _webhook_or_404(request, pk)
    name = hook.name
    delete_webhook(hook, _user(request))
    messages.success(request, _("Webhook “%(name)s” dihapus beserta log pengirimannya.") % {"name": name})
    return redirect("api_webhooks:list")


@require_POST
@webhook_staff
def webhook_ping(request: HttpRequest, pk: int) -> HttpResponse:
    hook = _webhook_or_404(request, pk)
    try:
        ping_webhook(hook, _user(request))
    except WebhookRefused as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Uji kiriman dijadwalkan; hasilnya tampil di log di bawah setelah terkirim."))
    return redirect("api_webhooks:detail", pk=hook.pk)


@require_POST
@webhook_staff
def webhook_retry(request: HttpRequest, pk: int, delivery: int) -> HttpResponse:
    hook = _webhook_or_404(request, pk)
    found = get_object_or_404(hook.deliveries.select_related("webhook"), pk=delivery)
    try:
        retry_delivery(found, _user(request))
    except WebhookRefused as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Pengiriman dicoba lagi sekarang; muat ulang halaman untuk melihat hasilnya."))
    return redirect("api_webhooks:detail", pk=hook.pk)
