"""`user|sees_monitor`: whether to show the "Pantauan" link (monitor.view)."""

from __future__ import annotations

from django import template

from netral.accounts.access import AnyUser, has_capability

register = template.Library()


@register.filter
def sees_monitor(user: AnyUser) -> bool:
    return has_capability(user, "monitor.view")


@register.filter
def percent(value: float | None) -> str:
    """A 0–1 confidence as a whole percentage ("75%")."""
    return f"{round((value or 0.0) * 100)}%"
