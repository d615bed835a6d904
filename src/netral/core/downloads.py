"""Stored files (evidence, letters, pacts, materials, circulars) as downloads that can never run in the browser."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404


def stored_file(relative: str, name: str, content_type: str) -> FileResponse:
    """The file at `relative` below MEDIA_ROOT as an attachment; 404 if it is missing or the path leaves the root.
    Callers check who may see the record first."""
    root = Path(settings.MEDIA_ROOT).resolve()
    path = (root / relative).resolve()
    if root not in path.parents or not path.is_file():
        raise Http404
    response = FileResponse(path.open("rb"), as_attachment=True, filename=name, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response
