"""netral.violations.v1: does the text report a specific neutrality case, by whom, and what was done?

A sentence reports a case when it has an accusation cue ("diduga", "dilaporkan", "dicopot"), a concrete role of a
violator type ("Camat Kalumpang", "11 ASN", "oknum kades", a named official), a partisan cue in it or in a
neighbouring sentence, and no conditional/appeal marker ("jika", "jangan", "harus"). Appeals, socialisation and
statistics ("518 ASN") therefore report nothing. Violation kinds and their SKB matrix codes (E1–E7 before
candidates are designated, D1–D13 after) come from cue phrases in the text's non-conditional sentences.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

from netral.text import lexicon
from netral.text.model import Doc, Finding
from netral.text.pipeline import register

SUBJECT_TYPES = ("asn", "village", "tni", "polri", "regional_head", "other")


def _any(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.I)


class _Kind:
    def __init__(self, entry: dict[str, Any]) -> None:
        self.kind: str = entry["kind"]
        self.codes: list[str] = entry["codes"]
        self.confidence = float(entry["confidence"])
        self.cue = _any(entry["cues"])
        self.fallback = _any(entry["fallback_cues"]) if entry.get("fallback_cues") else None


@register
class ViolationClassifier:
    name: ClassVar[str] = "netral.violations.v1"
    requires: ClassVar[tuple[str, ...]] = ("text", "sentences", "roles", "persons", "initials")
    assigns: ClassVar[tuple[str, ...]] = (
        "case_sentences",
        "violation_reported",
        "subject_types",
        "violation_kinds",
        "violation_types",
        "subjects",
    )

    def __init__(self) -> None:
        data = lexicon.load("violations")
        self.accusation = _any(data["accusation"])
        self.partisan = _any(data["partisan"])
        self.topic = _any(data["topic"])
        self.not_a_case = _any(data["not_a_case"])
        self.framing = re.compile(data["framing"], re.I)
        self.kinds = [_Kind(entry) for entry in data["kind"]]
        skb = data["skb"]
        self.before_designation = _any(skb["before_designation"])
        self.winning_team = re.compile(skb["winning_team"], re.I)
        self.independent_support = re.compile(skb["independent_support"], re.I)

    def __call__(self, doc: Doc) -> Doc:
        sentences = [doc.sentence_text(i) for i in range(len(doc.sentences))]
        ruled_out = [bool(self.not_a_case.search(s)) for s in sentences]
        partisan = [bool(self.partisan.search(s)) for s in sentences]
        roles_in = self._roles_by_sentence(doc)
        if not self.topic.search(doc.text):
            return doc
        framed = bool(self.framing.search(" ".join(sentences[:2])))
        initials_in = {i for offset, _ in doc.initials for i, s in enumerate(doc.sentences) if s.start <= offset < s.end}
        cases = []
        for i, sentence in enumerate(sentences):
            concrete = [r for r in roles_in[i] if r.concrete and r.subject_type]
            if not (concrete or i in initials_in) or ruled_out[i] or not self.accusation.search(sentence):
                continue
            if framed or any(partisan[j] for j in range(max(0, i - 1), min(len(sentences), i + 2))):
                cases.append(i)
        if not cases:
            return doc
        doc.case_sentences = cases
        doc.violation_reported = True
        types = {r.subject_type for i in cases for r in roles_in[i] if r.concrete and r.subject_type}
        for i in cases:
            if i in initials_in and not any(r.concrete and r.subject_type for r in roles_in[i]):
                earlier = [r for r in doc.roles if r.subject_type and r.start < doc.sentences[i].start]
                types.add(earlier[-1].subject_type if earlier else "other")
        doc.subject_types = [t for t in SUBJECT_TYPES if t in types]
        doc.subjects = self._subjects(doc, cases, roles_in)
        doc.violation_types = self._findings(doc, [s for s, out in zip(sentences, ruled_out, strict=True) if not out])
        doc.violation_kinds = list(dict.fromkeys(f.kind for f in doc.violation_types))
        return doc

    @staticmethod
    def _roles_by_sentence(doc: Doc) -> list[list[Any]]:
        buckets: list[list[Any]] = [[] for _ in doc.sentences]
        starts = [s.start for s in doc.sentences]
        i = 0
        for role in doc.roles:
            while i + 1 < len(starts) and starts[i + 1] <= role.start:
                i += 1
            if buckets:
                buckets[i].append(role)
        return buckets

    @staticmethod
    def _subjects(doc: Doc, cases: list[int], roles_in: list[list[Any]]) -> list[str]:
        names: list[str] = []
        for i in cases:
            for role in roles_in[i]:
                if role.person is None or not role.subject_type:
                    continue
                person = doc.persons[role.person]
                if not role.speaker and person.name not in names:
                    names.append(person.name)
        for _, code in doc.initials:
            if code not in names:
                names.append(code)
        return names

    def _findings(self, doc: Doc, sentences: list[str]) -> list[Finding]:
        stage_prefix = 0 if self.before_designation.search(doc.text) else 1
        findings: list[Finding] = []
        for kind in self.kinds:
            evidence = next((s for s in sentences if kind.cue.search(s)), None)
            if evidence is None:
                continue
            code = kind.codes[stage_prefix]
            if kind.kind == "vote_solicitation" and self.winning_team.search(evidence):
                code = ("D9", "D10")[stage_prefix]
            elif kind.kind == "vote_solicitation" and self.independent_support.search(evidence):
                code = "D11"
            elif kind.kind == "social_media" and re.search(r"\bkampanye|mengkampanyekan|promosi", evidence, re.I):
                code = ("E2", "D2")[stage_prefix]
            elif kind.kind == "candidacy_party":
                code = "D5" if re.search(r"\banggota partai|pengurus partai|kartu (?:tanda )?anggota|\bkta\b", evidence, re.I) else "D3"
            findings.append(Finding(code, kind.kind, " ".join(evidence.split()), kind.confidence))
        if not findings:
            for kind in self.kinds:
                cue = kind.fallback
                evidence = next((s for s in sentences if cue.search(s)), None) if cue else None
                if evidence is not None:
                    code = kind.codes[stage_prefix]
                    findings.append(Finding(code, kind.kind, " ".join(evidence.split()), kind.confidence / 2))
        return findings
