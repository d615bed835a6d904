"""`user|sees_prevention`: whether to show the "Pencegahan" link (prevention.view, or stats.view for coverage)."""

from __future__ import annotations

from django import template

from netral.accounts.access import AnyUser
from netral.prevention.access import may_see_coverage

register = template.Library()


@register.filter
def sees_prevention(user: AnyUser) -> bool:
    return may_see_coverage(user)
