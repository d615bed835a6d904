"""Cases (perkara): list and read with `cases:read`, take workflow transitions with `cases:transition`.

Visibility is the owner's (`cases_visible_to`) narrowed to the token's jurisdiction; anything else answers 404.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Prefetch, QuerySet
from django.http import Http404, HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.params.functions import Path as P

from netral.api.auth import require
from netral.api.errors import ERRORS, ApiError
from netral.api.pagination import MAX_LIMIT, page
from netral.api.schemas import CaseOut, CasePage, ObjectId, TrackOut, TransitionIn, TransitionOut
from netral.api.tokens import Grant
from netral.cases.access import cases_visible_to, tracks_visible_to
from netral.cases.models import Case, Track
from netral.cases.services.transitions import CaseActionRefused, do_transition
from netral.cases.workflow import IllegalTransition

router = Router(tags=["perkara / cases"])


class CaseFilter(Schema):
    status: str | None = Field(None, pattern="^(open|closed)$", description="open (berjalan) atau closed (selesai)")
    region: str | None = Field(None, max_length=13, description="Kode wilayah kejadian dan di bawahnya / region")
    election: str | None = Field(None, max_length=40, description="Kode pemilihan / election code")
    received_since: dt.datetime | None = Field(None, description="Diterima sejak / received since")
    cursor: str | None = Field(None, max_length=100)
    limit: int = Field(50, ge=1, le=MAX_LIMIT)


def _visible(grant: Grant) -> QuerySet[Case]:
    tracks = tracks_visible_to(grant.user).filter(grant.scope.q("case__event_region_code")).order_by("pk")
    return (
        cases_visible_to(grant.user)
        .filter(grant.scope.q("event_region_code"))
        .prefetch_related(Prefetch("tracks", queryset=tracks, to_attr="api_tracks"))
    )


def _out(case: Case) -> CaseOut:
    tracks: list[Track] = getattr(case, "api_tracks", [])
    return CaseOut(
        id=case.pk,
        number=case.number,
        intake=case.intake,
        regime=case.regime,
        election=case.election_id,
        summary=case.summary,
        event_region_code=case.event_region_code,
        event_date=case.event_date,
        received_at=case.received_at,
        closed=case.closed,
        tracks=[
            TrackOut(id=t.pk, kind=t.kind, state=t.state, entered_at=t.entered_at, due_at=t.due_at, ended=t.ended)
            for t in tracks
        ],
    )


def _get(grant: Grant, pk: int) -> Case:
    case = _visible(grant).filter(pk=pk).first()
    if case is None:
        raise Http404
    return case


@router.get("/cases", response={200: CasePage, **ERRORS}, summary="Daftar perkara / List cases")
def list_cases(request: HttpRequest, filters: Query[CaseFilter]) -> CasePage:
    grant = require(request, "cases:read")
    cases = _visible(grant)
    if filters.status:
        cases = cases.filter(closed=filters.status == "closed")
    if filters.region:
        cases = cases.filter(event_region_code__startswith=filters.region)
    if filters.election:
        cases = cases.filter(election_id=filters.election)
    if filters.received_since:
        cases = cases.filter(received_at__gte=filters.received_since)
    rows, cursor = page(cases, filters.cursor, filters.limit)
    return CasePage(items=[_out(c) for c in rows], next_cursor=cursor)


@router.get("/cases/{case_id}", response={200: CaseOut, **ERRORS}, summary="Satu perkara / One case")
def get_case(request: HttpRequest, case_id: ObjectId) -> CaseOut:
    return _out(_get(require(request, "cases:read"), case_id))


@router.post(
    "/cases/{case_id}/tracks/{track_id}/transitions/{code}",
    response={200: TransitionOut, 409: ERRORS[404], **ERRORS},
    summary="Jalankan tindakan alur kerja / Take a workflow transition",
    description=(
        "Isian (`inputs`) sama dengan formulir di halaman perkara; penolakan alur kerja menjawab 409 dengan kode "
        "alasan. / Inputs as in the case page's forms; a workflow refusal answers 409 with the reason code."
    ),
)
def take_transition(
    request: HttpRequest, case_id: ObjectId, track_id: ObjectId, body: TransitionIn, code: str = P(..., max_length=60)
) -> TransitionOut:
    grant = require(request, "cases:transition")
    case = _get(grant, case_id)
    track = next((t for t in getattr(case, "api_tracks", []) if t.pk == track_id), None)
    if track is None:
        raise Http404
    try:
        outcome = do_transition(track, code, grant.user, body.inputs, note=body.note)
    except IllegalTransition as exc:
        raise ApiError(409, exc.reason, exc.message_id, {"field": exc.field}) from None
    except CaseActionRefused as exc:
        raise ApiError(409, "refused", str(exc)) from None
    after = _visible(grant).filter(pk=case.pk).first()
    return TransitionOut(
        track_id=track.pk,
        from_state=outcome.from_state,
        to_state=outcome.to_state,
        case=_out(after) if after else None,
    )
