"""netral.sentences.v1: split the body into sentences without breaking "Kab. Barito Kuala" or "S.H., M.H.".

A full stop ends a sentence unless the word before it is a known abbreviation, an initial, or part of a dotted
title ("S.Sos."), or the next word starts in lower case. Line breaks always end a sentence.
"""

from __future__ import annotations

import re
from typing import ClassVar

from netral.text import lexicon
from netral.text.model import Doc, Span
from netral.text.pipeline import register

_BOUNDARY = re.compile(r"[.!?]+[\"”’')]*(?=\s)|\n")
_WORD_BEFORE = re.compile(r"(\S+)$")


def split(text: str, abbreviations: frozenset[str]) -> list[Span]:
    spans: list[Span] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        if match.group() != "\n":
            after = text[end : end + 3].lstrip()
            if after and not (after[0].isupper() or after[0].isdigit() or after[0] in "\"“'("):
                continue
            before = _WORD_BEFORE.search(text, max(0, match.start() - 30), match.start())
            word = before.group(1).lower().lstrip('("“') if before else ""
            if word in abbreviations or (len(word) == 1 and word.isalpha()) or "." in word:
                continue
        _append(text, start, end, spans)
        start = end
    _append(text, start, len(text), spans)
    return spans


def _append(text: str, start: int, end: int, spans: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(Span(start, end))


@register
class SentenceSplitter:
    name: ClassVar[str] = "netral.sentences.v1"
    requires: ClassVar[tuple[str, ...]] = ("text",)
    assigns: ClassVar[tuple[str, ...]] = ("sentences",)

    def __init__(self) -> None:
        self.abbreviations = frozenset(lexicon.load("persons")["abbreviations"])

    def __call__(self, doc: Doc) -> Doc:
        doc.sentences = split(doc.text, self.abbreviations)
        return doc
