"""netral.elections.v1: the elections the text's events concern, as ANNOTATION codes ("pilkada_2024").

A year written with the election word ("Pilkada Serentak 2024", "Pemilu dan Pilkada 2024") decides it. An election
word without a year belongs to the next election of that kind after the dates in the text (or, lacking any, the
publication date from `published` or the URL): "pilkada" in a text dated November 2016 is Pilkada 2017.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import ClassVar

from netral.rules.catalogue import load_catalogue
from netral.text import lexicon
from netral.text.cues import CueIndex
from netral.text.model import Doc
from netral.text.pipeline import register

_URL_DATE = re.compile(r"/(?P<y>20\d{2})/?(?P<m>[01]\d)/?(?P<d>[0-3]\d)?(?:/|\d)")


def reference_date(doc: Doc) -> dt.date | None:
    """The latest date in the text; else the publication date; else a date in the URL path."""
    if doc.dates:
        return max(dt.date.fromisoformat(d.iso) for d in doc.dates)
    for value in (doc.published or "", doc.url or ""):
        if value[:10].count("-") == 2:
            try:
                return dt.date.fromisoformat(value[:10])
            except ValueError:
                pass
        m = _URL_DATE.search(value)
        if m:
            try:
                return dt.date(int(m.group("y")), int(m.group("m")), int(m.group("d") or 1))
            except ValueError:
                continue
    return None


@register
class ElectionFinder:
    name: ClassVar[str] = "netral.elections.v1"
    requires: ClassVar[tuple[str, ...]] = ("text", "lowered", "dates")
    assigns: ClassVar[tuple[str, ...]] = ("elections",)

    def __init__(self) -> None:
        data = lexicon.load("elections")
        self.kinds = ("pemilu", "pilkada", "pilkades")
        self.words = CueIndex(
            {k: [re.escape(w).replace(r"\ ", r"\s+") + r"(?![\w-])" for w in data[k]] for k in self.kinds}
        )
        connector = lexicon.words_pattern(data["connectors"])
        self.year_after = re.compile(
            rf"(?:\s*\)|\s*\([^)]{{0,30}}\))?(?:\s+(?:(?i:{connector})|[A-Z][\w'-]*)){{0,4}}?[\s(]+(?P<year>(?:19|20)\d{{2}})\b"
        )
        # Voting days come from the rules catalogue, the one place elections are defined.
        self.vote_dates = {e.code: e.voting_day for e in load_catalogue().elections}
        self.grace = dt.timedelta(days=int(data["grace_days"]))
        self.lookahead = dt.timedelta(days=int(data["lookahead_days"]))

    def __call__(self, doc: Doc) -> Doc:
        explicit: set[str] = set()
        yearless: set[str] = set()
        pending: list[str] = []  # kinds waiting for the year of a coordinated word ("Pemilu dan Pilkada 2024")
        mentions = sorted(
            (start, -end, kind) for kind, spans in self.words.find(doc.lowered).items() for start, end in spans
        )
        last_end = -1
        for start, neg_end, kind in mentions:
            if start < last_end:
                continue
            last_end = end = -neg_end
            if kind == "pilkades":
                explicit.add("pilkades")
                continue
            year = self.year_after.match(doc.text, end)
            if year is None:
                if re.match(r"\s+(?:dan|maupun|&)\s", doc.text[end : end + 9]):
                    pending.append(kind)
                else:
                    yearless.update(pending)
                    pending = []
                yearless.add(kind)
                continue
            for k in [*pending, kind]:
                code = f"{k}_{year.group('year')}"
                if code in self.vote_dates:
                    explicit.add(code)
            pending = []
        found = set(explicit)
        when = reference_date(doc)
        for kind in yearless:
            if when is None or any(code.startswith(kind) for code in explicit):
                continue
            later = [
                (vote, code)
                for code, vote in self.vote_dates.items()
                if code.startswith(kind) and vote + self.grace >= when and vote - when <= self.lookahead
            ]
            if later:
                found.add(min(later)[1])
        doc.elections = sorted(found)
        return doc
