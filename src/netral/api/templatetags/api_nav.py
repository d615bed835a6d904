"""`user|uses_webhooks`: whether to show the "Webhook" links (a user who may receive an event, or an administrator)."""

from __future__ import annotations

from django import template

from netral.accounts.access import AnyUser

register = template.Library()


@register.filter
def uses_webhooks(user: AnyUser) -> bool:
    from netral.api.webhook_views import may_use_webhooks

    return may_use_webhooks(user)
