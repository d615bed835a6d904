"""Fixtures of the monitor's triage tests, loaded with `pytest_plugins = ["tests.monitor.triage_fixtures"]`."""

from __future__ import annotations

import pytest
from tests.monitor.triage_texts import BANJAR, TANAH_LAUT, Ingest, make_user

from netral.accounts.models import User
from netral.monitor.services.ingest import IngestReport, ingest
from netral.monitor.sources.base import RawItem


@pytest.fixture
def banjar(db: None) -> User:
    return make_user("bawaslu-banjar", "bawaslu_kabkota", BANJAR)


@pytest.fixture
def tanah_laut(db: None) -> User:
    return make_user("bawaslu-tala", "bawaslu_kabkota", TANAH_LAUT)


@pytest.fixture
def ri(db: None) -> User:
    return make_user("bawaslu-ri", "bawaslu_ri", None)


@pytest.fixture
def bkn(db: None) -> User:
    return make_user("bkn", "bkn_reviewer", None)


@pytest.fixture
def ingest_articles(db: None) -> Ingest:
    def run(*items: RawItem) -> IngestReport:
        return ingest(list(items))

    return run
