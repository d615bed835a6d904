"""netral.stages.v1: the furthest stage each reported case reached (ANNOTATION "stages").

Stage cues are read in sentences without a conditional/appeal marker. The furthest of reported < under_review <
forwarded < sanctioned is kept; "forwarded" stays beside "sanctioned" when a sanction is still pending for some
("baru dikirim rekomendasinya"); "dismissed" is added unless it only closed the criminal or campaign-law route of
a case that went on to the ASN authority. A sanction cue counts only in a sentence naming a violator role, so an
election organiser removed from office is no sanction.
"""

from __future__ import annotations

import re
from typing import ClassVar

from netral.text import lexicon
from netral.text.cues import CueIndex, sentence_of, starts_of
from netral.text.model import Doc
from netral.text.pipeline import register

_PURPOSE = re.compile(r"\b(?:untuk|agar|supaya|akan|bisa|dapat|terancam)\s+$")


@register
class StageClassifier:
    name: ClassVar[str] = "netral.stages.v1"
    requires: ClassVar[tuple[str, ...]] = ("lowered", "sentences", "roles", "ruled_out", "violation_reported")
    assigns: ClassVar[tuple[str, ...]] = ("stages",)

    def __init__(self) -> None:
        data = lexicon.load("stages")
        self.order: list[str] = data["order"]
        self.cues = CueIndex({stage: data[stage] for stage in [*self.order, "dismissed"]})
        self.partial = re.compile(data["partial_dismissal"])
        self.pending = re.compile(data["pending"])

    def __call__(self, doc: Doc) -> Doc:
        if not doc.violation_reported:
            return doc
        starts = starts_of(doc.sentences)
        ruled_out = set(doc.ruled_out)
        with_violator = {sentence_of(starts, r.start) for r in doc.roles if r.subject_type}
        hits: dict[str, list[int]] = {}
        for stage, spans in self.cues.find(doc.lowered).items():
            if stage == "sanctioned":  # "untuk dijatuhi sanksi": a purpose, not a sanction yet
                spans = [(s, e) for s, e in spans if not _PURPOSE.search(doc.lowered, max(0, s - 12), s)]
            found = dict.fromkeys(sentence_of(starts, s) for s, _ in spans)
            hits[stage] = [i for i in found if i not in ruled_out and (stage != "sanctioned" or i in with_violator)]
        reached = [stage for stage in self.order if hits[stage]]
        stages = reached[-1:]
        if stages == ["sanctioned"] and any(
            self.pending.search(doc.sentence_text(i).lower()) for i in hits["forwarded"]
        ):
            stages.insert(0, "forwarded")
        dismissals = hits["dismissed"]
        if "forwarded" in reached:
            dismissals = [i for i in dismissals if not self.partial.search(doc.sentence_text(i).lower())]
        if dismissals:
            stages.append("dismissed")
        doc.stages = stages
        return doc
