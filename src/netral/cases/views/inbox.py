"""The inbox (reports, findings and initial information per jurisdiction), its bulk actions, and the deadline list."""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from netral.accounts.access import has_capability, scope_q
from netral.accounts.models import User
from netral.cases.access import cases_visible_to, tracks_visible_to
from netral.cases.models import Case, Intake
from netral.cases.services import do_assign, do_dismiss, do_merge
from netral.cases.services.transitions import CaseActionRefused
from netral.cases.views.common import STATUS_LABELS, case_handler, case_staff, local
from netral.cases.workflow import IllegalTransition, load_workflow
from netral.geo.reference import ZONE_LABELS
from netral.rules.calendar import DEFAULT_SOON

PAGE_SIZE = 25
HANDLER_ROLES = ("bawaslu_ri", "bawaslu_provinsi", "bawaslu_kabkota", "panwascam")


def _filtered(request: HttpRequest, now: dt.datetime) -> tuple[QuerySet[Case], dict[str, str]]:
    f = {k: request.GET.get(k, "").strip()[:100] for k in ("q", "intake", "status", "deadline", "mine")}
    cases = cases_visible_to(request.user).filter(merged_into__isnull=True)
    if f["intake"] in Intake.values:
        cases = cases.filter(intake=f["intake"])
    if f["status"] == "closed":
        cases = cases.filter(closed=True)
    elif f["status"] != "all":
        cases = cases.filter(closed=False)
    visible_tracks = tracks_visible_to(request.user).filter(case=OuterRef("pk"), ended=False)
    if f["deadline"] == "overdue":
        cases = cases.filter(Exists(visible_tracks.filter(due_at__lt=now)))
    elif f["deadline"] == "due_soon":
        cases = cases.filter(Exists(visible_tracks.filter(due_at__gte=now, due_at__lte=now + DEFAULT_SOON)))
    if f["mine"]:
        cases = cases.filter(assignee=request.user.pk)
    if f["q"]:
        q = f["q"]
        cases = cases.filter(
            Q(summary__icontains=q)
            | Q(receipt_number__icontains=q)
            | Q(registration_number__icontains=q)
            | Q(event_place__icontains=q)
            | Q(reported_persons__name__icontains=q)
        ).distinct()
    cases = cases.select_related("event_region", "assignee", "election").prefetch_related(
        Prefetch(
            "tracks",
            queryset=tracks_visible_to(request.user).filter(ended=False).order_by("pk"),
            to_attr="open_tracks",
        )
    )
    return cases.order_by("-received_at", "-pk"), f


@require_safe
@case_staff
def inbox(request: HttpRequest) -> HttpResponse:
    now = timezone.now()
    cases, f = _filtered(request, now)
    page = Paginator(cases, PAGE_SIZE).get_page(request.GET.get("page"))
    workflow = load_workflow()
    rows = []
    for case in page:
        tz = case.event_region.timezone
        tracks = []
        for t in getattr(case, "open_tracks", []):
            status = ""
            if t.due_at is not None:
                status = "overdue" if t.due_at < now else ("due_soon" if t.due_at <= now + DEFAULT_SOON else "on_track")
            tracks.append(
                {
                    "name": workflow.track(t.kind).name,
                    "state": workflow.track(t.kind).state(t.state).name,
                    "due": local(t.due_at, tz),
                    "status": status,
                    "status_label": STATUS_LABELS.get(status, ""),
                }
            )
        rows.append(
            {"case": case, "tracks": tracks, "zone": ZONE_LABELS.get(tz, tz), "received": local(case.received_at, tz)}
        )
    handler = has_capability(request.user, "cases.transition")
    context = {
        "page": page,
        "rows": rows,
        "filters": f,
        "query_string": urlencode({k: v for k, v in f.items() if v}),
        "intakes": Intake.choices,
        "handler": handler,
    }
    if handler:
        context["assignees"] = (
            User.objects.filter(is_active=True, role__in=HANDLER_ROLES)
            .filter(scope_q(request.user, "jurisdiction__code") | Q(pk=request.user.pk))
            .order_by("username")
        )
    template = "cases/_inbox_results.html" if request.headers.get("HX-Request") else "cases/inbox.html"
    return render(request, template, context)


@require_POST
@case_handler
def bulk(request: HttpRequest) -> HttpResponse:
    """Assign, merge into one case, or dismiss with a reason: the selected cases, each through its service."""
    visible = cases_visible_to(request.user)
    ids = [int(x) for x in request.POST.getlist("case") if x.isdigit()]
    selected = list(visible.filter(pk__in=ids).select_related("event_region"))
    action = request.POST.get("action", "")
    if not selected:
        messages.error(request, _("Pilih paling sedikit satu perkara."))
        return redirect("cases:inbox")
    done, refused = 0, []
    if action == "assign":
        assignee_id = request.POST.get("assignee", "")
        assignee = User.objects.filter(pk=assignee_id).first() if assignee_id.isdigit() else None
        if assignee is None:
            messages.error(request, _("Pilih petugas penanggung jawab."))
            return redirect("cases:inbox")
        for case in selected:
            try:
                do_assign(case, assignee, request.user)
                done += 1
            except CaseActionRefused as exc:
                refused.append(f"{case.number}: {exc}")
    elif action == "merge":
        into_id = request.POST.get("into", "")
        into = visible.filter(pk=into_id).first() if into_id.isdigit() else None
        if into is None:
            messages.error(request, _("Pilih perkara tujuan penggabungan."))
            return redirect("cases:inbox")
        for case in selected:
            if case.pk == into.pk:
                continue
            try:
                do_merge(case, into, request.user)
                done += 1
            except CaseActionRefused as exc:
                refused.append(f"{case.number}: {exc}")
    elif action == "dismiss":
        reason = request.POST.get("reason", "").strip()
        if not reason:
            messages.error(request, _("Alasan penolakan wajib diisi."))
            return redirect("cases:inbox")
        for case in selected:
            try:
                do_dismiss(case, reason, request.user)
                done += 1
            except (CaseActionRefused, IllegalTransition) as exc:
                refused.append(f"{case.number}: {exc}")
    else:
        messages.error(request, _("Tindakan tidak dikenal."))
        return redirect("cases:inbox")
    if done:
        messages.success(request, _("%(count)d perkara diproses.") % {"count": done})
    for line in refused:
        messages.error(request, line)
    return redirect("cases:inbox")


@require_safe
@case_staff
def deadlines(request: HttpRequest) -> HttpResponse:
    """Overdue and due-soon tracks the user can see, nearest first."""
    now = timezone.now()
    workflow = load_workflow()
    tracks = (
        tracks_visible_to(request.user)
        .filter(ended=False, due_at__isnull=False, due_at__lte=now + DEFAULT_SOON, case__merged_into__isnull=True)
        .select_related("case", "case__event_region", "case__assignee")
        .order_by("due_at")[:500]
    )
    overdue: list[dict[str, Any]] = []
    soon: list[dict[str, Any]] = []
    for t in tracks:
        tz = t.case.event_region.timezone
        item = {
            "track": t,
            "case": t.case,
            "name": workflow.track(t.kind).name,
            "state": workflow.track(t.kind).state(t.state).name,
            "due": local(t.due_at, tz),
            "zone": ZONE_LABELS.get(tz, tz),
        }
        (overdue if t.due_at and t.due_at < now else soon).append(item)
    return render(request, "cases/deadlines.html", {"overdue": overdue, "soon": soon})
