"""The inbox (reports, findings and initial information per jurisdiction), its bulk actions, and the deadline list."""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.paginator import Page, Paginator
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
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


#: What a row of the list shows; the rest of a case (its description, reasons, audit fields) is not loaded.
ROW_FIELDS = (
    "intake", "summary", "received_at", "receipt_number", "registration_number", "closed",
    "election__name",
    "event_region__canonical_name", "event_region__type", "event_region__level", "event_region__timezone",
    "assignee__username", "assignee__full_name",
)  # fmt: skip


def _filtered(request: HttpRequest, now: dt.datetime) -> tuple[QuerySet[Case], dict[str, str]]:
    """The cases the filters select, newest first: a query on the case table without what the rows show (no
    election, region or assignee joined), cheap to count and to cut into pages."""
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
        # A join with DISTINCT, not EXISTS: PostgreSQL turns "… OR EXISTS (names)" into a LIKE over every reported
        # person in the country; the join filters only the persons of the cases in scope (measured, bench/README.md).
        cases = cases.filter(
            Q(summary__icontains=q)
            | Q(receipt_number__icontains=q)
            | Q(registration_number__icontains=q)
            | Q(event_place__icontains=q)
            | Q(reported_persons__name__icontains=q)
        ).distinct()
    return cases.order_by("-received_at", "-pk"), f


def _page_of_cases(request: HttpRequest, cases: QuerySet[Case]) -> tuple[Page[Any], list[Case]]:
    """One page of `cases` with what the rows show, in two steps that each stay cheap on a large table.

    The page is cut from the ids alone (COUNT and ORDER BY … LIMIT on the case table, whose jurisdiction index
    PostgreSQL uses); the 25 rows are then read by id with their election, region and assignee (one query), and
    their open tracks the user may see (one more). Sorting the joined rows instead made PostgreSQL scan the whole
    case table for a kabupaten's page (44 ms → 1.5 ms at 100,000 cases; bench/README.md)."""
    page = Paginator(cases.values_list("pk", flat=True), PAGE_SIZE).get_page(request.GET.get("page"))
    rows = (
        Case.objects.filter(pk__in=page.object_list)
        .select_related("event_region", "assignee", "election")
        .only(*ROW_FIELDS)
        .prefetch_related(
            Prefetch(
                "tracks",
                queryset=tracks_visible_to(request.user)
                .filter(ended=False)
                .only("case", "kind", "state", "due_at")
                .order_by("pk"),
                to_attr="open_tracks",
            )
        )
        .order_by("-received_at", "-pk")
    )
    return page, list(rows)


def _rows(cases: list[Case], now: dt.datetime) -> list[dict[str, Any]]:
    """What each row prints, worked out here once rather than by template lookups (the list is the staff's most
    requested page): labels, the detail link, and times in the event region's own zone (WIB/WITA/WIT)."""
    workflow = load_workflow()
    soon = now + DEFAULT_SOON
    intakes = {code: str(label) for code, label in Intake.choices}
    statuses = {code: str(label) for code, label in STATUS_LABELS.items()}
    rows = []
    for case in cases:
        tz = case.event_region.timezone
        tracks = []
        for t in getattr(case, "open_tracks", []):
            status = ""
            if t.due_at is not None:
                status = "overdue" if t.due_at < now else ("due_soon" if t.due_at <= soon else "on_track")
            spec = workflow.track(t.kind)
            tracks.append(
                {
                    "name": spec.name,
                    "state": spec.state(t.state).name,
                    "due": local(t.due_at, tz),
                    "status": status,
                    "status_label": statuses.get(status, ""),
                }
            )
        rows.append(
            {
                "case": case,
                "url": reverse("cases:detail", args=[case.pk]),
                "intake": intakes.get(case.intake, case.intake),
                "select_label": _("Pilih %(n)s") % {"n": case.number},
                "region": case.event_region.display_name,
                "tracks": tracks,
                "zone": ZONE_LABELS.get(tz, tz),
                "received": local(case.received_at, tz),
            }
        )
    return rows


@require_safe
@case_staff
def inbox(request: HttpRequest) -> HttpResponse:
    now = timezone.now()
    cases, f = _filtered(request, now)
    page, page_cases = _page_of_cases(request, cases)
    rows = _rows(page_cases, now)
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
            .only("username", "full_name", "role")
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
