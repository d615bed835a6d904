"""Background tasks of the API (Django tasks API): webhook deliveries."""

from __future__ import annotations

from django_tasks import task


@task()
def deliver_webhook_task(delivery_id: int) -> dict[str, int | str]:
    """One delivery attempt; a failed attempt enqueues the next one itself (back-off in netral.api.webhooks)."""
    from netral.api.webhooks import deliver

    delivery = deliver(delivery_id)
    if delivery is None:
        return {"status": "skipped"}
    return {"status": delivery.state, "attempts": delivery.attempts}
