"""Everything that changes a case (Zulip style): `check_*` validates, `do_*` writes.

Each `do_*` runs in one `transaction.atomic()` and writes its audit entry (netral.audit) late in that same
transaction, so the change and its record commit or roll back together. Access is checked here too (defence in
depth): a user acts only on cases `cases_visible_to` them, and the workflow decides which role may take which
transition.
"""

from netral.cases.services.clock import deadline_status, events_of, refresh_deadlines, zone_of
from netral.cases.services.evidence import do_add_evidence
from netral.cases.services.intake import do_receive_case, suggest_registration_number
from netral.cases.services.reporter import view_reporter_identity
from netral.cases.services.transitions import CaseActionRefused, do_transition, role_of
from netral.cases.services.triage import do_assign, do_dismiss, do_merge

__all__ = [
    "CaseActionRefused",
    "deadline_status",
    "do_add_evidence",
    "do_assign",
    "do_dismiss",
    "do_merge",
    "do_receive_case",
    "do_transition",
    "events_of",
    "refresh_deadlines",
    "role_of",
    "suggest_registration_number",
    "view_reporter_identity",
    "zone_of",
]
