"""The role table (data/roles.toml): one row per role, only declared capabilities, national or regional levels."""

from __future__ import annotations

from pathlib import Path

import pytest

from netral.accounts.models import Role
from netral.accounts.roles import ROLES_FILE, RoleTableError, read_role_table, role_table


def test_every_role_has_exactly_one_row_in_the_table() -> None:
    assert set(role_table().roles) == set(Role.values)


def test_the_table_names_roles_as_the_model_does() -> None:
    for role in Role:
        assert role_table().roles[role.value].name == role.label


def test_national_and_regional_roles_take_the_levels_the_law_gives_them() -> None:
    levels = {code: spec.levels for code, spec in role_table().roles.items()}
    assert levels == {
        "bawaslu_ri": (),
        "bawaslu_provinsi": ("provinsi",),
        "bawaslu_kabkota": ("kabupaten_kota",),
        "panwascam": ("kecamatan",),
        "bkn_reviewer": (),
        "ppk_officer": ("provinsi", "kabupaten_kota"),
        "analyst": (),
        "administrator": (),
    }


def test_only_bawaslu_roles_may_see_who_reported() -> None:
    allowed = {code for code, spec in role_table().roles.items() if "reporter.view" in spec.capabilities}
    assert allowed == {"bawaslu_ri", "bawaslu_provinsi", "bawaslu_kabkota", "panwascam"}


def test_every_capability_is_described_in_indonesian() -> None:
    table = role_table()
    used = set().union(*(spec.capabilities for spec in table.roles.values()))
    assert used == set(table.capabilities)
    assert all(table.capabilities.values())


def test_a_capability_that_is_not_declared_fails_on_load(tmp_path: Path) -> None:
    bad = tmp_path / "roles.toml"
    bad.write_text(
        ROLES_FILE.read_text(encoding="utf-8").replace('capabilities = ["stats.view"]', 'capabilities = ["stats.veiw"]')
    )
    with pytest.raises(RoleTableError, match=r"roles\.toml \[roles\.analyst\].*stats\.veiw"):
        read_role_table(bad)


def test_an_unknown_level_fails_on_load(tmp_path: Path) -> None:
    bad = tmp_path / "roles.toml"
    bad.write_text(ROLES_FILE.read_text(encoding="utf-8").replace('levels = ["kecamatan"]', 'levels = ["rt"]'))
    with pytest.raises(RoleTableError, match=r"\[roles\.panwascam\]: unknown levels \['rt'\]"):
        read_role_table(bad)
