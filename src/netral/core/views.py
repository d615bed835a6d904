"""Public pages that belong to no single domain app, and the health endpoint."""

from __future__ import annotations

from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from netral.geo.models import Region
from netral.rules.services import current_phases


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    counts = Region.objects.level_counts()
    return render(request, "core/home.html", {"region_counts": counts, "phases": current_phases()})


@never_cache
@require_safe
def health(request: HttpRequest) -> JsonResponse:
    """For load balancers and monitors: 200 when the database answers, 503 otherwise."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return JsonResponse({"status": "ok", "database": connection.vendor})
    except Exception:  # any database failure means "not ready"
        return JsonResponse({"status": "error", "database": connection.vendor}, status=503)
