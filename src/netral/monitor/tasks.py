"""Background tasks of media monitoring (Django tasks API), enqueued by the worker's scheduler."""

from __future__ import annotations

from django_tasks import task


@task()
def fetch_source_task(source_id: int) -> dict[str, int | str]:
    """Fetch one source now; returns what the run recorded. A source deleted or disabled meanwhile is skipped."""
    from netral.monitor.models import Source
    from netral.monitor.services.sources import fetch_source

    source = Source.objects.filter(pk=source_id, enabled=True).first()
    if source is None:
        return {"status": "skipped"}
    run = fetch_source(source)
    return {"status": run.status, "received": run.received, "stored": run.stored, "alerts": run.alerts}


@task()
def ingest_upload_task(
    actor_id: int, kind: str, path: str, filename: str, owner_code: str, config: dict[str, object]
) -> dict[str, int | str]:
    """Ingest a large uploaded file in the background (the upload page hands over files too big to ingest while the
    supervisor waits); the run then appears under the uploaded files. The waiting file is removed either way."""
    from pathlib import Path

    from netral.accounts.models import User
    from netral.geo.models import Region
    from netral.monitor.services.sources import SourceRefused, do_upload
    from netral.monitor.sources import UploadError

    waiting = Path(path)
    try:
        actor = User.objects.get(pk=actor_id)
        owner = Region.objects.filter(code=owner_code).first() if owner_code else None
        run = do_upload(actor, kind=kind, filename=filename, data=waiting.read_bytes(), owner=owner, config=config)
    except (UploadError, SourceRefused) as exc:
        return {"status": "galat", "error": str(exc)}
    finally:
        waiting.unlink(missing_ok=True)
    return {"status": run.status, "run": run.pk, "received": run.received, "stored": run.stored, "alerts": run.alerts}


#: An upload left at the column-mapping step (the supervisor went away) is deleted after this long.
PENDING_UPLOAD_HOURS = 24


@task()
def sweep_pending_uploads() -> int:
    """Delete uploads abandoned at the mapping step (`DATA_DIR/monitor-uploads`); returns how many were removed."""
    import time
    from pathlib import Path

    from django.conf import settings

    folder = Path(settings.DATA_DIR) / "monitor-uploads"
    cutoff = time.time() - PENDING_UPLOAD_HOURS * 3600
    old = (
        [path for path in folder.glob("*") if path.is_file() and path.stat().st_mtime < cutoff]
        if folder.is_dir()
        else []
    )
    for path in old:
        path.unlink(missing_ok=True)
    return len(old)
