"""Typed, validated access to the TOML reference-data files (rules catalogue, case workflow): pure Python.

Every problem becomes an error naming the file and the entry ("procedures.toml: regime pemilu step #2: missing
field 'unit'"), so a typo in a data file fails at load time and in the tests, never in the middle of a request.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, cast

__all__ = ["DataFileError", "Entry", "read_toml"]


class DataFileError(ValueError):
    """A reference-data file is inconsistent; the message names the file and the entry."""

    def __init__(self, filename: str, entry: str, problem: str) -> None:
        super().__init__(f"{filename}: {entry}: {problem}")
        self.filename, self.entry, self.problem = filename, entry, problem


class Entry:
    """One TOML table with typed getters; `error` is the exception class its problems are raised as."""

    def __init__(
        self, filename: str, label: str, table: Mapping[str, Any], error: type[DataFileError] = DataFileError
    ) -> None:
        self.filename, self.label, self.table, self._error = filename, label, table, error

    def child(self, label: str, table: Mapping[str, Any]) -> Entry:
        return Entry(self.filename, label, table, self._error)

    def error(self, problem: str) -> DataFileError:
        return self._error(self.filename, self.label, problem)

    def get(self, key: str, default: Any = ...) -> Any:
        if key not in self.table:
            if default is ...:
                raise self.error(f"missing field {key!r}")
            return default
        return self.table[key]

    def text(self, key: str, default: str | None = None) -> str:
        value = self.get(key, ... if default is None else default)
        if not isinstance(value, str):
            raise self.error(f"field {key!r} must be a string, not {value!r}")
        return value

    def code(self, key: str = "code", *, lower: bool = False) -> str:
        """A non-empty identifier without surrounding spaces; `lower`: only lower-case letters, digits and _."""
        value = self.text(key)
        if not value or value != value.strip():
            raise self.error(f"field {key!r} must be a non-empty code without spaces around it")
        if lower and (not value.replace("_", "").isalnum() or value != value.lower()):
            raise self.error(f"field {key!r} must be a lower-case code (letters, digits, _), not {value!r}")
        return value

    def choice(self, key: str, allowed: tuple[str, ...]) -> str:
        value = self.text(key)
        if value not in allowed:
            raise self.error(f"unknown {key} {value!r} (allowed: {', '.join(allowed)})")
        return value

    def date(self, key: str) -> dt.date:
        value = self.get(key)
        if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
            raise self.error(f"field {key!r} must be a TOML date (YYYY-MM-DD), not {value!r}")
        return cast(dt.date, value)

    def integer(self, key: str) -> int:
        value = self.get(key)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.error(f"field {key!r} must be an integer, not {value!r}")
        return cast(int, value)

    def flag(self, key: str, default: bool | None = None) -> bool:
        value = self.get(key, ... if default is None else default)
        if not isinstance(value, bool):
            raise self.error(f"field {key!r} must be true or false, not {value!r}")
        return value

    def strs(
        self,
        key: str,
        allowed: tuple[str, ...] | None = None,
        *,
        default: list[str] | None = None,
        non_empty: bool = False,
    ) -> tuple[str, ...]:
        value = self.get(key, ... if default is None else default)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.error(f"field {key!r} must be a list of strings, not {value!r}")
        if non_empty and not value:
            raise self.error(f"field {key!r} must not be empty")
        if len(set(value)) != len(value):
            raise self.error(f"field {key!r} lists a value twice: {value!r}")
        unknown = [v for v in value if allowed is not None and v not in allowed]
        if unknown and allowed is not None:
            raise self.error(f"unknown {key} value {unknown[0]!r} (allowed: {', '.join(allowed)})")
        return tuple(value)

    def tables(self, key: str, *, required: bool = False) -> list[Mapping[str, Any]]:
        value = self.get(key, ... if required else [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise self.error(f"{key!r} must be an array of tables ([[{key}]])")
        return cast(list[Mapping[str, Any]], value)


def read_toml(path: Path, *, error: type[DataFileError] = DataFileError, schema_version: int = 1) -> Entry:
    """The file's root table, after checking that it exists, parses and has the schema version this code reads."""
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        raise error(path.name, "(file)", f"not found: {path}") from None
    except tomllib.TOMLDecodeError as exc:
        raise error(path.name, "(file)", f"invalid TOML: {exc}") from None
    root = Entry(path.name, "(file)", data, error)
    if root.get("schema_version") != schema_version:
        raise root.error(f"unsupported schema_version (this code reads version {schema_version})")
    return root
