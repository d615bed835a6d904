"""netral.clean.v1: turn a scraped page into the article body.

Drops "Baca juga:" teaser lines (their headlines go to `Doc.teasers`, never into the body: a teaser about another
case must not make this article a violation report), share/comment footers, bylines, lone numbers and paragraphs
repeated later in the page (some sites print the body twice). Finds the dateline ("Palangka Raya (ANTARA) -").
"""

from __future__ import annotations

import re
import unicodedata
from typing import ClassVar

from netral.text import lexicon
from netral.text.cues import lower_preserving
from netral.text.model import Doc, Span
from netral.text.pipeline import register

_URL = re.compile(r"(?:https?://|www\.)\S+")
_SPACES = re.compile(r"[ \t\u00a0\u2009\u202f]+")
# Cheap first-word tests before the regexes: most lines are body paragraphs.
_TEASER_STARTS = ("baca", "lihat", "simak", "artikel", "berita")
_FOOTER_STARTS = (
    "berita",
    "artikel",
    "terpopuler",
    "baca",
    "rekomendasi",
    "tinggalkan",
    "posting",
    "kirim",
    "pewarta",
    "copyright",
    "©",
)
_NOISE_MAX = 160  # noise lines are short: bylines, share buttons, lone numbers
_DATELINE = re.compile(r"^(?P<head>[^\n]{2,80}?)\s*(?:-{1,2}|–|—|:)\s")


class _Rules:
    def __init__(self) -> None:
        data = lexicon.load("clean")
        self.teaser = re.compile(data["teaser"], re.IGNORECASE)
        self.noise = re.compile("|".join(f"(?:{p})" for p in data["noise"]), re.IGNORECASE)
        self.footer = re.compile("|".join(f"(?:{p})" for p in data["footer"]), re.IGNORECASE)
        self.min_repeat = int(data["min_repeat_chars"])


def normalise(raw: str) -> str:
    text = unicodedata.normalize("NFC", raw).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u200b", "").replace("\ufeff", "")
    return _SPACES.sub(" ", text)


@register
class Cleaner:
    name: ClassVar[str] = "netral.clean.v1"
    requires: ClassVar[tuple[str, ...]] = ("raw",)
    assigns: ClassVar[tuple[str, ...]] = ("text", "lowered", "removed_lines", "teasers", "dateline")

    def __init__(self) -> None:
        self.rules = _Rules()

    def __call__(self, doc: Doc) -> Doc:
        rules = self.rules
        lines = [line.strip() for line in normalise(doc.raw).split("\n")]
        total = sum(len(line) + 1 for line in lines)
        kept: list[str] = []
        seen: set[str] = set()
        offset = 0
        for index, line in enumerate(lines):
            offset += len(line) + 1
            if not line:
                continue
            head = line[:12].lower()
            if offset > total / 2 and head.startswith(_FOOTER_STARTS) and rules.footer.match(line):
                doc.removed_lines.extend(x for x in lines[index:] if x)
                break
            teaser = rules.teaser.match(line) if head.startswith(_TEASER_STARTS) else None
            if teaser:
                doc.removed_lines.append(line)
                if teaser.group(1).strip():
                    doc.teasers.append(teaser.group(1).strip())
                continue
            if len(line) < _NOISE_MAX and rules.noise.match(line):
                doc.removed_lines.append(line)
                continue
            key = " ".join(line.casefold().split())
            if len(key) >= rules.min_repeat and key in seen:
                doc.removed_lines.append(line)
                continue
            seen.add(key)
            kept.append(line)
        text = "\n".join(kept)
        if "http" in text or "www." in text:
            text = "\n".join(line for line in (_URL.sub("", x).strip() for x in kept) if line)
        doc.text = text
        doc.lowered = lower_preserving(doc.text)
        doc.dateline = find_dateline(doc.text)
        return doc


def find_dateline(text: str) -> Span | None:
    """The "PLACE, SITE -" head of one of the first lines, if any."""
    start = 0
    for line in text.split("\n")[:6]:
        match = _DATELINE.match(line)
        if match and sum(ch.isalpha() for ch in match.group("head")) >= 3 and match.group("head").count(" ") <= 6:
            return Span(start, start + match.end("head"))
        start += len(line) + 1
    return None
