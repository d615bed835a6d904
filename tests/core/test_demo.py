"""`netral demo` turns a fresh install into one a newcomer can log into at once."""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth import get_user_model

from netral.cli import main

pytestmark = pytest.mark.django_db


def test_demo_creates_logins_once_and_keeps_them_private(
    settings: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    settings.DATA_DIR = tmp_path
    assert main(["demo"]) == 0
    printed = capsys.readouterr().out
    logins = dict(line.split() for line in (tmp_path / "demo-logins.txt").read_text().splitlines())
    assert set(logins) == {"admin", "bawaslu.banjar", "bawaslu.kalsel", "bkn.penelaah", "ppk.banjar"}
    assert all(password in printed for password in logins.values())
    assert stat.S_IMODE((tmp_path / "demo-logins.txt").stat().st_mode) == 0o600
    user = get_user_model().objects.get(username="bawaslu.banjar")
    assert user.check_password(logins["bawaslu.banjar"])

    assert main(["demo"]) == 0
    assert "sudah ada" in capsys.readouterr().out
    assert len((tmp_path / "demo-logins.txt").read_text().splitlines()) == 5


def test_demo_shows_a_monitored_story_with_two_outlets_and_its_alert_once(settings: Any, tmp_path: Path) -> None:
    from netral.monitor.models import Alert, Item

    settings.DATA_DIR = tmp_path
    assert main(["demo"]) == 0
    assert main(["demo"]) == 0

    alert = Alert.objects.get()
    assert alert.region_code.startswith("63.03")
    assert alert.story.outlets == ["Kabar Banua Contoh", "Warta Selatan Contoh"]
    assert Item.objects.count() == 3
