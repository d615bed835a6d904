"""The report draft: what the reporter typed so far, kept server-side in the session (expires with it)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest

KEY = "portal_draft"
#: bidirectional embedding/override/isolate controls: used to make "fdp.exe" read as "exe.pdf"; never needed in a
#: report (right-to-left scripts render correctly without them), so they are removed from everything typed.
BIDI_CONTROLS = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f"))


def clean_text(value: str) -> str:
    return value.translate(BIDI_CONTROLS).replace("\x00", "")


def load(request: HttpRequest) -> dict[str, Any]:
    return dict(request.session.get(KEY, {}))


def save(request: HttpRequest, values: dict[str, Any]) -> dict[str, Any]:
    draft = load(request)
    for name, value in values.items():
        if isinstance(value, dt.date):
            value = value.isoformat()
        elif isinstance(value, str):
            value = clean_text(value)
        elif isinstance(value, list):
            value = [clean_text(v) if isinstance(v, str) else v for v in value]
        draft[name] = value
    request.session[KEY] = draft
    return draft


def clear(request: HttpRequest) -> None:
    request.session.pop(KEY, None)
