"""Coverage pages: signed vs expected pledges per region and per agency (counts only, no personal data)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from netral.accounts.access import region_scope
from netral.prevention.access import may_view
from netral.prevention.services.coverage import coverage
from netral.prevention.views.common import coverage_reader
from netral.rules.models import Election


def _election(request: HttpRequest) -> str:
    code = request.GET.get("pemilihan", "")
    return code if Election.objects.filter(code=code).exists() else ""


@require_safe
@coverage_reader
def coverage_page(request: HttpRequest) -> HttpResponse:
    election = _election(request)
    report = coverage(region_scope(request.user), election_code=election or None)
    return render(
        request,
        "prevention/coverage.html",
        {
            "report": report,
            "election": election,
            "elections": Election.objects.order_by("-voting_day"),
            "links": may_view(request.user),  # analysts see figures but no links to campaign pages
        },
    )


@require_safe
@coverage_reader
def coverage_json(request: HttpRequest) -> JsonResponse:
    """Per-region figures for maps and insights: {"regions": [{code, name, level, signed, expected, percent}]}."""
    report = coverage(region_scope(request.user), election_code=_election(request) or None)
    return JsonResponse(
        {
            "regions": [
                {
                    "code": r.code,
                    "name": r.name,
                    "level": r.level,
                    "agencies": r.agencies,
                    "signed": r.signed,
                    "expected": r.expected,
                    "percent": r.percent,
                }
                for r in report.regions
            ]
        }
    )
