"""`netral evaluate GOLD_DIR RESULTS.jsonl|DOC_DIR`: precision, recall and F1 per field against gold files.

With a folder of documents instead of a results file, the documents are analysed first. `--min FIELD=F1` makes
the command fail (exit 1) when a field scores below the threshold; documents without a result also fail it.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from netral.text import batch, scoring
from netral.text.sources import expand


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("gold_dir", metavar="GOLD_DIR", help="folder of gold JSON files (see ANNOTATION.md)")
    parser.add_argument(
        "results", metavar="RESULTS", help="results JSONL (one object a line, with 'doc'), or a folder of documents"
    )
    parser.add_argument("--min", action="append", default=[], metavar="FIELD=F1", help="fail when FIELD's F1 is below")


def _load_results(path: Path) -> dict[str, dict[str, Any]]:
    if path.is_dir():
        results: dict[str, dict[str, Any]] = {}
        files = [p for p in expand([str(path)]) if isinstance(p, Path)]
        for name, rendered, error in batch.run(files, _render):
            if error:
                print(f"netral evaluate: {error}", file=sys.stderr)
            elif rendered:
                results[scoring.doc_key(name)] = json.loads(rendered)
        return results
    results = {}
    for line_no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise SystemExit(f"netral evaluate: {path}:{line_no}: not JSON ({exc})") from exc
            if "doc" not in obj:
                raise SystemExit(f"netral evaluate: {path}:{line_no}: no 'doc' key")
            results[scoring.doc_key(obj["doc"])] = obj
    return results


def _render(name: str, result: dict[str, Any]) -> str:
    return json.dumps({field: result[field] for field in scoring.FIELDS})


def run(args: argparse.Namespace) -> int:
    gold_dir, results_path = Path(args.gold_dir), Path(args.results)
    if not gold_dir.is_dir():
        print(f"netral evaluate: {gold_dir}: not a folder", file=sys.stderr)
        return 2
    if not results_path.exists():
        print(f"netral evaluate: {results_path}: no such file or directory", file=sys.stderr)
        return 2
    minimums: dict[str, float] = {}
    for item in args.min:
        field, _, value = item.partition("=")
        if field not in scoring.FIELDS or not value:
            print(
                f"netral evaluate: --min {item}: expected FIELD=F1 with FIELD one of {', '.join(scoring.FIELDS)}",
                file=sys.stderr,
            )
            return 2
        minimums[field] = float(value)
    golds = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(gold_dir.glob("*.json"))}
    report = scoring.score(golds, _load_results(results_path))
    print(scoring.format_report(report, minimums))
    below = [f for f, s in report.fields.items() if f in minimums and s.f1 < minimums[f]]
    return 1 if below or report.missing else 0
