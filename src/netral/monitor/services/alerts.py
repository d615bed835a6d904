"""Alerts: which stories need a supervisor, and what the supervisor does with them.

A story raises one alert when an item reports a violation with enough confidence (`data/alerts.toml`), or when it
mentions something on a watchlist. The alert lands in the inbox of the region where the event happened (the text
says where); a watchlist hit on a story without a region lands with the term's owner. Triage — open as a new case,
attach to an existing case, dismiss — is audited like every case action.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import ahocorasick
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from netral.accounts.access import AnyUser, has_capability, region_scope, scope_q
from netral.accounts.models import User
from netral.audit.services import record
from netral.cases.access import cases_visible_to
from netral.cases.models import Case, Intake
from netral.cases.services.evidence import do_add_evidence
from netral.cases.services.intake import NewCase, do_receive_case
from netral.cases.services.transitions import CaseActionRefused
from netral.core.datafile import read_toml
from netral.monitor import facts
from netral.monitor.models import Alert, Item, Story, WatchTerm
from netral.monitor.prepare import Prepared

__all__ = [
    "AlertRefused",
    "alerts_visible_to",
    "do_attach_to_case",
    "do_dismiss",
    "do_dismiss_many",
    "do_open_as_case",
    "evaluate_stories",
    "items_visible_to",
]

DATA = Path(__file__).resolve().parent.parent / "data" / "alerts.toml"


class AlertRefused(Exception):
    """A triage action that may not happen; the message is for the supervisor."""


@dataclass(frozen=True)
class AlertSettings:
    min_confidence: float
    evidence_links: int


@cache
def alert_settings() -> AlertSettings:
    root = read_toml(DATA)
    confidence = root.get("min_confidence")
    if not isinstance(confidence, int | float) or not 0 <= confidence <= 1:
        raise root.error("min_confidence must be a number from 0 to 1")
    return AlertSettings(float(confidence), root.integer("evidence_links"))


# --- Watchlist ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Terms:
    automaton: Any  # ahocorasick.Automaton over lower-cased phrases → list of term ids
    region_terms: tuple[tuple[int, str], ...]  # (term id, region code mentioned)
    terms: dict[int, WatchTerm]


def _load_terms() -> _Terms:
    terms = {t.pk: t for t in WatchTerm.objects.filter(active=True)}
    automaton = ahocorasick.Automaton()
    phrases: dict[str, list[int]] = {}
    for term in terms.values():
        if term.kind != WatchTerm.Kind.REGION and term.term.strip():
            phrases.setdefault(" ".join(term.term.lower().split()), []).append(term.pk)
    for phrase, ids in phrases.items():
        automaton.add_word(phrase, (len(phrase), ids))
    if phrases:
        automaton.make_automaton()
    regions = tuple((t.pk, t.region_id) for t in terms.values() if t.kind == WatchTerm.Kind.REGION and t.region_id)
    return _Terms(automaton if phrases else None, regions, terms)


def _word_at(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not before.isalnum() and not after.isalnum()


def _matches(terms: _Terms, p: Prepared) -> set[int]:
    found: set[int] = set()
    if terms.automaton is not None:
        text = " ".join(f"{p.raw.title}\n{p.raw.text}".lower().split())
        for end, (length, ids) in terms.automaton.iter(text):
            if _word_at(text, end - length + 1, end + 1):
                found.update(ids)
    mentioned = {str(m.get("code", "")) for m in p.analysis.get("regions", [])}
    for term_id, code in terms.region_terms:
        if any(c == code or c.startswith(code + ".") for c in mentioned):
            found.add(term_id)
    return found


def _watches(term: WatchTerm, region_code: str) -> bool:
    """A term watches stories in its owner's jurisdiction, and stories whose region is unknown."""
    if not region_code or not term.owner_code:
        return True
    return region_code == term.owner_code or region_code.startswith(term.owner_code + ".")


# --- Raising alerts ----------------------------------------------------------------------------------------------


def _best(prepared: Sequence[Prepared]) -> Prepared:
    return max(prepared, key=lambda p: (p.violation, p.confidence, bool(p.region_code)))


def evaluate_stories(touched: Iterable[tuple[Story, list[Prepared]]], *, now: dt.datetime) -> list[Alert]:
    """Raise alerts for stories that now deserve one, update open alerts whose story grew; return the new ones."""
    touched = list(touched)
    if not touched:
        return []
    threshold = alert_settings().min_confidence
    terms = _load_terms()
    existing = {a.story_id: a for a in Alert.objects.filter(story__in=[s for s, _ in touched])}
    raised: list[Alert] = []
    for story, prepared in touched:
        reasons: list[dict[str, Any]] = []
        best = _best(prepared)
        if best.violation and best.confidence >= threshold:
            kinds = best.analysis.get("violation_kinds", [])
            reasons.append({"kind": "violation", "confidence": round(best.confidence, 2), "kinds": kinds})
        hits = {t for p in prepared for t in _matches(terms, p) if _watches(terms.terms[t], story.region_code)}
        reasons.extend(
            {"kind": "watchlist", "term": terms.terms[t].term, "term_kind": terms.terms[t].kind, "term_id": t}
            for t in sorted(hits)
        )
        alert = existing.get(story.pk)
        if alert is not None:
            _update(alert, reasons, best, now)
        elif reasons:
            raised.append(_new_alert(story, reasons, best, [terms.terms[t] for t in sorted(hits)], now))
    return _save_raised(raised)


def _new_alert(
    story: Story, reasons: list[dict[str, Any]], best: Prepared, hits: list[WatchTerm], now: dt.datetime
) -> Alert:
    region = story.region_id or next((t.owner_id for t in hits if t.owner_id), None)
    return Alert(
        story=story,
        region_id=region,
        region_code=region or "",  # bulk_create skips Alert.save(), which would copy it
        reasons=reasons,
        confidence=best.confidence,
        facts=facts.case_facts(best.analysis, title=best.raw.title, text=best.raw.text, url=best.url),
        created_at=now,
        updated_at=now,
    )


def _save_raised(raised: list[Alert]) -> list[Alert]:
    """Write the batch's new alerts at once, with one audit entry per region listing them (an ingest of 100,000
    items can raise tens of thousands)."""
    Alert.objects.bulk_create(raised)
    by_region: dict[str, list[int]] = {}
    for alert in raised:
        by_region.setdefault(alert.region_code, []).append(alert.pk)
    for region_code, ids in by_region.items():
        record(
            None, "monitor.alerts_raised", object_type="monitor.alert", region_code=region_code, data={"alerts": ids}
        )
    return raised


def _update(alert: Alert, reasons: list[dict[str, Any]], best: Prepared, now: dt.datetime) -> None:
    """A grown story keeps its alert: new reasons and a better extraction are added, the status is kept."""
    known = {(r["kind"], r.get("term_id")) for r in alert.reasons}
    added = [r for r in reasons if (r["kind"], r.get("term_id")) not in known]
    if best.confidence > alert.confidence:
        alert.confidence = best.confidence
        alert.facts = facts.case_facts(best.analysis, title=best.raw.title, text=best.raw.text, url=best.url)
    alert.reasons = [*alert.reasons, *added]
    alert.updated_at = now
    alert.save(update_fields=["reasons", "confidence", "facts", "updated_at"])


# --- Who sees which alerts ---------------------------------------------------------------------------------------


def alerts_visible_to(user: AnyUser) -> QuerySet[Alert]:
    """Alerts in the user's jurisdiction and below; alerts without a region only for national roles."""
    if not has_capability(user, "monitor.view"):
        return Alert.objects.none()
    return Alert.objects.filter(scope_q(user, "region_code"))


def items_visible_to(user: AnyUser) -> QuerySet[Item]:
    """Monitored items are public texts, but who watches what is not: a user sees items about their jurisdiction,
    items without a region, and items from sources their jurisdiction manages."""
    if not has_capability(user, "monitor.view"):
        return Item.objects.none()
    scope = region_scope(user)
    if scope.everything:
        return Item.objects.all()
    return Item.objects.filter(scope.q("region_code") | scope.q("source__owner_code") | Q(region_code=""))


# --- Triage ------------------------------------------------------------------------------------------------------


def _open_alert(alert: Alert, actor: AnyUser) -> None:
    if not has_capability(actor, "monitor.triage") or not alerts_visible_to(actor).filter(pk=alert.pk).exists():
        raise AlertRefused("Anda tidak berwenang menindaklanjuti peringatan ini.")
    if alert.status != Alert.Status.NEW:
        raise AlertRefused("Peringatan ini sudah ditindaklanjuti.")


def _links(alert: Alert) -> list[tuple[str, str]]:
    items = alert.story.items.exclude(url="").order_by("published_at", "pk")[: alert_settings().evidence_links]
    return [(item.url, f"Pantauan media: {item.outlet or item.url} — {item.title}"[:300]) for item in items]


def _close(alert: Alert, actor: AnyUser, status: str, *, case: Case | None = None, reason: str = "") -> None:
    alert.status = status
    alert.case = case
    alert.dismissed_reason = reason
    alert.handled_by = actor if isinstance(actor, User) else None
    alert.handled_at = timezone.now()
    alert.save(update_fields=["status", "case", "dismissed_reason", "handled_by", "handled_at"])


def do_open_as_case(alert: Alert, actor: AnyUser, new: NewCase) -> Case:
    """Open the alert as initial information (informasi awal) on a new case, with the story's links as evidence."""
    _open_alert(alert, actor)
    if new.intake not in (Intake.INFORMASI_AWAL, Intake.TEMUAN):
        raise AlertRefused("Peringatan pantauan dibuka sebagai informasi awal atau temuan.")
    try:
        with transaction.atomic():
            case = do_receive_case(actor, new)
            for url, description in _links(alert):
                do_add_evidence(case, actor, url=url, description=description)
            _close(alert, actor, Alert.Status.OPENED, case=case)
            record(actor, "monitor.alert_opened", obj=alert, region_code=alert.region_code, data={"case": case.pk})
    except CaseActionRefused as exc:
        raise AlertRefused(str(exc)) from exc
    return case


def do_attach_to_case(alert: Alert, actor: AnyUser, case: Case) -> None:
    """Attach the alert's story to a case the actor handles: its links become evidence of that case."""
    _open_alert(alert, actor)
    if not has_capability(actor, "cases.transition") or not cases_visible_to(actor).filter(pk=case.pk).exists():
        raise AlertRefused("Perkara tidak ditemukan di wilayah Anda.")
    try:
        with transaction.atomic():
            for url, description in _links(alert):
                do_add_evidence(case, actor, url=url, description=description)
            _close(alert, actor, Alert.Status.ATTACHED, case=case)
            record(actor, "monitor.alert_attached", obj=alert, region_code=alert.region_code, data={"case": case.pk})
    except CaseActionRefused as exc:
        raise AlertRefused(str(exc)) from exc


def do_dismiss(alert: Alert, actor: AnyUser, reason: str) -> None:
    """Dismiss with a reason (kept and audited): a false alarm, not about neutrality, already handled…"""
    _open_alert(alert, actor)
    if not reason.strip():
        raise AlertRefused("Tuliskan alasan mengabaikan peringatan.")
    with transaction.atomic():
        _close(alert, actor, Alert.Status.DISMISSED, reason=reason.strip())
        record(
            actor, "monitor.alert_dismissed", obj=alert, region_code=alert.region_code, data={"reason": reason[:200]}
        )


def do_dismiss_many(alert_ids: Iterable[int], actor: AnyUser, reason: str) -> int:
    """Bulk dismissal from the queue: every alert in the actor's scope and still new; returns how many."""
    if not reason.strip():
        raise AlertRefused("Tuliskan alasan mengabaikan peringatan.")
    alerts = alerts_visible_to(actor).filter(pk__in=list(alert_ids), status=Alert.Status.NEW)
    count = 0
    with transaction.atomic():
        for alert in alerts.select_for_update():
            do_dismiss(alert, actor, reason)
            count += 1
    return count
