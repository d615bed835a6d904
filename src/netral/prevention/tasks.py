"""Background tasks of prevention (Django tasks API); the worker's scheduler runs the reminders daily."""

from __future__ import annotations

from django_tasks import task


@task()
def send_pledge_reminders() -> int:
    """E-mail agencies whose pledge coverage lags (each at most every few days); returns how many were sent."""
    from netral.prevention.services.reminders import send_reminders

    return sum(1 for result in send_reminders() if result.sent)
