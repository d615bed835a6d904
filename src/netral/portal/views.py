"""Public pages: the multi-step report form, the receipt, the follow-up page, statistics; and the staff side's
"ask the reporter" form. Views parse → check → call a service → render."""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from netral.cases import evidence_files
from netral.cases.access import get_case_or_404
from netral.cases.services.evidence import max_bytes, max_files
from netral.cases.services.transitions import CaseActionRefused
from netral.geo.models import Level
from netral.portal import draft as drafts
from netral.portal import services
from netral.portal.forms import STEP_NAMES, STEPS, AnswerForm, LookupForm, QuestionForm, reference, region_choices
from netral.portal.limits import limit
from netral.portal.models import Question, Receipt
from netral.portal.receipt import format_code
from netral.rules.models import ViolationType

FOLLOWUP_KEY = "portal_followup"
FOLLOWUP_SECONDS = 30 * 60


def _context(step: str, form: Any, draft: dict[str, Any]) -> dict[str, Any]:
    index = STEP_NAMES.index(step)
    return {
        "form": form,
        "step": step,
        "steps": [(code, title) for code, title, _form in STEPS] + [("kirim", _("Tinjau dan kirim"))],
        "index": index,
        "number": index + 1,
        "total": len(STEPS) + 1,
        "previous": STEP_NAMES[index - 1] if index else "",
        "reference": reference(),
        "window": services.reporting_window(draft) if step == "tempat-waktu" else None,
    }


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def report_step(request: HttpRequest, step: str = "kejadian") -> HttpResponse:
    if step not in STEP_NAMES:
        return redirect("portal:report")
    form_class = STEPS[STEP_NAMES.index(step)][2]
    draft = drafts.load(request)
    if request.method == "POST":
        form = form_class(request.POST)
        going_back = "back" in request.POST
        if going_back or "refresh" in request.POST:
            # keep what was typed, valid or not, and go back or redraw (region pickers without JavaScript)
            drafts.save(request, {k: _raw(request, form, k) for k in form.fields})
            if going_back:
                index = STEP_NAMES.index(step)
                return redirect("portal:report_step", step=STEP_NAMES[max(index - 1, 0)])
            return redirect("portal:report_step", step=step)
        if form.is_valid():
            draft = drafts.save(request, form.cleaned_data)
            index = STEP_NAMES.index(step)
            if index + 1 < len(STEP_NAMES):
                return redirect("portal:report_step", step=STEP_NAMES[index + 1])
            return redirect("portal:review")
    else:
        form = form_class(initial=draft)
    return render(request, "portal/step.html", _context(step, form, draft))


def _raw(request: HttpRequest, form: Any, name: str) -> Any:
    if name == "violation_codes":
        return request.POST.getlist(name)
    return request.POST.get(name, "")[:20000]


@require_safe
def region_options(request: HttpRequest) -> HttpResponse:
    """htmx: the <option>s of the regions below `parent` (kabupaten/kota of a province, kecamatan of a regency)."""
    parent = request.GET.get("province") or request.GET.get("regency") or ""
    level = Level.KABUPATEN_KOTA if "province" in request.GET else Level.KECAMATAN
    options = region_choices(level, parent[:13])
    return render(request, "portal/_options.html", {"options": options})


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def review(request: HttpRequest) -> HttpResponse:
    draft = drafts.load(request)
    missing = [code for code, _title, form_class in STEPS if not form_class(draft).is_valid()]
    error = ""
    if request.method == "POST" and not missing:
        limit(request, "submit")
        files = request.FILES.getlist("evidence")
        ip = request.META.get("REMOTE_ADDR", "")
        try:
            submitted = services.do_submit_report(draft, files, client_ip=ip)
        except (evidence_files.EvidenceRefused, services.PortalRefused, CaseActionRefused) as refused:
            error = str(refused)
        else:
            drafts.clear(request)
            request.session[FOLLOWUP_KEY] = {"pk": submitted.receipt.pk, "at": time.time()}
            return render(
                request,
                "portal/receipt.html",
                {
                    "code": format_code(submitted.code),
                    "case": submitted.case,
                    "named": not submitted.case.anonymous,
                    "email": bool(draft.get("reporter_email")),
                },
            )
    formal, material = services.completeness(draft)
    types = ViolationType.objects.filter(code__in=draft.get("violation_codes", []))
    return render(
        request,
        "portal/review.html",
        {
            "draft": draft,
            "missing": missing,
            "formal": formal,
            "material": material,
            "types": types,
            "window": services.reporting_window(draft),
            "error": error,
            "max_files": max_files(),
            "max_mb": max_bytes() // (1024 * 1024),
            "total": len(STEPS) + 1,
            "steps": [(code, title) for code, title, _form in STEPS] + [("kirim", _("Tinjau dan kirim"))],
        },
        status=400 if error else 200,
    )


def _followup_receipt(request: HttpRequest) -> Receipt | None:
    state = request.session.get(FOLLOWUP_KEY)
    if not state or time.time() - float(state.get("at", 0)) > FOLLOWUP_SECONDS:
        return None
    return Receipt.objects.select_related("case").filter(pk=state.get("pk")).first()


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def followup(request: HttpRequest) -> HttpResponse:
    """Enter the code (rate-limited); then status, questions, answers and more evidence."""
    if request.method == "POST" and "code" in request.POST:
        limit(request, "lookup")
        form = LookupForm(request.POST)
        found = services.find_receipt(request.POST.get("code", "")) if form.is_valid() else None
        if found is None:
            return render(request, "portal/lookup.html", {"form": LookupForm(), "failed": True})
        request.session.cycle_key()
        request.session[FOLLOWUP_KEY] = {"pk": found.pk, "at": time.time()}
        return redirect("portal:followup")
    found = _followup_receipt(request)
    if found is None:
        return render(request, "portal/lookup.html", {"form": LookupForm(), "failed": False})
    name, explanation = services.status_of(found.case)
    questions = Question.objects.filter(case=found.case)
    return render(
        request,
        "portal/followup.html",
        {
            "case": found.case,
            "status_name": name,
            "status_text": explanation,
            "questions": questions,
            "answer_form": AnswerForm(),
            "max_files": max_files(),
            "max_mb": max_bytes() // (1024 * 1024),
            "files": found.case.evidence.exclude(file_path="").count(),
        },
    )


@require_POST
def followup_answer(request: HttpRequest, pk: int) -> HttpResponse:
    found = _followup_receipt(request)
    if found is None:
        return redirect("portal:followup")
    limit(request, "answer")
    question = get_object_or_404(Question, pk=pk, case=found.case)
    form = AnswerForm(request.POST)
    if form.is_valid():
        try:
            services.do_answer(found, question, form.cleaned_data["answer"])
            messages.success(request, _("Terima kasih, jawaban Anda sudah terkirim."))
        except services.PortalRefused as refused:
            messages.error(request, str(refused))
    else:
        messages.error(request, _("Jawaban tidak boleh kosong."))
    return redirect("portal:followup")


@require_POST
def followup_evidence(request: HttpRequest) -> HttpResponse:
    found = _followup_receipt(request)
    if found is None:
        return redirect("portal:followup")
    limit(request, "answer")
    files = request.FILES.getlist("evidence")
    if not files:
        messages.error(request, _("Pilih paling sedikit satu berkas."))
        return redirect("portal:followup")
    try:
        count = services.do_add_public_evidence(found, files)
        messages.success(
            request,
            ngettext("%(count)d berkas bukti sudah ditambahkan.", "%(count)d berkas bukti sudah ditambahkan.", count)
            % {"count": count},
        )
    except evidence_files.EvidenceRefused as refused:
        messages.error(request, str(refused))
    return redirect("portal:followup")


@require_POST
def followup_end(request: HttpRequest) -> HttpResponse:
    request.session.pop(FOLLOWUP_KEY, None)
    return redirect("portal:followup")


@login_required
@require_POST
def ask(request: HttpRequest, pk: int) -> HttpResponse:
    """Staff: post a question to the reporter of a portal case."""
    case = get_case_or_404(request.user, pk)
    form = QuestionForm(request.POST)
    if form.is_valid():
        try:
            services.do_ask(request.user, case, form.cleaned_data["text"])
            messages.success(request, _("Pertanyaan dikirim; pelapor melihatnya di halaman tindak lanjut."))
        except CaseActionRefused as refused:
            messages.error(request, str(refused))
    else:
        messages.error(request, _("Pertanyaan tidak boleh kosong."))
    return HttpResponseRedirect(reverse("cases:detail", args=[case.pk]))


@require_safe
def statistics(request: HttpRequest) -> HttpResponse:
    k = int(getattr(settings, "NETRAL_STATS_MIN_COUNT", 3))
    return render(request, "portal/statistics.html", {"stats": services.statistics(k), "k": k})
