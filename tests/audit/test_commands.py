"""`netral audit verify` and `netral audit list`, through the command line entry point."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from django.db import transaction
from tests.audit.conftest import drop_append_only_triggers, raw_sql

from netral.audit.models import AuditEntry
from netral.audit.services import record
from netral.cli import main

pytestmark = pytest.mark.django_db

Recorded = Callable[[int], list[AuditEntry]]


def test_verify_on_an_empty_log_is_ok(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", "verify"]) == 0
    assert "OK: log audit kosong" in capsys.readouterr().out


def test_verify_reports_the_count_and_the_head_hash(recorded: Recorded, capsys: pytest.CaptureFixture[str]) -> None:
    entries = recorded(3)
    assert main(["audit", "verify"]) == 0
    out = capsys.readouterr().out
    assert "OK: 3 entri" in out
    assert f"(#3): {entries[-1].hash}" in out


def test_verify_names_an_entry_edited_behind_the_triggers_back(
    recorded: Recorded, capsys: pytest.CaptureFixture[str]
) -> None:
    recorded(4)
    drop_append_only_triggers()
    raw_sql("UPDATE audit_auditentry SET data = %s WHERE sequence = %s", [json.dumps({"status": "dihentikan"}), 3])
    assert main(["audit", "verify"]) == 1
    out = capsys.readouterr().out
    assert "RUSAK di entri #3 (edited)" in out
    assert "2 entri sebelumnya utuh" in out


def test_verify_names_a_deleted_entry(recorded: Recorded, capsys: pytest.CaptureFixture[str]) -> None:
    recorded(4)
    drop_append_only_triggers()
    raw_sql("DELETE FROM audit_auditentry WHERE sequence = %s", [2])
    assert main(["audit", "verify"]) == 1
    assert "RUSAK di entri #2 (missing): entri #2 hilang" in capsys.readouterr().out


def test_verify_catches_a_forged_entry_whose_hash_was_recomputed(
    recorded: Recorded, capsys: pytest.CaptureFixture[str]
) -> None:
    from netral.audit.chain import compute_hash

    entry = recorded(3)[1]
    entry.object_id = "forged"
    drop_append_only_triggers()
    raw_sql(
        "UPDATE audit_auditentry SET object_id = %s, hash = %s WHERE sequence = %s",
        ["forged", compute_hash(entry.link()), 2],
    )
    assert main(["audit", "verify"]) == 1
    assert "RUSAK di entri #3 (relinked)" in capsys.readouterr().out


def test_verify_catches_cut_off_newest_entries_against_a_published_head(
    recorded: Recorded, capsys: pytest.CaptureFixture[str]
) -> None:
    published = recorded(3)[-1].hash
    drop_append_only_triggers()
    raw_sql("DELETE FROM audit_auditentry WHERE sequence = %s", [3])
    assert main(["audit", "verify"]) == 0  # the shorter chain is internally whole
    assert main(["audit", "verify", "--published", published]) == 1
    assert "(truncated)" in capsys.readouterr().out


def test_list_shows_the_newest_entries_of_an_action(capsys: pytest.CaptureFixture[str]) -> None:
    with transaction.atomic():
        record(None, "case.registered", object_type="cases.case", object_id="1", region_code="63.03")
        record(None, "reporter.viewed", object_type="cases.case", object_id="1", data={"reason": "klarifikasi"})
        record(None, "case.closed", object_type="cases.case", object_id="1")
    assert main(["audit", "list", "--action", "case", "--limit", "5"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == ["#3", "#1"]
    assert "cases.case:1" in lines[1] and "63.03" in lines[1]
    assert main(["audit", "list", "--limit", "1"]) == 0
    assert capsys.readouterr().out.startswith("#3 ")
