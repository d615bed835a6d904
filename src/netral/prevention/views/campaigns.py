"""Staff pages: the prevention overview, agencies, campaigns (pact, signing link, import, pledges)."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from netral.accounts.access import get_object_in_scope_or_404, region_scope
from netral.cases.evidence_files import EvidenceRefused
from netral.core.downloads import stored_file
from netral.prevention import attendance
from netral.prevention.access import (
    agencies_visible_to,
    circulars_visible_to,
    events_visible_to,
    may_manage,
    may_view,
)
from netral.prevention.forms import AgencyForm, CampaignForm, CampaignSettingsForm, UploadForm
from netral.prevention.models import Agency, Campaign
from netral.prevention.nip import mask
from netral.prevention.reference import agency_kinds, attendance_spec
from netral.prevention.services.campaigns import (
    AgencyInput,
    do_create_agency,
    do_create_campaign,
    do_import_attendance,
    do_set_campaign,
    do_upload_pact,
)
from netral.prevention.services.common import PreventionRefused
from netral.prevention.services.coverage import coverage
from netral.prevention.views.common import (
    coverage_reader,
    local,
    page_of,
    prevention_manager,
    prevention_staff,
)


@require_safe
@coverage_reader
def overview(request: HttpRequest) -> HttpResponseBase:
    if not may_view(request.user):  # analysts read coverage figures only
        return redirect("prevention:coverage")
    now = timezone.now()
    report = coverage(region_scope(request.user))
    lagging = sorted((row for row in report.agencies if row.percent < 80), key=lambda row: row.percent)[:10]
    return render(
        request,
        "prevention/overview.html",
        {
            "report": report,
            "lagging": lagging,
            "agency_count": agencies_visible_to(request.user).count(),
            "upcoming": events_visible_to(request.user).filter(starts_at__gte=now).select_related("region")
            .order_by("starts_at")[:5],
            "circulars": circulars_visible_to(request.user).order_by("-date")[:5],
            "may_manage": may_manage(request.user),
        },
    )  # fmt: skip


@require_http_methods(["GET", "HEAD", "POST"])
@prevention_staff
def agency_list(request: HttpRequest) -> HttpResponseBase:
    form = AgencyForm(request.POST or None, user=request.user)
    if request.method == "POST":
        if not may_manage(request.user):
            raise Http404
        if form.is_valid():
            try:
                agency = do_create_agency(request.user, AgencyInput(**form.cleaned_data))
            except PreventionRefused as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, _("Instansi %(name)s terdaftar.") % {"name": agency.name})
                return redirect("prevention:agency", pk=agency.pk)
    query = request.GET.get("q", "").strip()
    agencies = (
        agencies_visible_to(request.user)
        .select_related("region")
        .annotate(campaign_count=Count("campaigns"))
        .order_by("region__code", "name")
    )
    if query:
        agencies = agencies.filter(name__icontains=query)
    return render(
        request,
        "prevention/agency_list.html",
        {
            "page": page_of(request, agencies),
            "query": query,
            "form": form,
            "kinds": agency_kinds(),
            "may_manage": may_manage(request.user),
        },
        status=400 if request.method == "POST" else 200,
    )


@require_http_methods(["GET", "HEAD", "POST"])
@prevention_staff
def agency_detail(request: HttpRequest, pk: int) -> HttpResponseBase:
    agency = get_object_in_scope_or_404(
        Agency.objects.select_related("region"), request.user, field="region__code", pk=pk
    )
    form = CampaignForm(request.POST or None, initial={"expected": agency.headcount})
    if request.method == "POST":
        if not may_manage(request.user):
            raise Http404
        if form.is_valid():
            try:
                campaign = do_create_campaign(
                    request.user, agency, form.cleaned_data["election"], form.cleaned_data["expected"]
                )
            except PreventionRefused as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, _("Kampanye ikrar dibuat."))
                return redirect("prevention:campaign", pk=campaign.pk)
    campaigns = agency.campaigns.select_related("election").annotate(signed=Count("pledges"))
    return render(
        request,
        "prevention/agency_detail.html",
        {
            "agency": agency,
            "kind_name": agency_kinds().get(agency.kind, agency.kind),
            "campaigns": campaigns,
            "form": form,
            "may_manage": may_manage(request.user),
        },
        status=400 if request.method == "POST" else 200,
    )


def _campaign(request: HttpRequest, pk: int) -> Campaign:
    return get_object_in_scope_or_404(
        Campaign.objects.select_related("agency", "agency__region", "election"),
        request.user,
        field="agency__region__code",
        pk=pk,
    )


@require_safe
@prevention_staff
def campaign_detail(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = _campaign(request, pk)
    zone = campaign.agency.region.timezone
    query = request.GET.get("q", "").strip()
    pledges = campaign.pledges.order_by("-signed_at", "full_name")
    if query:
        pledges = pledges.filter(full_name__icontains=query) | pledges.filter(nip__startswith=query)
    page = page_of(request, pledges)
    signed = campaign.pledges.count()
    return render(
        request,
        "prevention/campaign_detail.html",
        {
            "campaign": campaign,
            "signed": signed,
            "percent": signed * 100 // campaign.expected if campaign.expected else 0,
            "page": page,
            "query": query,
            "rows": [{"pledge": p, "nip": mask(p.nip), "at": local(p.signed_at, zone)} for p in page],
            "imports": [{"batch": b, "at": local(b.created_at, zone)} for b in campaign.imports.all()[:10]],
            "pact_at": local(campaign.pact_uploaded_at, zone),
            "sign_url": request.build_absolute_uri(reverse("prevention:sign", args=[campaign.token])),
            "settings_form": CampaignSettingsForm(initial={"expected": campaign.expected, "is_open": campaign.is_open}),
            "upload_form": UploadForm(),
            "may_manage": may_manage(request.user),
            "columns": attendance_spec().titles.values(),
        },
    )


@require_POST
@prevention_manager
def campaign_settings(request: HttpRequest, pk: int) -> HttpResponseBase:
    campaign = _campaign(request, pk)
    form = CampaignSettingsForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Jumlah pegawai yang diharapkan harus angka 1 atau lebih."))
    else:
        try:
            do_set_campaign(request.user, campaign, **form.cleaned_data)
        except PreventionRefused as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Pengaturan kampanye disimpan."))
    return redirect("prevention:campaign", pk=campaign.pk)


@require_POST
@prevention_manager
def pact_upload(request: HttpRequest, pk: int) -> HttpResponseBase:
    campaign = _campaign(request, pk)
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, _("Pilih berkas pakta integritas (PDF, JPEG atau PNG)."))
    else:
        try:
            do_upload_pact(request.user, campaign, upload.chunks(), upload.name or "pakta")
        except (EvidenceRefused, PreventionRefused) as exc:
            messages.error(request, _("Pakta tidak disimpan: %(reason)s") % {"reason": exc})
        else:
            messages.success(
                request, _("Pakta integritas tersimpan (SHA-256 %(sha)s).") % {"sha": campaign.pact_sha256}
            )
    return redirect(reverse("prevention:campaign", args=[campaign.pk]) + "#pakta")


@require_safe
@prevention_staff
def pact_download(request: HttpRequest, pk: int) -> HttpResponseBase:
    campaign = _campaign(request, pk)
    if not campaign.pact_path:
        raise Http404
    name = campaign.pact_original_name or f"pakta-{campaign.pk}"
    return stored_file(campaign.pact_path, name, campaign.pact_content_type)


@require_POST
@prevention_manager
def attendance_import(request: HttpRequest, pk: int) -> HttpResponseBase:
    campaign = _campaign(request, pk)
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, _("Pilih berkas daftar hadir (CSV atau XLSX)."))
        return redirect(reverse("prevention:campaign", args=[campaign.pk]) + "#impor")
    if upload.size and upload.size > attendance_spec().max_bytes:
        messages.error(request, _("Berkas terlalu besar."))
        return redirect(reverse("prevention:campaign", args=[campaign.pk]) + "#impor")
    try:
        batch = do_import_attendance(request.user, campaign, upload.read(), upload.name or "daftar-hadir")
    except (attendance.AttendanceRefused, PreventionRefused) as exc:
        messages.error(request, _("Daftar hadir tidak diimpor: %(reason)s") % {"reason": exc})
    else:
        text = _("Daftar hadir diimpor: %(new)s ikrar baru, %(old)s sudah tercatat, %(bad)s baris ditolak.") % {
            "new": batch.imported,
            "old": batch.already_signed,
            "bad": len(batch.errors),
        }
        (messages.warning if batch.errors else messages.success)(request, text)
    return redirect(reverse("prevention:campaign", args=[campaign.pk]) + "#impor")


@require_safe
@prevention_staff
def attendance_template(request: HttpRequest, pk: int) -> HttpResponse:
    """The empty list to fill in: CSV with ";" (Indonesian Excel), UTF-8 with a BOM so Excel reads the accents."""
    campaign = _campaign(request, pk)
    if request.GET.get("format") == "xlsx":
        response = HttpResponse(
            attendance.template_xlsx(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="daftar-hadir-ikrar-{campaign.pk}.xlsx"'
        return response
    response = HttpResponse("\ufeff" + attendance.template_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="daftar-hadir-ikrar-{campaign.pk}.csv"'
    return response
