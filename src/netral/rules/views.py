"""Public pages of the rules catalogue: what is forbidden and its sanction, elections, handling deadlines."""

from __future__ import annotations

from django.db.models import Prefetch, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from netral.rules.models import Election, ElectionPhase, ProcedureStep, Sanction, ViolationType


@require_safe
def violation_list(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:100]
    types = ViolationType.objects.prefetch_related(Prefetch("sanctions", queryset=Sanction.objects.order_by("code")))
    if query:
        types = types.filter(Q(title__icontains=query) | Q(description__icontains=query) | Q(code__iexact=query))
    return render(request, "rules/violation_list.html", {"types": types, "query": query})


@require_safe
def election_list(request: HttpRequest) -> HttpResponse:
    elections = Election.objects.prefetch_related(
        Prefetch("phases", queryset=ElectionPhase.objects.order_by("start", "code"))
    ).order_by("-voting_day")
    return render(request, "rules/election_list.html", {"elections": elections})


@require_safe
def deadline_list(request: HttpRequest) -> HttpResponse:
    steps = ProcedureStep.objects.select_related("regime").order_by("regime", "position")
    return render(request, "rules/deadline_list.html", {"steps": steps})
