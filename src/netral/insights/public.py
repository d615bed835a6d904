"""Open data: national aggregates of registered cases for everyone, with small counts suppressed.

Built on the same k as the portal's statistics page (settings.NETRAL_STATS_MIN_COUNT) and on the same population
(cases with a registration number: a laporan or temuan Bawaslu accepted), so both pages agree. Each column is
suppressed with `suppress_column` (one complementary cell when a single cell is hidden) and its total with
`suppress`.
"""

from __future__ import annotations

from django.db.models import Count
from django.db.models.functions import Substr
from django.utils.translation import gettext as _

from netral.cases.models import Case, CaseViolationType, ReportedPerson
from netral.cases.models.people import SubjectType
from netral.geo.models import Level, Region
from netral.insights.services import Table
from netral.insights.suppression import suppress, suppress_column
from netral.rules.catalogue import load_catalogue

__all__ = ["open_data"]


def _suppressed(key: str, title: str, label: str, pairs: list[tuple[str, int]], total: int, k: int) -> Table:
    cells = suppress_column([n for _, n in pairs], k)
    rows: list[list[str | int | float | None]] = [[name, cell] for (name, _), cell in zip(pairs, cells, strict=True)]
    rows.append([_("Jumlah"), suppress(total, k)])
    return Table(key=key, title=title, headers=[label, _("Perkara teregistrasi")], rows=rows, chart="")


def open_data(k: int) -> list[Table]:
    registered = Case.objects.exclude(registration_number="").filter(merged_into__isnull=True)
    total = registered.count()
    by_province = dict(
        registered.annotate(p=Substr("event_region_code", 1, 2)).values_list("p").annotate(n=Count("pk")).order_by()
    )
    provinces = Region.objects.filter(level=Level.PROVINSI).order_by("code").values_list("code", "canonical_name")
    in_registered = registered.values("pk")
    by_type = dict(
        CaseViolationType.objects.filter(case__in=in_registered)
        .values_list("violation_type_id")
        .annotate(n=Count("case_id", distinct=True))
        .order_by()
    )
    by_subject = dict(
        ReportedPerson.objects.filter(case__in=in_registered)
        .values_list("subject_type")
        .annotate(n=Count("case_id", distinct=True))
        .order_by()
    )
    catalogue = load_catalogue()
    return [
        _suppressed(
            "provinsi",
            _("Perkara teregistrasi menurut provinsi"),
            _("Provinsi"),
            [(name, by_province.get(code, 0)) for code, name in provinces],
            total,
            k,
        ),
        _suppressed(
            "jenis",
            _("Perkara teregistrasi menurut jenis pelanggaran (SKB)"),
            _("Jenis"),
            [(f"{v.code} {v.title}", by_type[v.code]) for v in catalogue.violation_types if v.code in by_type],
            total,
            k,
        ),
        _suppressed(
            "subjek",
            _("Perkara teregistrasi menurut jenis terlapor"),
            _("Jenis terlapor"),
            [(str(label), by_subject.get(value, 0)) for value, label in SubjectType.choices],
            total,
            k,
        ),
    ]
