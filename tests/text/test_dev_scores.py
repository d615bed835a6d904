"""The quality bar on the shared development corpus: every field at or above its agreed F1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from netral.text import batch, scoring
from netral.text.sources import expand

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"

THRESHOLDS = {
    "violation_reported": 0.95,
    "subject_types": 0.85,
    "violation_kinds": 0.85,
    "stages": 0.85,
    "elections": 0.85,
    "provinces": 0.90,
    "regencies": 0.90,
    "subjects": 0.80,
    "dates": 0.95,
}


@pytest.mark.skipif(not (CORPUS / "dev").is_dir(), reason=f"the shared development corpus is not at {CORPUS / 'dev'}")
def test_every_field_meets_its_threshold_on_the_dev_corpus() -> None:
    golds = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in (CORPUS / "dev" / "gold").glob("*.json")}
    files = [p for p in expand([str(CORPUS / "dev" / "docs")]) if isinstance(p, Path)]
    results = {
        scoring.doc_key(name): json.loads(rendered)
        for name, rendered, _ in batch.run(files, lambda _, r: json.dumps(r), jobs=1)
        if rendered
    }
    report = scoring.score(golds, results)
    below = {f: round(s.f1, 3) for f, s in report.fields.items() if s.f1 < THRESHOLDS[f]}
    assert not report.missing
    assert not below, f"below threshold: {below}\n{scoring.format_report(report, THRESHOLDS)}"
