"""Hypothesis settings of the fuzz suite: quick by default, `HYPOTHESIS_PROFILE=long` for a long run.

Settings are applied per test (a decorator), not as a global profile, so the suite does not change how the
other property tests of the repository run when they share a session.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

from hypothesis import HealthCheck, settings

LONG = os.environ.get("HYPOTHESIS_PROFILE", "") == "long"

#: a single example may take this long (generous: the first call of a parser loads its models)
DEADLINE = timedelta(seconds=5 if LONG else 3)

fuzz: Callable[[Callable[..., Any]], Callable[..., Any]] = settings(
    max_examples=2000 if LONG else 40,
    deadline=DEADLINE,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
    derandomize=not LONG,  # the quick run is reproducible in CI; the long run explores
    print_blob=True,
)


@contextmanager
def within(seconds: float) -> Iterator[None]:
    """Fail when the block takes longer than `seconds` of wall-clock time (pathological inputs)."""
    started = time.monotonic()
    yield
    took = time.monotonic() - started
    assert took < seconds, f"took {took:.2f} s, bound is {seconds} s"


def says_why(refusal: Exception, starts: str = "") -> None:
    """A documented refusal carries a message for the person who uploaded (and starts as expected)."""
    assert str(refusal).strip(), f"{type(refusal).__name__} without a message"
    assert str(refusal).startswith(starts), refusal
