"""Upload parsers of the monitor (social exports, WhatsApp chats, plain files, kind detection) on hostile input.

Property: a parser either returns a `Collected` whose items all have text, or raises `UploadError` (a ValueError
with an Indonesian message for the form; a plain ValueError for a bad config value such as an unknown time zone,
as `sources.dates.zone` documents); nothing else, and within a time bound.
"""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st
from tests.fuzz.budget import fuzz, says_why, within

from netral.monitor.sources import UploadError, columns_of, detect_upload_kind, get_upload_kind, guess_columns
from netral.monitor.sources.base import Collected

FIELDS = ("text", "url", "published", "author", "title")
SOCIAL_NAMES = st.sampled_from(["ekspor.csv", "ekspor.tsv", "x.json", "x.jsonl", "x.ndjson", "tanpa-akhiran", "x.txt"])
FILE_NAMES = st.sampled_from(["laporan.txt", "simpanan.html", "korpus.json", "x.htm", "x.xhtml", "x"])
CELL = st.text(st.characters(exclude_categories=["Cs"]), max_size=40)


def _csv(rows: list[list[str]], delimiter: str) -> bytes:
    def quoted(cell: str) -> str:
        return '"' + cell.replace('"', '""') + '"' if any(c in cell for c in f'"\n\r{delimiter}') else cell

    return "\n".join(delimiter.join(quoted(cell) for cell in row) for row in rows).encode()


csv_exports = st.builds(
    _csv,
    st.lists(st.lists(CELL, min_size=1, max_size=6), min_size=1, max_size=8),
    st.sampled_from([",", ";", "\t", "|"]),
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | CELL,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(CELL, inner, max_size=4),
    max_leaves=20,
)
json_exports = st.builds(lambda value: json.dumps(value).encode(), json_values)
jsonl_exports = st.builds(
    lambda values: "\n".join(json.dumps(value) for value in values).encode(), st.lists(json_values, max_size=6)
)
whatsapp_lines = st.one_of(
    st.builds(
        "{}/{}/{} {}.{} - {}: {}".format,
        st.integers(0, 40),
        st.integers(0, 40),
        st.integers(0, 3000),
        st.integers(0, 30),
        st.integers(0, 70),
        CELL,
        CELL,
    ),
    st.builds(
        "[{}/{}/{}, {}:{}:{} {}] {}: {}".format,
        st.integers(0, 40),
        st.integers(0, 40),
        st.integers(0, 99),
        st.integers(0, 30),
        st.integers(0, 70),
        st.integers(0, 70),
        st.sampled_from(["AM", "PM", "", "am"]),
        CELL,
        CELL,
    ),
    CELL,
)
whatsapp_chats = st.builds(lambda lines: "\n".join(lines).encode(), st.lists(whatsapp_lines, max_size=12))
any_bytes = st.binary(max_size=2048)
uploads = st.one_of(any_bytes, csv_exports, json_exports, jsonl_exports, whatsapp_chats)
mappings = st.fixed_dictionaries({}, optional=dict.fromkeys(FIELDS, CELL))
configs = st.fixed_dictionaries(
    {},
    optional={
        "platform": CELL,
        "timezone": st.sampled_from(["Asia/Jakarta", "Asia/Makassar", "Bukan/Zona", "", "UTC"]),
        "chat_name": CELL,
        "min_words": st.integers(-3, 50),
        "delimiter": st.sampled_from(["", ",", ";", "\t", "|"]),
    },
)


def _parse(kind: str, data: bytes, filename: str, config: dict[str, object]) -> None:
    try:
        collected = get_upload_kind(kind).parse(data, filename, config)
    except UploadError as error:
        says_why(error)
        return
    except ValueError as error:  # documented by sources.dates.zone for a config naming an unknown time zone
        says_why(error, "Zona waktu tidak dikenal")
        return
    assert isinstance(collected, Collected)
    assert all(item.text.strip() for item in collected.items), "a kind never yields an item without text"


@fuzz
@given(uploads, SOCIAL_NAMES, mappings, configs)
def test_social_exports_parse_or_refuse_with_any_bytes_and_any_column_mapping(
    data: bytes, filename: str, columns: dict[str, str], config: dict[str, object]
) -> None:
    _parse("social", data, filename, {**config, "columns": columns})


@fuzz
@given(uploads, SOCIAL_NAMES)
def test_column_listing_and_guessing_never_crash(data: bytes, filename: str) -> None:
    try:
        columns = columns_of(data, filename)
    except UploadError:
        return
    guessed = guess_columns(columns)
    assert all(value in columns for value in guessed.values())


@fuzz
@given(st.one_of(whatsapp_chats, any_bytes), st.sampled_from(["WhatsApp Chat with Warga.txt", "chat.txt", ""]), configs)
def test_whatsapp_chat_exports_parse_or_refuse(data: bytes, filename: str, config: dict[str, object]) -> None:
    _parse("whatsapp", data, filename, config)


html_documents = st.builds(
    lambda parts: "".join(parts).encode(),
    st.lists(
        st.sampled_from(["<html>", "<body>", "<article>", "<p>", "</p>", "<div>", "<script>", "<!--", "-->", "<"])
        | CELL,
        max_size=30,
    ),
)


@fuzz
@given(st.one_of(uploads, html_documents), FILE_NAMES, configs)
def test_plain_files_parse_or_refuse(data: bytes, filename: str, config: dict[str, object]) -> None:
    _parse("file", data, filename, config)


@fuzz
@given(st.one_of(uploads, html_documents), st.one_of(SOCIAL_NAMES, FILE_NAMES, CELL))
def test_upload_kind_detection_always_names_an_upload_kind(data: bytes, filename: str) -> None:
    assert detect_upload_kind(data, filename) in ("social", "whatsapp", "file")


# Found by this suite: nesting deeper than the interpreter's recursion limit raised RecursionError out of
# json.loads (and out of the recursive flattening of nested objects) instead of a refusal.
DEEP_ARRAY = b"[" * 100_000
DEEP_OBJECT = b'{"a":' * 100_000
NESTED_BELOW_JSON_LIMIT = b"[" + b'{"a":' * 900 + b"1" + b"}" * 900 + b"]"


def test_deeply_nested_json_is_refused_by_every_upload_kind_not_a_recursion_error() -> None:
    with within(5):
        for data in (DEEP_ARRAY, DEEP_OBJECT):
            for kind, filename in (("social", "x.json"), ("social", "x.jsonl"), ("file", "x.json")):
                _parse(kind, data, filename, {})
            assert detect_upload_kind(data, "x.json") in ("social", "file")
            columns_of(data, "x.jsonl")


def test_objects_nested_just_below_jsons_limit_are_read_not_crashed() -> None:
    _parse("social", NESTED_BELOW_JSON_LIMIT, "x.json", {"columns": {"text": "a"}})
    assert columns_of(NESTED_BELOW_JSON_LIMIT, "x.json")


# Found by this suite: canonical_url raised ValueError ("Invalid IPv6 URL") for a link like "http://[::1", so one
# bad link in one row stopped the whole upload (and the whole feed or sitemap run).
def test_a_row_with_an_unsplittable_url_is_kept_without_its_url() -> None:
    data = b"text,url\nPak camat hadir di acara kampanye calon bupati,http://[::1\n"
    (item,) = get_upload_kind("social").parse(data, "x.csv", {}).items
    assert item.url == ""
    corpus = json.dumps({"text": "Teks uji tentang kepala desa", "url": "https://[zz/"}).encode()
    (item,) = get_upload_kind("file").parse(corpus, "x.json", {}).items
    assert item.url == ""


def test_pathological_megabyte_uploads_finish_quickly() -> None:
    payloads = [b"<" * 1_000_000, b"\n" * 1_000_000, b'"' * 1_000_000, b"12/03/24 14.05 - a: " * 50_000]
    for data in payloads:
        with within(20):
            for kind, filename in (("social", "x.csv"), ("whatsapp", "chat.txt"), ("file", "x.html")):
                _parse(kind, data, filename, {})
            detect_upload_kind(data, "x")
