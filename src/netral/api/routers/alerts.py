"""Monitoring alerts (peringatan), readable with `alerts:read`, in the owner's and the token's jurisdiction."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from ninja import Field, Query, Router, Schema

from netral.api.auth import require
from netral.api.errors import ERRORS
from netral.api.pagination import MAX_LIMIT, page
from netral.api.schemas import AlertOut, AlertPage, ObjectId
from netral.api.tokens import Grant
from netral.monitor.models import Alert
from netral.monitor.services.alerts import alerts_visible_to

router = Router(tags=["peringatan / alerts"])


class AlertFilter(Schema):
    status: Alert.Status | None = Field(None, description="baru, dibuka, digabung, diabaikan")
    region: str | None = Field(None, max_length=13)
    cursor: str | None = Field(None, max_length=100)
    limit: int = Field(50, ge=1, le=MAX_LIMIT)


def _visible(grant: Grant) -> QuerySet[Alert]:
    return alerts_visible_to(grant.user).filter(grant.scope.q("region_code")).select_related("story")


def _out(alert: Alert) -> AlertOut:
    return AlertOut(
        id=alert.pk,
        title=alert.story.title,
        region_code=alert.region_code,
        status=alert.status,
        confidence=alert.confidence,
        reasons=list(alert.reasons),
        case_id=alert.case_id,
        created_at=alert.created_at,
        updated_at=alert.updated_at,
    )


@router.get("/alerts", response={200: AlertPage, **ERRORS}, summary="Daftar peringatan / List alerts")
def list_alerts(request: HttpRequest, filters: Query[AlertFilter]) -> AlertPage:
    alerts = _visible(require(request, "alerts:read"))
    if filters.status:
        alerts = alerts.filter(status=filters.status)
    if filters.region:
        alerts = alerts.filter(region_code__startswith=filters.region)
    rows, cursor = page(alerts, filters.cursor, filters.limit)
    return AlertPage(items=[_out(a) for a in rows], next_cursor=cursor)


@router.get("/alerts/{alert_id}", response={200: AlertOut, **ERRORS}, summary="Satu peringatan / One alert")
def get_alert(request: HttpRequest, alert_id: ObjectId) -> AlertOut:
    alert = _visible(require(request, "alerts:read")).filter(pk=alert_id).first()
    if alert is None:
        raise Http404
    return _out(alert)
