"""Plain-Indonesian helps for the rules explainer: `{% load portal_rules %}`, then `code|violation_example`,
`category|category_text`, `stage|stage_text`, `subject_types|subjects_text` (texts in data/explainer.toml)."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

from django import template

register = template.Library()


@cache
def _texts() -> dict[str, dict[str, str]]:
    with open(Path(__file__).resolve().parents[1] / "data" / "explainer.toml", "rb") as f:
        data: dict[str, Any] = tomllib.load(f)
    return {section: dict(values) for section, values in data.items()}


@register.filter
def violation_example(code: str) -> str:
    return _texts()["example"].get(code, "")


@register.filter
def category_text(code: str) -> str:
    return _texts()["category"].get(code, code)


@register.filter
def stage_text(code: str) -> str:
    return _texts()["stage"].get(code, code)


@register.filter
def subjects_text(codes: list[str]) -> str:
    names = _texts()["subject"]
    return ", ".join(names.get(c, c) for c in codes or [])


@register.simple_tag
def categories() -> list[tuple[str, str]]:
    return list(_texts()["category"].items())
