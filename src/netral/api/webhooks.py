"""Signed webhooks: publish an event to matching webhooks, deliver with HMAC-SHA256, retry with back-off.

Body: `{"event": ..., "id": <delivery id>, "data": {...}}`. Headers: `X-Netral-Event`, `X-Netral-Timestamp` (Unix
seconds) and `X-Netral-Signature: sha256=<hex HMAC-SHA256 of the raw body with the webhook's secret>`. A 2xx answer
is a delivery; anything else (or no answer) is retried after 1, 5 and 30 minutes, then the delivery is failed.
Hosts resolving to private addresses are refused (the monitor fetcher's SSRF rule) unless
NETRAL_MONITOR_ALLOW_PRIVATE_HOSTS is set.

A webhook acts as its owner, like a token: it may carry only events the owner may see (`EVENT_CAPABILITIES`), and
an event is published to it only while the owner still may (role, capability and jurisdiction checked each time).
The pages (netral.api.webhook_views) manage webhooks through the services here, each audited.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import secrets
import socket
from typing import Any
from urllib.parse import urlsplit

import urllib3
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from netral.accounts.access import has_capability, region_scope
from netral.accounts.models import User
from netral.api.models import Webhook, WebhookDelivery
from netral.audit.services import record
from netral.geo.models import Region
from netral.monitor.fetching.http import is_public_address

__all__ = [
    "BACKOFF",
    "EVENTS",
    "EVENT_CAPABILITIES",
    "PING",
    "WebhookRefused",
    "address_problem",
    "create_webhook",
    "delete_webhook",
    "deliver",
    "events_for",
    "ping_webhook",
    "publish",
    "retry_delivery",
    "rotate_webhook_secret",
    "set_webhook_active",
    "sign",
]

EVENTS = ("case.transition", "alert.created")
#: The capability an owner needs to receive each event (what it would need to read the same thing in the pages).
EVENT_CAPABILITIES = {"case.transition": "cases.view", "alert.created": "monitor.view"}
#: The test event sent from the webhook page; no webhook subscribes to it, it goes to the one webhook asked.
PING = "ping"
BACKOFF = (dt.timedelta(minutes=1), dt.timedelta(minutes=5), dt.timedelta(minutes=30))
MAX_ATTEMPTS = len(BACKOFF) + 1
TIMEOUT = urllib3.Timeout(connect=5.0, read=10.0)
EXCERPT = 500


class WebhookRefused(Exception):
    """A webhook could not be created (Indonesian message)."""


def sign(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def events_for(user: User) -> list[str]:
    """The events `user` may subscribe a webhook to."""
    return [e for e in EVENTS if (cap := EVENT_CAPABILITIES.get(e)) is not None and has_capability(user, cap)]


#: Why a host may not receive webhooks, as written in the delivery log.
UNRESOLVED, PRIVATE = "nama host tidak dapat ditemukan", "alamat tujuan bukan alamat publik"


def _host_problem(url: str) -> str:
    """Why the host of `url` may not receive webhooks ("" when it may): it must resolve, to public addresses only."""
    if getattr(settings, "NETRAL_MONITOR_ALLOW_PRIVATE_HOSTS", False):
        return ""
    host = urlsplit(url).hostname or ""
    try:
        infos = socket.getaddrinfo(host, None)
    except (OSError, UnicodeError):
        return UNRESOLVED
    if not infos:
        return UNRESOLVED
    if not all(is_public_address(str(info[4][0])) for info in infos):
        return PRIVATE
    return ""


def address_problem(url: str) -> str:
    """Why `url` may not be a new webhook's address, translated ("" when it may).

    https only; http only where loopback receivers are allowed (DEBUG or NETRAL_MONITOR_ALLOW_PRIVATE_HOSTS, for
    development and tests). No credentials in the URL (lists show it). The host must resolve to public addresses:
    the sender checks again before every attempt, since DNS answers may change.
    """
    parts = urlsplit(url)
    plain_allowed = settings.DEBUG or getattr(settings, "NETRAL_MONITOR_ALLOW_PRIVATE_HOSTS", False)
    if parts.scheme != "https" and not (parts.scheme == "http" and plain_allowed):
        return gettext("Alamat webhook harus diawali https://.")
    if not parts.hostname:
        return gettext("Alamat webhook tidak memuat nama host.")
    if parts.username or parts.password:
        return gettext("Alamat webhook tidak boleh memuat nama pengguna atau kata sandi.")
    problem = _host_problem(url)
    if problem == UNRESOLVED:
        return gettext("Nama host alamat webhook tidak dapat ditemukan.")
    if problem == PRIVATE:
        return gettext("Alamat webhook mengarah ke jaringan internal; hanya alamat publik yang diizinkan.")
    return ""


def create_webhook(owner: User, *, name: str, url: str, events: list[str], region: Region | None = None) -> Webhook:
    scope = region_scope(owner)
    if scope.is_nothing:
        raise WebhookRefused("Akun ini tidak memiliki wilayah kerja yang sah.")
    if region is None and not scope.everything:
        region = Region.objects.get(code=scope.region_code)
    if region is not None and not scope.includes(region.code):
        raise WebhookRefused("Wilayah webhook harus berada di dalam wilayah kerja Anda.")
    if not events or any(e not in EVENTS for e in events):
        raise WebhookRefused("Peristiwa tidak dikenal atau kosong.")
    if any(e not in events_for(owner) for e in events):
        raise WebhookRefused("Akun ini tidak berhak menerima salah satu peristiwa yang dipilih.")
    if urlsplit(url).scheme not in ("http", "https"):
        raise WebhookRefused("Alamat webhook harus http atau https.")
    with transaction.atomic():
        hook = Webhook.objects.create(
            name=name, url=url, secret=secrets.token_hex(32), events=sorted(set(events)), region=region, owner=owner
        )
        record(owner, "api.webhook_created", obj=hook, region_code=region.code if region else "", data={"url": url})
    return hook


def _listens(hook: Webhook, event: str, region_code: str) -> bool:
    if event not in hook.events:
        return False
    code = hook.region_id
    if not code:
        return True
    return bool(region_code) and (region_code == code or region_code.startswith(code + "."))


def _owner_may_receive(hook: Webhook, event: str, region_code: str) -> bool:
    """Whether the owner may still see this event (a deactivated account or a changed role sends nothing)."""
    capability = EVENT_CAPABILITIES.get(event)
    owner = hook.owner
    return capability is not None and has_capability(owner, capability) and region_scope(owner).includes(region_code)


def publish(event: str, data: dict[str, Any], region_code: str) -> list[int]:
    """Log a delivery for every active webhook listening to `event` in `region_code`; enqueue after commit."""
    from netral.api.tasks import deliver_webhook_task

    ids: list[int] = []
    for hook in Webhook.objects.filter(active=True).select_related("owner"):
        if _listens(hook, event, region_code) and _owner_may_receive(hook, event, region_code):
            delivery = WebhookDelivery.objects.create(webhook=hook, event=event, payload=data)
            ids.append(delivery.pk)
    for pk in ids:
        transaction.on_commit(lambda pk=pk: deliver_webhook_task.enqueue(pk))  # type: ignore[misc]
    return ids


def _post(delivery: WebhookDelivery, now: dt.datetime) -> tuple[int | None, str]:
    hook = delivery.webhook
    if problem := _host_problem(hook.url):
        return None, problem
    body = json.dumps({"event": delivery.event, "id": delivery.pk, "data": delivery.payload}).encode()
    headers = {
        "Content-Type": "application/json",
        "User-Agent": "Netral-Webhook/1",
        "X-Netral-Event": delivery.event,
        "X-Netral-Timestamp": str(int(now.timestamp())),
        "X-Netral-Signature": sign(hook.secret, body),
    }
    try:
        response = urllib3.request(
            "POST", hook.url, body=body, headers=headers, timeout=TIMEOUT, retries=False, redirect=False
        )
    except urllib3.exceptions.HTTPError as exc:
        return None, str(exc)[:EXCERPT]
    return response.status, response.data[:EXCERPT].decode("utf-8", "replace")


def deliver(delivery_id: int, *, now: dt.datetime | None = None) -> WebhookDelivery | None:
    """One attempt; on failure schedule the next (returns the updated delivery, None if gone or already done)."""
    from netral.api.tasks import deliver_webhook_task

    now = now or timezone.now()
    delivery = WebhookDelivery.objects.select_related("webhook").filter(pk=delivery_id).first()
    if delivery is None or delivery.state != WebhookDelivery.State.PENDING:
        return None
    status, excerpt = _post(delivery, now)
    delivery.attempts += 1
    delivery.last_try_at = now
    delivery.status_code = status
    delivery.response_excerpt = excerpt
    if status is not None and 200 <= status < 300:
        delivery.state, delivery.next_try = WebhookDelivery.State.DELIVERED, None
    elif delivery.attempts >= MAX_ATTEMPTS:
        delivery.state, delivery.next_try = WebhookDelivery.State.FAILED, None
    else:
        delivery.next_try = now + BACKOFF[delivery.attempts - 1]
    delivery.save()
    if delivery.next_try is not None:
        deliver_webhook_task.using(run_after=delivery.next_try).enqueue(delivery.pk)
    return delivery


# --- Managing a webhook from its page: every change audited, in the transaction that makes it --------------------


def _region_code(hook: Webhook) -> str:
    return hook.region_id or ""


def set_webhook_active(hook: Webhook, actor: User, active: bool) -> None:
    """Enable or disable: a disabled webhook is sent no new events (deliveries already queued still run)."""
    with transaction.atomic():
        hook.active = active
        hook.save(update_fields=["active"])
        action = "api.webhook_enabled" if active else "api.webhook_disabled"
        record(actor, action, obj=hook, region_code=_region_code(hook), data={})


def rotate_webhook_secret(hook: Webhook, actor: User) -> str:
    """A new signing secret (returned to be shown once); the old one stops signing at once."""
    with transaction.atomic():
        hook.secret = secrets.token_hex(32)
        hook.save(update_fields=["secret"])
        record(actor, "api.webhook_secret_rotated", obj=hook, region_code=_region_code(hook), data={})
    return hook.secret


def delete_webhook(hook: Webhook, actor: User) -> None:
    """Delete the webhook and its delivery log; queued attempts then find nothing and are skipped."""
    with transaction.atomic():
        record(
            actor,
            "api.webhook_deleted",
            obj=hook,
            region_code=_region_code(hook),
            data={"name": hook.name, "url": hook.url},
        )
        hook.delete()


def _enqueue(delivery_id: int) -> None:
    from netral.api.tasks import deliver_webhook_task

    transaction.on_commit(lambda: deliver_webhook_task.enqueue(delivery_id))


def ping_webhook(hook: Webhook, actor: User, *, now: dt.datetime | None = None) -> WebhookDelivery:
    """Queue a signed `ping` to this webhook alone, logged like any delivery, so its owner can test the receiver."""
    if not hook.active:
        raise WebhookRefused(gettext("Webhook ini nonaktif; aktifkan dahulu sebelum mengirim uji."))
    moment = now or timezone.now()
    with transaction.atomic():
        delivery = WebhookDelivery.objects.create(
            webhook=hook, event=PING, payload={"webhook_id": hook.pk, "at": moment.isoformat()}
        )
        record(actor, "api.webhook_pinged", obj=hook, region_code=_region_code(hook), data={"delivery": delivery.pk})
        _enqueue(delivery.pk)
    return delivery


def retry_delivery(delivery: WebhookDelivery, actor: User) -> None:
    """One more attempt now for a failed delivery; if it fails again the delivery stays failed (no new back-off)."""
    hook = delivery.webhook
    if delivery.state != WebhookDelivery.State.FAILED:
        raise WebhookRefused(gettext("Hanya pengiriman yang gagal yang dapat dicoba lagi."))
    if not hook.active:
        raise WebhookRefused(gettext("Webhook ini nonaktif; aktifkan dahulu sebelum mencoba lagi."))
    with transaction.atomic():
        delivery.state, delivery.next_try = WebhookDelivery.State.PENDING, None
        delivery.save(update_fields=["state", "next_try"])
        record(
            actor,
            "api.webhook_delivery_retried",
            obj=hook,
            region_code=_region_code(hook),
            data={"delivery": delivery.pk, "event": delivery.event},
        )
        _enqueue(delivery.pk)
