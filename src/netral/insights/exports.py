"""Tables as CSV (UTF-8 with BOM, so spreadsheet programs read the Indonesian names right) and XLSX (openpyxl
write-only mode: rows are streamed, memory stays flat however long the table)."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

from django.db import transaction
from openpyxl import Workbook

from netral.audit.services import record
from netral.insights.filters import Filters

__all__ = ["record_export", "to_csv", "to_xlsx"]

Row = Sequence[str | int | float | None]


def _cell(value: object) -> str | int | float | None:
    """Numbers stay numbers in the spreadsheet; anything else (lazy translations included) becomes text."""
    return value if value is None or isinstance(value, int | float) else str(value)


def to_csv(headers: Sequence[str], rows: Sequence[Row]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headers)
    writer.writerows(["" if v is None else v for v in row] for row in rows)
    return ("\ufeff" + buffer.getvalue()).encode()


def to_xlsx(title: str, headers: Sequence[str], rows: Sequence[Row]) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=str(title)[:31] or "data")
    sheet.append([str(h) for h in headers])
    for row in rows:
        sheet.append([_cell(v) for v in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def record_export(user: Any, what: str, region_code: str, fmt: str, filters: Filters, **via: str) -> None:
    """The audit entry of one download of figures (a dashboard table, the PDF report), from the pages or the API:
    who, what, for which region, with which filters."""
    with transaction.atomic():
        record(
            user,
            "insights.exported",
            object_type="insights.table",
            object_id=what,
            region_code=region_code,
            data={"format": fmt, "filters": filters.query(), **via},
        )
