"""Fixtures for the monitor tests: a real local HTTP server and a fetcher allowed to reach it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from tests.monitor.local_site import LocalSite, running

from netral.monitor.fetching import Fetcher


@pytest.fixture
def local_site() -> Iterator[LocalSite]:
    """A started `LocalSite` on 127.0.0.1 (see tests/monitor/local_site.py)."""
    yield from running()


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    """A fetcher for tests: private hosts allowed (the site is on 127.0.0.1), short timeouts, no host delay."""
    client = Fetcher(
        "NetralBot/test",
        timeout=2.0,
        connect_timeout=1.0,
        retries=2,
        backoff=0.01,
        host_delay=0.0,
        allow_private_hosts=True,
    )
    yield client
    client.close()
