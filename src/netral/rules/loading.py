"""Mirror the rules catalogue (TOML files, read by `netral.rules.catalogue`) into the database.

Idempotent by checksum. Rows an administrator corrected in the admin (`locally_modified`) are left as they are
and reported, so a later file load never silently undoes a correction.
"""

from __future__ import annotations

from typing import Any

from django.db import models, transaction

from netral.core.models import checksum, is_loaded, mark_loaded
from netral.rules import catalogue
from netral.rules.models import Election, ElectionPhase, Holiday, ProcedureStep, Regime, Sanction, ViolationType

DATASET = "rules.catalogue"


def _values(entry: Any, model: type[models.Model], **extra: Any) -> dict[str, Any]:
    """The entry's attributes that the model has as plain fields (tuples become lists for JSON fields)."""
    values: dict[str, Any] = {}
    for field in model._meta.concrete_fields:
        if field.primary_key and not isinstance(field, models.CharField):
            continue
        if hasattr(entry, field.name):
            value = getattr(entry, field.name)
            values[field.name] = list(value) if isinstance(value, tuple) else value
    return {**values, **extra}


def _upsert(model: type[models.Model], lookup: dict[str, Any], values: dict[str, Any], kept: list[str]) -> Any:
    row = model._default_manager.filter(**lookup).first()
    if row is not None and getattr(row, "locally_modified", False):
        kept.append(f"{model._meta.verbose_name} {row}")
        return row
    defaults = {k: v for k, v in values.items() if k not in lookup}
    row, _created = model._default_manager.update_or_create(**lookup, defaults=defaults)
    return row


def load_rules(*, force: bool = False) -> tuple[int, list[str]]:
    """Load the catalogue; returns (rows written, rows kept because an administrator edited them)."""
    digest = checksum(catalogue.DATA_DIR.glob("*.toml"))
    if not force and is_loaded(DATASET, digest):
        return 0, []
    cat = catalogue.load_catalogue()
    kept: list[str] = []
    written = 0
    with transaction.atomic():
        for sanction in cat.sanctions:
            _upsert(Sanction, {"code": sanction.code}, _values(sanction, Sanction), kept)
            written += 1
        for position, violation in enumerate(cat.violation_types):
            row = _upsert(
                ViolationType, {"code": violation.code}, _values(violation, ViolationType, position=position), kept
            )
            if not row.locally_modified:
                row.sanctions.set(violation.sanctions)
            written += 1
        for election in cat.elections:
            row = _upsert(Election, {"code": election.code}, _values(election, Election), kept)
            for phase in election.phases:
                lookup = {"election": row, "code": phase.code}
                _upsert(ElectionPhase, lookup, _values(phase, ElectionPhase), kept)
                written += 1
            written += 1
        for regime in cat.regimes:
            row = _upsert(Regime, {"code": regime.code}, _values(regime, Regime), kept)
            for position, step in enumerate(regime.steps):
                lookup = {"regime": row, "code": step.code}
                _upsert(ProcedureStep, lookup, _values(step, ProcedureStep, position=position), kept)
                written += 1
            written += 1
        for holiday in cat.holidays:
            _upsert(Holiday, {"date": holiday.date, "name": holiday.name}, _values(holiday, Holiday), kept)
            written += 1
        mark_loaded(DATASET, digest, written)
    return written, kept


def load_after_migrate(**kwargs: Any) -> None:
    """post_migrate hook: bring the catalogue tables up to date with the data files."""
    _written, kept = load_rules()
    for row in kept:
        print(f"  dipertahankan (diubah lewat admin): {row}")
