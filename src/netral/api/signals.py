"""Publish case and alert events to webhooks from model saves, so other apps need no edits.

A new TrackEvent with a `from_state` is a case transition; a new Alert is an alert. Publishing waits for the
transaction to commit, so a rolled-back transition sends nothing.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from netral.cases.models import TrackEvent
from netral.monitor.models import Alert


@receiver(post_save, sender=TrackEvent, dispatch_uid="api.track_event_webhook")
def _track_event_saved(sender: type[TrackEvent], instance: TrackEvent, created: bool, **kwargs: Any) -> None:
    if not created or not instance.from_state:  # tracks opened by a transition are part of it
        return
    from netral.api.webhooks import publish

    track = instance.track
    region = track.case.event_region_code
    data = {
        "case_id": track.case_id,
        "track_id": track.pk,
        "track": track.kind,
        "transition": instance.transition,
        "from_state": instance.from_state,
        "to_state": instance.to_state,
        "at": instance.at.isoformat(),
    }
    transaction.on_commit(lambda: publish("case.transition", data, region))


@receiver(post_save, sender=Alert, dispatch_uid="api.alert_webhook")
def _alert_saved(sender: type[Alert], instance: Alert, created: bool, **kwargs: Any) -> None:
    if not created:
        return
    from netral.api.webhooks import publish

    data = {"alert_id": instance.pk, "region_code": instance.region_code, "created_at": instance.created_at.isoformat()}
    transaction.on_commit(lambda: publish("alert.created", data, instance.region_code))
