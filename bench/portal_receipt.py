"""Milliseconds per receipt-code hash (`netral.portal.receipt.hash_code`) with the configured Argon2id cost.

The slowness is the security property: every guess of a 16-digit code costs one such hash, so exhausting the
10^16 codes costs 10^16 × (ms per hash) of CPU time. Keep it at about 50 ms or more (NETRAL_RECEIPT_TIME_COST,
NETRAL_RECEIPT_MEMORY_KIB).

    .venv/bin/python bench/portal_receipt.py            # 20 hashes with the deployment's settings
    .venv/bin/python bench/portal_receipt.py --n 50
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

SECONDS_PER_YEAR = 365.25 * 24 * 3600


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=20)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "netral.settings")
    import django

    django.setup()
    from netral.portal import receipt

    time_cost, memory, parallelism = receipt.parameters()
    receipt.hash_code("0" * receipt.DIGITS)  # warm-up
    times = []
    for i in range(args.n):
        start = time.perf_counter()
        receipt.hash_code(f"{i:016d}")
        times.append((time.perf_counter() - start) * 1000)
    median = statistics.median(times)
    years = 10**receipt.DIGITS * median / 1000 / SECONDS_PER_YEAR
    print(f"Argon2id t={time_cost} m={memory} KiB p={parallelism}")
    print(f"{median:.1f} ms per hash (median of {args.n}; min {min(times):.1f}, max {max(times):.1f})")
    print(f"exhausting 10^{receipt.DIGITS} codes: {years:.2e} CPU-years")


if __name__ == "__main__":
    main()
