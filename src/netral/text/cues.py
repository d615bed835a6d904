"""Named sets of cue regexes, found in one Aho-Corasick pass over a document.

Scanning a text with a long regex alternation costs ~30 µs per KB and per set; with a dozen sets that is most of
the pipeline's time. Instead each cue's leading literal ("mengajak" in 'mengajak (?:\\w+ ){0,3}memilih') goes into
one automaton; only where an anchor occurs at a word start is the cue's regex tried (`match` at that offset).
Cues without a literal start of three characters or more fall back to a plain regex scan.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping, Sequence

import ahocorasick

from netral.text.model import Span

_LITERAL = re.compile(r"[A-Za-z0-9 '’-]*")


def lower_preserving(text: str) -> str:
    """Lower-cased text with the same length (so offsets still index the original)."""
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(c.lower()[:1] or c for c in text)
    return lowered


def compile_any(patterns: Sequence[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


def sentence_of(starts: Sequence[int], offset: int) -> int:
    return max(0, bisect_right(starts, offset) - 1)


def starts_of(spans: Sequence[Span]) -> list[int]:
    return [s.start for s in spans]


def _anchor(pattern: str) -> str | None:
    """The literal text every match starts with, if it is long enough to be selective."""
    body = pattern.removeprefix(r"\b")
    if _has_top_level_bar(body):
        return None
    literal = _LITERAL.match(body)
    prefix = literal.group() if literal else ""
    rest = body[len(prefix) :]
    if rest[:1] in ("?", "*", "{"):  # the last literal character is optional
        prefix = prefix[:-1]
    return prefix if len(prefix.strip()) >= 3 else None


def _expand(body: str, depth: int = 0) -> list[str]:
    """Spell out a leading group of literal alternatives so each variant gets an anchor:
    "(?:di|me)?limpahkan" → "dilimpahkan", "melimpahkan", "limpahkan"."""
    literal = _LITERAL.match(body)
    prefix = literal.group() if literal else ""
    rest = body[len(prefix) :]
    if depth > 3 or not rest.startswith("(?:") or (len(prefix.strip()) >= 3 and rest[:1] not in "?*{"):
        return [body]
    close = _closing(rest)
    if close < 0:
        return [body]
    parts = _split_bars(rest[3:close])
    after = rest[close + 1 :]
    optional = after.startswith("?")
    after = after[1:] if optional else after
    if after[:1] in ("*", "+", "{") or not all(_LITERAL.fullmatch(p) for p in parts):
        return [body]
    return [v for part in [*parts, *([""] if optional else [])] for v in _expand(prefix + part + after, depth + 1)]


def _closing(pattern: str) -> int:
    depth, escaped = 0, False
    for i, ch in enumerate(pattern):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i
    return -1


def _split_bars(pattern: str) -> list[str]:
    parts, depth, current, escaped = [], 0, "", False
    for ch in pattern:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(current)
            current = ""
            continue
        current += ch
    return [*parts, current]


def _has_top_level_bar(pattern: str) -> bool:
    depth, escaped = 0, False
    for ch in pattern:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "|" and depth == 0:
            return True
    return False


class CueIndex:
    """Cue sets by name; `find(lowered)` → set name → (start, end) of every cue occurrence, in text order."""

    def __init__(self, sets: Mapping[str, Sequence[str]]) -> None:
        self.names = list(sets)
        self.automaton = ahocorasick.Automaton()
        anchored: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
        fallback: dict[str, list[str]] = {}
        for name, patterns in sets.items():
            for pattern in (v for p in patterns for v in _expand(p.removeprefix(r"\b"))):
                anchor = _anchor(pattern)
                if anchor is None:
                    fallback.setdefault(name, []).append(pattern)
                else:
                    anchored.setdefault(anchor, []).append((name, re.compile(pattern)))
        for anchor, cues in anchored.items():
            self.automaton.add_word(anchor, (len(anchor), tuple(cues)))
        self.empty = not anchored
        if anchored:
            self.automaton.make_automaton()
        self.fallback = {name: compile_any(p) for name, p in fallback.items()}

    def find(self, lowered: str) -> dict[str, list[tuple[int, int]]]:
        """Cue occurrences starting at a word start; `lowered` may be any text the cues were written for."""
        found: dict[str, list[tuple[int, int]]] = {name: [] for name in self.names}
        if not self.empty:
            for last, (length, cues) in self.automaton.iter(lowered):
                start = last - length + 1
                if start and lowered[start - 1].isalnum():
                    continue
                for name, pattern in cues:
                    m = pattern.match(lowered, start)
                    if m:
                        found[name].append((start, m.end()))
        for name, pattern in self.fallback.items():
            found[name].extend(m.span() for m in pattern.finditer(lowered))
        for hits in found.values():
            hits.sort()
        return found

    def sentences(self, lowered: str, starts: Sequence[int]) -> dict[str, list[int]]:
        """Set name → indexes of the sentences with a cue of that set, in text order, without repeats."""
        result: dict[str, list[int]] = {}
        for name, hits in self.find(lowered).items():
            indexes = result[name] = []
            for start, _ in hits:
                i = sentence_of(starts, start)
                if not indexes or indexes[-1] != i:
                    indexes.append(i)
        return result


_TOKEN_STOP = frozenset(" \t\n()[]{}\"“”'‘’,;:")


def tokens_around(text: str, char: str, max_len: int = 60) -> list[tuple[int, int]]:
    """Spans of the whitespace/bracket-delimited tokens that contain `char` right after a digit.

    Numbers with slashes ("13/11/2023", "800/254/IV.1/BKD") are rare in a text; finding the slashes with
    `str.find` and reading the token around each is far cheaper than scanning the text with a regex."""
    spans: list[tuple[int, int]] = []
    i = text.find(char)
    while i >= 0:
        if i and text[i - 1].isdigit() and not (spans and spans[-1][0] <= i < spans[-1][1]):
            start, end = i, i
            while start > 0 and i - start < max_len and text[start - 1] not in _TOKEN_STOP:
                start -= 1
            while end < len(text) and end - i < max_len and text[end] not in _TOKEN_STOP:
                end += 1
            spans.append((start, end))
        i = text.find(char, i + 1)
    return spans
