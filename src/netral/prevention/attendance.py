"""Reading an uploaded attendance list (daftar hadir ikrar) from CSV or XLSX: pure Python, no Django.

The first non-empty row is the header; columns are recognised by the names in `data/attendance.toml` (in any
order, extra columns ignored). Every data row is checked on its own — name present, NIP valid (`netral.prevention.
nip`), not repeated earlier in the file — and either becomes a `Row` or an Indonesian error naming its line:
"baris 4: NIP 19850231… tidak valid: tanggal lahir 31-02-1985 tidak ada". The caller imports the good rows in one
transaction and reports the rest.

XLSX is read with openpyxl in read-only mode. Workbooks with macros (``xl/vbaProject.bin``) are refused, and
a cell holding a formula is an error for its row: the value a formula shows is not in the file, and a list of
names should not compute anything. A NIP stored as a number is refused too, because Excel keeps only 15
significant digits and silently rounds an 18-digit NIP.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from netral.prevention.nip import NipError, mask, normalise, parse
from netral.prevention.reference import AttendanceSpec, attendance_spec, normalise_header

__all__ = ["AttendanceRefused", "ParsedList", "Row", "read_attendance", "template_csv", "template_xlsx"]

MAX_FIELD = 200
ZIP_MAGIC = b"PK\x03\x04"


class AttendanceRefused(ValueError):
    """The whole file cannot be read (type, size, no header, missing column); the message is Indonesian."""


@dataclass(frozen=True, slots=True)
class Row:
    line: int  # the row number a spreadsheet shows (1 = the first row of the file)
    name: str
    nip: str  # 18 digits
    position: str
    unit: str


@dataclass
class ParsedList:
    rows: list[Row] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    format: str = ""


class _Formula:
    """A cell that holds a formula (its text is never used)."""


class _Number:
    def __init__(self, value: float | int) -> None:
        self.value = value


Cell = str | _Formula | _Number


def read_attendance(data: bytes, *, today: dt.date | None = None, spec: AttendanceSpec | None = None) -> ParsedList:
    """Parse and check a CSV or XLSX attendance list. AttendanceRefused when the file as a whole is unusable."""
    spec = spec or attendance_spec()
    if not data:
        raise AttendanceRefused("Berkas kosong.")
    if len(data) > spec.max_bytes:
        raise AttendanceRefused(f"Berkas terlalu besar (paling besar {spec.max_bytes // 1024} KB).")
    if data.startswith(ZIP_MAGIC):
        lines, kind = list(_xlsx_rows(data)), "xlsx"
    else:
        lines, kind = list(_csv_rows(data)), "csv"
    result = _check(lines, spec, today or dt.date.today())
    result.format = kind
    return result


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise AttendanceRefused("Berkas CSV tidak dapat dibaca: simpan sebagai CSV UTF-8.")


def _csv_rows(data: bytes) -> Iterator[tuple[int, list[Cell]]]:
    if b"\x00" in data[:4096]:
        raise AttendanceRefused("Jenis berkas tidak dikenali. Unggah CSV atau XLSX (Excel).")
    text = _decode(data)
    first_line = text.split("\n", 1)[0]
    # Excel with Indonesian regional settings writes ";" between columns.
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    # newline="" as the csv module asks: a stray "\r" (old Mac line end, a cell pasted from elsewhere) ends a line
    # instead of raising csv.Error; an unclosed quote running past the field limit refuses the file.
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    number = 0
    try:
        for number, cells in enumerate(rows, start=1):
            yield number, list(cells)
    except csv.Error as error:
        raise AttendanceRefused(f"Berkas CSV rusak setelah baris {number}: {error}.") from error


def _xlsx_rows(data: bytes) -> Iterator[tuple[int, list[Cell]]]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except zipfile.BadZipFile:
        raise AttendanceRefused("Berkas XLSX rusak atau bukan XLSX.") from None
    if "xl/vbaProject.bin" in names:
        raise AttendanceRefused("Berkas berisi makro (XLSM) dan tidak diterima. Simpan sebagai XLSX biasa.")
    if "xl/workbook.xml" not in names:
        raise AttendanceRefused("Jenis berkas tidak dikenali. Unggah CSV atau XLSX (Excel).")
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many kinds on a damaged file
        raise AttendanceRefused("Berkas XLSX tidak dapat dibaca.") from exc
    try:
        sheet = workbook.worksheets[0]
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, [_xlsx_cell(value) for value in values]
    finally:
        workbook.close()


def _xlsx_cell(value: object) -> Cell:
    if value is None:
        return ""
    if isinstance(value, str):
        return _Formula() if value.startswith("=") else value
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return _Number(value)
    return str(value)


def _text(cell: Cell) -> str:
    if isinstance(cell, _Number):
        value = cell.value
        return str(int(value)) if float(value).is_integer() else str(value)
    return "" if isinstance(cell, _Formula) else " ".join(cell.split())


def _check(lines: Sequence[tuple[int, list[Cell]]], spec: AttendanceSpec, today: dt.date) -> ParsedList:
    result = ParsedList()
    content = [(number, cells) for number, cells in lines if any(_text(c) or isinstance(c, _Formula) for c in cells)]
    if not content:
        raise AttendanceRefused("Berkas tidak berisi baris apa pun.")
    _, header_cells = content[0]
    columns = _columns(header_cells, spec)
    body = content[1:]
    if not body:
        raise AttendanceRefused("Berkas hanya berisi judul kolom, tanpa nama pegawai.")
    if len(body) > spec.max_rows:
        raise AttendanceRefused(f"Paling banyak {spec.max_rows} baris per berkas; bagi berkas menjadi beberapa.")
    seen: dict[str, int] = {}
    for number, cells in body:
        row, error = _row(number, cells, columns, seen, today)
        if error:
            result.errors.append(f"baris {number}: {error}")
        elif row is not None:
            seen[row.nip] = number
            result.rows.append(row)
    return result


def _columns(header: list[Cell], spec: AttendanceSpec) -> dict[str, int]:
    columns: dict[str, int] = {}
    for index, cell in enumerate(header):
        code = spec.headers.get(normalise_header(_text(cell)))
        if code and code not in columns:
            columns[code] = index
    missing = [spec.titles[code] for code in spec.required if code not in columns]
    if missing:
        raise AttendanceRefused(
            f"Kolom wajib tidak ditemukan: {', '.join(missing)}. Baris pertama harus berisi judul kolom "
            f"(lihat templat: {', '.join(spec.titles.values())})."
        )
    return columns


def _row(
    number: int, cells: list[Cell], columns: dict[str, int], seen: dict[str, int], today: dt.date
) -> tuple[Row | None, str]:
    def cell(code: str) -> Cell:
        index = columns.get(code)
        return cells[index] if index is not None and index < len(cells) else ""

    for code in columns:
        if isinstance(cell(code), _Formula):
            return None, "berisi rumus (formula); tulis nilainya sebagai teks"
    raw_nip = cell("nip")
    if isinstance(raw_nip, _Number):
        return None, "NIP tersimpan sebagai angka sehingga dibulatkan Excel; format kolom NIP sebagai teks"
    name, nip_text = _text(cell("name")), _text(raw_nip)
    if not name:
        return None, "nama kosong"
    if len(name) > MAX_FIELD:
        return None, f"nama lebih dari {MAX_FIELD} huruf"
    try:
        parsed = parse(nip_text, today=today)
    except NipError as exc:
        shown = normalise(nip_text)[:8] + "…" if len(normalise(nip_text)) > 8 else normalise(nip_text)
        return None, f"NIP {shown} tidak valid: {exc}"
    if parsed.number in seen:
        return None, f"NIP {mask(parsed.number)} sudah ada di baris {seen[parsed.number]}"
    return (
        Row(
            line=number,
            name=name,
            nip=parsed.number,
            position=_text(cell("position"))[:MAX_FIELD],
            unit=_text(cell("unit"))[:MAX_FIELD],
        ),
        "",
    )


def template_csv(spec: AttendanceSpec | None = None) -> str:
    """The header row of the downloadable template (";"-separated, as Indonesian Excel opens it)."""
    spec = spec or attendance_spec()
    return ";".join(spec.titles.values()) + "\r\n"


def template_xlsx(spec: AttendanceSpec | None = None) -> bytes:
    """The template as XLSX, with the NIP column formatted as text so Excel never rounds an 18-digit NIP."""
    from openpyxl import Workbook

    spec = spec or attendance_spec()
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Daftar hadir"
    sheet.append(list(spec.titles.values()))
    for index, code in enumerate(spec.titles, start=1):
        letter = sheet.cell(row=1, column=index).column_letter
        sheet.column_dimensions[letter].width = 28 if code != "nip" else 22
        if code == "nip":
            for row in range(2, 502):
                sheet.cell(row=row, column=index).number_format = "@"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
