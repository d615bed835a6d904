"""The periodic PDF report of a jurisdiction (weekly or monthly): summary, map, bar charts and tables.

Charts and the map are SVG drawn here, on the server (WeasyPrint runs no JavaScript): bars as rectangles, the
provinces from the shipped polygons in a plain equirectangular projection, coloured by cases.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from netral.accounts.access import RegionScope
from netral.insights.filters import Filters
from netral.insights.maps import _province_shapes
from netral.insights.services import Focus, Table, dashboard, region_rows

__all__ = ["PERIODS", "Bar", "period_filters", "render_report", "report_html"]

PERIODS = {"minggu": 7, "bulan": 30}
BAR_LEFT, BAR_WIDTH = 240, 300
COLOURS = ("#fff5eb", "#fdd0a2", "#fd8d3c", "#d94801", "#7f2704")
# The map's frame: Indonesia lies between 94.5°E–141.5°E and 6.5°N–11.5°S.
WEST, EAST, NORTH, SOUTH, SCALE = 94.5, 141.5, 6.5, -11.5, 10.0


@dataclass(frozen=True)
class Bar:
    label: str
    value: int | float
    width: float  # pixels, the longest bar BAR_WIDTH
    y: int

    @property
    def end(self) -> float:
        return BAR_LEFT + self.width + 4


def period_filters(period: str, until: dt.date | None = None) -> Filters:
    end = until or timezone.localdate()
    return Filters(date_from=end - dt.timedelta(days=PERIODS[period] - 1), date_to=end)


def _bars(table: Table, limit: int = 12) -> list[Bar]:
    rows = [(str(r[0]), r[1]) for r in table.rows if isinstance(r[1], int | float)][:limit]
    top = max((float(v) for _, v in rows), default=0.0) or 1.0
    return [
        Bar(label, value, round(BAR_WIDTH * float(value) / top, 1), 18 * i) for i, (label, value) in enumerate(rows)
    ]


def _ring(points: list[list[float]]) -> str:
    xy = [(round((lon - WEST) * SCALE, 1), round((NORTH - lat) * SCALE, 1)) for lon, lat in points]
    return "M" + "L".join(f"{x} {y}" for x, y in xy) + "Z"


def _map(values: dict[str, int]) -> list[dict[str, str]]:
    top = max(values.values(), default=0)
    shapes = []
    for feature in _province_shapes()["features"]:
        code = feature["properties"]["code"]
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        path = "".join(_ring(ring) for polygon in polygons for ring in polygon)
        value = values.get(code)
        shade = COLOURS[min(4, int(5 * (value or 0) / top))] if top else COLOURS[0]
        fill = "#eeeeee" if value is None else shade  # grey: outside the scope
        shapes.append({"code": code, "path": path, "fill": fill})
    return shapes


def report_html(scope: RegionScope, focus: Focus, period: str, until: dt.date | None = None) -> str:
    filters = period_filters(period, until)
    data = dashboard(scope, focus, filters)
    national = Focus(code="", name="Indonesia", level="nasional")
    provinces = {r.code: r.cases for r in region_rows(scope, national, filters)}
    charts = [
        (data.tables[key].title, _bars(data.tables[key]))
        for key in ("wilayah", "jenis", "subjek", "tahap")
        if key in data.tables
    ]
    context: dict[str, Any] = {
        "focus": focus,
        "filters": filters,
        "period_name": _("Mingguan") if period == "minggu" else _("Bulanan"),
        "data": data,
        "charts": [(title, bars, 18 * len(bars)) for title, bars in charts if bars],
        "map": _map(provinces),
        "map_size": (round((EAST - WEST) * SCALE), round((NORTH - SOUTH) * SCALE)),
        "colours": COLOURS,
        "generated": timezone.localtime(),
    }
    return render_to_string("insights/report.html", context)


def render_report(scope: RegionScope, focus: Focus, period: str, until: dt.date | None = None) -> bytes:
    html = report_html(scope, focus, period, until)
    # Imported here, as in cases.letters: WeasyPrint loads Pango through cffi, slow and only needed now.
    from django.conf import settings
    from weasyprint import HTML  # type: ignore[import-untyped]

    base_url = (settings.BASE_DIR / "static").as_uri() + "/"
    pdf: bytes = HTML(string=html, base_url=base_url).write_pdf()
    return pdf
