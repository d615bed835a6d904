"""netral.stages.v1: the furthest stage each reported case reached (ANNOTATION "stages")."""

from __future__ import annotations

import re
from typing import ClassVar

from netral.text import lexicon
from netral.text.model import Doc
from netral.text.pipeline import register


def _any(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.I)


@register
class StageClassifier:
    name: ClassVar[str] = "netral.stages.v1"
    requires: ClassVar[tuple[str, ...]] = ("sentences", "roles", "violation_reported")
    assigns: ClassVar[tuple[str, ...]] = ("stages",)

    def __init__(self) -> None:
        data = lexicon.load("stages")
        self.order: list[str] = data["order"]
        self.cues = {stage: _any(data[stage]) for stage in [*self.order, "dismissed"]}
        self.partial = re.compile(data["partial_dismissal"], re.I)
        self.pending = re.compile(data["pending"], re.I)
        self.not_a_case = _any(lexicon.load("violations")["not_a_case"])

    def __call__(self, doc: Doc) -> Doc:
        if not doc.violation_reported:
            return doc
        sentences = [doc.sentence_text(i) for i in range(len(doc.sentences))]
        with_violator = {i for i, span in enumerate(doc.sentences) for r in doc.roles
                         if r.subject_type and span.start <= r.start < span.end}
        hits: dict[str, list[int]] = {stage: [] for stage in self.cues}
        for i, sentence in enumerate(sentences):
            if self.not_a_case.search(sentence):
                continue
            for stage, cue in self.cues.items():
                if cue.search(sentence) and (stage != "sanctioned" or i in with_violator):
                    hits[stage].append(i)
        reached = [stage for stage in self.order if hits[stage]]
        stages = reached[-1:]
        if stages == ["sanctioned"] and any(self.pending.search(sentences[i]) for i in hits["forwarded"]):
            stages.insert(0, "forwarded")
        dismissals = hits["dismissed"]
        if "forwarded" in reached:
            dismissals = [i for i in dismissals if not self.partial.search(sentences[i])]
        if dismissals:
            stages.append("dismissed")
        doc.stages = stages
        return doc
