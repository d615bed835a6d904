"""The webhook pages: who may manage webhooks, creating one (https, no private host, the secret shown once), the
delivery log in the region's zone with a ping and a retry, and disabling, rotating and deleting, each audited.

Standing people: Bawaslu Banjar (owner), Bawaslu Barito Kuala (outsider of the same role), an analyst and a BKN
reviewer (no event they may receive), an administrator (sees and stops everyone's webhooks, never a secret).
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.test import Client
from tests.api.receiver import Receiver, receiving
from tests.cases.conftest import BARITO_KUALA
from tests.people import staff_user

from netral.accounts.models import User
from netral.api.models import Webhook, WebhookDelivery
from netral.api.webhooks import MAX_ATTEMPTS, WebhookRefused, create_webhook, deliver, publish
from netral.audit.models import AuditEntry

Capture = Callable[..., Any]


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)  # a finished staff login, two-factor step included (tests/conftest.py)
    return client


@pytest.fixture
def receiver(settings: Any) -> Iterator[Receiver]:
    settings.NETRAL_MONITOR_ALLOW_PRIVATE_HOSTS = True  # the receiver listens on 127.0.0.1
    with receiving() as r:
        yield r


@pytest.fixture
def reviewer(db: None) -> User:
    """A BKN reviewer: staff who may receive no webhook event (no cases.view, no monitor.view)."""
    return staff_user("penelaah-bkn", "bkn_reviewer", None)


@pytest.fixture
def administrator(db: None) -> User:
    return staff_user("admin-sistem", "administrator", None)


@pytest.fixture
def public_only(settings: Any) -> None:
    """Production rules: https only, public hosts only."""
    settings.DEBUG = False
    settings.NETRAL_MONITOR_ALLOW_PRIVATE_HOSTS = False


def _hook(owner: User, url: str = "https://mitra.invalid/netral", **kw: Any) -> Webhook:
    return create_webhook(owner, name=kw.pop("name", "Dasbor mitra"), url=url, events=["alert.created"], **kw)


def _actions(entries: Any) -> list[str]:
    return list(entries.values_list("action", flat=True))


# --- who may open the pages -------------------------------------------------------------------------------------


def test_the_webhook_pages_need_a_login(db: None) -> None:
    response = Client().get("/api/webhook/")
    assert response.status_code == 302 and "/masuk/" in response["Location"]


def test_staff_who_may_receive_no_event_get_404(analyst: User, reviewer: User) -> None:
    for user in (analyst, reviewer):
        client = _client(user)
        assert client.get("/api/webhook/").status_code == 404
        assert client.get("/api/webhook/baru/").status_code == 404
        assert "/api/webhook/" not in client.get("/api/token/").content.decode()  # no link to a 404


def test_the_sites_api_link_leads_to_pages_that_link_the_webhooks(banjar: User) -> None:
    client = _client(banjar)
    assert 'href="/api/token/"' in client.get("/").content.decode()  # "API" in the site's nav
    page = client.get("/api/token/").content.decode()
    assert page.count('href="/api/webhook/"') == 2  # the API pages' own nav and the token page's text


def test_an_empty_list_says_what_webhooks_are_for(banjar: User) -> None:
    page = _client(banjar).get("/api/webhook/").content.decode()
    assert "Belum ada webhook." in page and 'href="/api/webhook/baru/"' in page


def test_the_list_shows_only_ones_own_webhooks_with_status_and_last_delivery(
    banjar: User, batola: User, receiver: Receiver
) -> None:
    mine = _hook(banjar, receiver.url("/hook"))
    _hook(batola, name="Milik Batola")
    [pk] = publish("alert.created", {"alert_id": 1}, "63.03.01")
    deliver(pk)
    page = _client(banjar).get("/api/webhook/").content.decode()
    assert mine.name in page and "Milik Batola" not in page
    assert "aktif" in page and "terkirim" in page and "HTTP 204" in page and "WITA" in page


def test_an_administrator_sees_everyones_webhooks_and_may_disable_them_but_not_create_or_rotate(
    banjar: User, batola: User, administrator: User
) -> None:
    hook = _hook(banjar)
    _hook(batola, name="Milik Batola")
    client = _client(administrator)
    page = client.get("/api/webhook/").content.decode()
    assert hook.name in page and "Milik Batola" in page and "bawaslu-banjar" in page
    assert 'href="/api/webhook/baru/"' not in page
    assert client.get("/api/webhook/baru/").status_code == 404
    detail = client.get(f"/api/webhook/{hook.pk}/").content.decode()
    assert hook.secret not in detail and "kunci-baru" not in detail
    assert client.post(f"/api/webhook/{hook.pk}/kunci-baru/").status_code == 404
    assert client.post(f"/api/webhook/{hook.pk}/status/").status_code == 302
    hook.refresh_from_db()
    assert not hook.active
    entry = AuditEntry.objects.get(action="api.webhook_disabled")
    assert entry.actor_id == administrator.pk


def test_an_outsider_of_the_same_role_gets_404_for_every_page_of_anothers_webhook(
    banjar: User, batola: User, receiver: Receiver
) -> None:
    hook = _hook(banjar, receiver.url("/hook"))
    [pk] = publish("alert.created", {}, "63.03")
    client = _client(batola)
    assert client.get(f"/api/webhook/{hook.pk}/").status_code == 404
    for action in ("status", "kunci-baru", "hapus", "uji", f"pengiriman/{pk}/ulang"):
        assert client.post(f"/api/webhook/{hook.pk}/{action}/").status_code == 404, action
    hook.refresh_from_db()
    assert hook.active and Webhook.objects.filter(pk=hook.pk).exists()


# --- creating one -----------------------------------------------------------------------------------------------


def test_creating_a_webhook_shows_its_secret_once_with_how_to_verify_it(banjar: User, receiver: Receiver) -> None:
    client = _client(banjar)
    form = client.get("/api/webhook/baru/").content.decode()
    assert "case.transition" in form and "alert.created" in form and "csrfmiddlewaretoken" in form
    response = client.post(
        "/api/webhook/baru/",
        {"name": "Sistem kepegawaian", "url": receiver.url("/netral"), "events": ["case.transition", "alert.created"]},
    )
    hook = Webhook.objects.get(owner=banjar)
    assert response.status_code == 302 and response["Location"] == f"/api/webhook/{hook.pk}/kunci/"
    assert hook.secret not in str(dict(client.session))  # the session names the webhook, never holds its secret
    assert client.head(response["Location"]).status_code == 200  # a HEAD does not use up the one showing
    shown = client.get(response["Location"])
    assert shown.status_code == 200 and shown["Cache-Control"] == "no-store"
    page = shown.content.decode()
    assert hook.secret in page and "X-Netral-Signature" in page and "HMAC-SHA256" in page and "docs/api.md" in page
    assert hook.region_id == "63.03" and hook.events == ["alert.created", "case.transition"]
    assert _actions(AuditEntry.objects.filter(action__startswith="api.webhook")) == ["api.webhook_created"]
    again = client.get(response["Location"], follow=True).content.decode()  # a reload: shown once only
    assert hook.secret not in again and "hanya ditampilkan sekali" in again
    assert hook.secret not in client.get("/api/webhook/").content.decode()


def test_an_address_must_be_https_when_loopback_is_not_allowed(banjar: User, public_only: None) -> None:
    response = _client(banjar).post(
        "/api/webhook/baru/", {"name": "x", "url": "http://mitra.invalid/hook", "events": ["alert.created"]}
    )
    assert "Alamat webhook harus diawali https://." in response.content.decode()
    assert not Webhook.objects.exists()


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("https://127.0.0.1:8000/hook", "mengarah ke jaringan internal"),
        ("https://10.1.2.3/hook", "mengarah ke jaringan internal"),
        ("https://[::1]/hook", "mengarah ke jaringan internal"),
        ("https://nama-yang-tidak-ada.invalid/hook", "tidak dapat ditemukan"),
        ("https://pengguna:rahasia@mitra.invalid/hook", "nama pengguna atau kata sandi"),
        ("mitra", "Masukkan alamat URL yang lengkap"),
    ],
)
def test_private_unknown_or_credentialed_addresses_are_refused_in_indonesian(
    banjar: User, public_only: None, url: str, message: str
) -> None:
    response = _client(banjar).post("/api/webhook/baru/", {"name": "x", "url": url, "events": ["alert.created"]})
    assert response.status_code == 200 and message in response.content.decode()
    assert not Webhook.objects.exists()


def test_a_region_outside_the_users_and_no_event_are_refused(banjar: User) -> None:
    response = _client(banjar).post(
        "/api/webhook/baru/", {"name": "x", "url": "https://mitra.invalid/", "region": BARITO_KUALA}
    )
    page = response.content.decode()
    assert "Wilayah webhook harus berada di dalam wilayah kerja Anda." in page
    assert "Pilih paling sedikit satu peristiwa." in page
    assert not Webhook.objects.exists()


def test_the_service_refuses_events_the_owner_may_not_see(analyst: User, reviewer: User) -> None:
    for user in (analyst, reviewer):
        with pytest.raises(WebhookRefused):
            _hook(user)


# --- the delivery log, ping and retry ---------------------------------------------------------------------------


def test_a_ping_is_delivered_signed_and_logged_in_the_regions_zone(
    banjar: User, receiver: Receiver, django_capture_on_commit_callbacks: Capture
) -> None:
    hook = _hook(banjar, receiver.url("/hook"))
    client = _client(banjar)
    assert "Belum ada pengiriman." in client.get(f"/api/webhook/{hook.pk}/").content.decode()
    with django_capture_on_commit_callbacks(execute=True) as queued:
        response = client.post(f"/api/webhook/{hook.pk}/uji/")
    assert response.status_code == 302 and len(queued) == 1  # the delivery task is enqueued after commit
    delivery = WebhookDelivery.objects.get(webhook=hook)
    assert delivery.event == "ping" and delivery.state == "menunggu"
    deliver(delivery.pk)  # what the worker does with the queued task
    [request] = receiver.received
    expected = "sha256=" + hmac.new(hook.secret.encode(), request.body, hashlib.sha256).hexdigest()
    assert request.headers["X-Netral-Signature"] == expected and request.headers["X-Netral-Event"] == "ping"
    assert json.loads(request.body)["data"]["webhook_id"] == hook.pk
    page = client.get(f"/api/webhook/{hook.pk}/").content.decode()
    assert "Uji kiriman (ping)" in page and "Waktu (WITA)" in page and "204" in page and "terkirim" in page
    assert AuditEntry.objects.filter(action="api.webhook_pinged").count() == 1


def test_a_failed_delivery_can_be_retried_now_once_more(
    banjar: User, receiver: Receiver, django_capture_on_commit_callbacks: Capture
) -> None:
    hook = _hook(banjar, receiver.url("/hook"))
    [pk] = publish("alert.created", {"alert_id": 7}, "63.03")
    receiver.statuses = [500] * MAX_ATTEMPTS
    for _attempt in range(MAX_ATTEMPTS):
        deliver(pk)
    client = _client(banjar)
    page = client.get(f"/api/webhook/{hook.pk}/").content.decode()
    assert "gagal" in page and f"/api/webhook/{hook.pk}/pengiriman/{pk}/ulang/" in page
    with django_capture_on_commit_callbacks(execute=True) as queued:
        assert client.post(f"/api/webhook/{hook.pk}/pengiriman/{pk}/ulang/").status_code == 302
    assert len(queued) == 1
    delivered = deliver(pk)
    assert delivered is not None and delivered.state == "terkirim" and delivered.attempts == MAX_ATTEMPTS + 1
    assert AuditEntry.objects.filter(action="api.webhook_delivery_retried").count() == 1
    response = client.post(f"/api/webhook/{hook.pk}/pengiriman/{pk}/ulang/", follow=True)
    assert "Hanya pengiriman yang gagal yang dapat dicoba lagi." in response.content.decode()
    assert AuditEntry.objects.filter(action="api.webhook_delivery_retried").count() == 1


def test_the_delivery_log_is_paginated(banjar: User) -> None:
    hook = _hook(banjar)
    WebhookDelivery.objects.bulk_create(
        WebhookDelivery(webhook=hook, event="alert.created", payload={"alert_id": i}) for i in range(30)
    )
    client = _client(banjar)
    first = client.get(f"/api/webhook/{hook.pk}/").content.decode()
    assert "Halaman 1 dari 2" in first and "?page=2" in first
    second = client.get(f"/api/webhook/{hook.pk}/?page=2").content.decode()
    assert second.count("badge delivery-menunggu") == 5  # one badge per row of the log


# --- disabling, rotating, deleting ------------------------------------------------------------------------------


def test_a_disabled_webhook_is_sent_nothing_until_enabled_again(banjar: User) -> None:
    hook = _hook(banjar)
    client = _client(banjar)
    client.post(f"/api/webhook/{hook.pk}/status/")
    assert publish("alert.created", {}, "63.03") == []
    response = client.post(f"/api/webhook/{hook.pk}/uji/", follow=True)
    assert "nonaktif" in response.content.decode() and not WebhookDelivery.objects.exists()
    client.post(f"/api/webhook/{hook.pk}/status/")
    assert len(publish("alert.created", {}, "63.03")) == 1
    actions = _actions(AuditEntry.objects.filter(action__in=["api.webhook_disabled", "api.webhook_enabled"]))
    assert sorted(actions) == ["api.webhook_disabled", "api.webhook_enabled"]


def test_rotating_the_secret_shows_the_new_one_once_and_signs_with_it(banjar: User, receiver: Receiver) -> None:
    hook = _hook(banjar, receiver.url("/hook"))
    old = hook.secret
    response = _client(banjar).post(f"/api/webhook/{hook.pk}/kunci-baru/", follow=True)
    hook.refresh_from_db()
    assert hook.secret != old and hook.secret in response.content.decode() and old not in response.content.decode()
    assert response["Cache-Control"] == "no-store" and "kunci lama tidak berlaku lagi" in response.content.decode()
    [pk] = publish("alert.created", {}, "63.03")
    deliver(pk)
    [request] = receiver.received
    assert (
        request.headers["X-Netral-Signature"]
        == "sha256=" + hmac.new(hook.secret.encode(), request.body, hashlib.sha256).hexdigest()
    )
    entry = AuditEntry.objects.get(action="api.webhook_secret_rotated")
    assert hook.secret not in json.dumps(entry.data) and old not in json.dumps(entry.data)


def test_deleting_a_webhook_removes_its_log_and_is_audited(banjar: User) -> None:
    hook = _hook(banjar)
    publish("alert.created", {}, "63.03")
    response = _client(banjar).post(f"/api/webhook/{hook.pk}/hapus/", follow=True)
    assert "dihapus" in response.content.decode() and "Belum ada webhook." in response.content.decode()
    assert not Webhook.objects.exists() and not WebhookDelivery.objects.exists()
    entry = AuditEntry.objects.get(action="api.webhook_deleted")
    assert entry.data["name"] == "Dasbor mitra" and entry.object_id == str(hook.pk)


def test_actions_answer_only_to_post(banjar: User) -> None:
    hook = _hook(banjar)
    client = _client(banjar)
    for action in ("status", "kunci-baru", "hapus", "uji"):
        assert client.get(f"/api/webhook/{hook.pk}/{action}/").status_code == 405
    assert Webhook.objects.get().active


def test_an_owner_who_loses_the_right_is_sent_nothing(banjar: User) -> None:
    _hook(banjar)
    banjar.is_active = False
    banjar.save(update_fields=["is_active"])
    assert publish("alert.created", {}, "63.03") == []
