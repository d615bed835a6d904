"""Response shapes. The API never returns a reporter's identity (name, NIK, contact): see docs/api.md."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from ninja import Field, Path, Schema

# A database id in a URL path. Bounded to the 64-bit range the databases store, so an id no row can have is a
# clean 422 instead of an integer overflow inside the query.
ObjectId = Annotated[int, Path(ge=1, le=2**63 - 1, description="Nomor data / object id")]


class RegionOut(Schema):
    code: str = Field(description="Kode Kemendagri / Kemendagri code")
    name: str
    level: str
    parent_code: str | None = Field(None, description="Kode induk / parent code")
    timezone: str


class RegionPage(Schema):
    items: list[RegionOut]
    next_cursor: str | None = Field(None, description="Kursor halaman berikut / cursor of the next page")


class TrackOut(Schema):
    id: int
    kind: str
    state: str
    entered_at: dt.datetime
    due_at: dt.datetime | None
    ended: bool


class CaseOut(Schema):
    id: int
    number: str
    intake: str
    regime: str
    election: str
    summary: str
    event_region_code: str
    event_date: dt.date | None
    received_at: dt.datetime
    closed: bool
    tracks: list[TrackOut]


class CasePage(Schema):
    items: list[CaseOut]
    next_cursor: str | None = None


class TransitionIn(Schema):
    inputs: dict[str, Any] = Field(
        default_factory=dict, description="Isian tindakan menurut alur kerja / the workflow's inputs"
    )
    note: str = Field("", max_length=2000)


class TransitionOut(Schema):
    track_id: int
    from_state: str
    to_state: str
    case: CaseOut | None = Field(None, description="Null bila perkara tidak lagi terlihat / null when out of view")


class AlertOut(Schema):
    id: int
    title: str
    region_code: str
    status: str
    confidence: float
    reasons: list[Any]
    case_id: int | None
    created_at: dt.datetime
    updated_at: dt.datetime


class AlertPage(Schema):
    items: list[AlertOut]
    next_cursor: str | None = None
