"""Webhooks: a case transition is POSTed signed (HMAC-SHA256) to a listening webhook in the jurisdiction; failed
attempts are logged and retried with back-off until they fail for good; private hosts are refused by default."""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.utils import timezone
from tests.api.conftest import BARITO_KUALA
from tests.api.receiver import Receiver, receiving
from tests.cases.conftest import MakeCase

from netral.accounts.models import User
from netral.api.models import WebhookDelivery
from netral.api.webhooks import BACKOFF, MAX_ATTEMPTS, WebhookRefused, create_webhook, deliver, publish
from netral.cases.models import Track
from netral.cases.services import do_transition, suggest_registration_number
from netral.geo.models import Region

Capture = Callable[..., Any]


@pytest.fixture
def receiver(settings: Any) -> Iterator[Receiver]:
    settings.NETRAL_MONITOR_ALLOW_PRIVATE_HOSTS = True  # the receiver listens on 127.0.0.1
    with receiving() as r:
        yield r


def _register(case: Any, actor: User) -> None:
    track = Track.objects.get(case=case, kind="bawaslu")
    do_transition(track, "registrasi", actor, {"registration": suggest_registration_number(case)})


def test_a_transition_is_delivered_signed_to_a_webhook_of_the_jurisdiction(
    banjar: User, batola: User, make_case: MakeCase, receiver: Receiver, django_capture_on_commit_callbacks: Capture
) -> None:
    mine = create_webhook(banjar, name="mitra", url=receiver.url("/hook"), events=["case.transition"])
    create_webhook(batola, name="lain", url=receiver.url("/other"), events=["case.transition"])
    case = make_case()
    with django_capture_on_commit_callbacks(execute=True):
        _register(case, banjar)
    delivery = WebhookDelivery.objects.get()
    assert delivery.webhook == mine and delivery.payload["case_id"] == case.pk
    deliver(delivery.pk)
    [request] = receiver.received
    assert request.path == "/hook"
    expected = "sha256=" + hmac.new(mine.secret.encode(), request.body, hashlib.sha256).hexdigest()
    assert request.headers["X-Netral-Signature"] == expected
    assert request.headers["X-Netral-Event"] == "case.transition" and request.headers["X-Netral-Timestamp"].isdigit()
    body = json.loads(request.body)
    assert body["data"]["transition"] == "registrasi" and "Pelapor" not in request.body.decode()
    delivery.refresh_from_db()
    assert (delivery.state, delivery.status_code, delivery.attempts) == ("terkirim", 204, 1)


def test_failed_attempts_are_logged_and_retried_with_back_off_then_failed(banjar: User, receiver: Receiver) -> None:
    create_webhook(banjar, name="mitra", url=receiver.url("/hook"), events=["alert.created"])
    [pk] = publish("alert.created", {"alert_id": 1}, "63.03.01")
    receiver.statuses = [500] * MAX_ATTEMPTS
    start = timezone.now()
    for attempt in range(1, MAX_ATTEMPTS + 1):
        delivery = deliver(pk, now=start)
        assert delivery is not None and delivery.attempts == attempt and delivery.status_code == 500
        if attempt < MAX_ATTEMPTS:
            assert delivery.state == "menunggu" and delivery.next_try == start + BACKOFF[attempt - 1]
    assert delivery.state == "gagal" and delivery.next_try is None
    assert len(receiver.received) == MAX_ATTEMPTS
    assert deliver(pk) is None  # a finished delivery is not sent again


def test_a_retry_that_succeeds_ends_the_delivery(banjar: User, receiver: Receiver) -> None:
    create_webhook(banjar, name="mitra", url=receiver.url("/hook"), events=["alert.created"])
    [pk] = publish("alert.created", {"alert_id": 2}, "63.03")
    receiver.statuses = [503]
    assert deliver(pk).state == "menunggu"  # type: ignore[union-attr]
    assert deliver(pk).state == "terkirim"  # type: ignore[union-attr]


def test_alerts_outside_the_webhook_region_or_without_region_are_not_sent(banjar: User) -> None:
    create_webhook(banjar, name="mitra", url="https://contoh.invalid/hook", events=["alert.created"])
    assert publish("alert.created", {}, BARITO_KUALA) == []
    assert publish("alert.created", {}, "") == []
    assert publish("case.transition", {}, "63.03") == []


def test_private_hosts_are_refused_unless_allowed(banjar: User, settings: Any) -> None:
    settings.NETRAL_MONITOR_ALLOW_PRIVATE_HOSTS = False
    with receiving() as receiver:
        create_webhook(banjar, name="mitra", url=receiver.url("/hook"), events=["alert.created"])
        [pk] = publish("alert.created", {}, "63.03")
        delivery = deliver(pk)
        assert delivery is not None and delivery.status_code is None and "publik" in delivery.response_excerpt
        assert receiver.received == []


def test_a_webhook_outside_the_owners_jurisdiction_is_refused(banjar: User) -> None:
    with pytest.raises(WebhookRefused):
        create_webhook(
            banjar,
            name="x",
            url="https://contoh.invalid/",
            events=["alert.created"],
            region=Region.objects.get(code=BARITO_KUALA),
        )
    with pytest.raises(WebhookRefused):
        create_webhook(banjar, name="x", url="ftp://contoh.invalid/", events=["alert.created"])
