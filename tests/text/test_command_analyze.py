"""`netral analyze`: JSONL and table output, folders, and errors that name the file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from netral.cli import main

CASE = (
    "MARTAPURA - Seorang kepala desa berinisial AB dilaporkan ke Bawaslu karena diduga berkampanye, Senin (14/10/2024)."
)


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(CASE, encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps({"text": "Rapat biasa di Banjarbaru.", "url": "https://x.id/b"}))
    (tmp_path / "ignored.md").write_text("not a document")
    return tmp_path


def test_it_prints_one_json_object_a_line_with_the_file_name(docs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", "--format", "jsonl", str(docs)]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["doc"] for line in lines] == ["a.txt", "b.json"]
    assert lines[0]["violation_reported"] is True and lines[0]["subjects"] == ["AB"]
    assert lines[1]["regencies"] == ["Kota Banjarbaru"]


def test_the_table_format_is_a_summary_per_document(docs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", "--format", "table", str(docs / "a.txt")]) == 0
    out = capsys.readouterr().out
    assert "a.txt: VIOLATION REPORTED" in out and "village" in out


def test_bad_files_are_named_on_stderr_and_the_rest_still_analysed(
    docs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (docs / "bad.json").write_text("{not json")
    (docs / "notext.json").write_text(json.dumps({"url": "https://x.id"}))
    code = main(["analyze", str(docs), str(docs / "missing.txt")])
    captured = capsys.readouterr()
    assert code == 1
    assert "bad.json: not valid JSON" in captured.err
    assert 'notext.json: no "text"' in captured.err
    assert "missing.txt: no such file" in captured.err
    assert len(captured.out.splitlines()) == 2


def test_two_workers_keep_the_input_order(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for i in range(40):
        (tmp_path / f"{i:03d}.txt").write_text(CASE if i % 2 else "Rapat biasa.", encoding="utf-8")
    assert main(["analyze", "--jobs", "2", str(tmp_path)]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["doc"] for line in lines] == [f"{i:03d}.txt" for i in range(40)]
    assert [line["violation_reported"] for line in lines] == [bool(i % 2) for i in range(40)]
