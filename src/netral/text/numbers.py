"""netral.numbers.v1: letter and decree numbers ("800/254/IV.1/BKD") and legal references ("PP 94/2021")."""

from __future__ import annotations

import re
from typing import ClassVar

from netral.text import lexicon
from netral.text.model import Doc, Reference
from netral.text.pipeline import register

LETTER_NUMBER = re.compile(
    r"(?<![\w/.])(?:[A-Z]{1,4}[.-]?\d*/)?\d{1,5}(?:[.\-]\d+)*(?:/[A-Za-z0-9][A-Za-z0-9.\-]*){2,}(?<![.\-])"
)
_DATE_SHAPE = re.compile(r"^\d{1,2}/\d{1,2}/\d{2,4}$")


def _legal_pattern(instruments: dict[str, str]) -> tuple[re.Pattern[str], list[tuple[re.Pattern[str], str]]]:
    alternation = "|".join(sorted(instruments, key=len, reverse=True))
    pattern = re.compile(
        rf"\b(?P<kind>{alternation})\s*(?:\([A-Za-z ]+\)\s*)?(?:(?:Nomor|nomor|No\.?|Nomer)\s*)?"
        r"(?P<num>\d+[A-Z]?)\b(?:\s*(?:[Tt]ahun|TAHUN|/|[Tt]h\.?)\s*(?P<year>(?:19|20)\d{2})\b)?"
    )
    kinds = [(re.compile(rf"^(?:{k})$"), short) for k, short in instruments.items()]
    return pattern, kinds


def find_letter_numbers(text: str) -> list[Reference]:
    refs = []
    for m in LETTER_NUMBER.finditer(text):
        value = m.group()
        if _DATE_SHAPE.match(value) or value.count("/") < 2:
            continue
        refs.append(Reference(m.start(), m.end(), value, value, "letter_number"))
    return refs


@register
class NumberFinder:
    name: ClassVar[str] = "netral.numbers.v1"
    requires: ClassVar[tuple[str, ...]] = ("text",)
    assigns: ClassVar[tuple[str, ...]] = ("letter_numbers", "legal_refs")

    def __init__(self) -> None:
        self.legal, self.kinds = _legal_pattern(lexicon.load("numbers")["instruments"])

    def __call__(self, doc: Doc) -> Doc:
        doc.letter_numbers = find_letter_numbers(doc.text)
        taken = [(r.start, r.end) for r in doc.letter_numbers]
        refs = []
        for m in self.legal.finditer(doc.text):
            if any(s <= m.start("num") < e for s, e in taken):
                continue
            short = next((s for p, s in self.kinds if p.match(m.group("kind"))), m.group("kind"))
            year = m.group("year")
            normalised = f"{short} {m.group('num')}/{year}" if year else f"{short} {m.group('num')}"
            refs.append(Reference(m.start(), m.end(), m.group(), normalised, short))
        doc.legal_refs = refs
        return doc
