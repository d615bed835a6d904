"""`user|sees_insights`: whether to show the "Dasbor" link (the `stats.view` capability)."""

from __future__ import annotations

from django import template

from netral.accounts.access import AnyUser, has_capability

register = template.Library()


@register.filter
def sees_insights(user: AnyUser) -> bool:
    return has_capability(user, "stats.view")
