"""The public statistics (small counts suppressed), the orphan sweep, and the public pages linking the portal."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from tests.portal.conftest import PNG, submit, upload

from netral.accounts.models import User
from netral.cases.models import Case, Track
from netral.cases.services import do_transition, suggest_registration_number
from netral.portal.services import sweep_orphans

pytestmark = pytest.mark.django_db


def register(case: Case, user: User) -> None:
    track = Track.objects.get(case=case, kind="bawaslu")
    do_transition(track, "registrasi", user, {"registration": suggest_registration_number(case)})


def test_statistics_count_registered_cases_and_hide_small_cells(client: Client, banjar: User, settings: Any) -> None:
    settings.NETRAL_STATS_MIN_COUNT = 3
    assert "<strong>0</strong>" in client.get("/statistik/").content.decode()  # nothing to hide in zero
    for i in range(4):
        submit(Client(), summary=f"Laporan statistik {i}")
    for case in Case.objects.all()[:3]:
        register(case, banjar)
    page = client.get("/statistik/").content.decode()
    assert "Kalimantan Selatan" in page
    assert "<td>3</td>" in page  # province and D8 have 3 registered cases
    assert "D8 Mengadakan kegiatan" in page
    settings.NETRAL_STATS_MIN_COUNT = 5
    page = client.get("/statistik/").content.decode()
    assert "<td>3</td>" not in page and "&lt; 5" in page


def test_the_sweep_removes_old_orphans_but_keeps_young_files_and_referenced_ones(client: Client) -> None:
    submit(client, [upload("a.png", PNG)])
    root = Path(settings.MEDIA_ROOT) / "evidence"
    orphan_dir = root / "ff"
    orphan_dir.mkdir(parents=True, exist_ok=True)
    old, young = orphan_dir / ("f" * 64), orphan_dir / ("e" * 64)
    old.write_bytes(b"x")
    young.write_bytes(b"y")
    partial = root / ".upload-abc"
    partial.write_bytes(b"z")
    past = time.time() - 7200
    os.utime(old, (past, past))
    os.utime(partial, (past, past))
    removed = sweep_orphans(grace_seconds=3600)
    assert sorted(removed) == sorted([old, partial])
    assert young.exists()
    assert len([p for p in root.glob("*/*") if p.is_file()]) == 2  # the referenced file and the young one


def test_home_and_explainer_lead_to_the_report_form(client: Client) -> None:
    home = client.get("/").content.decode()
    assert 'href="/lapor/"' in home and 'href="/lapor/tindak-lanjut/"' in home and "Cara melapor" in home
    rules = client.get("/aturan/").content.decode()
    assert 'href="/lapor/"' in rules and "Contoh" in rules and "Sebelum penetapan calon" in rules
    assert "Camat mengumpulkan kepala desa" in rules  # D8's example
    form = client.get("/lapor/").content.decode()
    assert 'href="/aturan/"' in form


def test_the_question_box_appears_only_on_cases_that_came_through_the_portal(
    client: Client, banjar: User, make_case: Any
) -> None:
    staff = Client()
    staff.force_login(banjar)
    other = make_case()
    assert "Tanya jawab dengan pelapor" not in staff.get(f"/perkara/{other.pk}/").content.decode()
    submit(client)
    portal_case = Case.objects.exclude(pk=other.pk).get()
    assert "Tanya jawab dengan pelapor" in staff.get(f"/perkara/{portal_case.pk}/").content.decode()
