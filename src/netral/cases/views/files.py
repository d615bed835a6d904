"""Downloads of evidence and generated documents: only for cases the user can see, always as attachments."""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from netral.cases.access import get_case_or_404
from netral.cases.models import Evidence, GeneratedFile
from netral.cases.services.documents import LETTER_KINDS, do_generate_letter
from netral.cases.services.transitions import CaseActionRefused
from netral.cases.views.common import case_handler, case_staff
from netral.core.downloads import stored_file


@require_safe
@case_staff
def evidence_download(request: HttpRequest, pk: int, evidence_pk: int) -> FileResponse:
    case = get_case_or_404(request.user, pk)
    evidence = Evidence.objects.filter(case=case, pk=evidence_pk).exclude(file_path="").first()
    if evidence is None:
        raise Http404
    name = evidence.original_name or f"bukti-{evidence.pk}"
    return stored_file(evidence.file_path, name, evidence.content_type or "application/octet-stream")


@require_safe
@case_staff
def document_download(request: HttpRequest, pk: int, file_pk: int) -> FileResponse:
    case = get_case_or_404(request.user, pk)
    document = GeneratedFile.objects.filter(case=case, pk=file_pk).first()
    if document is None:
        raise Http404
    return stored_file(document.file_path, f"{document.kind}-{case.pk}-{document.pk}.pdf", "application/pdf")


@require_POST
@case_handler
def generate_letter(request: HttpRequest, pk: int, kind: str) -> HttpResponseBase:
    """Render a letter to PDF and store it with the case (access-checked; audited by the service)."""
    case = get_case_or_404(request.user, pk)
    if kind not in LETTER_KINDS:
        raise Http404
    data = {k: str(v).strip()[:2000] for k, v in request.POST.items() if k != "csrfmiddlewaretoken"}
    try:
        document = do_generate_letter(case, kind, request.user, data)
    except (ValueError, CaseActionRefused) as exc:
        messages.error(request, _("Surat belum dapat dibuat: %(reason)s") % {"reason": exc})
    else:
        messages.success(
            request,
            _("%(kind)s dibuat (SHA-256 %(sha)s…).") % {"kind": LETTER_KINDS[kind], "sha": document.sha256[:12]},
        )
    return redirect(reverse("cases:detail", args=[case.pk]) + "#bukti")
