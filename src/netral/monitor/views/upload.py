"""Uploads: a file and its kind (guessed from the file); for a social-media export, a second step maps its columns.

Between the two steps the file waits under DATA_DIR/monitor-uploads, named by a random token kept in the session,
so only the user who uploaded it can finish (or abandon) the import. Files are ingested synchronously: the form's
size limit (NETRAL_MONITOR_MAX_UPLOAD_MB) keeps that within a request's time.
"""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from netral.accounts.access import AnyUser, can_see_region, region_scope
from netral.geo.models import Region
from netral.monitor.forms import MappingForm, UploadForm
from netral.monitor.labels import kind_label
from netral.monitor.models import FetchRun
from netral.monitor.services.sources import SourceRefused, do_upload, sources_visible_to
from netral.monitor.sources import KINDS, UploadError, columns_of, detect_upload_kind, guess_columns
from netral.monitor.tasks import ingest_upload_task
from netral.monitor.views.common import DEFAULT_ZONE, local, monitor_manager, monitor_staff, zone_label

SESSION_KEY = "monitor-upload"
#: Files up to this size are ingested while the supervisor waits; bigger ones go to the worker.
SYNC_LIMIT = 5 * 1024 * 1024


def _pending_dir() -> Path:
    folder = Path(settings.DATA_DIR) / "monitor-uploads"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _run_upload(request: HttpRequest, kind: str, filename: str, data: bytes, meta: dict[str, Any]) -> HttpResponse:
    owner = Region.objects.filter(code=meta.get("owner", "")).first() if meta.get("owner") else None
    config: dict[str, Any] = {}
    if meta.get("platform"):
        config["platform"] = meta["platform"]
    if meta.get("columns"):
        config["columns"] = meta["columns"]
    if len(data) > SYNC_LIMIT:
        return _enqueue(request, kind, filename, data, meta.get("owner", ""), config)
    run = do_upload(request.user, kind=kind, filename=filename, data=data, owner=owner, config=config)
    messages.success(
        request,
        _("%(stored)d item baru disimpan dari %(received)d; %(alerts)d peringatan baru.")
        % {"stored": run.stored, "received": run.received, "alerts": run.alerts},
    )
    return redirect("monitor:upload_result", pk=run.pk)


def check_upload(user: AnyUser, kind: str, owner: Region | None) -> None:
    """What `do_upload` will check, checked now: the worker's refusal would reach no one."""
    if kind not in KINDS or KINDS[kind].needs_url:
        raise SourceRefused(_("Pilih jenis berkas: ekspor media sosial, obrolan WhatsApp, atau berkas teks/HTML."))
    if owner is None and not region_scope(user).everything:
        raise SourceRefused(_("Sumber nasional hanya dapat dikelola Bawaslu RI."))
    if owner is not None and not can_see_region(user, owner.code):
        raise SourceRefused(_("Wilayah pengelola berada di luar wilayah tugas Anda."))


def _enqueue(
    request: HttpRequest, kind: str, filename: str, data: bytes, owner: str, config: dict[str, Any]
) -> HttpResponse:
    """A big file: checked like any upload, then handed to the worker (`ingest_upload_task`)."""
    region = Region.objects.filter(code=owner).first() if owner else None
    check_upload(request.user, kind, region)
    waiting = _pending_dir() / f"task-{secrets.token_hex(16)}"
    waiting.write_bytes(data)
    assert request.user.pk is not None  # monitor_manager let only a staff user in
    ingest_upload_task.enqueue(request.user.pk, kind, str(waiting), filename, owner, config)
    messages.success(
        request,
        _("Berkas besar diproses di latar belakang; hasilnya muncul di daftar berkas yang diunggah."),
    )
    return redirect(f"{reverse('monitor:sources')}?tampil=unggahan")


@require_http_methods(["GET", "HEAD", "POST"])
@monitor_manager
def upload(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        data = d["file"].read()
        filename = Path(d["file"].name or "unggahan").name
        kind = d["kind"] or detect_upload_kind(data, filename)
        meta = {"owner": d["owner"], "platform": d["platform"].strip()}
        try:
            if kind == "social":
                columns = columns_of(data, filename)
                if not columns:
                    raise UploadError(_("Tidak ada kolom yang terbaca dalam berkas ini."))
                token = secrets.token_hex(16)
                (_pending_dir() / token).write_bytes(data)
                request.session[SESSION_KEY] = {**meta, "token": token, "filename": filename, "columns": columns}
                return redirect("monitor:upload_mapping")
            return _run_upload(request, kind, filename, data, meta)
        except (UploadError, SourceRefused) as exc:
            form.add_error(None, str(exc))
    return render(request, "monitor/upload.html", {"form": form, "max_mb": settings.NETRAL_MONITOR_MAX_UPLOAD_MB})


@require_http_methods(["GET", "HEAD", "POST"])
@monitor_manager
def upload_mapping(request: HttpRequest) -> HttpResponse:
    pending = request.session.get(SESSION_KEY)
    path = _pending_dir() / str(pending.get("token", "")) if pending else None
    if not pending or path is None or not path.is_file():
        messages.error(request, _("Unggahan tidak ditemukan lagi; unggah berkasnya kembali."))
        return redirect("monitor:upload")
    columns: list[str] = list(pending["columns"])
    guessed = {f"col_{name}": column for name, column in guess_columns(columns).items()}
    form = MappingForm(request.POST or None, initial=guessed, columns=columns)
    if request.method == "POST" and "batal" in request.POST:
        path.unlink(missing_ok=True)
        del request.session[SESSION_KEY]
        return redirect("monitor:upload")
    if request.method == "POST" and form.is_valid():
        try:
            response = _run_upload(
                request,
                "social",
                pending["filename"],
                path.read_bytes(),
                {**pending, "columns": form.mapping()},
            )
        except (UploadError, SourceRefused) as exc:
            form.add_error(None, str(exc))
        else:
            path.unlink(missing_ok=True)
            del request.session[SESSION_KEY]
            return response
    return render(request, "monitor/upload_mapping.html", {"form": form, "pending": pending})


@require_safe
@monitor_staff
def upload_result(request: HttpRequest, pk: int) -> HttpResponse:
    run = get_object_or_404(FetchRun.objects.filter(source__in=sources_visible_to(request.user)), pk=pk)
    kind = kind_label(run.source.kind)
    context = {
        "run": run,
        "source": run.source,
        "kind": kind,
        "started": local(run.started_at, DEFAULT_ZONE),
        "zone": zone_label(DEFAULT_ZONE),
    }
    return render(request, "monitor/upload_result.html", context)
