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
from netral.text.cues import CueIndex, tokens_around
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


_SEPARATOR = r"(?:-|–|—|s/d|s\.d\.?|sampai(?:\s+dengan)?|hingga)"


class DateGrammar:
    """Month words anchor the search: a day before them and a year after them make a date."""

    def __init__(self) -> None:
        data = lexicon.load("dates")
        self.months: dict[str, int] = data["months"]
        self.numbers = day_words(data["numbers"])
        month = lexicon.words_pattern(list(self.months))
        day = r"(?:\d{1,2}|" + lexicon.words_pattern(list(self.numbers)) + ")"
        self.month = CueIndex({"month": [re.escape(m) + r"(?!\w)" for m in self.months]})
        self.year_after = re.compile(r"\.?,?\s+(?:tahun\s+)?(?P<y>\d{4})(?!\w)")
        self.day_before = re.compile(rf"(?<![\w.,/])(?:(?P<d1>{day})\s*{_SEPARATOR}\s*)?(?P<d>{day})\s+$")
        self.range_after = re.compile(
            rf"\.?\s*{_SEPARATOR}\s*(?P<d2>{day})\s+(?P<m2>{month})\.?,?\s+(?:tahun\s+)?(?P<y>\d{{4}})(?!\w)"
        )
        self.weekday_before = re.compile(rf"{lexicon.words_pattern(data['weekdays'])}\s*,?\s*\(?\s*$")
        self.numeric = re.compile(r"(?P<d>\d{1,2})(?P<sep>[/-])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})")

    def day(self, value: str) -> int:
        return int(value) if value.isdigit() else self.numbers[" ".join(value.split())]


def _iso(year: str, month: int, day: int) -> str | None:
    y = int(year) + (2000 if len(year) == 2 else 0)
    try:
        return dt.date(y, month, day).isoformat()
    except ValueError:
        return None


def find_dates(text: str, lowered: str, grammar: DateGrammar, skip: list[tuple[int, int]]) -> list[DateMention]:
    found: list[DateMention] = []

    def add(start: int, end: int, isos: list[str | None]) -> None:
        if all(isos) and all(end <= s or start >= t for s, t in skip):
            lead = grammar.weekday_before.search(lowered, max(0, start - 14), start)
            start = lead.start() if lead else start
            found.extend(DateMention(start, end, text[start:end], iso) for iso in isos if iso)

    consumed_until = -1
    for m_start, m_end in grammar.month.find(lowered)["month"]:
        if m_start < consumed_until:
            continue
        day = grammar.day_before.search(lowered, max(0, m_start - 40), m_start)
        if day is None:
            continue
        month = grammar.months[lowered[m_start:m_end]]
        d = grammar.day(day.group("d"))
        year = grammar.year_after.match(lowered, m_end)
        if year is not None:
            days = [grammar.day(day.group("d1")), d] if day.group("d1") else [d]
            add(day.start(), year.end(), [_iso(year.group("y"), month, x) for x in days])
            continue
        span = grammar.range_after.match(lowered, m_end)
        if span is not None:
            later = (grammar.months[span.group("m2")], grammar.day(span.group("d2")))
            add(day.start(), span.end(), [_iso(span.group("y"), month, d), _iso(span.group("y"), *later)])
            consumed_until = span.end()
    # "13/11/2023", "(6/12/2022)": read the few tokens around slashes and hyphens instead of scanning the text.
    for start, end in tokens_around(lowered, "/") + tokens_around(lowered, "-"):
        end = start + len(lowered[start:end].rstrip(".-"))
        m = grammar.numeric.fullmatch(lowered, start, end)
        if m is not None:
            add(start, end, [_iso(m.group("y"), int(m.group("m")), int(m.group("d")))])
    found.sort(key=lambda x: x.start)
    return found


@register
class DateFinder:
    name: ClassVar[str] = "netral.dates.v1"
    requires: ClassVar[tuple[str, ...]] = ("text", "lowered", "letter_numbers")
    assigns: ClassVar[tuple[str, ...]] = ("dates",)

    def __init__(self) -> None:
        self.grammar = DateGrammar()

    def __call__(self, doc: Doc) -> Doc:
        doc.dates = find_dates(doc.text, doc.lowered, self.grammar, [(r.start, r.end) for r in doc.letter_numbers])
        return doc
