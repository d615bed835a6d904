"""netral.dates.v1: explicit calendar dates with day, month and year in one expression, as ISO dates.

Forms: "Senin, 14 Oktober 2024", "Selasa (6/12/2022)", "13/11/2023", "14 Februari Tahun 2024", "Tujuh Januari 2020",
"Jum'at, 7 Nopember 2016", and ranges whose year is written once ("25 September-23 November 2024", "27-29 Agustus
2024"): both ends count. A date without a year ("Jumat (11/10)") is not a date here (annotation guide).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import ClassVar

from netral.text import lexicon
from netral.text.model import DateMention, Doc
from netral.text.pipeline import register


def day_words(units: dict[str, int]) -> dict[str, int]:
    """Number words 1–31: the units, "<unit> belas" (12–19), "dua puluh <unit>", "tiga puluh [satu]"."""
    words = dict(units)
    for word, value in units.items():
        if 2 <= value <= 9:
            words[f"{word} belas"] = 10 + value
    for tens_word, tens in (("dua puluh", 20), ("tiga puluh", 30)):
        words[tens_word] = tens
        for word, value in units.items():
            if value <= 9 and tens + value <= 31:
                words[f"{tens_word} {word}"] = tens + value
    return words


class DateGrammar:
    def __init__(self) -> None:
        data = lexicon.load("dates")
        self.months: dict[str, int] = data["months"]
        self.numbers = day_words(data["numbers"])
        month = lexicon.words_pattern(list(self.months))
        day = r"(?:\d{1,2}|" + lexicon.words_pattern(list(self.numbers)) + ")"
        weekday = lexicon.words_pattern(data["weekdays"])
        lead = rf"(?:\b{weekday}\s*,?\s*\(?\s*)?"
        self.range = re.compile(
            rf"{lead}\b(?P<d1>{day})\s*(?:(?P<m1>{month})\.?\s*)?(?:-|–|—|s/d|s\.d\.?|sampai(?:\s+dengan)?|hingga)\s*"
            rf"(?P<d2>{day})\s+(?P<m2>{month})\.?,?\s+(?:tahun\s+)?(?P<y>\d{{4}})\b",
            re.IGNORECASE,
        )
        self.written = re.compile(
            rf"{lead}\b(?P<d>{day})\s+(?P<m>{month})\.?,?\s+(?:tahun\s+)?(?P<y>\d{{4}})\b", re.IGNORECASE
        )
        self.numeric = re.compile(
            rf"{lead}(?<![\w./-])(?P<d>\d{{1,2}})\s*(?P<sep>[/-])\s*(?P<m>\d{{1,2}})\s*(?P=sep)\s*(?P<y>\d{{4}}|\d{{2}})(?![\w/-])",
            re.IGNORECASE,
        )

    def day(self, value: str) -> int:
        return int(value) if value.isdigit() else self.numbers[" ".join(value.lower().split())]

    def month(self, value: str) -> int:
        return int(value) if value.isdigit() else self.months[value.lower()]


def _iso(year: str, month: int, day: int) -> str | None:
    y = int(year) + (2000 if len(year) == 2 else 0)
    try:
        return dt.date(y, month, day).isoformat()
    except ValueError:
        return None


def find_dates(text: str, grammar: DateGrammar, skip: list[tuple[int, int]]) -> list[DateMention]:
    found: list[DateMention] = []
    taken = list(skip)

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    for m in grammar.range.finditer(text):
        if not free(m.start(), m.end()):
            continue
        m2 = grammar.month(m.group("m2"))
        m1 = grammar.month(m.group("m1")) if m.group("m1") else m2
        ends = (_iso(m.group("y"), m1, grammar.day(m.group("d1"))), _iso(m.group("y"), m2, grammar.day(m.group("d2"))))
        if all(ends):
            found.extend(DateMention(m.start(), m.end(), m.group(), iso) for iso in ends if iso)
            taken.append((m.start(), m.end()))
    for pattern in (grammar.written, grammar.numeric):
        for m in pattern.finditer(text):
            if not free(m.start(), m.end()):
                continue
            iso = _iso(m.group("y"), grammar.month(m.group("m")), grammar.day(m.group("d")))
            if iso:
                found.append(DateMention(m.start(), m.end(), m.group(), iso))
                taken.append((m.start(), m.end()))
    found.sort(key=lambda d: d.start)
    return found


@register
class DateFinder:
    name: ClassVar[str] = "netral.dates.v1"
    requires: ClassVar[tuple[str, ...]] = ("text", "letter_numbers")
    assigns: ClassVar[tuple[str, ...]] = ("dates",)

    def __init__(self) -> None:
        self.grammar = DateGrammar()

    def __call__(self, doc: Doc) -> Doc:
        doc.dates = find_dates(doc.text, self.grammar, [(r.start, r.end) for r in doc.letter_numbers])
        return doc
