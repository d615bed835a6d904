"""Staff pages for events (with materials and minutes) and circulars; downloads of their files."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from netral.accounts.access import can_see_region, get_object_in_scope_or_404
from netral.cases.evidence_files import EvidenceRefused
from netral.core.downloads import stored_file
from netral.prevention.access import circulars_visible_to, events_visible_to, may_manage, may_view
from netral.prevention.forms import CircularForm, EventForm, MaterialForm
from netral.prevention.models import Circular, Event, EventMaterial
from netral.prevention.reference import audiences, circular_kinds, event_kinds
from netral.prevention.services.common import PreventionRefused
from netral.prevention.services.events import (
    CircularInput,
    EventInput,
    do_add_material,
    do_save_circular,
    do_save_event,
)
from netral.prevention.views.common import local, page_of, prevention_manager, prevention_staff


def _event_rows(events: Any) -> list[dict[str, Any]]:
    return [
        {
            "event": e,
            "kind": event_kinds().get(e.kind, e.kind),
            "audience": audiences().get(e.audience, e.audience),
            "starts": local(e.starts_at, e.region.timezone),
        }
        for e in events
    ]


@require_safe
@prevention_staff
def event_list(request: HttpRequest) -> HttpResponse:
    events = events_visible_to(request.user).select_related("region")
    query, kind, when = request.GET.get("q", "").strip(), request.GET.get("kind", ""), request.GET.get("when", "")
    if query:
        events = events.filter(
            Q(title__icontains=query) | Q(place__icontains=query) | Q(organiser__icontains=query)
            | Q(speakers__icontains=query)
        )  # fmt: skip
    if kind in event_kinds():
        events = events.filter(kind=kind)
    now = dt.datetime.now(dt.UTC)
    if when == "upcoming":
        events = events.filter(starts_at__gte=now).order_by("starts_at")
    elif when == "past":
        events = events.filter(starts_at__lt=now)
    page = page_of(request, events)
    return render(
        request,
        "prevention/event_list.html",
        {
            "page": page,
            "rows": _event_rows(page),
            "query": query,
            "kind": kind,
            "when": when,
            "kinds": event_kinds(),
            "may_manage": may_manage(request.user),
        },
    )


def _event_input(form: EventForm) -> EventInput:
    return EventInput(**form.cleaned_data)


@require_http_methods(["GET", "HEAD", "POST"])
@prevention_manager
def event_edit(request: HttpRequest, pk: int | None = None) -> HttpResponseBase:
    event = None
    initial: dict[str, Any] = {"is_public": True, "audience_count": 0}
    if pk is not None:
        event = get_object_in_scope_or_404(
            Event.objects.select_related("region"), request.user, field="region__code", pk=pk
        )
        zone = event.region.timezone
        initial = {
            name: getattr(event, name)
            for name in ("title", "kind", "region", "election", "place", "organiser", "speakers", "audience",
                         "audience_count", "description", "minutes", "is_public")
        }  # fmt: skip
        for name in ("starts_at", "ends_at"):
            moment = local(getattr(event, name), zone)
            initial[name] = moment["at"].replace(tzinfo=None) if moment else None
    form = EventForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            event = do_save_event(request.user, _event_input(form), event)
        except PreventionRefused as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Kegiatan disimpan."))
            return redirect("prevention:event", pk=event.pk)
    return render(
        request,
        "prevention/event_form.html",
        {"form": form, "event": event},
        status=400 if request.method == "POST" else 200,
    )


@require_safe
@prevention_staff
def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_object_in_scope_or_404(
        Event.objects.select_related("region", "election"), request.user, field="region__code", pk=pk
    )
    zone = event.region.timezone
    return render(
        request,
        "prevention/event_detail.html",
        {
            "event": event,
            "kind": event_kinds().get(event.kind, event.kind),
            "audience": audiences().get(event.audience, event.audience),
            "starts": local(event.starts_at, zone),
            "ends": local(event.ends_at, zone),
            "speakers": [line.strip() for line in event.speakers.splitlines() if line.strip()],
            "materials": event.materials.all(),
            "material_form": MaterialForm(),
            "may_manage": may_manage(request.user),
        },
    )


@require_POST
@prevention_manager
def material_add(request: HttpRequest, pk: int) -> HttpResponseBase:
    event = get_object_in_scope_or_404(Event.objects.all(), request.user, field="region__code", pk=pk)
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, _("Pilih berkas materi (PDF, JPEG atau PNG)."))
    else:
        try:
            do_add_material(
                request.user, event, upload.chunks(), upload.name or "materi", request.POST.get("title", "")
            )
        except (EvidenceRefused, PreventionRefused) as exc:
            messages.error(request, _("Materi tidak disimpan: %(reason)s") % {"reason": exc})
        else:
            messages.success(request, _("Materi tersimpan."))
    return redirect(reverse("prevention:event", args=[event.pk]) + "#materi")


@require_safe
def material_download(request: HttpRequest, pk: int, material_pk: int) -> HttpResponseBase:
    """Materials of a public event are public; those of a staff-only event need the event in the user's scope."""
    material = EventMaterial.objects.select_related("event").filter(event_id=pk, pk=material_pk).first()
    if material is None or not material.file_path:
        raise Http404
    event = material.event
    if not event.is_public and not (may_view(request.user) and can_see_region(request.user, event.region_id)):
        raise Http404
    return stored_file(material.file_path, material.original_name or f"materi-{material.pk}", material.content_type)


@require_safe
def circular_list(request: HttpRequest) -> HttpResponse:
    """Searchable for everyone: the public sees public circulars; staff also those of their region."""
    circulars = circulars_visible_to(request.user).select_related("region").prefetch_related("violation_types")
    query, kind = request.GET.get("q", "").strip(), request.GET.get("kind", "")
    if query:
        circulars = circulars.filter(
            Q(number__icontains=query) | Q(subject__icontains=query) | Q(issuer__icontains=query)
            | Q(summary__icontains=query) | Q(addressees__icontains=query)
            | Q(violation_types__code__iexact=query) | Q(violation_types__title__icontains=query)
        ).distinct()  # fmt: skip
    if kind in circular_kinds():
        circulars = circulars.filter(kind=kind)
    return render(
        request,
        "prevention/circular_list.html",
        {
            "page": page_of(request, circulars),
            "query": query,
            "kind": kind,
            "kinds": circular_kinds(),
            "staff": may_view(request.user),
            "may_manage": may_manage(request.user),
        },
    )


@require_safe
def circular_detail(request: HttpRequest, pk: int) -> HttpResponse:
    circular = circulars_visible_to(request.user).select_related("region", "election").filter(pk=pk).first()
    if circular is None:
        raise Http404
    return render(
        request,
        "prevention/circular_detail.html",
        {
            "circular": circular,
            "kind": circular_kinds().get(circular.kind, circular.kind),
            "violations": circular.violation_types.all(),
            "may_manage": may_manage(request.user) and can_see_region(request.user, circular.region_id),
        },
    )


@require_safe
def circular_download(request: HttpRequest, pk: int) -> HttpResponseBase:
    circular = circulars_visible_to(request.user).filter(pk=pk).exclude(file_path="").first()
    if circular is None:
        raise Http404
    return stored_file(circular.file_path, circular.original_name or f"surat-{circular.pk}", circular.content_type)


@require_http_methods(["GET", "HEAD", "POST"])
@prevention_manager
def circular_edit(request: HttpRequest, pk: int | None = None) -> HttpResponseBase:
    circular = None
    initial: dict[str, Any] = {"is_public": True}
    if pk is not None:
        circular = get_object_in_scope_or_404(Circular.objects.all(), request.user, field="region__code", pk=pk)
        initial = {
            name: getattr(circular, name)
            for name in ("kind", "number", "date", "issuer", "subject", "addressees", "summary", "region",
                         "election", "is_public")
        }  # fmt: skip
        initial["violation_types"] = list(circular.violation_types.all())
    form = CircularForm(request.POST or None, request.FILES or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        upload = data.pop("file", None)
        try:
            circular = do_save_circular(
                request.user,
                CircularInput(**data),
                circular,
                chunks=upload.chunks() if upload else None,
                original_name=upload.name if upload else "",
            )
        except (EvidenceRefused, PreventionRefused) as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Surat %(number)s tersimpan.") % {"number": circular.number})
            return redirect("prevention:circular", pk=circular.pk)
    return render(
        request,
        "prevention/circular_form.html",
        {"form": form, "circular": circular},
        status=400 if request.method == "POST" else 200,
    )
