"""Pledge coverage: signed pledges against the expected headcount, per agency and per region.

`coverage(scope)` is the one query the prevention pages, the map data and insights use. A region row adds up
the agencies whose own region lies in it, at the kabupaten/kota level (an agency of a kecamatan or desa counts
for its kabupaten/kota) and at the provinsi level. Percentages are whole-number floors, so 99.9 % never shows
as 100 %; more signatures than expected (a headcount not updated) shows above 100 % rather than being hidden.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count

from netral.accounts.access import RegionScope
from netral.geo.models import Region
from netral.prevention.models import Campaign

__all__ = ["AgencyCoverage", "Coverage", "RegionCoverage", "coverage", "percent"]


def percent(signed: int, expected: int) -> int:
    return signed * 100 // expected if expected > 0 else 0


@dataclass(frozen=True)
class AgencyCoverage:
    campaign_id: int
    agency_id: int
    agency_name: str
    region_code: str
    region_name: str
    election_code: str
    election_name: str
    signed: int
    expected: int
    has_pact: bool

    @property
    def percent(self) -> int:
        return percent(self.signed, self.expected)


@dataclass
class RegionCoverage:
    code: str
    name: str
    level: str
    agencies: int = 0
    signed: int = 0
    expected: int = 0
    pacts: int = 0

    @property
    def percent(self) -> int:
        return percent(self.signed, self.expected)


@dataclass(frozen=True)
class Coverage:
    agencies: list[AgencyCoverage]
    regions: list[RegionCoverage]  # provinces first, each followed by its kabupaten/kota, by code

    @property
    def signed(self) -> int:
        return sum(row.signed for row in self.agencies)

    @property
    def expected(self) -> int:
        return sum(row.expected for row in self.agencies)

    @property
    def percent(self) -> int:
        return percent(self.signed, self.expected)


def coverage(scope: RegionScope, *, election_code: str | None = None) -> Coverage:
    """Coverage of the campaigns inside `scope` (optionally for one election)."""
    campaigns = Campaign.objects.filter(scope.q("agency__region__code"))
    if election_code:
        campaigns = campaigns.filter(election_id=election_code)
    rows = (
        campaigns.select_related("agency", "agency__region", "election")
        .annotate(signed=Count("pledges"))
        .order_by("agency__region__code", "agency__name", "election__voting_day")
    )
    agencies = [
        AgencyCoverage(
            campaign_id=c.pk,
            agency_id=c.agency_id,
            agency_name=c.agency.name,
            region_code=c.agency.region_id,
            region_name=c.agency.region.display_name,
            election_code=c.election_id,
            election_name=c.election.name,
            signed=c.signed,
            expected=c.expected,
            has_pact=bool(c.pact_sha256),
        )
        for c in rows
    ]
    return Coverage(agencies=agencies, regions=_by_region(agencies))


def _by_region(agencies: list[AgencyCoverage]) -> list[RegionCoverage]:
    wanted: dict[str, list[AgencyCoverage]] = {}
    for row in agencies:
        parts = row.region_code.split(".")
        for code in {parts[0], ".".join(parts[:2])}:
            wanted.setdefault(code, []).append(row)
    names = {r.code: r for r in Region.objects.filter(code__in=wanted)}
    result = []
    for code in sorted(wanted):
        region = names.get(code)
        totals = RegionCoverage(
            code=code,
            name=region.display_name if region else code,
            level=region.level if region else "",
        )
        for row in wanted[code]:
            totals.agencies += 1
            totals.signed += row.signed
            totals.expected += row.expected
            totals.pacts += int(row.has_pact)
        result.append(totals)
    return result
