"""The region a dashboard looks at (its focus) and the region condition of every query: in the viewer's scope
and in the focus."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext as _

from netral.accounts.access import RegionScope
from netral.geo.models import Level, Region

__all__ = ["Focus", "map_province", "region_q", "resolve_focus"]

# Length of the code of the regions one level below a focus, by the focus code's number of dots ("" = national).
_CHILD_CODE_LENGTH = {-1: 2, 0: 5, 1: 8, 2: 13, 3: 13}


@dataclass(frozen=True, slots=True)
class Focus:
    """The region a dashboard looks at: "" for the whole country, else a region inside the viewer's scope."""

    code: str
    name: str
    level: str  # "nasional" or a geo Level
    ancestors: tuple[tuple[str, str], ...] = ()  # (code, name) from the province down, for the breadcrumb

    @property
    def child_code_length(self) -> int:
        return _CHILD_CODE_LENGTH[self.code.count(".") if self.code else -1]

    @property
    def has_children(self) -> bool:
        return self.level != Level.DESA

    def includes(self, code: str) -> bool:
        return not self.code or code == self.code or code.startswith(self.code + ".")

    def q(self, field: str) -> Q:
        if not self.code:
            return Q()
        return Q(**{field: self.code}) | Q(**{f"{field}__startswith": self.code + "."})


def resolve_focus(scope: RegionScope, code: str) -> Focus:
    """The focus for `code` ("" = the viewer's own level); 404 outside the scope or for an unknown region."""
    if scope.is_nothing:
        raise Http404
    code = code or ("" if scope.everything else scope.region_code)
    if not code:
        return Focus(code="", name=_("Indonesia"), level="nasional")
    if not scope.includes(code):
        raise Http404
    region = Region.objects.filter(code=code).first()
    if region is None:
        raise Http404
    parts = code.split(".")
    prefixes = [".".join(parts[:i]) for i in range(1, len(parts))]
    names = dict(Region.objects.filter(code__in=prefixes).values_list("code", "canonical_name"))
    ancestors = tuple((p, names[p]) for p in prefixes if p in names and (scope.everything or scope.includes(p)))
    return Focus(code=code, name=region.display_name, level=region.level, ancestors=ancestors)


def map_province(scope: RegionScope, code: str) -> Focus:
    """A province for the map's drill-down: one in the scope, or the one holding a regional viewer's jurisdiction
    (every figure is still limited to the scope, so a regency user sees only their own regency in it)."""
    inside = scope.includes(code) or (scope.region_code or "").startswith(code + ".")
    region = Region.objects.filter(code=code, level=Level.PROVINSI).first() if inside else None
    if region is None:
        raise Http404
    return Focus(code=code, name=region.display_name, level=region.level)


def region_q(scope: RegionScope, focus: Focus, field: str) -> Q:
    """In the scope and in the focus. One of them usually holds the other (a focus inside the scope; a map
    province around a regional viewer's scope): only the narrower one is written, since PostgreSQL takes two
    overlapping prefix conditions as independent, underestimates the rows fourfold and picks slow nested loops."""
    if focus.code and scope.includes(focus.code):
        return focus.q(field)
    if not scope.everything and scope.region_code and focus.includes(scope.region_code):
        return scope.q(field)
    return scope.q(field) & focus.q(field)
