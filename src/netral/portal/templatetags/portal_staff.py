"""`{% portal_questions case %}` on the staff case page: the reporter Q&A of a case that came through the portal."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from django import template

from netral.accounts.access import has_capability
from netral.cases.models import Case
from netral.cases.services.clock import zone_label_of, zone_of
from netral.portal.models import Question, Receipt

register = template.Library()


@register.inclusion_tag("portal/_case_questions.html", takes_context=True)
def portal_questions(context: dict[str, Any], case: Case) -> dict[str, Any]:
    request = context.get("request")
    user = getattr(request, "user", None)
    zone = ZoneInfo(zone_of(case))
    questions = [
        {"q": q, "asked": q.asked_at.astimezone(zone), "answered": q.answered_at and q.answered_at.astimezone(zone)}
        for q in Question.objects.filter(case=case)
    ]
    return {
        "case": case,
        "portal_case": Receipt.objects.filter(case=case).exists(),
        "questions": questions,
        "zone": zone_label_of(case),
        "can_ask": has_capability(user, "cases.transition"),
        "csrf_token": context.get("csrf_token"),
    }
