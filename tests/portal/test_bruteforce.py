"""Guessing a receipt code is infeasible.

(a) Each client may try only NETRAL_PORTAL_LOOKUP_RATE codes (default 10 per hour) before getting 429.
(b) Arithmetic: there are 10^16 codes; each guess costs one Argon2id hash of the configured cost (measured here
    with the real settings, ≥ 50 ms on this machine). Trying every code offline (database *and* secret key stolen)
    takes 10^16 × 0.05 s = 5 × 10^14 CPU-seconds ≈ 15.8 million CPU-years. Online, at 10 guesses an hour per
    client, a botnet of 10,000 addresses against 100,000 live receipts hits *any* receipt with probability
    10^4 × 10 × 10^5 / 10^16 = 10^-6 per hour, under 1 % per year of continuous guessing (and a hit shows only
    the status and the supervisor's questions, never the reporter's identity). With N live receipts the chance
    per guess is N / 10^16.
(c) A wrong code never tells whether a case exists: the same page, and one hash is computed on every path
    (found, not found, malformed), so timing is the same within noise.
"""

from __future__ import annotations

import statistics
import time
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.test import Client, override_settings
from tests.portal.conftest import receipt_code, submit

from netral.portal import receipt
from netral.portal.services import find_receipt

pytestmark = pytest.mark.django_db

SECONDS_PER_YEAR = 365.25 * 24 * 3600


def test_exhausting_the_code_space_takes_millions_of_cpu_years() -> None:
    # measured with the deployment's own parameters (the test settings fixture lowers them; read the module)
    import netral.settings as deployed

    with override_settings(
        NETRAL_RECEIPT_TIME_COST=deployed.NETRAL_RECEIPT_TIME_COST,
        NETRAL_RECEIPT_MEMORY_KIB=deployed.NETRAL_RECEIPT_MEMORY_KIB,
    ):
        assert django_settings.NETRAL_RECEIPT_MEMORY_KIB >= 64 * 1024
        receipt.hash_code("0" * 16)  # warm up
        times = []
        for i in range(3):
            start = time.perf_counter()
            receipt.hash_code(f"{i:016d}")
            times.append(time.perf_counter() - start)
    per_hash = min(times)
    assert per_hash >= 0.05, f"one receipt hash takes {per_hash * 1000:.0f} ms; keep it ≥ 50 ms"
    cpu_years = 10**receipt.DIGITS * per_hash / SECONDS_PER_YEAR
    assert cpu_years > 1e7


def test_the_online_guess_rate_makes_a_hit_negligible() -> None:
    import netral.settings as deployed

    count, period = deployed.NETRAL_PORTAL_LOOKUP_RATE.split("/")
    per_hour = int(count) * (1 if period.endswith("h") else 60 if period.endswith("m") else 1)
    assert per_hour <= 60
    clients = 10_000  # a botnet, each address under the per-client limit
    live_receipts = 100_000
    chance_per_year = clients * per_hour * 24 * 365 * live_receipts / 10**receipt.DIGITS
    assert chance_per_year < 0.01


def test_the_client_is_cut_off_after_the_allowed_number_of_guesses(settings: Any) -> None:
    settings.NETRAL_PORTAL_LOOKUP_RATE = "10/h"
    guesser = Client()
    statuses = [guesser.post("/lapor/tindak-lanjut/", {"code": f"{i:016d}"}).status_code for i in range(12)]
    assert statuses.count(200) == 10 and statuses[-2:] == [429, 429]


def test_found_and_not_found_take_the_same_time(client: Client) -> None:
    code = receipt_code(submit(client))
    assert find_receipt(code) is not None

    def timed(text: str) -> float:
        start = time.perf_counter()
        find_receipt(text)
        return time.perf_counter() - start

    found = statistics.median(timed(code) for _ in range(5))
    missing = statistics.median(timed(f"{i:016d}") for i in range(5))
    malformed = statistics.median(timed("abc") for _ in range(5))
    # all three paths compute exactly one hash; differences are a few database round trips
    assert abs(found - missing) < 0.5 * max(found, missing) + 0.01
    assert abs(malformed - missing) < 0.5 * max(malformed, missing) + 0.01


def test_codes_are_sixteen_uniform_digits_and_hashing_is_deterministic() -> None:
    codes = {receipt.new_code() for _ in range(200)}
    assert len(codes) == 200 and all(len(c) == 16 and c.isdigit() for c in codes)
    assert receipt.hash_code("1234567890123456") == receipt.hash_code("1234567890123456")
    assert receipt.hash_code("1234567890123456") != receipt.hash_code("1234567890123457")
    assert receipt.hash_code("1234567890123456").startswith("argon2id$")
    assert receipt.normalise("1234 5678-9012 3456") == "1234567890123456"
    assert receipt.normalise("١٢٣٤٥٦٧٨٩٠١٢٣٤٥٦") is None  # non-ASCII digits are not a code
