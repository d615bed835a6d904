"""Report intake for partner channels: `POST /api/reports` and, within a short window, evidence files after it.

Who may send: a service token with `reports:write` whose owner may receive cases (`cases.transition` in
roles.toml: Bawaslu RI, provinsi, kabupaten/kota, Panwascam); reports only inside the token's jurisdiction.
The work is done by `netral.api.intake`, which reuses the public portal's validation and storage.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from ninja import File, Router, Status, UploadedFile
from ninja.params.functions import Form as FormField
from ninja.params.functions import Header

from netral.accounts.access import has_capability
from netral.api import intake
from netral.api.auth import require
from netral.api.errors import ERRORS, ApiError, ErrorOut
from netral.api.models import TokenKind
from netral.api.schemas import ObjectId
from netral.api.schemas_reports import REFERENCE_PATTERN, EvidenceOut, ReportCreated, ReportIn
from netral.api.tokens import Grant
from netral.core.ratelimit import enforce

router = Router(tags=["laporan / reports"])

WRITE_ERRORS = {**ERRORS, 409: ErrorOut}


def _rate() -> str:
    return str(getattr(settings, "NETRAL_API_REPORT_RATE", "60/m"))


def _writer(request: HttpRequest) -> Grant:
    """A service token with `reports:write` of an owner who may receive cases; writes have their own rate."""
    grant = require(request, "reports:write")
    if grant.token.kind != TokenKind.SERVICE:
        raise ApiError(
            403, "service_token_required", "Laporan dari kanal mitra hanya diterima dengan token layanan (service)."
        )
    if not has_capability(grant.user, "cases.transition"):
        raise ApiError(403, "forbidden", "Pemilik token tidak berwenang menerima laporan.")
    enforce(request, "api.reports", _rate(), key=grant.token.prefix)
    return grant


def _secret(request: HttpRequest) -> str:
    """The raw bearer token (authentication already checked it): the key of the sealed receipt code."""
    return request.headers.get("Authorization", "").partition(" ")[2].strip()


def _refused(refused: intake.IntakeRefused) -> ApiError:
    return ApiError(refused.status, refused.code, refused.message, refused.detail)


@router.post(
    "/reports",
    response={201: ReportCreated, **WRITE_ERRORS},
    summary="Kirim laporan dari kanal mitra / Submit a report from a partner channel",
    description=(
        "Membuat laporan persis seperti portal publik: dengan nama (laporan) atau tanpa nama (informasi awal). "
        "Kirim ulang dengan external_id atau Idempotency-Key yang sama mengembalikan jawaban pertama (201, "
        "`replayed: true`, header `Idempotent-Replayed`); isi berbeda dengan rujukan yang sama → 422 "
        "`reference_reused`. Teruskan `receipt_code` kepada pelapor: dengan kode itu ia membuka halaman tindak "
        "lanjut. Wilayah di luar wilayah token → 422 `outside_jurisdiction`.\n\n"
        "Creates a report exactly as the public portal does: named (laporan) or anonymous (informasi awal). A "
        "retry with the same external_id or Idempotency-Key returns the first answer (201, `replayed: true`, "
        "`Idempotent-Replayed` header); another body under the same reference → 422 `reference_reused`. Pass "
        "`receipt_code` on to the reporter: it opens the follow-up page. A region outside the token's "
        "jurisdiction → 422 `outside_jurisdiction`."
    ),
)
def create_report(
    request: HttpRequest,
    report: ReportIn,
    response: HttpResponse,
    idempotency_key: str | None = Header(
        None,
        alias="Idempotency-Key",
        pattern=REFERENCE_PATTERN,
        description="Kunci pengiriman ulang (pengganti external_id) / retry key (instead of external_id)",
    ),
) -> Status[ReportCreated]:
    grant = _writer(request)
    followup_url = request.build_absolute_uri(reverse("portal:followup"))
    try:
        received = intake.receive(grant, _secret(request), report, idempotency_key, followup_url)
    except intake.IntakeRefused as refused:
        raise _refused(refused) from None
    if received.replayed:
        response["Idempotent-Replayed"] = "true"
    return Status(201, ReportCreated(**received.body, receipt_code=received.receipt_code, replayed=received.replayed))


@router.post(
    "/reports/{case_id}/evidence",
    response={200: EvidenceOut, 201: EvidenceOut, **WRITE_ERRORS},
    summary="Lampirkan bukti pada laporan mitra / Attach evidence to a partner report",
    description=(
        "Satu berkas per permintaan (multipart, kolom `file`), oleh token yang mengirim laporan, selama "
        "`evidence_until`. Pemeriksaan sama dengan portal: jenis menurut isi (gambar, PDF, audio, video), ukuran "
        "dan jumlah berkas, SHA-256. Berkas yang sama dikirim ulang → 200 dengan bukti yang sudah ada; sesudah "
        "batas waktu → 409 `evidence_window_closed`.\n\n"
        "One file per request (multipart, field `file`), by the token that sent the report, until "
        "`evidence_until`. The portal's checks: type by content (images, PDF, audio, video), size and count "
        "limits, SHA-256. The same file sent again → 200 with the evidence already kept; after the window → 409 "
        "`evidence_window_closed`."
    ),
)
def add_report_evidence(
    request: HttpRequest,
    case_id: ObjectId,
    file: File[UploadedFile],
    description: str = FormField("", max_length=300, description="Keterangan berkas / what the file shows"),
) -> Status[EvidenceOut]:
    grant = _writer(request)
    try:
        evidence, duplicate = intake.add_evidence(grant, case_id, file, description)
    except intake.IntakeRefused as refused:
        raise _refused(refused) from None
    out = EvidenceOut(
        id=evidence.pk,
        sha256=evidence.sha256,
        size=evidence.size,
        content_type=evidence.content_type,
        name=evidence.original_name,
        duplicate=duplicate,
    )
    return Status(200 if duplicate else 201, out)
