"""netral.numbers.v1: letter and decree numbers ("800/254/IV.1/BKD") and legal references ("PP 94/2021")."""

from __future__ import annotations

import re
from typing import ClassVar

from netral.text import lexicon
from netral.text.cues import CueIndex, tokens_around
from netral.text.model import Doc, Reference
from netral.text.pipeline import register

LETTER_NUMBER = re.compile(r"(?:[A-Z]{1,4}[.-]?\d*/)?\d{1,5}(?:[.\-]\d+)*(?:/[A-Za-z0-9][A-Za-z0-9.\-]*){2,}")
_DATE_SHAPE = re.compile(r"^\d{1,2}/\d{1,2}/\d{2,4}$")


_NUMBER_AFTER = re.compile(
    r"\s*(?:\([A-Za-z ]+\)\s*)?(?:(?:Nomor|nomor|No\.?|Nomer)\s*)?"
    r"(?P<num>\d+[A-Z]?)\b(?:\s*(?:[Tt]ahun|TAHUN|/|[Tt]h\.?)\s*(?P<year>(?:19|20)\d{2})\b)?"
)


def find_letter_numbers(text: str) -> list[Reference]:
    refs = []
    for start, end in tokens_around(text, "/"):
        value = text[start:end].rstrip(".-")
        if LETTER_NUMBER.fullmatch(value) and not _DATE_SHAPE.match(value):
            refs.append(Reference(start, start + len(value), value, value, "letter_number"))
    return refs


@register
class NumberFinder:
    name: ClassVar[str] = "netral.numbers.v1"
    requires: ClassVar[tuple[str, ...]] = ("text",)
    assigns: ClassVar[tuple[str, ...]] = ("letter_numbers", "legal_refs")

    def __init__(self) -> None:
        instruments: dict[str, str] = lexicon.load("numbers")["instruments"]
        sets: dict[str, list[str]] = {}
        for written, short in instruments.items():
            sets.setdefault(short, []).extend(f"{alt}(?![\\w-])" for alt in written.split("|"))
        self.instruments = CueIndex(sets)

    def __call__(self, doc: Doc) -> Doc:
        doc.letter_numbers = find_letter_numbers(doc.text)
        taken = [(r.start, r.end) for r in doc.letter_numbers]
        refs: list[Reference] = []
        found = sorted(
            (start, -end, short) for short, spans in self.instruments.find(doc.text).items() for start, end in spans
        )
        for start, neg_end, short in found:
            m = _NUMBER_AFTER.match(doc.text, -neg_end)
            if m is None or (refs and start < refs[-1].end) or any(s <= m.start("num") < e for s, e in taken):
                continue
            year = m.group("year")
            normalised = f"{short} {m.group('num')}/{year}" if year else f"{short} {m.group('num')}"
            refs.append(Reference(start, m.end(), doc.text[start : m.end()], normalised, short))
        doc.legal_refs = refs
        return doc
