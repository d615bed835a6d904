"""The database-backed rate limiter: per scope, per client, windows, 429 page, privacy, proxies, concurrency."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from django.db import connection
from django.db.utils import ConnectionHandler
from django.http import HttpRequest, HttpResponse
from django.test import Client, RequestFactory

from netral.core import ratelimit as rl
from netral.core.models import RateLimitCounter
from netral.core.ratelimit import RateLimited, enforce, hit, parse_rate, prune, ratelimit
from netral.core.security import SecurityHeadersMiddleware

pytestmark = pytest.mark.django_db


class Clock:
    def __init__(self, start: float) -> None:
        self.value = start

    def __call__(self) -> float:
        return self.value


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    fake = Clock(1_800_000_000.0 - 1_800_000_000.0 % 86400)  # the start of a day, so of every window
    monkeypatch.setattr(rl, "now", fake)
    monkeypatch.setattr(rl, "PRUNE_PROBABILITY", 0.0)
    return fake


def request_from(address: str, forwarded: str = "", method: str = "POST", **post: str) -> HttpRequest:
    factory = RequestFactory()
    extra = {"REMOTE_ADDR": address}
    if forwarded:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    if method == "POST":
        return factory.post("/x", post, **extra)
    return factory.get("/x", **extra)


def ok_view(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok")


def test_it_parses_rates() -> None:
    assert parse_rate("10/m") == rl.Rate(10, 60)
    assert parse_rate("30/h") == rl.Rate(30, 3600)
    assert parse_rate("200/d") == rl.Rate(200, 86400)
    assert parse_rate("100/15m") == rl.Rate(100, 900)
    for bad in ("10", "0/m", "10/w", "m/10", "", "1/0m"):
        with pytest.raises(ValueError, match="invalid rate"):
            parse_rate(bad)


def test_it_allows_up_to_the_limit_then_refuses(clock: Clock) -> None:
    request = request_from("203.0.113.5")
    assert [hit(request, "t.scope", "3/m") for _ in range(5)] == [True, True, True, False, False]


def test_limits_are_per_scope_and_per_client(clock: Clock) -> None:
    a, b = request_from("203.0.113.5"), request_from("203.0.113.6")
    assert [hit(a, "t.one", "2/m") for _ in range(3)] == [True, True, False]
    assert hit(a, "t.two", "2/m")  # another scope starts from zero
    assert hit(b, "t.one", "2/m")  # another client too


def test_a_new_window_starts_from_zero(clock: Clock) -> None:
    request = request_from("203.0.113.5")
    assert [hit(request, "t.w", "2/m") for _ in range(3)] == [True, True, False]
    clock.value += 59
    assert not hit(request, "t.w", "2/m")
    clock.value += 1  # the next minute
    assert hit(request, "t.w", "2/m")


def test_enforce_raises_with_the_seconds_left_in_the_window(clock: Clock) -> None:
    request = request_from("203.0.113.5")
    enforce(request, "t.e", "1/h")
    clock.value += 600
    with pytest.raises(RateLimited) as caught:
        enforce(request, "t.e", "1/h")
    assert caught.value.retry_after == 3000 and caught.value.scope == "t.e"


def test_the_decorator_answers_429_with_retry_after_and_an_indonesian_page(clock: Clock) -> None:
    view = ratelimit("t.view", "2/m")(ok_view)
    request = request_from("203.0.113.5")
    assert view(request).status_code == 200
    assert view(request).status_code == 200
    clock.value += 30
    response = view(request)
    assert response.status_code == 429
    assert response["Retry-After"] == "30"
    assert "Terlalu banyak permintaan. Coba lagi dalam 1 menit." in response.content.decode()


def test_the_decorator_counts_only_the_given_methods(clock: Clock) -> None:
    view = ratelimit("t.methods", "1/m")(ok_view)
    for _ in range(3):
        assert view(request_from("203.0.113.5", method="GET")).status_code == 200
    assert view(request_from("203.0.113.5")).status_code == 200
    assert view(request_from("203.0.113.5")).status_code == 429


def test_a_custom_key_limits_per_key_and_an_empty_key_is_not_limited(clock: Clock) -> None:
    view = ratelimit("t.user", "1/m", key=lambda r: r.POST.get("username", ""))(ok_view)
    assert view(request_from("203.0.113.5", username="ani")).status_code == 200
    assert view(request_from("198.51.100.9", username="ani")).status_code == 429  # another address, same user
    assert view(request_from("203.0.113.5", username="budi")).status_code == 200
    assert all(view(request_from("203.0.113.5")).status_code == 200 for _ in range(3))


def test_the_raw_address_and_key_are_never_stored(clock: Clock) -> None:
    hit(request_from("203.0.113.77"), "t.privacy", "5/m")
    hit(request_from("203.0.113.77"), "t.privacy", "5/m", key="siti.rahma")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {RateLimitCounter._meta.db_table}")  # noqa: S608
        rows = cursor.fetchall()
    dump = repr(rows)
    assert len(rows) == 2
    assert "203.0.113" not in dump and "siti" not in dump and "t.privacy" not in dump
    assert all(len(row.scope_key) == 32 for row in RateLimitCounter.objects.all())


def test_the_forwarded_header_is_ignored_unless_the_proxy_is_trusted(clock: Clock, settings: Any) -> None:
    settings.NETRAL_TRUSTED_PROXIES = []
    spoofed = request_from("203.0.113.5", forwarded="198.51.100.1")
    assert rl.client_address(spoofed) == "203.0.113.5"
    settings.NETRAL_TRUSTED_PROXIES = ["10.0.0.0/8"]
    assert rl.client_address(spoofed) == "203.0.113.5"  # REMOTE_ADDR is not our proxy
    behind = request_from("10.0.0.2", forwarded="1.2.3.4, 198.51.100.1")
    assert rl.client_address(behind) == "198.51.100.1"  # right-most untrusted; 1.2.3.4 is what the client wrote
    assert rl.client_address(request_from("10.0.0.2", forwarded="1.2.3.4, 10.0.0.9")) == "1.2.3.4"
    assert rl.client_address(request_from("10.0.0.2")) == "10.0.0.2"


def test_clients_behind_a_trusted_proxy_are_limited_separately(clock: Clock, settings: Any) -> None:
    settings.NETRAL_TRUSTED_PROXIES = ["10.0.0.1"]
    assert hit(request_from("10.0.0.1", forwarded="198.51.100.1"), "t.proxy", "1/m")
    assert not hit(request_from("10.0.0.1", forwarded="198.51.100.1"), "t.proxy", "1/m")
    assert hit(request_from("10.0.0.1", forwarded="198.51.100.2"), "t.proxy", "1/m")


def test_it_can_be_switched_off(clock: Clock, settings: Any) -> None:
    settings.NETRAL_RATELIMIT_ENABLED = False
    request = request_from("203.0.113.5")
    assert all(hit(request, "t.off", "1/m") for _ in range(3))
    assert not RateLimitCounter.objects.exists()


def test_prune_deletes_only_ended_windows(clock: Clock) -> None:
    request = request_from("203.0.113.5")
    hit(request, "t.p1", "1/m")
    hit(request, "t.p2", "1/h")
    clock.value += 60
    assert prune() == 1
    assert RateLimitCounter.objects.count() == 1


def test_the_middleware_answers_a_raised_rate_limited_with_the_429_page() -> None:
    def raising(request: HttpRequest) -> HttpResponse:
        raise RateLimited(retry_after=125, scope="t.raise")

    request = RequestFactory().get("/")
    middleware = SecurityHeadersMiddleware(raising)
    with pytest.raises(RateLimited) as caught:
        raising(request)
    response = middleware.process_exception(request, caught.value)
    assert response is not None and response.status_code == 429
    assert response["Retry-After"] == "125"
    assert "Coba lagi dalam 3 menit" in response.content.decode()


def test_staff_login_is_limited_per_client(client: Client, clock: Clock) -> None:
    for n in range(10):
        response = client.post("/masuk/", {"username": f"orang{n}", "password": "salah"})
        assert response.status_code == 200
    response = client.post("/masuk/", {"username": "lain", "password": "salah"})
    assert response.status_code == 429
    assert "Terlalu banyak permintaan" in response.content.decode()
    assert client.get("/masuk/").status_code == 200  # reading the form is not limited


def test_staff_login_is_limited_per_username_across_addresses(client: Client, clock: Clock) -> None:
    codes = [
        client.post("/masuk/", {"username": "Admin", "password": "salah"}, REMOTE_ADDR=f"198.51.100.{n}").status_code
        for n in range(6)
    ]
    assert codes == [200] * 5 + [429]


def test_the_admin_login_form_shares_the_staff_login_limits(client: Client, clock: Clock) -> None:
    codes = [
        client.post(
            "/admin/login/", {"username": "Admin", "password": "salah"}, REMOTE_ADDR=f"198.51.100.{n}"
        ).status_code
        for n in range(6)
    ]
    assert codes == [200] * 5 + [429]


@pytest.fixture
def shared_database(tmp_path: Any, settings: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """The database the threads share: the test database on PostgreSQL; on SQLite a WAL file database with the
    project's settings (the in-memory test database uses shared-cache table locks that production never sees)."""
    if connection.vendor != "sqlite" or not connection.is_in_memory_db():
        yield connection
        RateLimitCounter.objects.all().delete()
        return
    handler = ConnectionHandler({"default": {**settings.DATABASES["default"], "NAME": str(tmp_path / "rl.sqlite3")}})
    with handler["default"].schema_editor() as editor:
        editor.create_model(RateLimitCounter)

    class PerThread:
        def __getattr__(self, name: str) -> Any:
            return getattr(handler["default"], name)

    monkeypatch.setattr(rl, "connection", PerThread())
    yield handler["default"]
    handler.close_all()


@pytest.mark.django_db(transaction=True)
def test_concurrent_hits_from_threads_lose_no_count(clock: Clock, shared_database: Any) -> None:
    threads, per_thread = 8, 25
    errors: list[BaseException] = []

    def work() -> None:
        try:
            for _ in range(per_thread):
                hit(request_from("203.0.113.5"), "t.threads", "1000/h")
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            rl.connection.close()

    pool = [threading.Thread(target=work) for _ in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    assert not errors
    with shared_database.cursor() as cursor:
        cursor.execute(f"SELECT count FROM {RateLimitCounter._meta.db_table}")  # noqa: S608
        assert cursor.fetchall() == [(threads * per_thread,)]
