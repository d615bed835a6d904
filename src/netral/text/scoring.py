"""Field-by-field precision, recall and F1 of analysis results against gold annotations.

The matching rules are those of the corpus's score.py: set fields match exactly after NFKC, case folding and
punctuation folding; subjects match leniently (one name's tokens form a contiguous run inside the other's).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SET_FIELDS = ("subject_types", "violation_kinds", "stages", "elections", "provinces", "regencies", "dates")
FIELDS = ("violation_reported", *SET_FIELDS, "subjects")
_PUNCT = re.compile(r"[^\w\s]")


def norm(value: str) -> str:
    return " ".join(_PUNCT.sub(" ", unicodedata.normalize("NFKC", value).casefold()).split())


def names_match(a: str, b: str) -> bool:
    ta, tb = tuple(norm(a).split()), tuple(norm(b).split())
    if not ta or not tb:
        return False
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    return any(long_[i : i + len(short)] == short for i in range(len(long_) - len(short) + 1))


def doc_key(name: str) -> str:
    return Path(str(name)).stem


@dataclass(frozen=True, slots=True)
class FieldScore:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def gold(self) -> int:
        return self.tp + self.fn


@dataclass(frozen=True, slots=True)
class Report:
    fields: dict[str, FieldScore]
    missing: list[str]

    @property
    def macro_f1(self) -> float:
        return sum(s.f1 for s in self.fields.values()) / len(self.fields)


def score(golds: Mapping[str, Mapping[str, Any]], results: Mapping[str, Mapping[str, Any]]) -> Report:
    """`golds` and `results` are keyed by document stem ("001")."""
    counts = {f: [0, 0, 0] for f in FIELDS}
    missing = []
    for key, gold in sorted(golds.items()):
        pred = results.get(key)
        if pred is None:
            missing.append(key)
            pred = {}
        g, p = bool(gold.get("violation_reported")), bool(pred.get("violation_reported", False))
        _add(counts["violation_reported"], int(g and p), int(p and not g), int(g and not p))
        for field in SET_FIELDS:
            gs = {norm(v) for v in gold.get(field, [])}
            ps = {norm(v) for v in (pred.get(field) or []) if isinstance(v, str)}
            _add(counts[field], len(gs & ps), len(ps - gs), len(gs - ps))
        gnames = list(gold.get("subjects", []))
        pnames = [v for v in (pred.get("subjects") or []) if isinstance(v, str)]
        matched: set[int] = set()
        for gname in gnames:
            hit = next((i for i, p_ in enumerate(pnames) if i not in matched and names_match(gname, p_)), None)
            if hit is not None:
                matched.add(hit)
        _add(counts["subjects"], len(matched), len(pnames) - len(matched), len(gnames) - len(matched))
    return Report({f: FieldScore(*c) for f, c in counts.items()}, missing)


def _add(count: list[int], tp: int, fp: int, fn: int) -> None:
    count[0] += tp
    count[1] += fp
    count[2] += fn


def format_report(report: Report, minimums: Mapping[str, float] | None = None) -> str:
    minimums = minimums or {}
    lines = [f"{'field':<20} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}"]
    for field, s in report.fields.items():
        flag = f"  < {minimums[field]:.2f}" if field in minimums and s.f1 < minimums[field] else ""
        lines.append(f"{field:<20} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.gold:6d}{flag}")
    lines.append(f"documents without a result: {len(report.missing)}")
    lines.append(f"macro F1 {report.macro_f1:.3f}")
    return "\n".join(lines)
