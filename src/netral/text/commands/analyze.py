"""`netral analyze [--format jsonl|table] PATH...`: one result per document on stdout.

Errors (unreadable file, bad JSON, no "text") are reported on stderr naming the file; the other files are still
analysed and the exit code is 1 at the end. Progress goes to stderr only when stderr is a terminal.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from netral.text import batch
from netral.text.sources import DocumentError, expand


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help=".txt or .json files, or folders of them")
    parser.add_argument("--format", choices=("jsonl", "table"), default="jsonl", help="output format (default jsonl)")
    parser.add_argument("--jobs", type=int, default=None, help="worker processes (default: 2 for many files, else 1)")


def render_jsonl(name: str, result: dict[str, Any]) -> str:
    return json.dumps({"doc": name, **result}, ensure_ascii=False)


def render_table(name: str, result: dict[str, Any]) -> str:
    def join(values: list[str]) -> str:
        return ", ".join(values) or "-"

    verdict = "VIOLATION REPORTED" if result["violation_reported"] else "no case reported"
    lines = [
        f"== {name}: {verdict}",
        f"   subjects      {join(result['subjects'])}  [{join(result['subject_types'])}]",
        f"   kinds         {join(result['violation_kinds'])}",
        f"   SKB types     {join([t['code'] for t in result['violation_types']])}",
        f"   stages        {join(result['stages'])}",
        f"   elections     {join(result['elections'])}",
        f"   provinces     {join(result['provinces'])}",
        f"   regencies     {join(result['regencies'])}",
        f"   dates         {join(result['dates'])}",
    ]
    people = [p["name"] + (f" ({p['position']})" if p["position"] else "") for p in _people(result["persons"])]
    if people:
        lines.append(f"   persons       {join(people)}")
    return "\n".join(lines)


def _people(mentions: list[dict[str, Any]], limit: int = 6) -> list[dict[str, Any]]:
    """One line per person: a later short mention ("Azhar") is the same person as an earlier full one."""
    shown: list[dict[str, Any]] = []
    for mention in mentions:
        words = mention["name"].split()
        if not any(set(words) <= set(seen["name"].split()) for seen in shown):
            shown.append(mention)
    return shown[:limit]


def run(args: argparse.Namespace) -> int:
    failed = False
    paths: list[Path] = []
    for item in expand(args.paths):
        if isinstance(item, DocumentError):
            print(f"netral analyze: {item}", file=sys.stderr)
            failed = True
        else:
            paths.append(item)
    render = render_table if args.format == "table" else render_jsonl
    progress = sys.stderr.isatty()
    out = sys.stdout
    for done, (_, rendered, error) in enumerate(batch.run(paths, render, args.jobs), 1):
        if error is not None:
            print(f"netral analyze: {error}", file=sys.stderr)
            failed = True
        elif rendered is not None:
            out.write(rendered + "\n")
        if progress and (done % 50 == 0 or done == len(paths)):
            print(f"\ranalysed {done}/{len(paths)}", end="" if done < len(paths) else "\n", file=sys.stderr)
    out.flush()
    return 1 if failed else 0
