"""The watchlist a supervisor keeps: names, agencies, regions and keywords that raise an alert when a story
mentions them (matching is in `services.alerts`). A term belongs to the jurisdiction of the user who added it."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q, QuerySet

from netral.accounts.access import AnyUser, can_see_region, has_capability, region_scope
from netral.accounts.models import User
from netral.audit.services import record
from netral.geo.models import Region
from netral.monitor.models import WatchTerm

__all__ = ["WatchlistRefused", "do_add_term", "do_deactivate_term", "terms_visible_to"]

MAX_TERM = 200


class WatchlistRefused(Exception):
    """A watchlist change that may not happen; the message is for the supervisor."""


def terms_visible_to(user: AnyUser) -> QuerySet[WatchTerm]:
    """Terms owned in the user's jurisdiction and below; national terms (no owner) only for national roles."""
    if not has_capability(user, "monitor.view"):
        return WatchTerm.objects.none()
    scope = region_scope(user)
    if scope.everything:
        return WatchTerm.objects.all()
    return WatchTerm.objects.filter(scope.q("owner_code") & ~Q(owner_code=""))


def _owner_of(actor: AnyUser) -> Region | None:
    return actor.jurisdiction if isinstance(actor, User) else None


def _check_manager(actor: AnyUser) -> None:
    if not has_capability(actor, "monitor.sources"):
        raise WatchlistRefused("Anda tidak berwenang mengelola daftar pantau.")


def do_add_term(actor: AnyUser, *, kind: str, term: str, region: Region | None = None, note: str = "") -> WatchTerm:
    """A new active term owned by the actor's jurisdiction (national for Bawaslu RI)."""
    _check_manager(actor)
    if kind not in WatchTerm.Kind.values:
        raise WatchlistRefused("Jenis istilah tidak dikenal.")
    if kind == WatchTerm.Kind.REGION:
        if region is None:
            raise WatchlistRefused("Pilih wilayah yang dipantau.")
        if not can_see_region(actor, region.code):
            raise WatchlistRefused("Wilayah yang dipantau berada di luar wilayah tugas Anda.")
        term = term.strip() or region.display_name
    else:
        region = None
        term = " ".join(term.split())
        if len(term) < 3:
            raise WatchlistRefused("Istilah paling sedikit 3 huruf.")
    owner = _owner_of(actor)
    if terms_visible_to(actor).filter(kind=kind, term__iexact=term[:MAX_TERM], region=region, active=True).exists():
        raise WatchlistRefused("Istilah ini sudah ada di daftar pantau.")
    with transaction.atomic():
        watch = WatchTerm.objects.create(
            kind=kind,
            term=term[:MAX_TERM],
            region=region,
            owner=owner,
            note=note.strip()[:300],
            created_by=actor if isinstance(actor, User) else None,
        )
        record(
            actor,
            "monitor.watch_term_added",
            obj=watch,
            region_code=watch.owner_code,
            data={"kind": kind, "term": watch.term, "region": region.code if region else ""},
        )
    return watch


def do_deactivate_term(watch: WatchTerm, actor: AnyUser) -> None:
    """Stop watching a term; it stays listed (inactive) for the record."""
    _check_manager(actor)
    if not terms_visible_to(actor).filter(pk=watch.pk).exists():
        raise WatchlistRefused("Istilah tidak ditemukan di wilayah Anda.")
    if not watch.active:
        raise WatchlistRefused("Istilah ini sudah tidak aktif.")
    with transaction.atomic():
        watch.active = False
        watch.save(update_fields=["active"])
        record(
            actor, "monitor.watch_term_deactivated", obj=watch, region_code=watch.owner_code, data={"term": watch.term}
        )
