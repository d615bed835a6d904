"""A case: facts, people, evidence, tracks with their actions (htmx forms), the timeline; new cases; transitions."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from netral.accounts.access import has_capability, may_see_reporter_identity
from netral.cases import evidence_files
from netral.cases.access import cases_visible_to, get_case_or_404, tracks_visible_to
from netral.cases.forms import NewCaseForm, parse_inputs
from netral.cases.models import Evidence, GeneratedFile, ReporterIdentity, Track, TrackEvent
from netral.cases.services import (
    do_add_evidence,
    do_receive_case,
    do_transition,
    suggest_registration_number,
    view_reporter_identity,
)
from netral.cases.services.documents import office_name
from netral.cases.services.transitions import CaseActionRefused
from netral.cases.views.common import case_handler, case_staff, local, timeline, track_card
from netral.cases.workflow import IllegalTransition, load_workflow
from netral.geo.reference import ZONE_LABELS


def _initial(case: Any) -> dict[str, Any]:
    return {"registration": suggest_registration_number(case)} if not case.registration_number else {}


@require_safe
@case_staff
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_case_or_404(request.user, pk)
    now = timezone.now()
    tracks = list(tracks_visible_to(request.user).filter(case=case).order_by("pk"))
    initial = _initial(case) if has_capability(request.user, "cases.transition") else {}
    cards = [track_card(case, t, request.user, now, initial=initial) for t in tracks]
    events = TrackEvent.objects.filter(track__in=tracks).select_related("track", "actor").order_by("at", "pk")
    tz = case.event_region.timezone
    context = {
        "case": case,
        "cards": cards,
        "timeline": timeline(case, events),
        "persons": case.reported_persons.select_related("region"),
        "witnesses": case.witnesses.all() if has_capability(request.user, "cases.view") else [],
        "violations": case.violations.select_related("violation_type"),
        "evidence": Evidence.objects.filter(case=case),
        "documents": GeneratedFile.objects.filter(case=case),
        "received": local(case.received_at, tz),
        "zone": ZONE_LABELS.get(tz, tz),
        "may_see_reporter": may_see_reporter_identity(request.user),
        "handler": has_capability(request.user, "cases.transition"),
        "max_mb": evidence_files.DEFAULT_MAX_BYTES // (1024 * 1024),
        "office": office_name(case),
        "first_person": case.reported_persons.first(),
    }
    return render(request, "cases/detail.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@case_handler
def new_case(request: HttpRequest) -> HttpResponse:
    form = NewCaseForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        new = form.new_case()
        try:
            case = do_receive_case(request.user, new)
        except CaseActionRefused as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Perkara %(number)s dicatat.") % {"number": case.number})
            return redirect("cases:detail", pk=case.pk)
    return render(request, "cases/new.html", {"form": form})


@require_POST
@case_staff
def transition(request: HttpRequest, pk: int, track_pk: int, code: str) -> HttpResponse:
    """Take one transition. With htmx: re-render the track card (or refresh the page when tracks opened/ended)."""
    case = get_case_or_404(request.user, pk)
    try:
        track = tracks_visible_to(request.user).get(pk=track_pk, case=case)
    except Track.DoesNotExist:
        raise Http404 from None
    workflow = load_workflow()
    try:
        spec = workflow.track(track.kind).transition(code)
    except KeyError:
        raise Http404 from None
    inputs = parse_inputs(spec, request.POST)
    note = request.POST.get("note", "").strip()[:2000]
    htmx = bool(request.headers.get("HX-Request"))
    try:
        outcome = do_transition(track, code, request.user, inputs, note=note)
    except (IllegalTransition, CaseActionRefused) as exc:
        message = str(exc)
        if not htmx:
            messages.error(request, message)
            return redirect("cases:detail", pk=case.pk)
        card = track_card(case, track, request.user, timezone.now(), initial=_initial(case))
        card.error, card.open_action = message, code
        card.error_field = getattr(exc, "field", None) or ""
        card.values = {k: str(v) for k, v in request.POST.items() if k != "csrfmiddlewaretoken"}
        return render(request, "cases/_track.html", {"card": card, "case": case})
    del outcome
    still_visible = cases_visible_to(request.user).filter(pk=case.pk).exists()
    if still_visible:
        messages.success(request, _("%(action)s: tercatat.") % {"action": spec.label})
    else:  # e.g. the PPK recorded the sanction: the case is no longer addressed to them
        messages.success(
            request,
            _("%(action)s: tercatat. Perkara %(number)s tidak lagi ditujukan kepada Anda.")
            % {"action": spec.label, "number": case.number},
        )
    if not htmx:
        return redirect("cases:detail", pk=case.pk) if still_visible else redirect("cases:inbox")
    response = HttpResponse(status=204)
    if still_visible:
        response["HX-Refresh"] = "true"  # the transition may have opened or ended tracks: reload the whole case
    else:
        response["HX-Redirect"] = reverse("cases:inbox")
    return response


@require_POST
@case_staff
def reporter(request: HttpRequest, pk: int) -> HttpResponse:
    """Show the reporter's identity (audited). Refused (404) for roles that may not see it."""
    case = get_case_or_404(request.user, pk)
    if not may_see_reporter_identity(request.user):
        raise Http404
    try:
        identity: ReporterIdentity | None = view_reporter_identity(request.user, case)
    except CaseActionRefused:
        raise Http404 from None
    template = "cases/_reporter.html" if request.headers.get("HX-Request") else "cases/reporter.html"
    return render(request, template, {"case": case, "identity": identity})


@require_POST
@case_handler
def add_evidence(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_case_or_404(request.user, pk)
    upload = request.FILES.get("file")
    url = request.POST.get("url", "").strip()
    description = request.POST.get("description", "").strip()
    try:
        if upload is not None:
            do_add_evidence(
                case, request.user, chunks=upload.chunks(), original_name=upload.name or "", description=description
            )
        else:
            do_add_evidence(case, request.user, url=url, description=description)
    except (evidence_files.EvidenceRefused, CaseActionRefused) as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Bukti ditambahkan."))
    return redirect(reverse("cases:detail", args=[case.pk]) + "#bukti")
