"""The document that flows through the pipeline, and the `Analysis` handed to callers.

A `Doc` starts with the raw text; each component fills the attributes it declares in `assigns`.
Character spans always refer to `Doc.text`, the cleaned body.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class RegionMention:
    """A place named in the text, resolved to a Kemendagri region (`code`, `level`)."""

    start: int
    end: int
    text: str
    code: str
    name: str
    level: str
    via: str  # how it was resolved: "name", "alias", "kecamatan", "desa", "context"


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    text: str
    iso: str


@dataclass(frozen=True, slots=True)
class Reference:
    """A letter/decree number ("810/PM.00.00/K1/11/2023") or a legal reference ("PP 94/2021")."""

    start: int
    end: int
    text: str
    normalised: str
    kind: str  # "letter_number" or the legal instrument: "UU", "PP", "Perbawaslu", ...


@dataclass(frozen=True, slots=True)
class Organisation:
    start: int
    end: int
    text: str
    name: str  # normalised, e.g. "Bawaslu Kabupaten Barito Kuala", "KASN"
    region_code: str | None


@dataclass(slots=True)
class Person:
    start: int
    end: int
    name: str
    position: str = ""
    rank: str = ""
    honorifics: list[str] = field(default_factory=list)
    degrees: list[str] = field(default_factory=list)
    subject_type: str | None = None  # the ANNOTATION subject type their position implies, if any
    speaker: bool = False  # quoted as the source of a statement ("kata X")


@dataclass(frozen=True, slots=True)
class RoleMention:
    """A position or group noun ("Camat Sukamaju", "11 ASN", "oknum kades") and whether it names concrete people."""

    start: int
    end: int
    head: str
    subject_type: str  # ANNOTATION subject type, "" when the role is no violator type (supervisors, lawyers, ...)
    concrete: bool
    person: int | None  # index into Doc.persons
    speaker: bool = False  # quoted or acting on the case ("kata Camat X", "Bupati X menjatuhkan sanksi"), not accused


@dataclass(frozen=True, slots=True)
class Finding:
    """An SKB violation type (E1–E7, D1–D13) with its violation kind, evidence sentence and confidence."""

    code: str
    kind: str
    evidence: str
    confidence: float


@dataclass(slots=True)
class Doc:
    raw: str
    url: str | None = None
    published: str | None = None
    text: str = ""
    lowered: str = ""  # `text` lower-cased, same length: cue regexes run on it
    removed_lines: list[str] = field(default_factory=list)
    teasers: list[str] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    dateline: Span | None = None
    letter_numbers: list[Reference] = field(default_factory=list)
    legal_refs: list[Reference] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    region_mentions: list[RegionMention] = field(default_factory=list)
    provinces: list[str] = field(default_factory=list)
    regencies: list[str] = field(default_factory=list)
    organisations: list[Organisation] = field(default_factory=list)
    persons: list[Person] = field(default_factory=list)
    roles: list[RoleMention] = field(default_factory=list)
    initials: list[tuple[int, str]] = field(default_factory=list)  # (offset, "HS") written after "berinisial"
    elections: list[str] = field(default_factory=list)
    case_sentences: list[int] = field(default_factory=list)  # indexes into `sentences`
    ruled_out: list[int] = field(default_factory=list)  # sentences with a conditional/appeal marker
    violation_reported: bool = False
    subject_types: list[str] = field(default_factory=list)
    violation_kinds: list[str] = field(default_factory=list)
    violation_types: list[Finding] = field(default_factory=list)
    subjects: list[str] = field(default_factory=list)
    stages: list[str] = field(default_factory=list)

    def sentence_text(self, index: int) -> str:
        span = self.sentences[index]
        return self.text[span.start : span.end]


@dataclass(slots=True)
class Analysis:
    """The result of `netral.text.analyze`: the nine annotation fields plus the richer extraction."""

    doc: Doc

    def to_dict(self) -> dict[str, Any]:
        d = self.doc
        return {
            "violation_reported": d.violation_reported,
            "subject_types": list(d.subject_types),
            "violation_kinds": list(d.violation_kinds),
            "stages": list(d.stages),
            "elections": list(d.elections),
            "provinces": list(d.provinces),
            "regencies": list(d.regencies),
            "subjects": list(d.subjects),
            "dates": sorted({m.iso for m in d.dates}),
            "violation_types": [_row(f) for f in d.violation_types],
            "persons": [_row(p) for p in d.persons],
            "organisations": [_row(o) for o in d.organisations],
            "regions": [_row(r) for r in d.region_mentions],
            "letter_numbers": [_row(r) for r in d.letter_numbers],
            "legal_refs": [_row(r) for r in d.legal_refs],
            "entities": self.entities(),
            "clean": {"removed_lines": list(d.removed_lines), "teasers": list(d.teasers)},
            "url": d.url,
            "published": d.published,
        }

    def entities(self) -> list[dict[str, Any]]:
        """Every extracted mention as {label, start, end, text}, in text order."""
        d = self.doc
        items: list[tuple[int, int, str]] = [(m.start, m.end, "REGION") for m in d.region_mentions]
        items += [(m.start, m.end, "DATE") for m in d.dates]
        items += [(o.start, o.end, "ORG") for o in d.organisations]
        items += [(p.start, p.end, "PERSON") for p in d.persons]
        items += [(r.start, r.end, "LETTER_NUMBER") for r in d.letter_numbers]
        items += [(r.start, r.end, "LEGAL_REF") for r in d.legal_refs]
        items.sort()
        return [{"label": label, "start": s, "end": e, "text": d.text[s:e]} for s, e, label in items]


def _row(item: Any) -> dict[str, Any]:
    """A flat slotted dataclass as a dict (dataclasses.asdict deep-copies and costs a millisecond a document)."""
    return {name: (list(v) if isinstance(v := getattr(item, name), list) else v) for name in item.__slots__}
