"""`netral evaluate` and the scoring rules it shares with the corpus's score.py."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from netral.cli import main
from netral.text.scoring import names_match, norm, score

GOLD = {
    "violation_reported": True,
    "subject_types": ["asn"],
    "violation_kinds": ["campaign_event"],
    "stages": ["forwarded"],
    "elections": ["pilkada_2024"],
    "provinces": ["Kalimantan Selatan"],
    "regencies": ["Kabupaten Banjar"],
    "subjects": ["Fulan Hadi"],
    "dates": ["2024-10-14"],
}


def test_set_values_match_after_case_and_punctuation_folding() -> None:
    assert norm("Kabupaten  Hulu-Sungai Utara") == norm("kabupaten hulu sungai utara")


def test_subjects_match_when_one_name_is_a_token_run_of_the_other() -> None:
    assert names_match("Fulan", "Fulan Hadi") and names_match("H. Fulan Hadi", "Fulan Hadi")
    assert not names_match("Hadi Fulan", "Fulan Hadi Saputra")


def test_scores_count_true_and_false_positives_per_field() -> None:
    pred = {**GOLD, "regencies": ["Kabupaten Banjar", "Kota Banjarmasin"], "subjects": ["Fulan"]}
    report = score({"001": GOLD}, {"001": pred})
    assert report.fields["regencies"].precision == 0.5 and report.fields["regencies"].recall == 1.0
    assert report.fields["subjects"].f1 == 1.0
    assert report.missing == []


def test_the_command_scores_a_results_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "001.json").write_text(json.dumps({"doc": "001.json", **GOLD}))
    results = tmp_path / "r.jsonl"
    results.write_text(json.dumps({"doc": "001.json", **GOLD}) + "\n")
    assert main(["evaluate", str(gold), str(results), "--min", "subjects=0.9"]) == 0
    assert "macro F1 1.000" in capsys.readouterr().out


def test_the_command_analyses_a_document_folder_first(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold, docs = tmp_path / "gold", tmp_path / "docs"
    gold.mkdir()
    docs.mkdir()
    (gold / "001.json").write_text(json.dumps({"doc": "001.json", **GOLD}))
    (docs / "001.json").write_text(json.dumps({"text": "Rapat koordinasi di Martapura, Kalimantan Selatan."}))
    assert main(["evaluate", str(gold), str(docs), "--min", "violation_reported=0.5"]) == 1
    out = capsys.readouterr().out
    assert "violation_reported" in out and "documents without a result: 0" in out
