"""`user|sees_cases`: whether to show the "Perkara" link (cases.view or referrals.view)."""

from __future__ import annotations

from django import template

from netral.accounts.access import AnyUser, has_capability

register = template.Library()


@register.filter
def sees_cases(user: AnyUser) -> bool:
    return has_capability(user, "cases.view") or has_capability(user, "referrals.view")


@register.filter
def field_value(values: dict[str, str], name: str) -> str:
    """A submitted value to put back in a re-rendered form."""
    return values.get(name, "") if values else ""
