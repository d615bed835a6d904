"""netral.violations.v1: does the text report a specific neutrality case, by whom, and what was done?

A sentence reports a case when it has an accusation cue ("diduga", "dilaporkan", "dicopot"), a concrete role of a
violator type ("Camat Kalumpang", "11 ASN", "oknum kades", a named official, initials), a partisan cue in it or in a
neighbouring sentence (or a lead about neutrality), and no conditional/appeal marker ("jika", "jangan", "harus").
Appeals, socialisation and statistics ("518 ASN") therefore report nothing. Violation kinds and their SKB matrix
codes (E1–E7 before candidates are designated, D1–D13 after) come from cue phrases in non-conditional sentences.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

from netral.text import lexicon
from netral.text.cues import CueIndex, compile_any, sentence_of, starts_of
from netral.text.model import Doc, Finding, RoleMention
from netral.text.pipeline import register

SUBJECT_TYPES = ("asn", "village", "tni", "polri", "regional_head", "other")


class _Kind:
    def __init__(self, entry: dict[str, Any]) -> None:
        self.kind: str = entry["kind"]
        self.codes: list[str] = entry["codes"]
        self.confidence = float(entry["confidence"])


@register
class ViolationClassifier:
    name: ClassVar[str] = "netral.violations.v1"
    requires: ClassVar[tuple[str, ...]] = ("text", "lowered", "sentences", "roles", "persons", "initials")
    assigns: ClassVar[tuple[str, ...]] = (
        "case_sentences",
        "ruled_out",
        "violation_reported",
        "subject_types",
        "violation_kinds",
        "violation_types",
        "subjects",
    )

    def __init__(self) -> None:
        data = lexicon.load("violations")
        self.framing = re.compile(data["framing"])
        self.kinds = [_Kind(entry) for entry in data["kind"]]
        sets = {name: data[name] for name in ("accusation", "partisan", "not_a_case", "topic")}
        sets.update({f"kind:{k['kind']}": k["cues"] for k in data["kind"]})
        sets.update({f"fallback:{k['kind']}": k["fallback_cues"] for k in data["kind"] if k.get("fallback_cues")})
        self.cues = CueIndex(sets)
        skb = data["skb"]
        self.before_designation = compile_any(skb["before_designation"])
        self.winning_team = re.compile(skb["winning_team"])
        self.independent_support = re.compile(skb["independent_support"])
        self.social_campaign = re.compile(skb["social_campaign"])
        self.party_membership = re.compile(skb["party_membership"])

    def __call__(self, doc: Doc) -> Doc:
        lowered, starts = doc.lowered, starts_of(doc.sentences)
        found = self.cues.sentences(lowered, starts)
        doc.ruled_out = found["not_a_case"]
        if not doc.sentences or not found["topic"]:
            return doc
        roles_in = _roles_by_sentence(doc, starts)
        initials_in = {sentence_of(starts, offset) for offset, _ in doc.initials}
        ruled_out = set(doc.ruled_out)
        candidates = [
            i
            for i in range(len(doc.sentences))
            if i not in ruled_out and (i in initials_in or any(_violator(r) for r in roles_in[i]))
        ]
        if not candidates:
            return doc
        accused = set(found["accusation"])
        candidates = [i for i in candidates if i in accused]
        framed = bool(self.framing.search(lowered, 0, doc.sentences[min(1, len(starts) - 1)].end))
        if candidates and not framed:
            partisan = set(found["partisan"])
            candidates = [i for i in candidates if partisan & {i - 1, i, i + 1}]
        if not candidates:
            return doc
        doc.case_sentences = candidates
        doc.violation_reported = True
        doc.subject_types = self._types(doc, candidates, roles_in, initials_in)
        doc.subjects = _subjects(doc, candidates, roles_in)
        doc.violation_types = self._findings(doc, found, ruled_out)
        doc.violation_kinds = list(dict.fromkeys(f.kind for f in doc.violation_types))
        return doc

    @staticmethod
    def _types(doc: Doc, cases: list[int], roles_in: list[list[RoleMention]], initials_in: set[int]) -> list[str]:
        types = {r.subject_type for i in cases for r in roles_in[i] if _violator(r)}
        for i in cases:
            if i in initials_in and not any(_violator(r) for r in roles_in[i]):
                # "berinisial AD": the type of the last violator role named before.
                earlier = [r for r in doc.roles if r.subject_type and r.start < doc.sentences[i].start]
                types.add(earlier[-1].subject_type if earlier else "other")
        return [t for t in SUBJECT_TYPES if t in types]

    def _findings(self, doc: Doc, found: dict[str, list[int]], ruled_out: set[int]) -> list[Finding]:
        before = 0 if self.before_designation.search(doc.lowered) else 1
        prefix = "kind:"
        if not any(i not in ruled_out for k in self.kinds for i in found[f"kind:{k.kind}"]):
            prefix = "fallback:"  # "campaigning for a candidate" without saying how
        findings: list[Finding] = []
        for kind in self.kinds:
            index = next((i for i in found.get(prefix + kind.kind, []) if i not in ruled_out), None)
            if index is None:
                continue
            evidence = doc.sentence_text(index)
            lowered = evidence.lower()
            code = kind.codes[before]
            if kind.kind == "vote_solicitation" and self.winning_team.search(lowered):
                code = ("D9", "D10")[before]
            elif kind.kind == "vote_solicitation" and self.independent_support.search(lowered):
                code = "D11"
            elif kind.kind == "social_media" and self.social_campaign.search(lowered):
                code = ("E2", "D2")[before]
            elif kind.kind == "candidacy_party" and self.party_membership.search(lowered):
                code = "D5"
            findings.append(Finding(code, kind.kind, " ".join(evidence.split()), kind.confidence))
        return findings


def _violator(role: RoleMention) -> bool:
    """A concrete person or group of a violator type who is not speaking ("Bupati X mengajak ...")."""
    return role.concrete and bool(role.subject_type) and not role.speaker


def _roles_by_sentence(doc: Doc, starts: list[int]) -> list[list[RoleMention]]:
    buckets: list[list[RoleMention]] = [[] for _ in doc.sentences]
    for role in doc.roles:
        buckets[sentence_of(starts, role.start)].append(role)
    return buckets


def _subjects(doc: Doc, cases: list[int], roles_in: list[list[RoleMention]]) -> list[str]:
    """Named people holding a violator role in a case sentence (not quoted as a source), and initials."""
    names: list[str] = []
    for i in cases:
        for role in roles_in[i]:
            if role.person is not None and role.subject_type and not role.speaker:
                name = doc.persons[role.person].name
                if name not in names:
                    names.append(name)
    for _, code in doc.initials:
        if code not in names:
            names.append(code)
    return names
