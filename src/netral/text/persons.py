"""netral.persons.v1: people with their positions, ranks, honorifics and degrees, and role mentions.

Indonesian news introduces people by apposition: position head + office/region tail + optional rank or honorific +
name + degrees ("Kepala BIN Daerah Kalsel, Brigjen Pol Nurullah, S.H., M.H."), the reverse ("Surya, Kepala Desa
Sukamaju"), or as the source of a quote ("kata Rina"). Every position or group noun is also kept as a
`RoleMention` with the subject type it implies and whether it points at concrete people ("11 ASN", "oknum kades",
"Camat Sukamaju") rather than at a category ("ASN harus netral"): netral.violations.v1 needs both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import ClassVar

import ahocorasick

from netral.text import lexicon
from netral.text.cues import CueIndex
from netral.text.gazetteer import fold_lowered
from netral.text.model import Doc, Person, RoleMention
from netral.text.pipeline import register
from netral.text.spans import WORDS, Headlines, Intervals, Tokens, ends_with, phrases, strip_people_words

_TOKEN = re.compile(r"\([^)\n]{0,60}\)|[A-Za-z0-9][\w'’]*(?:[-/][\w'’]+)*\.?|,|[^\s\w]")
_NAME_WORD = r"[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?"
_INITIALS = re.compile(r"\b(?:ber)?inisial\s+(?P<list>[A-Z]{1,4}(?:\s*(?:,|dan|&)\s*[A-Z]{1,4}\b)*)")
_ANCHOR = re.compile(r"\s*(?:\([^)\n]{0,40}\)\s*)?(?:(?:di|dari|asal)\s+(?:lingkungan\s+|lingkup\s+)?)?")
_ACTING = re.compile(r"(?:pj|plt|plh|pelaksana tugas)\.?\s+$")
_SPEAKER = re.compile(rf"(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})\s*(?:[,.]|$)")
_TAIL_CONNECTORS = frozenset(
    {"dan", "bidang", "se", "kota", "kabupaten", "provinsi", "kab.", "urusan", "kecamatan", "desa"}
)
_RECIPIENT = frozenset({"kepada", "ke"})
_CONJUNCTIONS = frozenset({"dan", "serta", "maupun", "atau", ","})


def _norm_degree(value: str) -> str:
    return value.replace(".", "").replace(" ", "").casefold()


@dataclass(slots=True)
class _Parsed:
    tail_end: int
    head_end: int = 0
    place: bool = False
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
        self.generic_before = phrases(data["generic_before"])
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
        self.concrete_before = phrases(data["concrete_before"])
        self.candidate_before = phrases(data["candidate_before"])
        self.relation_before = phrases(data["relation_words"])
        self.speech_words = phrases(data["speech_verbs"])
        acts = lexicon.words_pattern(data["speech_verbs"] + data["authority_verbs"])
        self.speech_after = re.compile(rf"[\s,]*(?:\([^)]*\)\s*)?{acts}\b", re.I)
        self.forward_words = frozenset(data["forward_words"])
        # "kata Rina", "ujar Hasan": quote attributions name their speaker.
        self.speech = CueIndex({"speech": [rf"{w}\s+" for w in data["attribution_verbs"]]})
        self.reverse = re.compile(
            rf"(?:^|[\n.;:–—\"“”]\s*|-\s+)(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})\s*,\s*$"
        )

    def rank_at(self, tokens: Tokens, i: int) -> int:
        """Number of tokens of the longest rank starting at token i (0 if none)."""
        first = tokens[i][2].rstrip(".").casefold()
        for words in self.ranks.get(first, []):
            if tokens.has(i + len(words) - 1) and all(
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
        covered = Intervals(
            [(r.start, r.end) for r in doc.region_mentions] + [(o.start, o.end) for o in doc.organisations]
        )
        headlines = Headlines(text)
        persons: list[Person] = []
        by_name: dict[str, int] = {}
        roles: list[RoleMention] = []
        for start, end, head in self._heads(doc):
            subject_type = self.lex.positions[head]
            before = WORDS.findall(doc.lowered[max(0, start - 30) : start])
            if self._candidate(before) or self._relation(before) or self._addressee(before):
                subject_type = ""  # a candidate's office, someone's relative, or where a case is sent
            headline = headlines.covers(start)
            group = head in self.lex.group_nouns
            parsed = (
                _Parsed(end, end)
                if headline or group
                else self._parse(text, end, head in self.lex.place_heads, covered)
            )
            if any(w in self.lex.organisers for w in text[end : parsed.tail_end].replace(",", " ").split()):
                subject_type = ""  # an organiser's or supervisor's office, e.g. "Kepala Bagian ... Bawaslu Kalsel"
            person_index = None
            if not (headline or group):
                person_index = self._person(text, start, parsed, subject_type, persons, by_name)
            generic = ends_with(strip_people_words(before), self.lex.generic_before)
            concrete = not generic and (
                person_index is not None
                or parsed.place
                or self._anchored(text, parsed.head_end, covered)
                or self._concrete_before(before)
            )
            speaker = not group and not headline and self._speaks(text, start, parsed)
            roles.append(
                RoleMention(start, max(parsed.tail_end, end), head, subject_type, concrete, person_index, speaker)
            )
        for _, verb_end in self.lex.speech.find(doc.lowered)["speech"]:
            m = _SPEAKER.match(text, verb_end)
            if m is None:
                continue
            words = m.group("name").split()
            # "terang Azhar Ketua Bawaslu": the name stops where an office begins.
            cut = next(
                (
                    k
                    for k, w in enumerate(words)
                    if w.lower() in self.lex.head_words or w.casefold() in self.lex.tail_words
                ),
                len(words),
            )
            if cut and words[0] not in self.lex.not_names:
                name = " ".join(words[:cut])
                index = self._add(persons, by_name, Person(m.start("name"), m.start("name") + len(name), name))
                persons[index].speaker = True
        doc.initials = [
            (m.start("list"), code)
            for m in (_INITIALS.finditer(text) if "inisial" in doc.lowered else ())
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
                reverse.start("name"),
                reverse.end("name"),
                reverse.group("name"),
                position,
                subject_type=subject_type or None,
            )
        index = self._add(persons, by_name, person)
        persons[index].speaker = persons[index].speaker or self._speaks(text, start, parsed)
        return index

    def _speaks(self, text: str, start: int, parsed: _Parsed) -> bool:
        """Quoted as a source or acting on the case: "kata Kepala X", "Kepala X Fulan menanggapi ...",
        "Bupati X menjatuhkan sanksi ..."."""
        after = parsed.end if parsed.name else parsed.tail_end
        return bool(
            ends_with(WORDS.findall(text[max(0, start - 20) : start].lower()), self.lex.speech_words)
            or self.lex.speech_after.match(text, after)
        )

    @staticmethod
    def _anchored(text: str, pos: int, covered: Intervals) -> bool:
        """A role tied to a named place or body: "ASN Kukar", "ASN di Bengkalis", "camat di lingkup Pemkab X"."""
        m = _ANCHOR.match(text, pos)
        return m is not None and covered.starts_at(m.end())

    def _concrete_before(self, before: list[str]) -> bool:
        if ends_with(before, self.lex.concrete_before):
            return True
        stripped = strip_people_words(before)
        if ends_with(stripped, self.lex.concrete_before):
            return True
        return bool(stripped) and stripped[-1].isdigit() and 1 <= int(stripped[-1]) <= self.lex.max_count

    def _candidate(self, before: list[str]) -> bool:
        """ "calon Bupati", and "calon Gubernur dan Wakil Gubernur": the candidacy carries over a coordination."""
        if ends_with(before, self.lex.candidate_before):
            return True
        return (
            bool(before)
            and before[-1] in _CONJUNCTIONS
            and any(ends_with(before[:-k], self.lex.candidate_before) for k in (2, 3))
        )

    def _addressee(self, before: list[str]) -> bool:
        """ "meneruskan hasilnya kepada Bupati": the office the case is sent to."""
        return bool(before) and before[-1] in _RECIPIENT and any(w in self.lex.forward_words for w in before[-6:-1])

    def _relation(self, before: list[str]) -> bool:
        """ "istri Gubernur", "anak dari Kepala Desa": the role is someone else's."""
        trimmed = before[:-1] if before and before[-1] == "dari" else before
        return ends_with(trimmed, self.lex.relation_before)

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

    def _parse(self, text: str, pos: int, place_head: bool, covered: Intervals) -> _Parsed:
        lex = self.lex
        line_end = text.find("\n", pos)
        limit = min(pos + 130, len(text) if line_end < 0 else line_end)
        tokens = Tokens(_TOKEN.finditer(text, pos, limit))
        parsed = _Parsed(tail_end=pos, head_end=pos)
        after_comma = placing = False
        i = 0
        while tokens.has(i):
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
                parsed.place, parsed.tail_end = True, e
                i += 1
                continue
            n_rank = lex.rank_at(tokens, i)
            if n_rank and not (parsed.name and bare in ("TNI", "Pol")):
                parsed.name, parsed.honorifics = [], []
                parsed.rank = [tokens[k][2] for k in range(i, i + n_rank)]
                i += n_rank
                continue
            if self._honorific_at(tokens, i):
                parsed.honorifics.append(tok)
                i += 1
                continue
            if tok[0].islower() or tok[0].isdigit():
                if parsed.name:
                    break
                if tok.casefold() in _TAIL_CONNECTORS or (tok[0].isdigit() and not after_comma):
                    if tok[0].isdigit() and place_head:  # a unit or school number: "Kodim 0908/Bontang", "SMPN 3"
                        parsed.place = placing = True
                        parsed.tail_end = e
                    i += 1
                    continue
                break
            if i > 0 and not parsed.name and len(tok) > 3 and bare.lower() in lex.head_words:
                break  # the next role of a list: "Camat Sukamaju, Camat Sukamulya"
            is_acronym = bare.isupper() and len(bare) >= 2
            if is_acronym and place_head and not parsed.name and tokens.has(i + 1) and tokens[i + 1][2][0].isdigit():
                parsed.place, parsed.tail_end, placing = True, e, True  # "Kepala Sekolah SMPN 3 Kandangan"
                i += 1
                continue
            if bare.casefold() in lex.tail_words or (
                is_acronym and not place_head and not after_comma and not parsed.name
            ):
                if parsed.name:
                    break
                parsed.tail_end = e
                i += 1
                continue
            if is_acronym and not (parsed.name or parsed.rank or place_head):
                break  # "Caleg DPR RI, DPD": capitals start a name only as initials of an office holder or after a rank
            if (
                place_head
                and not (after_comma or parsed.name or parsed.rank or is_acronym)
                and (not parsed.place or placing)
            ):
                # An unresolved place name runs to the comma: "Kepala Desa Sungai Rangas, Fulan".
                parsed.place, parsed.tail_end, placing = True, e, True
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

    def _honorific_at(self, tokens: Tokens, i: int) -> bool:
        """ "H. Slamet": an honorific before a capitalised word; "Andi" only before a further name word."""
        tok = tokens[i][2]
        if tok not in self.lex.honorifics or not (tokens.has(i + 1) and tokens[i + 1][2][:1].isupper()):
            return False
        return tok not in self.lex.honorific_names or (tokens.has(i + 2) and tokens[i + 2][2][:1].isupper())

    def _degrees(self, text: str, pos: int) -> tuple[list[str], int]:
        degrees: list[str] = []
        end = pos
        for m in re.finditer(r"\s*,?\s*([A-Za-z][A-Za-z.]{0,7}\.?)", text[pos : pos + 80]):
            if m.start() != end - pos or _norm_degree(m.group(1)) not in self.lex.degrees:
                break
            degrees.append(m.group(1))
            end = pos + m.end()
        return degrees, end
