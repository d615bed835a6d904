"""The role table (`data/roles.toml`) read into frozen dataclasses: pure Python, no Django.

A *role* says what a staff member may do (capabilities) and over which kind of region (levels). Roles with no
levels are national. The table is validated on load so a typo fails at start-up and in the tests, never at a
permission check.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

__all__ = ["REGION_LEVELS", "ROLES_FILE", "RoleSpec", "RoleTable", "RoleTableError", "read_role_table", "role_table"]

ROLES_FILE = Path(__file__).resolve().parent / "data" / "roles.toml"
#: The levels of netral.geo: provinsi, kabupaten/kota (regency or city), kecamatan (district), desa (village).
REGION_LEVELS = ("provinsi", "kabupaten_kota", "kecamatan", "desa")


class RoleTableError(ValueError):
    """The role table is inconsistent; the message names the file and the entry."""


@dataclass(frozen=True, slots=True)
class RoleSpec:
    code: str
    name: str
    description: str
    levels: tuple[str, ...]
    capabilities: frozenset[str]

    @property
    def is_national(self) -> bool:
        return not self.levels


@dataclass(frozen=True, slots=True)
class RoleTable:
    roles: Mapping[str, RoleSpec]
    capabilities: Mapping[str, str]  # capability → what it allows, in Indonesian


def read_role_table(path: Path = ROLES_FILE) -> RoleTable:
    with path.open("rb") as fh:
        raw = tomllib.load(fh)
    capabilities = {str(name): str(text) for name, text in raw.get("capabilities", {}).items()}
    roles = {code: _role(path, code, entry, capabilities) for code, entry in raw.get("roles", {}).items()}
    if not roles:
        raise RoleTableError(f"{path.name}: no [roles.*] tables")
    return RoleTable(roles=roles, capabilities=capabilities)


@cache
def role_table() -> RoleTable:
    return read_role_table()


def _role(path: Path, code: str, entry: Mapping[str, Any], capabilities: Mapping[str, str]) -> RoleSpec:
    where = f"{path.name} [roles.{code}]"
    missing = {"name", "description", "levels", "capabilities"} - entry.keys()
    if missing:
        raise RoleTableError(f"{where}: missing {', '.join(sorted(missing))}")
    unknown_levels = set(entry["levels"]) - set(REGION_LEVELS)
    if unknown_levels:
        raise RoleTableError(f"{where}: unknown levels {sorted(unknown_levels)}")
    unknown_capabilities = set(entry["capabilities"]) - capabilities.keys()
    if unknown_capabilities:
        raise RoleTableError(f"{where}: capabilities not declared in [capabilities]: {sorted(unknown_capabilities)}")
    return RoleSpec(
        code=code,
        name=str(entry["name"]),
        description=str(entry["description"]),
        levels=tuple(entry["levels"]),
        capabilities=frozenset(entry["capabilities"]),
    )
