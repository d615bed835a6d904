"""Exports (ekspor), with `exports:read` by owners holding `stats.view`: the dashboards' tables as CSV or XLSX.

The same tables and files as the dashboards' download links (`/dasbor/ekspor/<tabel>.<csv|xlsx>`, built by
`netral.insights.services.table` and `netral.insights.exports`), for the token's jurisdiction. Every download is
written to the audit log (`insights.exported`) before the file is sent, with the table, format, filters and the
token's prefix. The tables are aggregates (one row per region below, per week, per SKB type, …), so the file is
built whole and then streamed in blocks.
"""

from __future__ import annotations

import io
from typing import Annotated

from django.http import FileResponse, Http404, HttpRequest
from django.utils.text import slugify
from ninja import Field, Query, Router
from ninja.params.functions import Path as P
from pydantic import WithJsonSchema

from netral.api.errors import ERRORS
from netral.api.routers.statistics import statistics_view
from netral.api.schemas_statistics import StatisticsFilter
from netral.insights import services
from netral.insights.exports import record_export, to_csv, to_xlsx

router = Router(tags=["ekspor / exports"])

#: API table name → the dashboards' table key (the page's `/dasbor/ekspor/<key>.<fmt>`).
TABLES = {
    "regions": "wilayah",
    "weekly": "mingguan",
    "violation-types": "jenis",
    "subject-types": "subjek",
    "positions": "jabatan",
    "agencies": "instansi",
    "elections": "pemilihan",
    "stages": "tahap",
    "outcomes": "hasil",
    "index": "indeks",
    "handling-times": "waktu",
}
#: Documented as an enum (so fuzzers try real tables) but checked here: an unknown table is a 404, like the page.
TABLE_SCHEMA = WithJsonSchema({"type": "string", "enum": list(TABLES), "description": "Tabel dasbor / dashboard table"})
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
FILE_RESPONSE = {
    200: {
        "description": "Berkas tabel / the table as a file (CSV: UTF-8 with BOM; XLSX: one sheet)",
        "content": {
            "text/csv": {"schema": {"type": "string"}},
            CONTENT_TYPES["xlsx"]: {"schema": {"type": "string", "format": "binary"}},
        },
    }
}


class ExportFilter(StatisticsFilter):
    format: str = Field("csv", pattern="^(csv|xlsx)$", description="csv (bawaan / default) atau xlsx")


@router.get(
    "/exports/{table}",
    response=ERRORS,
    openapi_extra={"responses": FILE_RESPONSE},
    summary="Unduh tabel statistik / Download a statistics table",
    description=(
        "Tabel dasbor sebagai CSV atau XLSX, untuk wilayah token (atau `region` di dalamnya) dengan filter dasbor; "
        "setiap unduhan dicatat di log audit. Tabel: " + ", ".join(f"`{name}`" for name in TABLES) + ". / A "
        "dashboard table as CSV or XLSX for the token's jurisdiction (or a `region` inside it) with the dashboards' "
        "filters; every download is audited. An unknown table answers 404."
    ),
)
def export_table(
    request: HttpRequest,
    filters: Query[ExportFilter],
    table: Annotated[str, TABLE_SCHEMA] = P(..., max_length=30),
) -> FileResponse:
    view = statistics_view(request, "exports:read", filters)
    key = TABLES.get(table)
    if key is None:
        raise Http404
    scope, focus, wanted = view.grant.scope, view.focus, view.filters
    data = view.cached(f"table-{key}", lambda: services.table(scope, focus, wanted, key))
    fmt = filters.format
    content = to_csv(data.headers, data.rows) if fmt == "csv" else to_xlsx(data.title, data.headers, data.rows)
    record_export(view.grant.user, key, focus.code, fmt, wanted, via="api", api_prefix=view.grant.token.prefix)
    name = slugify(f"netral-{key}-{focus.code or 'nasional'}")
    response = FileResponse(io.BytesIO(content), as_attachment=True, filename=f"{name}.{fmt}")
    response["Content-Type"] = CONTENT_TYPES[fmt]
    return response
