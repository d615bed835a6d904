"""netral.persons.v1: people with their positions, ranks, honorifics and degrees, and role mentions.

Indonesian news introduces people by apposition: position head + office/region tail + optional rank or honorific +
name + degrees ("Kepala BIN Daerah Kalsel, Brigjen Pol Nurullah, S.H., M.H."), the reverse ("Makmur, Kepala Desa
Papandangan"), or as the source of a quote ("kata Didin"). Every position or group noun is also kept as a
`RoleMention` with the subject type it implies and whether it points at concrete people ("11 ASN", "oknum kades",
"Camat Carita") rather than at a category ("ASN harus netral"): netral.violations.v1 needs both.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import ClassVar

import ahocorasick

from netral.text import lexicon
from netral.text.gazetteer import fold_lowered
from netral.text.model import Doc, Person, RoleMention
from netral.text.pipeline import register

_TOKEN = re.compile(r"\([^)\n]{0,60}\)|[A-Za-z0-9][\w'’]*(?:[-/][\w'’]+)*\.?|,|[^\s\w]")
_NAME_WORD = r"[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?"
_INITIALS = re.compile(r"\b(?:ber)?inisial\s+(?P<list>[A-Z]{1,4}(?:\s*(?:,|dan|&)\s*[A-Z]{1,4}\b)*)")
_ANCHOR = re.compile(r"\s*(?:\([^)\n]{0,40}\)\s*)?(?:(?:di|dari|asal)\s+(?:lingkungan\s+|lingkup\s+)?)?")
_ACTING = re.compile(r"(?:pj|plt|plh|pelaksana tugas)\.?\s+$")
_TAIL_CONNECTORS = frozenset({"dan", "bidang", "se", "kota", "kabupaten", "provinsi", "kab.", "urusan", "kecamatan", "desa"})
_WORDS = re.compile(r"[\w'’-]+|,")
_CONJUNCTIONS = frozenset({"dan", "serta", "maupun", "atau", ","})
_PEOPLE_WORDS = ("orang", "oknum")


def _phrases(values: list[str]) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(_WORDS.findall(v.lower())) for v in values)


def _ends_with(words: list[str], phrases: frozenset[tuple[str, ...]]) -> bool:
    n = len(words)
    return bool(
        (n and (words[-1],) in phrases)
        or (n > 1 and (words[-2], words[-1]) in phrases)
        or (n > 2 and (words[-3], words[-2], words[-1]) in phrases)
    )


def _strip_people_words(words: list[str]) -> list[str]:
    """ "dua orang oknum" → "dua": the count or determiner before the filler words."""
    end = len(words)
    while end and words[end - 1] in _PEOPLE_WORDS:
        end -= 1
    return words[:end]


class _Headlines:
    """Title Case lines ("Polri Ajak Masyarakat Laporkan Polisi Tak Netral") capitalise every word: no names there.
    Lines are judged lazily, only where a role is mentioned."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.known: dict[int, bool] = {}

    def covers(self, offset: int) -> bool:
        start = self.text.rfind("\n", 0, offset) + 1
        if start not in self.known:
            end = self.text.find("\n", offset)
            words = [w for w in self.text[start : end if end >= 0 else len(self.text)].split() if w[0].isalpha()]
            self.known[start] = 4 <= len(words) <= 25 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)
        return self.known[start]


class _Intervals:
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


def _norm_degree(value: str) -> str:
    return value.replace(".", "").replace(" ", "").casefold()


@dataclass(slots=True)
class _Parsed:
    tail_end: int
    head_end: int = 0
    place: bool = False
    tail_tokens: int = 0
    rank: list[str] = field(default_factory=list)
    honorifics: list[str] = field(default_factory=list)
    name: list[tuple[int, int, str]] = field(default_factory=list)
    degrees: list[str] = field(default_factory=list)
    end: int = 0


class _Lexicon:
    def __init__(self) -> None:
        data = lexicon.load("persons")
        self.positions: dict[str, str] = data["positions"]
        self.place_heads = frozenset(data["place_heads"])
        self.group_nouns = frozenset(data["group_nouns"])
        self.tail_words = frozenset(w.casefold() for w in data["tail_words"])
        self.not_names = frozenset(data["not_names"])
        self.honorifics = frozenset(data["honorifics"])
        self.honorific_names = frozenset(data["honorifics_that_are_names"])
        self.degrees = frozenset(_norm_degree(d) for d in data["degrees"])
        self.max_count = int(data["max_concrete_count"])
        self.organisers = frozenset(data["organiser_words"])
        self.generic_before = _phrases(data["generic_before"])
        ranks: dict[str, list[list[str]]] = {}
        for rank in sorted(data["ranks"], key=lambda r: -len(r.split())):
            words = [w.rstrip(".").casefold() for w in rank.split()]
            ranks.setdefault(words[0], []).append(words)
        self.ranks = ranks
        self.heads = ahocorasick.Automaton()
        for key in self.positions:
            self.heads.add_word(key, key)
        self.heads.make_automaton()
        self.head_words = frozenset(key.split()[0] for key in self.positions)
        self.concrete_before = _phrases(data["concrete_before"])
        self.candidate_before = _phrases(data["candidate_before"])
        self.relation_before = _phrases(data["relation_words"])
        self.speech_words = _phrases(data["speech_verbs"])
        verbs = lexicon.words_pattern(data["speech_verbs"])
        self.speech_after = re.compile(rf"[\s,]*(?:\([^)]*\)\s*)?{verbs}\b", re.I)
        self.speech_name = re.compile(rf"(?<![\w])(?:kata|ujar|ucap|jelas|ungkap|tegas|terang|tutur|imbuh|tambah|harap|pungkas|tandas|lanjut)\s+(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})\s*(?:[,.]|$)")
        self.reverse = re.compile(rf"(?:^|[\n.;:–—\"“”]\s*|-\s+)(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})\s*,\s*$")

    def rank_at(self, tokens: list[tuple[int, int, str]], i: int) -> int:
        """Number of tokens of the longest rank starting at token i (0 if none)."""
        first = tokens[i][2].rstrip(".").casefold()
        for words in self.ranks.get(first, []):
            if len(words) <= len(tokens) - i and all(
                tokens[i + k][2].rstrip(".").casefold() == w for k, w in enumerate(words)
            ):
                return len(words)
        return 0


@register
class PersonFinder:
    name: ClassVar[str] = "netral.persons.v1"
    requires: ClassVar[tuple[str, ...]] = ("text", "lowered", "region_mentions", "organisations")
    assigns: ClassVar[tuple[str, ...]] = ("persons", "roles", "initials")

    def __init__(self) -> None:
        self.lex = _Lexicon()

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        covered = _Intervals([(r.start, r.end) for r in doc.region_mentions] + [(o.start, o.end) for o in doc.organisations])
        headlines = _Headlines(text)
        persons: list[Person] = []
        by_name: dict[str, int] = {}
        roles: list[RoleMention] = []
        for start, end, head in self._heads(doc):
            subject_type = self.lex.positions[head]
            before = _WORDS.findall(doc.lowered[max(0, start - 30) : start])
            if self._candidate(before) or self._relation(before):
                subject_type = ""
            headline = headlines.covers(start)
            group = head in self.lex.group_nouns
            parsed = (
                _Parsed(end, end) if headline or group else self._parse(text, end, head in self.lex.place_heads, covered)
            )
            if any(w in self.lex.organisers for w in text[end : parsed.tail_end].replace(",", " ").split()):
                subject_type = ""  # an organiser's or supervisor's office, e.g. "Kepala Bagian ... Bawaslu Kalsel"
            person_index = None
            if not (headline or group):
                person_index = self._person(text, start, parsed, subject_type, persons, by_name)
            generic = _ends_with(_strip_people_words(before), self.lex.generic_before)
            concrete = not generic and (
                person_index is not None
                or parsed.place
                or self._anchored(text, parsed.head_end, covered)
                or self._concrete_before(before)
            )
            speaker = person_index is not None and self._speaks(text, start, parsed)
            roles.append(RoleMention(start, max(parsed.tail_end, end), head, subject_type, concrete, person_index, speaker))
        for m in self.lex.speech_name.finditer(text):
            words = m.group("name").split()
            # "terang Azhar Ketua Bawaslu": the name stops where an office begins.
            cut = next((k for k, w in enumerate(words) if w.lower() in self.lex.head_words or w.casefold() in self.lex.tail_words), len(words))
            if cut and words[0] not in self.lex.not_names:
                name = " ".join(words[:cut])
                index = self._add(persons, by_name, Person(m.start("name"), m.start("name") + len(name), name))
                persons[index].speaker = True
        doc.initials = [
            (m.start("list"), code)
            for m in _INITIALS.finditer(text)
            for code in re.split(r"\s*(?:,|dan|&)\s*", m.group("list"))
        ]
        doc.persons, doc.roles = persons, roles
        return doc

    def _heads(self, doc: Doc) -> list[tuple[int, int, str]]:
        """Position heads at word boundaries, longest first where they overlap; "Pj"/"Plt" joins the head."""
        folded = fold_lowered(doc.lowered)
        n = len(folded)
        found = []
        for last, key in self.lex.heads.iter(folded):
            start, end = last - len(key) + 1, last + 1
            if (start == 0 or not folded[start - 1].isalnum()) and (end == n or not folded[end].isalnum()):
                found.append((start, end, key))
        found.sort(key=lambda h: (h[0], h[0] - h[1]))
        heads: list[tuple[int, int, str]] = []
        for start, end, key in found:
            if heads and start < heads[-1][1]:
                continue
            acting = _ACTING.search(folded, max(0, start - 20), start)
            heads.append((acting.start() if acting else start, end, key))
        return heads

    def _person(
        self,
        text: str,
        start: int,
        parsed: _Parsed,
        subject_type: str,
        persons: list[Person],
        by_name: dict[str, int],
    ) -> int | None:
        position = " ".join(text[start : parsed.tail_end].split()).rstrip(",")
        if parsed.name:
            person = Person(
                start=parsed.name[0][0],
                end=parsed.end,
                name=" ".join(t for _, _, t in parsed.name),
                position=position,
                rank=" ".join(parsed.rank),
                honorifics=parsed.honorifics,
                degrees=parsed.degrees,
                subject_type=subject_type or None,
            )
        else:
            reverse = self.lex.reverse.search(text, max(0, start - 60), start)
            if not reverse or reverse.group("name").split()[0] in self.lex.not_names:
                return None
            person = Person(
                reverse.start("name"), reverse.end("name"), reverse.group("name"), position, subject_type=subject_type or None
            )
        index = self._add(persons, by_name, person)
        persons[index].speaker = persons[index].speaker or self._speaks(text, start, parsed)
        return index

    def _speaks(self, text: str, start: int, parsed: _Parsed) -> bool:
        """Quoted as a source: "kata Kepala X", "Kepala X Fulan menanggapi ..."."""
        after = parsed.end if parsed.name else parsed.tail_end
        return bool(
            _ends_with(_WORDS.findall(text[max(0, start - 20) : start].lower()), self.lex.speech_words)
            or self.lex.speech_after.match(text, after)
        )

    @staticmethod
    def _anchored(text: str, pos: int, covered: _Intervals) -> bool:
        """A role tied to a named place or body: "ASN Kukar", "ASN di Bengkalis", "camat di lingkup Pemkab X"."""
        m = _ANCHOR.match(text, pos)
        return m is not None and covered.starts_at(m.end())

    def _concrete_before(self, before: list[str]) -> bool:
        if _ends_with(before, self.lex.concrete_before):
            return True
        stripped = _strip_people_words(before)
        if _ends_with(stripped, self.lex.concrete_before):
            return True
        return bool(stripped) and stripped[-1].isdigit() and 1 <= int(stripped[-1]) <= self.lex.max_count

    def _candidate(self, before: list[str]) -> bool:
        """ "calon Bupati", and "calon Gubernur dan Wakil Gubernur": the candidacy carries over a coordination."""
        if _ends_with(before, self.lex.candidate_before):
            return True
        return bool(before) and before[-1] in _CONJUNCTIONS and any(
            _ends_with(before[:-k], self.lex.candidate_before) for k in (2, 3)
        )

    def _relation(self, before: list[str]) -> bool:
        """ "istri Gubernur", "anak dari Kepala Desa": the role is someone else's."""
        trimmed = before[:-1] if before and before[-1] == "dari" else before
        return _ends_with(trimmed, self.lex.relation_before)

    @staticmethod
    def _add(persons: list[Person], by_name: dict[str, int], person: Person) -> int:
        key = person.name.casefold()
        if key in by_name:
            known = persons[by_name[key]]
            known.position = known.position or person.position
            known.rank = known.rank or person.rank
            known.degrees = known.degrees or person.degrees
            known.subject_type = known.subject_type or person.subject_type
            return by_name[key]
        by_name[key] = len(persons)
        persons.append(person)
        return len(persons) - 1

    def _parse(self, text: str, pos: int, place_head: bool, covered: _Intervals) -> _Parsed:
        lex = self.lex
        line_end = text.find("\n", pos)
        limit = min(pos + 160, len(text) if line_end < 0 else line_end)
        tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, pos, limit)]
        parsed = _Parsed(tail_end=pos, head_end=pos)
        after_comma = False
        i = 0
        while i < len(tokens):
            s, e, tok = tokens[i]
            bare = tok.rstrip(".")
            if tok == ",":
                if parsed.name:
                    break
                after_comma = True
                i += 1
                continue
            if tok.startswith("(") or tok in ("/", "-", "–"):
                i += 1
                continue
            if not tok[0].isalnum():
                break
            if covered.covers(s):
                if parsed.name:
                    break
                parsed.place, parsed.tail_tokens, parsed.tail_end = True, parsed.tail_tokens + 1, e
                i += 1
                continue
            n_rank = lex.rank_at(tokens, i)
            if n_rank and not (parsed.name and bare in ("TNI", "Pol")):
                parsed.name, parsed.honorifics = [], []
                parsed.rank = [t for _, _, t in tokens[i : i + n_rank]]
                i += n_rank
                continue
            if tok in lex.honorifics and i + 1 < len(tokens) and tokens[i + 1][2][:1].isupper():
                if tok not in lex.honorific_names or (i + 2 < len(tokens) and tokens[i + 2][2][:1].isupper()):
                    parsed.honorifics.append(tok)
                    i += 1
                    continue
            if tok[0].islower() or tok[0].isdigit():
                if parsed.name:
                    break
                if tok.casefold() in _TAIL_CONNECTORS or (tok[0].isdigit() and not after_comma):
                    parsed.tail_tokens += 1
                    i += 1
                    continue
                break
            if i > 0 and not parsed.name and len(tok) > 3 and bare.lower() in lex.head_words:
                break  # the next role of a list: "Camat Carita, Camat Mandalawangi"
            is_acronym = bare.isupper() and len(bare) >= 2
            if bare.casefold() in lex.tail_words or (is_acronym and not place_head and not after_comma and not parsed.name):
                if parsed.name:
                    break
                parsed.tail_tokens += 1
                parsed.tail_end = e
                i += 1
                continue
            if is_acronym and not (parsed.name or parsed.rank or place_head):
                break  # "Caleg DPR RI, DPD": capitals start a name only as initials of an office holder or after a rank
            if place_head and not parsed.place and not after_comma and not parsed.name and not is_acronym:
                parsed.place, parsed.tail_end = True, e
                i += 1
                continue
            if bare in lex.not_names and not parsed.name:
                break
            if len(parsed.name) >= 5:
                break
            parsed.name.append((s, e, tok if len(bare) == 1 else bare))  # keep the initial's dot: "Katma F. Dirun"
            i += 1
        if parsed.name:
            parsed.end = parsed.name[-1][1]
            parsed.degrees, parsed.end = self._degrees(text, parsed.end)
        return parsed

    def _degrees(self, text: str, pos: int) -> tuple[list[str], int]:
        degrees: list[str] = []
        end = pos
        for m in re.finditer(r"\s*,?\s*([A-Za-z][A-Za-z.]{0,7}\.?)", text[pos : pos + 80]):
            if m.start() != end - pos or _norm_degree(m.group(1)) not in self.lex.degrees:
                break
            degrees.append(m.group(1))
            end = pos + m.end()
        return degrees, end
