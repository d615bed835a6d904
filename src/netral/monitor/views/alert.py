"""One alert: the story, the extracted facts, why it was raised; open it as a case, attach it to one, dismiss it."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from netral.accounts.access import has_capability
from netral.cases.access import cases_visible_to
from netral.cases.forms import NewCaseForm
from netral.cases.models import Case, Intake, SubjectType
from netral.geo.models import Region
from netral.monitor.models import Alert
from netral.monitor.services.alerts import (
    AlertRefused,
    alerts_visible_to,
    do_attach_to_case,
    do_dismiss,
    do_open_as_case,
)
from netral.monitor.views.common import local, monitor_staff, monitor_triage, zone_label, zone_of
from netral.rules.models import Election, ViolationType

OPEN_INTAKES = (Intake.INFORMASI_AWAL, Intake.TEMUAN)
#: Names of the case-handling stages the text pipeline reads in a story (`netral/text/data/stages.toml`).
STAGE_NAMES = {
    "reported": gettext_lazy("dilaporkan / diduga"),
    "under_review": gettext_lazy("sedang ditangani"),
    "forwarded": gettext_lazy("diteruskan"),
    "sanctioned": gettext_lazy("dijatuhi sanksi"),
    "dismissed": gettext_lazy("dihentikan / tidak terbukti"),
}
SUBJECT_NAMES = dict(SubjectType.choices)


def _alert_or_404(request: HttpRequest, pk: int) -> Alert:
    return get_object_or_404(alerts_visible_to(request.user).select_related("story", "region", "case"), pk=pk)


def _items(alert: Alert, tz: str) -> list[dict[str, Any]]:
    items = alert.story.items.order_by("published_at", "fetched_at", "pk")
    return [
        {"item": item, "published": local(item.published_at, tz), "fetched": local(item.fetched_at, tz)}
        for item in items
    ]


def _facts(alert: Alert) -> dict[str, Any]:
    facts = alert.facts or {}
    codes = list(facts.get("violation_codes", []))
    by_code = {v.code: v for v in ViolationType.objects.filter(code__in=codes)}
    elections = Election.objects.filter(code__in=list(facts.get("elections", [])))
    region = Region.objects.filter(code=facts.get("region_code", "")).first() if facts.get("region_code") else None
    return {
        "summary": facts.get("summary", ""),
        "evidence": [line for line in str(facts.get("description", "")).splitlines() if line.strip()],
        "violations": [(code, by_code[code].title if code in by_code else "") for code in codes],
        "kinds": facts.get("violation_kinds", []),
        "stages": [str(STAGE_NAMES.get(stage, stage)) for stage in facts.get("stages", [])],
        "elections": [e.name for e in elections],
        "event_date": facts.get("event_date", ""),
        "region": region,
        "persons": [
            {**person, "subject": str(SUBJECT_NAMES.get(person.get("subject_type", ""), ""))}
            for person in facts.get("persons", [])
        ],
        "url": facts.get("url", ""),
    }


def _context(request: HttpRequest, alert: Alert, **extra: Any) -> dict[str, Any]:
    tz = zone_of(alert.region)
    reasons = alert.reasons or []
    triage = has_capability(request.user, "monitor.triage") and alert.status == Alert.Status.NEW
    return {
        "alert": alert,
        "story": alert.story,
        "zone": zone_label(tz),
        "first_seen": local(alert.story.first_seen, tz),
        "handled_at": local(alert.handled_at, tz),
        "items": _items(alert, tz),
        "facts": _facts(alert),
        "violation_reason": next((r for r in reasons if r.get("kind") == "violation"), None),
        "watch_reasons": [r for r in reasons if r.get("kind") == "watchlist"],
        "triage": triage,
        "may_attach": triage and has_capability(request.user, "cases.transition"),
        **extra,
    }


@require_safe
@monitor_staff
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    alert = _alert_or_404(request, pk)
    return render(request, "monitor/alert.html", _context(request, alert))


# --- Open as a new case ------------------------------------------------------------------------------------------


def initial_from_facts(alert: Alert, form: NewCaseForm) -> dict[str, Any]:
    """The new-case form's initial values from the alert's extracted facts; only values the form can take."""
    facts = alert.facts or {}
    regions = {code for code, _label in form.fields["event_region"].choices}  # type: ignore[attr-defined]
    region = next((c for c in (facts.get("region_code", ""), alert.region_code) if c in regions), "")
    election = Election.objects.filter(code__in=list(facts.get("elections", []))).order_by("-voting_day").first()
    person: dict[str, Any] = next(iter(facts.get("persons", [])), {})
    links = "\n".join(item.url for item in alert.story.items.exclude(url="").order_by("published_at", "pk")[:5])
    description = str(facts.get("description", ""))
    if links:
        description = f"{description}\n\n{_('Sumber')}:\n{links}".strip()
    initial: dict[str, Any] = {
        "intake": Intake.INFORMASI_AWAL,
        "summary": str(facts.get("summary", "") or alert.story.title)[:300],
        "description": description,
        "event_region": region,
        "anonymous": True,
        "person_name": person.get("name", ""),
        "person_position": person.get("position", ""),
        "person_subject_type": person.get("subject_type", "") or "asn",
        "violations": list(facts.get("violation_codes", [])),
    }
    if election is not None:
        initial["election"] = election.pk
    if facts.get("event_date"):
        initial["event_date"] = facts["event_date"]
    return initial


def _open_form(request: HttpRequest, alert: Alert) -> NewCaseForm:
    form = NewCaseForm(request.POST or None, user=request.user)
    intake = form.fields["intake"]
    intake.choices = [(value, label) for value, label in Intake.choices if value in OPEN_INTAKES]  # type: ignore[attr-defined]
    if request.method != "POST":
        form.initial = initial_from_facts(alert, form)
    return form


@require_http_methods(["GET", "HEAD", "POST"])
@monitor_triage
def open_as_case(request: HttpRequest, pk: int) -> HttpResponse:
    alert = _alert_or_404(request, pk)
    if not has_capability(request.user, "cases.transition"):
        messages.error(request, _("Anda tidak berwenang mencatat perkara."))
        return redirect("monitor:alert", pk=alert.pk)
    if alert.status != Alert.Status.NEW:
        messages.error(request, _("Peringatan ini sudah ditindaklanjuti."))
        return redirect("monitor:alert", pk=alert.pk)
    form = _open_form(request, alert)
    if request.method == "POST" and form.is_valid():
        try:
            case = do_open_as_case(alert, request.user, form.new_case())
        except AlertRefused as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request, _("Perkara %(number)s dicatat dari peringatan pantauan.") % {"number": case.number}
            )
            return redirect("cases:detail", pk=case.pk)
    return render(request, "monitor/open_case.html", {"alert": alert, "form": form})


# --- Attach, dismiss ---------------------------------------------------------------------------------------------


def find_case(request: HttpRequest, text: str) -> Case | None:
    """A case the user may see, by internal id ("#12" or "12"), receipt or register number."""
    text = text.strip().lstrip("#")
    if not text:
        return None
    cases = cases_visible_to(request.user).filter(merged_into__isnull=True)
    match = Q(receipt_number__iexact=text) | Q(registration_number__iexact=text)
    if text.isdigit():
        match |= Q(pk=int(text))
    return cases.filter(match).first()


@require_POST
@monitor_triage
def attach(request: HttpRequest, pk: int) -> HttpResponse:
    alert = _alert_or_404(request, pk)
    case = find_case(request, request.POST.get("case", ""))
    if case is None:
        messages.error(request, _("Perkara tidak ditemukan di wilayah Anda. Tulis nomor perkara atau ID-nya."))
        return redirect("monitor:alert", pk=alert.pk)
    try:
        do_attach_to_case(alert, request.user, case)
    except AlertRefused as exc:
        messages.error(request, str(exc))
        return redirect("monitor:alert", pk=alert.pk)
    messages.success(request, _("Peringatan digabungkan ke perkara %(number)s.") % {"number": case.number})
    return redirect("cases:detail", pk=case.pk)


@require_POST
@monitor_triage
def dismiss(request: HttpRequest, pk: int) -> HttpResponse:
    alert = _alert_or_404(request, pk)
    try:
        do_dismiss(alert, request.user, request.POST.get("reason", ""))
    except AlertRefused as exc:
        messages.error(request, str(exc))
        return redirect("monitor:alert", pk=alert.pk)
    messages.success(request, _("Peringatan diabaikan."))
    return redirect("monitor:queue")


@require_safe
@monitor_staff
def case_lookup(request: HttpRequest, pk: int) -> HttpResponse:
    """Cases the user may see matching a text, each with its own "attach" button (htmx; a plain page without JS)."""
    alert = _alert_or_404(request, pk)
    text = request.GET.get("case", "").strip()[:100]
    cases = cases_visible_to(request.user).filter(merged_into__isnull=True)
    if text:
        match = Q(summary__icontains=text) | Q(receipt_number__icontains=text) | Q(registration_number__icontains=text)
        if text.lstrip("#").isdigit():
            match |= Q(pk=int(text.lstrip("#")))
        cases = cases.filter(match)
    found = list(cases.select_related("event_region").order_by("-received_at", "-pk")[:10]) if text else []
    template = "monitor/_case_choices.html" if request.headers.get("HX-Request") else "monitor/case_lookup.html"
    return render(request, template, {"cases": found, "text": text, "alert": alert})
