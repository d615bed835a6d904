"""Signed webhooks: publish an event to matching webhooks, deliver with HMAC-SHA256, retry with back-off.

Body: `{"event": ..., "id": <delivery id>, "data": {...}}`. Headers: `X-Netral-Event`, `X-Netral-Timestamp` (Unix
seconds) and `X-Netral-Signature: sha256=<hex HMAC-SHA256 of the raw body with the webhook's secret>`. A 2xx answer
is a delivery; anything else (or no answer) is retried after 1, 5 and 30 minutes, then the delivery is failed.
Hosts resolving to private addresses are refused (the monitor fetcher's SSRF rule) unless
NETRAL_MONITOR_ALLOW_PRIVATE_HOSTS is set.
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

from netral.accounts.access import region_scope
from netral.accounts.models import User
from netral.api.models import Webhook, WebhookDelivery
from netral.audit.services import record
from netral.geo.models import Region
from netral.monitor.fetching.http import is_public_address

__all__ = ["BACKOFF", "EVENTS", "WebhookRefused", "create_webhook", "deliver", "publish", "sign"]

EVENTS = ("case.transition", "alert.created")
BACKOFF = (dt.timedelta(minutes=1), dt.timedelta(minutes=5), dt.timedelta(minutes=30))
MAX_ATTEMPTS = len(BACKOFF) + 1
TIMEOUT = urllib3.Timeout(connect=5.0, read=10.0)
EXCERPT = 500


class WebhookRefused(Exception):
    """A webhook could not be created (Indonesian message)."""


def sign(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


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


def publish(event: str, data: dict[str, Any], region_code: str) -> list[int]:
    """Log a delivery for every active webhook listening to `event` in `region_code`; enqueue after commit."""
    from netral.api.tasks import deliver_webhook_task

    ids: list[int] = []
    for hook in Webhook.objects.filter(active=True):
        if _listens(hook, event, region_code):
            delivery = WebhookDelivery.objects.create(webhook=hook, event=event, payload=data)
            ids.append(delivery.pk)
    for pk in ids:
        transaction.on_commit(lambda pk=pk: deliver_webhook_task.enqueue(pk))  # type: ignore[misc]
    return ids


def _allowed_host(url: str) -> bool:
    if getattr(settings, "NETRAL_MONITOR_ALLOW_PRIVATE_HOSTS", False):
        return True
    host = urlsplit(url).hostname or ""
    try:
        infos = socket.getaddrinfo(host, None)
    except OSError:
        return False
    return bool(infos) and all(is_public_address(str(info[4][0])) for info in infos)


def _post(delivery: WebhookDelivery, now: dt.datetime) -> tuple[int | None, str]:
    hook = delivery.webhook
    if not _allowed_host(hook.url):
        return None, "alamat tujuan bukan alamat publik"
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
