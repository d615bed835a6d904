"""Socialisation events and rakor, their materials; circulars and advisories. Every change is audited."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from django.db import IntegrityError, transaction

from netral.accounts.access import AnyUser
from netral.accounts.models import User
from netral.audit.services import record
from netral.geo.models import Region
from netral.prevention.models import Circular, Event, EventMaterial
from netral.prevention.reference import audiences, circular_kinds, event_kinds
from netral.prevention.services.campaigns import _file_in_use
from netral.prevention.services.common import PreventionRefused, check_manager, store_document, with_file_cleanup
from netral.rules.models import Election, ViolationType

__all__ = [
    "CircularInput",
    "EventInput",
    "do_add_material",
    "do_save_circular",
    "do_save_event",
]


@dataclass
class EventInput:
    title: str
    kind: str
    region: Region
    starts_at: dt.datetime  # aware
    place: str
    organiser: str
    audience: str
    ends_at: dt.datetime | None = None
    election: Election | None = None
    speakers: str = ""
    audience_count: int = 0
    description: str = ""
    minutes: str = ""
    is_public: bool = True


def _check_event(data: EventInput) -> None:
    if data.kind not in event_kinds():
        raise PreventionRefused("Jenis kegiatan tidak dikenal.")
    if data.audience not in audiences():
        raise PreventionRefused("Jenis peserta tidak dikenal.")
    if data.starts_at.tzinfo is None:
        raise ValueError("starts_at must be timezone-aware")
    if data.ends_at is not None and data.ends_at < data.starts_at:
        raise PreventionRefused("Waktu selesai tidak boleh sebelum waktu mulai.")
    for label, value in (("Judul", data.title), ("Tempat", data.place), ("Penyelenggara", data.organiser)):
        if not value.strip():
            raise PreventionRefused(f"{label} wajib diisi.")


def do_save_event(actor: AnyUser, data: EventInput, event: Event | None = None) -> Event:
    """Create an event, or change one (the actor must manage both its old and its new region)."""
    _check_event(data)
    check_manager(actor, data.region.code)
    if event is not None:
        check_manager(actor, event.region_id)
    values = {k: v for k, v in asdict(data).items() if k not in {"region", "election"}}
    values.update(region=data.region, election=data.election)
    with transaction.atomic():
        if event is None:
            event = Event.objects.create(**values, created_by=actor if isinstance(actor, User) else None)
            action = "prevention.event_created"
        else:
            for name, value in values.items():
                setattr(event, name, value)
            event.save()
            action = "prevention.event_changed"
        record(actor, action, obj=event, region_code=event.region_id, data={"kind": event.kind})
    return event


def do_add_material(
    actor: AnyUser, event: Event, chunks: Iterable[bytes], original_name: str, title: str
) -> EventMaterial:
    check_manager(actor, event.region_id)
    stored = store_document(chunks)

    def write() -> EventMaterial:
        with transaction.atomic():
            material = EventMaterial.objects.create(
                event=event,
                title=title.strip()[:200] or Path(original_name).name[:200],
                file_path=stored.relative_path,
                sha256=stored.sha256,
                size=stored.size,
                content_type=stored.content_type,
                original_name=Path(original_name).name[:255],
            )
            record(
                actor,
                "prevention.material_added",
                obj=event,
                region_code=event.region_id,
                data={"material": material.pk, "sha256": stored.sha256},
            )
        return material

    return with_file_cleanup(stored, _file_in_use, write)


@dataclass
class CircularInput:
    kind: str
    number: str
    date: dt.date
    issuer: str
    subject: str
    addressees: str
    region: Region
    summary: str = ""
    election: Election | None = None
    violation_types: Sequence[ViolationType] = field(default_factory=list)
    is_public: bool = True


def do_save_circular(
    actor: AnyUser,
    data: CircularInput,
    circular: Circular | None = None,
    *,
    chunks: Iterable[bytes] | None = None,
    original_name: str = "",
) -> Circular:
    """Register a circular (or change one), with its file if given (PDF/JPEG/PNG)."""
    if data.kind not in circular_kinds():
        raise PreventionRefused("Jenis surat tidak dikenal.")
    for label, value in (
        ("Nomor", data.number),
        ("Penerbit", data.issuer),
        ("Perihal", data.subject),
        ("Ditujukan kepada", data.addressees),
    ):
        if not value.strip():
            raise PreventionRefused(f"{label} wajib diisi.")
    check_manager(actor, data.region.code)
    if circular is not None:
        check_manager(actor, circular.region_id)
    same_number = Circular.objects.filter(issuer__iexact=data.issuer.strip(), number__iexact=data.number.strip())
    if circular is not None:
        same_number = same_number.exclude(pk=circular.pk)
    if same_number.exists():
        raise PreventionRefused(f"{data.issuer.strip()} sudah mencatat surat bernomor {data.number.strip()}.")
    stored = store_document(chunks) if chunks is not None else None

    def write() -> Circular:
        nonlocal circular
        values = {
            "kind": data.kind,
            "number": " ".join(data.number.split())[:120],
            "date": data.date,
            "issuer": " ".join(data.issuer.split())[:200],
            "subject": data.subject.strip()[:300],
            "addressees": data.addressees.strip(),
            "summary": data.summary.strip(),
            "region": data.region,
            "election": data.election,
            "is_public": data.is_public,
        }
        if stored is not None:
            values.update(
                file_path=stored.relative_path,
                sha256=stored.sha256,
                size=stored.size,
                content_type=stored.content_type,
                original_name=Path(original_name).name[:255],
            )
        with transaction.atomic():
            if circular is None:
                circular = Circular.objects.create(**values, created_by=actor if isinstance(actor, User) else None)
                action = "prevention.circular_created"
            else:
                for name, value in values.items():
                    setattr(circular, name, value)
                circular.save()
                action = "prevention.circular_changed"
            circular.violation_types.set(data.violation_types)
            record(
                actor,
                action,
                obj=circular,
                region_code=circular.region_id,
                data={
                    "number": circular.number,
                    "sha256": circular.sha256,
                    "violation_types": sorted(v.code for v in data.violation_types),
                },
            )
        return circular

    try:
        return with_file_cleanup(stored, _file_in_use, write)
    except IntegrityError:
        raise PreventionRefused(f"{data.issuer} sudah mencatat surat bernomor {data.number}.") from None
