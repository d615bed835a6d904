"""Background tasks of case handling (Django tasks API). Run the digest daily: `netral digest` from cron, or
enqueue `send_daily_digest` from a scheduler."""

from __future__ import annotations

from django_tasks import task


@task()
def send_daily_digest() -> int:
    """Send each assignee their digest of overdue and due-soon tracks; returns the number of e-mails sent."""
    from netral.cases.services.digest import send_digests

    return len(send_digests())
