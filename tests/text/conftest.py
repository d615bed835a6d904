"""Fixtures for the text tests: run a prefix of the default pipeline on a synthetic text."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from netral.text.model import Doc
from netral.text.pipeline import get_pipeline

RunUntil = Callable[[str, str], Doc]


def _run_until(text: str, last: str) -> Doc:
    doc = Doc(raw=text)
    for component in get_pipeline().components:
        doc = component(doc)
        if component.name == last:
            break
    return doc


@pytest.fixture
def run_until() -> RunUntil:
    """Run the default pipeline's components up to and including `last` (a registered name)."""
    return _run_until
