"""Small text structures the persons component reads with: word-phrase tests on the words before a mention,
merged character intervals, lazily judged headline lines and lazily read tokens."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

WORDS = re.compile(r"[\w'’-]+|,")
_PEOPLE_WORDS = ("orang", "oknum")


def phrases(values: list[str]) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(WORDS.findall(v.lower())) for v in values)


def ends_with(words: list[str], known: frozenset[tuple[str, ...]]) -> bool:
    """Whether the last one, two or three words form one of the `known` phrases."""
    n = len(words)
    return bool(
        (n and (words[-1],) in known)
        or (n > 1 and (words[-2], words[-1]) in known)
        or (n > 2 and (words[-3], words[-2], words[-1]) in known)
    )


def strip_people_words(words: list[str]) -> list[str]:
    """ "dua orang oknum" → "dua": the count or determiner before the filler words."""
    end = len(words)
    while end and words[end - 1] in _PEOPLE_WORDS:
        end -= 1
    return words[:end]


class Headlines:
    """Title Case lines ("Polri Ajak Masyarakat Laporkan Polisi Tak Netral") capitalise every word: no names there.
    Lines are judged lazily, only where a role is mentioned."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.known: dict[int, bool] = {}

    def covers(self, offset: int) -> bool:
        start = self.text.rfind("\n", 0, offset) + 1
        if start not in self.known:
            end = self.text.find("\n", offset)
            if (end if end >= 0 else len(self.text)) - start > 250:
                self.known[start] = False  # a paragraph, not a headline
                return False
            line = self.text[start : end if end >= 0 else len(self.text)].rstrip()
            words = [w for w in line.split() if w[0].isalpha()]
            self.known[start] = (
                not line.endswith((".", "!", "?", '"', "”"))  # body sentences end with punctuation, headlines not
                and 4 <= len(words) <= 25
                and sum(w[0].isupper() for w in words) >= 0.75 * len(words)
            )
        return self.known[start]


class Intervals:
    """Sorted, merged character ranges with fast membership tests."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        self.exact_starts = {s for s, _ in spans}
        for s, e in sorted(spans):
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        self.starts = [s for s, _ in merged]
        self.ends = [e for _, e in merged]

    def covers(self, offset: int) -> bool:
        i = bisect_right(self.starts, offset) - 1
        return i >= 0 and offset < self.ends[i]

    def starts_at(self, offset: int) -> bool:
        return offset in self.exact_starts


class Tokens:
    """Tokens after a position head, read from the regex only as far as the parser looks."""

    def __init__(self, matches: Iterator[re.Match[str]]) -> None:
        self.matches = matches
        self.items: list[tuple[int, int, str]] = []

    def has(self, index: int) -> bool:
        while len(self.items) <= index:
            m = next(self.matches, None)
            if m is None:
                return False
            self.items.append((m.start(), m.end(), m.group()))
        return True

    def __getitem__(self, index: int) -> tuple[int, int, str]:
        return self.items[index]
