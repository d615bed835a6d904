"""Public pages: signing a pledge from the campaign link, verifying a pledge by its code, the events calendar."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from netral.core.qr import qr_svg
from netral.core.ratelimit import enforce
from netral.prevention.forms import PledgeForm
from netral.prevention.models import Campaign, Event, Pledge
from netral.prevention.reference import audiences, event_kinds, pledge_text
from netral.prevention.services.campaigns import PledgeInput, do_sign_pledge
from netral.prevention.services.common import CROCKFORD, PreventionRefused
from netral.prevention.views.common import local, mask_name, page_of


def sign_rate() -> str:
    """A whole office may sign from one address behind its NAT: generous per address, still a wall for scripts."""
    return str(settings.NETRAL_PREVENTION_SIGN_RATE)


def verify_rate() -> str:
    return str(settings.NETRAL_PREVENTION_VERIFY_RATE)


@require_http_methods(["GET", "HEAD", "POST"])
def sign(request: HttpRequest, token: str) -> HttpResponseBase:
    if request.method == "POST":
        enforce(request, "prevention.sign", sign_rate())  # over the limit: 429 with Retry-After
    campaign = Campaign.objects.select_related("agency", "agency__region", "election").filter(token=token).first()
    if campaign is None:
        raise Http404
    form = PledgeForm(request.POST or None)
    if request.method == "POST" and campaign.is_open and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "agree"}
        try:
            pledge = do_sign_pledge(campaign, PledgeInput(**data))
        except PreventionRefused as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Ikrar Anda tercatat. Simpan atau cetak halaman ini sebagai bukti."))
            return redirect("prevention:verify", code=pledge.code)
    points = pledge_text().for_campaign(campaign.agency.name, campaign.election.name)
    return render(
        request,
        "prevention/sign.html",
        {"campaign": campaign, "form": form, "title": pledge_text().title, "points": points},
        status=400 if request.method == "POST" else 200,
    )


@require_safe
def verify(request: HttpRequest, code: str) -> HttpResponse:
    """Shows that a pledge is genuine: initials, agency, election, date and code; never the NIP or full name."""
    enforce(request, "prevention.verify", verify_rate())
    code = code.strip().upper()
    pledge = None
    if len(code) <= 32 and all(ch in CROCKFORD for ch in code):
        pledge = (
            Pledge.objects.select_related("campaign__agency__region", "campaign__election").filter(code=code).first()
        )
    if pledge is None:
        return render(request, "prevention/verify.html", {"code": code[:32]}, status=404)
    campaign = pledge.campaign
    url = request.build_absolute_uri(reverse("prevention:verify", args=[pledge.code]))
    return render(
        request,
        "prevention/verify.html",
        {
            "pledge": pledge,
            "initials": mask_name(pledge.full_name),
            "agency": campaign.agency,
            "election": campaign.election,
            "signed": local(pledge.signed_at, campaign.agency.region.timezone),
            "url": url,
            "qr": qr_svg(url, _("Kode QR verifikasi ikrar %(code)s") % {"code": pledge.code}),
        },
    )


@require_safe
def calendar(request: HttpRequest) -> HttpResponse:
    """Upcoming public events: what, when (in the region's zone), where, who speaks; never minutes or staff."""
    events = (
        Event.objects.filter(is_public=True, starts_at__gte=timezone.now() - dt.timedelta(hours=12))
        .select_related("region")
        .prefetch_related("materials")
        .order_by("starts_at")
    )
    page = page_of(request, events)
    rows = [
        {
            "event": event,
            "kind": event_kinds().get(event.kind, event.kind),
            "audience": audiences().get(event.audience, event.audience),
            "starts": local(event.starts_at, event.region.timezone),
            "ends": local(event.ends_at, event.region.timezone),
            "speakers": [line.strip() for line in event.speakers.splitlines() if line.strip()],
            "materials": list(event.materials.all()),
        }
        for event in page
    ]
    return render(request, "prevention/calendar.html", {"page": page, "rows": rows})
