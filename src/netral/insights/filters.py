"""The filters every dashboard, map, table and export understands, parsed from the query string.

Unknown values are dropped (the page shows everything rather than failing): codes are checked against the rules
catalogue, which is read from files, so parsing costs no query.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlencode

from django.http import QueryDict

from netral.cases.models.people import SubjectType
from netral.rules.catalogue import load_catalogue

__all__ = ["Filters", "parse_filters"]


@dataclass(frozen=True, slots=True)
class Filters:
    election: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    violation: str = ""
    subject: str = ""

    def query(self, **extra: str) -> str:
        """The filters as a query string (for links to tables, exports and the map), plus `extra` parameters."""
        pairs = {
            "pemilihan": self.election,
            "dari": self.date_from.isoformat() if self.date_from else "",
            "sampai": self.date_to.isoformat() if self.date_to else "",
            "jenis": self.violation,
            "subjek": self.subject,
            **extra,
        }
        return urlencode({k: v for k, v in pairs.items() if v})

    @property
    def active(self) -> bool:
        return any((self.election, self.date_from, self.date_to, self.violation, self.subject))


def _date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def parse_filters(params: QueryDict) -> Filters:
    catalogue = load_catalogue()
    election = params.get("pemilihan", "")
    violation = params.get("jenis", "").upper()
    subject = params.get("subjek", "")
    return Filters(
        election=election if election in {e.code for e in catalogue.elections} else "",
        date_from=_date(params.get("dari", "")),
        date_to=_date(params.get("sampai", "")),
        violation=violation if violation in {v.code for v in catalogue.violation_types} else "",
        subject=subject if subject in SubjectType.values else "",
    )
