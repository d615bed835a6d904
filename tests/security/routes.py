"""Every URL route of Netral with who may reach it: the expectation table of the authorisation matrix.

A route is named "namespace:name" (or by its pattern when it has no name). Each entry says who may open it:

  public   anyone, signed in or not (portal, public statistics, rules, regions, login)
  private  a public page showing here a staff-only object (a non-public circular): 404 unless in scope
  login    any signed-in staff user whatever the role (their own account and two-factor pages)
  staff    signed-in users holding at least one of the listed capabilities (roles.toml), limited to their region
  api      the token API: a bearer token, not a session; capabilities as for staff

and which world objects fill its path parameters (`world.py`: "case", "alert", … or "missing" for an id no object
has). Routes of the Django admin (under admin/, named or not, one per registered model) are one rule: only the
administrator role reaches them.

A route added to urls.py and missing here fails tests/security/test_authorization_matrix.py until it is added.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Rule:
    access: str  # "public", "private", "login", "staff", "api", "admin"
    capabilities: tuple[str, ...] = ()
    objects: dict[str, str] = field(default_factory=dict)  # path parameter → world value kind
    reachable: bool = True  # False: the owner may get 404 too (the object has no file to download)

    @property
    def names_a_missing_object(self) -> bool:
        return "missing" in self.objects.values()

    @property
    def holds_an_object(self) -> bool:
        """Whether the URL names one object of the owner's region (outsiders must get 404)."""
        return any(kind not in ("missing", "region", "literal") for kind in self.objects.values())


def public(**objects: str) -> Rule:
    return Rule("public", (), objects)


def private(*capabilities: str, reachable: bool = True, **objects: str) -> Rule:
    """A public page showing a staff-only object: 404 for everyone but holders of `capabilities` in its region."""
    return Rule("private", capabilities, objects, reachable)


def login(**objects: str) -> Rule:
    return Rule("login", (), objects)


def staff(*capabilities: str, reachable: bool = True, **objects: str) -> Rule:
    return Rule("staff", capabilities, objects, reachable)


def api(*capabilities: str, **objects: str) -> Rule:
    return Rule("api", capabilities, objects)


ADMIN = Rule("admin", ("admin",), {"object_id": "missing", "app_label": "literal"})
CASES = ("cases.view", "referrals.view")
HANDLING = ("cases.transition", "referrals.respond")
MONITOR = ("monitor.view",)
TRIAGE = ("monitor.triage",)
SOURCES = ("monitor.sources",)
PREVENTION = ("prevention.view",)
MANAGE = ("prevention.manage",)
STATS = ("stats.view",)
WEBHOOKS = ("cases.view", "monitor.view", "admin")  # receivers of an event, and administrators

ROUTES: dict[str, Rule] = {
    # core and accounts
    "home": public(),
    "health": public(),
    "set_language": public(),
    "login": public(),
    "logout": public(),
    "admin/login/": public(),
    "admin:login": public(),
    "admin:logout": public(),
    "accounts:account": login(),
    "accounts:enrol": login(),
    "accounts:renew_recovery_codes": login(),
    "accounts:verify": login(),
    "api_tokens:list": login(),
    "api_tokens:revoke": login(pk="missing"),
    "api_webhooks:list": staff(*WEBHOOKS),
    "api_webhooks:create": staff("cases.view", "monitor.view"),
    "api_webhooks:detail": staff(*WEBHOOKS, pk="missing"),
    "api_webhooks:secret": staff(*WEBHOOKS, pk="missing"),
    "api_webhooks:toggle": staff(*WEBHOOKS, pk="missing"),
    "api_webhooks:rotate": staff(*WEBHOOKS, pk="missing"),
    "api_webhooks:delete": staff(*WEBHOOKS, pk="missing"),
    "api_webhooks:ping": staff(*WEBHOOKS, pk="missing"),
    "api_webhooks:retry": staff(*WEBHOOKS, pk="missing", delivery="missing"),
    # regions and rules: public reference
    "geo:list": public(),
    "geo:map": public(),
    "geo:province_geojson": public(),
    "geo:regency_geojson": public(code="region"),
    "geo:detail": public(code="region"),
    "rules:violation_list": public(),
    "rules:election_list": public(),
    "rules:deadline_list": public(),
    # cases
    "cases:inbox": staff(*CASES),
    "cases:new": staff("cases.transition"),
    "cases:deadlines": staff(*CASES),
    "cases:bulk": staff("cases.transition"),
    "cases:detail": staff(*CASES, pk="case"),
    "cases:transition": staff(*HANDLING, pk="case", track_pk="track", code="transition"),
    "cases:reporter": staff("reporter.view", pk="case"),
    "cases:evidence_add": staff(*HANDLING, pk="case"),
    "cases:evidence_download": staff(*CASES, pk="case", evidence_pk="missing"),
    "cases:letter_generate": staff(*HANDLING, pk="case", kind="missing"),
    "cases:document_download": staff(*CASES, pk="case", file_pk="missing"),
    # prevention
    "prevention:overview": staff(*PREVENTION, "stats.view"),  # stats.view alone: sent on to coverage
    "prevention:agencies": staff(*PREVENTION),
    "prevention:agency": staff(*PREVENTION, pk="agency"),
    "prevention:campaign": staff(*PREVENTION, pk="campaign"),
    "prevention:campaign_settings": staff(*MANAGE, pk="campaign"),
    "prevention:pact_upload": staff(*MANAGE, pk="campaign"),
    "prevention:pact_download": staff(*PREVENTION, pk="campaign", reachable=False),
    "prevention:import": staff(*MANAGE, pk="campaign"),
    "prevention:template": staff(*PREVENTION, pk="campaign"),
    "prevention:coverage": staff(*PREVENTION, "stats.view"),
    "prevention:coverage_json": staff(*PREVENTION, "stats.view"),
    "prevention:events": staff(*PREVENTION),
    "prevention:event_new": staff(*MANAGE),
    "prevention:event": staff(*PREVENTION, pk="event"),
    "prevention:event_edit": staff(*MANAGE, pk="event"),
    "prevention:material_add": staff(*MANAGE, pk="event"),
    "prevention:material": private(*PREVENTION, pk="event", material_pk="missing"),  # public for public events
    "prevention:circulars": public(),
    "prevention:circular_new": staff(*MANAGE),
    "prevention:circular": private(*PREVENTION, pk="circular"),
    "prevention:circular_edit": staff(*MANAGE, pk="circular"),
    "prevention:circular_file": private(*PREVENTION, pk="circular", reachable=False),
    "prevention:sign": public(token="sign_token"),
    "prevention:verify": public(code="missing"),
    "prevention:calendar": public(),
    # monitor
    "monitor:queue": staff(*MONITOR),
    "monitor:bulk_dismiss": staff(*TRIAGE),
    "monitor:alert": staff(*MONITOR, pk="alert"),
    "monitor:open_case": staff(*TRIAGE, pk="alert"),
    "monitor:attach": staff(*TRIAGE, pk="alert"),
    "monitor:case_lookup": staff(*MONITOR, pk="alert"),
    "monitor:dismiss": staff(*TRIAGE, pk="alert"),
    "monitor:search": staff(*MONITOR),
    "monitor:item": staff(*MONITOR, pk="item"),
    "monitor:item_raw": staff(*MONITOR, pk="item"),
    "monitor:sources": staff(*SOURCES),
    "monitor:source_add": staff(*SOURCES),
    "monitor:source": staff(*SOURCES, pk="source"),
    "monitor:fetch_now": staff(*SOURCES, pk="source"),
    "monitor:upload": staff(*SOURCES),
    "monitor:upload_mapping": staff(*SOURCES),
    "monitor:upload_result": staff(*SOURCES, pk="run"),
    "monitor:watchlist": staff(*SOURCES),
    "monitor:watch_deactivate": staff(*SOURCES, pk="watch"),
    # insights
    "insights:dashboard": staff(*STATS),
    "insights:handling": staff(*STATS),
    "insights:index": staff(*STATS),
    "insights:map": staff(*STATS),
    "insights:provinces_geojson": staff(*STATS),
    "insights:regencies_geojson": staff(*STATS, code="region"),
    "insights:export": staff(*STATS, key="missing", fmt="missing"),
    "insights:report": staff(*STATS),
    "insights:public": public(),
    "insights:public_export": public(key="missing", fmt="missing"),
    # token API
    "api:openapi-json": public(),
    "api_docs": public(),
    "api:api-root": public(),
    "api:list_regions": api(),
    "api:get_region": api(code="region"),
    "api:list_cases": api("cases.view"),
    "api:get_case": api("cases.view", case_id="case"),
    "api:take_transition": api("cases.transition", case_id="case", track_id="track", code="transition"),
    "api:list_alerts": api("monitor.view"),
    "api:get_alert": api("monitor.view", alert_id="alert"),
    "api:list_violation_types": api(),
    "api:get_violation_type": api(code="missing"),
    "api:list_sanctions": api(),
    "api:get_sanction": api(code="missing"),
    "api:list_elections": api(),
    "api:get_election": api(code="missing"),
    "api:list_regimes": api(),
    "api:get_regime": api(code="missing"),
    "api:list_holidays": api(),
    "api:statistics_summary": api(*STATS),
    "api:statistics_by_region": api(*STATS),
    "api:statistics_weekly": api(*STATS),
    "api:statistics_by_violation_type": api(*STATS),
    "api:statistics_by_subject_type": api(*STATS),
    "api:statistics_by_position": api(*STATS),
    "api:statistics_by_agency": api(*STATS),
    "api:statistics_by_election": api(*STATS),
    "api:statistics_by_stage": api(*STATS),
    "api:statistics_by_outcome": api(*STATS),
    "api:statistics_handling_times": api(*STATS),
    "api:export_table": api(*STATS, table="missing"),  # a table file, not an object: "missing" is a 404 for all
    "api:create_report": api("cases.transition"),
    "api:add_report_evidence": api("cases.transition", case_id="case"),
    # reporting portal: public, except staff asking a reporter a question
    "portal:report": public(),
    "portal:report_step": public(step="missing"),
    "portal:region_options": public(),
    "portal:review": public(),
    "portal:followup": public(),
    "portal:followup_answer": public(pk="missing"),
    "portal:followup_evidence": public(),
    "portal:followup_end": public(),
    "portal:ask": staff("cases.transition", pk="case"),
    "portal:statistics": public(),
}


#: Known gaps: (route, who) → why it fails today. The matrix skips these answers but fails as soon as one of them
#: starts to pass, so a fix also removes its line here.
KNOWN_GAPS: dict[tuple[str, str], str] = {}
