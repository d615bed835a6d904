"""Documents people hand us outside the monitor, on hostile input: attendance lists (CSV and XLSX), NIPs, evidence
files (magic-byte check), text to analyse, and the analysis commands' input files.

Property: each parser answers, or raises only its documented refusal (AttendanceRefused, NipError,
EvidenceRefused, DocumentError, all with a message), within a time bound.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook
from tests.fuzz.budget import fuzz, says_why, within

from netral.cases.evidence_files import EXTENSIONS, EvidenceRefused, detect_type, store
from netral.prevention.attendance import AttendanceRefused, ParsedList, read_attendance
from netral.prevention.nip import NipError, mask, normalise, parse
from netral.text import analyze
from netral.text.sources import DocumentError, read

TODAY = dt.date(2026, 11, 26)
TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=50)
HEADERS = ["Nama", "NIP", "Jabatan", "Unit Kerja", "nama lengkap", "No", "", "=SUM(A1)"]
NIPS = st.one_of(
    st.from_regex(r"\A(19[5-9]\d|200\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d)(19|20)\d\d(0[1-9]|1[0-2]|21)[12]\d{3}\Z"),
    st.from_regex(r"\A[0-9 .\-]{0,30}\Z"),
    TEXT,
)


def _check_attendance(data: bytes) -> None:
    try:
        parsed = read_attendance(data, today=TODAY)
    except AttendanceRefused as refusal:
        says_why(refusal)
        return
    assert isinstance(parsed, ParsedList) and parsed.format in ("csv", "xlsx")
    assert all(len(row.nip) == 18 and row.nip.isdigit() for row in parsed.rows)
    assert all(error.startswith("baris ") for error in parsed.errors), parsed.errors


csv_lists = st.builds(
    lambda header, rows, delimiter: "\n".join(
        delimiter.join(cell.replace(delimiter, " ") for cell in row) for row in [header, *rows]
    ).encode(),
    st.lists(st.sampled_from(HEADERS) | TEXT, min_size=1, max_size=5),
    st.lists(st.lists(NIPS | TEXT, max_size=5), max_size=8),
    st.sampled_from([",", ";"]),
)


@fuzz
@given(st.one_of(csv_lists, st.binary(max_size=2048), st.builds(lambda b: b"PK\x03\x04" + b, st.binary(max_size=512))))
def test_attendance_csv_or_any_bytes_read_or_refuse(data: bytes) -> None:
    _check_attendance(data)


cell_values = st.one_of(
    st.none(),
    TEXT.map(lambda text: "".join(ch for ch in text if ch.isprintable())),  # openpyxl refuses control characters
    st.integers(-(10**18), 10**18),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.dates(),
    st.sampled_from(["=1+1", '=HYPERLINK("http://x")', "198503122010011001"]),
    NIPS.map(lambda text: "".join(ch for ch in text if ch.isprintable())),
)


def _workbook(header: list[str], rows: list[list[object]]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in [header, *rows]:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@fuzz
@given(
    st.lists(st.sampled_from(HEADERS), min_size=1, max_size=5), st.lists(st.lists(cell_values, max_size=5), max_size=6)
)
def test_attendance_workbooks_with_random_cells_read_or_refuse(header: list[str], rows: list[list[object]]) -> None:
    _check_attendance(_workbook(header, rows))


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return out.getvalue()


@fuzz
@given(
    st.dictionaries(
        st.sampled_from(["xl/workbook.xml", "xl/worksheets/sheet1.xml", "[Content_Types].xml", "xl/vbaProject.bin"]),
        st.binary(max_size=300),
        max_size=4,
    )
)
def test_random_bytes_named_xlsx_inside_a_zip_are_refused_not_crashed(members: dict[str, bytes]) -> None:
    _check_attendance(_zip(members))


@pytest.mark.parametrize(
    "data",
    [b"\x00" * 100_000, b'"' * 400_000, b"Nama,NIP\n" + b"a," * 150_000, b"PK\x03\x04" + b"\xff" * 300_000],
    ids=["nul", "quotes", "wide-row", "broken-zip"],
)
def test_pathological_attendance_files_are_handled_within_a_bound(data: bytes) -> None:
    with within(10):
        _check_attendance(data)


@fuzz
@given(NIPS)
def test_nip_parsing_answers_or_refuses_with_nip_error(text: str) -> None:
    try:
        parsed = parse(text, today=TODAY)
    except NipError as refusal:
        says_why(refusal)
        return
    assert parsed.birth_date <= TODAY
    assert len(mask(normalise(text))) == len(normalise(text))


@fuzz
@given(st.one_of(st.binary(max_size=128), st.sampled_from([b"\xff\xd8\xff", b"RIFF\0\0\0\0WEBP", b"\0\0\0\0ftyp"])))
def test_evidence_magic_bytes_answer_an_allowed_type_or_none(head: bytes) -> None:
    content_type = detect_type(head)
    assert content_type is None or content_type in EXTENSIONS


@fuzz
@given(st.lists(st.binary(max_size=200), max_size=5), st.integers(1, 600))
def test_evidence_storage_stores_allowed_files_or_refuses_and_leaves_nothing(
    tmp_path_factory: pytest.TempPathFactory, chunks: list[bytes], max_bytes: int
) -> None:
    media = tmp_path_factory.mktemp("media")
    try:
        stored = store(chunks, media, max_bytes=max_bytes)
    except EvidenceRefused as refusal:
        says_why(refusal)
        assert not [path for path in media.rglob("*") if path.is_file()], "a refused file leaves nothing behind"
        return
    assert stored.size <= max_bytes and stored.content_type in EXTENSIONS
    assert (media / stored.relative_path).read_bytes() == b"".join(chunks)


@fuzz
@given(st.text(max_size=1500))
def test_analysis_of_arbitrary_unicode_never_raises(text: str) -> None:
    analysis = analyze(text)
    assert analysis is not None


@pytest.mark.parametrize(
    "text",
    ["a" * 200_000, "camat " * 40_000, "\u200b" * 100_000, "Pak " + "Haji " * 20_000 + "Ahmad", "1." * 50_000],
    ids=["one-word", "repeated-title", "zero-width", "long-name", "numbers"],
)
def test_pathological_texts_are_analysed_within_a_bound(text: str) -> None:
    with within(30):
        analyze(text)


@fuzz
@given(
    st.one_of(
        st.binary(max_size=512),
        st.builds(lambda v: json.dumps(v).encode(), st.dictionaries(TEXT, TEXT | st.integers())),
    ),
    st.sampled_from([".txt", ".json"]),
)
def test_analysis_input_files_read_or_fail_with_document_error(
    tmp_path_factory: pytest.TempPathFactory, data: bytes, suffix: str
) -> None:
    path: Path = tmp_path_factory.mktemp("docs") / f"dokumen{suffix}"
    path.write_bytes(data)
    try:
        source = read(path)
    except DocumentError as refusal:
        says_why(refusal, str(path))
        return
    assert isinstance(source.text, str)


def test_deeply_nested_json_input_file_is_a_document_error(tmp_path: Path) -> None:
    path = tmp_path / "dalam.json"
    path.write_bytes(b"[" * 100_000)
    with pytest.raises(DocumentError):
        read(path)


# Found by this suite: csv.Error escaped read_attendance (a 500 on the upload page) for a stray carriage return
# inside a row, and for an unclosed quote running past the csv field size limit.
def test_a_stray_carriage_return_in_an_attendance_csv_does_not_crash_the_reader() -> None:
    parsed = read_attendance(b"Nama,NIP\nBudi\r,198503122010011001\n", today=TODAY)
    assert parsed.format == "csv" and not parsed.rows and parsed.errors


def test_an_unclosed_quote_past_the_field_limit_refuses_the_attendance_csv() -> None:
    with pytest.raises(AttendanceRefused, match="Berkas CSV rusak"):
        read_attendance(b'Nama,NIP\n"' + b"a" * 200_000 + b"\n", today=TODAY)
